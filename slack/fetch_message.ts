// Reads one message back in full (blocks, attachments, files), for the guard when the event's
// text is not the whole story and for Revoke, which must find the secret again because it was
// never stored. A top-level message: conversations.history with latest=ts, inclusive, limit 1.
// A thread reply: conversations.replies on the thread, narrowed to that ts.
import type { MessageLike } from "./message_text.ts";
import type { SlackCall } from "./slack_call.ts";

export interface FetchedMessage extends MessageLike {
  ts: string;
  user?: string;
  thread_ts?: string;
  edited?: { user?: string; ts?: string };
  subtype?: string;
}

export type FetchResult =
  | { found: true; message: FetchedMessage }
  | { found: false; reason: "gone" | "error"; code?: string };

const GONE_CODES = new Set(["message_not_found", "thread_not_found", "channel_not_found"]);

export async function fetchMessage(
  call: SlackCall,
  channel: string,
  ts: string,
  threadTs?: string,
): Promise<FetchResult> {
  const isReply = threadTs !== undefined && threadTs !== "" && threadTs !== ts;
  const reply = isReply
    ? await call("conversations.replies", {
      channel,
      ts: threadTs,
      oldest: ts,
      latest: ts,
      inclusive: true,
      limit: 1,
    })
    : await call("conversations.history", { channel, latest: ts, inclusive: true, limit: 1 });
  if (reply.ok === false) {
    const code = String(reply.error ?? "unknown_error");
    return { found: false, reason: GONE_CODES.has(code) ? "gone" : "error", code };
  }
  const messages = Array.isArray(reply.messages) ? reply.messages as FetchedMessage[] : [];
  const message = messages.find((m) => m && m.ts === ts);
  // A deleted message leaves nothing at its ts (or a tombstone without content).
  if (!message || message.subtype === "tombstone") return { found: false, reason: "gone" };
  return { found: true, message };
}
