// Incoming webhooks (POST /services/T…/B…/<secret>), answering as Slack does: a live hook
// rejects an empty or broken payload with HTTP 400 (`no_text`, `invalid_payload`) without
// posting, which is what lets a verifier tell live from dead; dead hooks answer 403/404/410.
import type { FakeState, WebhookStatus } from "./state.ts";
import { storeMessage } from "./methods_chat.ts";

const DEAD: Record<Exclude<WebhookStatus, "live">, [number, string]> = {
  revoked: [403, "invalid_token"],
  removed: [404, "no_service"],
  archived: [410, "channel_is_archived"],
  team_disabled: [410, "team_disabled"],
};

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { "content-type": "text/html" } });
}

function parsePayload(raw: string, contentType: string): { ok: true; value: unknown } | {
  ok: false;
} {
  let src = raw;
  if (contentType.includes("application/x-www-form-urlencoded")) {
    src = new URLSearchParams(raw).get("payload") ?? "";
  }
  if (src.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(src) };
  } catch {
    return { ok: false };
  }
}

/** Handles one webhook request; `path` is what follows /services/. */
export function handleWebhook(
  state: FakeState,
  path: string,
  raw: string,
  contentType: string,
): Response {
  const hook = state.webhooks.get(path);
  if (!hook) return text(404, "no_service");
  if (hook.status !== "live") {
    const [status, body] = DEAD[hook.status];
    return text(status, body);
  }
  const parsed = parsePayload(raw, contentType);
  if (!parsed.ok || typeof parsed.value !== "object" || parsed.value === null) {
    return text(400, "invalid_payload");
  }
  const p = parsed.value as Record<string, unknown>;
  const hasBlocks = Array.isArray(p.blocks) && p.blocks.length > 0;
  const hasAttachments = Array.isArray(p.attachments) && p.attachments.length > 0;
  if ((typeof p.text !== "string" || p.text === "") && !hasBlocks && !hasAttachments) {
    return text(400, "no_text");
  }
  const channel = state.channels.get(hook.channel);
  if (!channel) return text(404, "channel_not_found");
  if (channel.is_archived) return text(410, "channel_is_archived");
  storeMessage(state, channel.id, {
    user: state.bot_user_id,
    bot_id: state.bot_id,
    subtype: "bot_message",
    text: typeof p.text === "string" ? p.text : "",
    blocks: hasBlocks ? p.blocks as unknown[] : undefined,
    attachments: hasAttachments ? p.attachments as unknown[] : undefined,
  });
  state.webhookPosts.push({ path, payload: p });
  return text(200, "ok");
}
