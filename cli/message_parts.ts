// The text of an exported message, by field, so a report can say where a secret sat. The pieces
// come from slack/message_text.ts, the same extraction the Slack app uses on live messages, so the
// offline scan of an export and the app's sweep see the same text.
import { messageTextParts } from "../slack/message_text.ts";

export interface MessagePart {
  field: "text" | "blocks" | "attachments" | "files";
  text: string;
  /** Slack mrkdwn (text, attachments) or already-plain text (rich text, file names). */
  mrkdwn: boolean;
}

export function messageParts(message: Record<string, unknown>): MessagePart[] {
  const parts: MessagePart[] = [];
  const add = (field: MessagePart["field"], pieces: string[], mrkdwn: boolean) => {
    if (pieces.length > 0) parts.push({ field, text: pieces.join("\n"), mrkdwn });
  };
  if (typeof message.text === "string" && message.text) {
    parts.push({ field: "text", text: message.text, mrkdwn: true });
  }
  const blocks = Array.isArray(message.blocks) ? message.blocks : undefined;
  const attachments = Array.isArray(message.attachments) ? message.attachments : undefined;
  const files = Array.isArray(message.files) ? message.files : undefined;
  if (blocks) add("blocks", messageTextParts({ blocks }), false);
  if (attachments) add("attachments", messageTextParts({ attachments }), true);
  if (files) add("files", messageTextParts({ files }), false);
  return parts;
}
