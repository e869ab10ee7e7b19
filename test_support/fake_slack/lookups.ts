// Shared look-ups with Slack's visibility rules: a private channel the caller is not in does not
// exist for them (channel_not_found), a public one exists but may refuse reads (not_in_channel).
import { type Ctx, fail, need } from "./method_types.ts";
import type { FakeChannel, FakeMessage, FakeUser } from "./state.ts";

export function channelFor(ctx: Ctx, key = "channel"): FakeChannel {
  const id = need(ctx.args, key);
  const ch = ctx.state.channels.get(id);
  if (!ch) fail("channel_not_found");
  if (ch.is_private && !ch.members.includes(ctx.token.user_id)) fail("channel_not_found");
  return ch;
}

/**
 * chat.postMessage to a user id: Slack opens (or reuses) the app's direct message with that
 * person and posts there; chat:write is enough.
 */
export function channelOrDirectMessage(ctx: Ctx, key = "channel"): FakeChannel {
  const id = need(ctx.args, key);
  const user = id.startsWith("U") || id.startsWith("W") ? ctx.state.users.get(id) : undefined;
  if (!user) return channelFor(ctx, key);
  const imId = `D${id.slice(1)}`;
  let im = ctx.state.channels.get(imId);
  if (!im) {
    im = {
      id: imId,
      name: imId,
      is_private: true,
      is_archived: false,
      is_im: true,
      created: Math.floor(Date.now() / 1000),
      creator: ctx.token.user_id,
      members: [ctx.token.user_id, id],
    };
    ctx.state.channels.set(imId, im);
  }
  return im;
}

export function isMember(ctx: Ctx, ch: FakeChannel): boolean {
  return ch.members.includes(ctx.token.user_id);
}

/** Reading history needs membership for bot tokens (user tokens read public channels freely). */
export function requireReadable(ctx: Ctx, ch: FakeChannel): void {
  if (ctx.token.kind === "bot" && !isMember(ctx, ch)) fail("not_in_channel");
}

/** The scope a channel call needs: channels:* for public, groups:* for private channels. */
export function channelScope(kind: "history" | "read") {
  return (ctx: Ctx): string => {
    const id = ctx.args["channel"];
    const ch = typeof id === "string" ? ctx.state.channels.get(id) : undefined;
    return `${ch?.is_private ? "groups" : "channels"}:${kind}`;
  };
}

export function userFor(ctx: Ctx, key = "user"): FakeUser {
  const id = need(ctx.args, key);
  const u = ctx.state.users.get(id);
  if (!u) fail("user_not_found");
  return u;
}

export function findMessage(ctx: Ctx, channel: string, ts: string): FakeMessage | undefined {
  return ctx.state.messages.find((m) => m.channel === channel && m.ts === ts);
}

/** The public JSON shape of a stored message (drops internal fields, copies arrays). */
export function messageJson(m: FakeMessage): Record<string, unknown> {
  const out: Record<string, unknown> = { ...m };
  delete out.channel;
  if (m.reply_users) out.reply_users = [...m.reply_users];
  return out;
}

export function channelJson(ctx: Ctx, ch: FakeChannel): Record<string, unknown> {
  return {
    id: ch.id,
    name: ch.name,
    is_channel: !ch.is_private && !ch.is_im,
    is_group: false,
    is_im: ch.is_im,
    is_private: ch.is_private,
    is_archived: ch.is_archived,
    is_general: ch.name === "general",
    is_member: isMember(ctx, ch),
    created: ch.created,
    creator: ch.creator,
    name_normalized: ch.name,
    num_members: ch.members.length,
    context_team_id: ctx.state.team.id,
  };
}
