// Answers the person who ran a workflow: privately in the channel they clicked in, or, when the
// app cannot post there (not a member, a DM, no channel at all), in a direct message from the app.
import type { Budget } from "./budget.ts";
import { callSlack, type SlackClientLike, type SlackFailure } from "./client.ts";

export interface PersonalMessage {
  user_id: string;
  channel_id?: string;
  /** Notification and fallback text. */
  text: string;
  // deno-lint-ignore no-explicit-any
  blocks?: any[];
}

export type Delivery =
  | { ok: true; via: "ephemeral" | "direct_message"; channel: string }
  | { ok: false; failure: SlackFailure };

/** Codes after which a DM is worth trying: the channel is out of the app's reach, not Slack down. */
const TRY_DM_AFTER = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "user_not_in_channel",
  "restricted_action",
  "restricted_action_read_only_channel",
  "restricted_action_thread_only_channel",
  "restricted_action_non_threadable_channel",
]);

export async function tellPerson(
  client: SlackClientLike,
  message: PersonalMessage,
  budget: Budget,
): Promise<Delivery> {
  const { user_id, channel_id, text, blocks } = message;
  if (channel_id) {
    const r = await callSlack(client, "chat.postEphemeral", {
      channel: channel_id,
      user: user_id,
      text,
      blocks,
    }, { budget });
    if (r.ok) return { ok: true, via: "ephemeral", channel: channel_id };
    if (!TRY_DM_AFTER.has(r.error)) return { ok: false, failure: r };
  }
  // Posting to a user id opens (or reuses) the app's DM with them; chat:write is enough.
  const dm = await callSlack<{ channel: string }>(client, "chat.postMessage", {
    channel: user_id,
    text,
    blocks,
  }, { budget });
  return dm.ok
    ? { ok: true, via: "direct_message", channel: dm.channel }
    : { ok: false, failure: dm };
}
