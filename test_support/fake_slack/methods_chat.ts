// chat.*: posting, ephemeral warnings, in-place alert updates, deletion and permalinks.
import { type Ctx, fail, json, type MethodSpec, need, str } from "./method_types.ts";
import {
  channelFor,
  channelOrDirectMessage,
  findMessage,
  isMember,
  messageJson,
} from "./lookups.ts";
import { type FakeChannel, type FakeMessage, nextTs } from "./state.ts";

function content(ctx: Ctx) {
  const text = str(ctx.args, "text");
  const blocks = json<unknown[]>(ctx.args, "blocks");
  const attachments = json<unknown[]>(ctx.args, "attachments");
  if (blocks !== undefined && !Array.isArray(blocks)) fail("invalid_blocks");
  if (attachments !== undefined && !Array.isArray(attachments)) fail("invalid_attachments");
  if (text === undefined && !blocks?.length && !attachments?.length) fail("no_text");
  return { text: text ?? "", blocks, attachments };
}

function writable(ctx: Ctx, ch: FakeChannel): void {
  if (ch.is_archived) fail("is_archived");
  const canPublic = ctx.token.kind === "bot" && ctx.token.scopes.includes("chat:write.public");
  if (!isMember(ctx, ch) && !(canPublic && !ch.is_private)) fail("not_in_channel");
}

/** Adds a message to the store, wiring thread metadata like Slack does. */
export function storeMessage(
  state: Ctx["state"],
  channel: string,
  m: Omit<FakeMessage, "type" | "channel" | "ts"> & { ts?: string },
): FakeMessage {
  const msg: FakeMessage = { type: "message", channel, ...m, ts: m.ts ?? nextTs(state) };
  if (msg.thread_ts) {
    const parent = state.messages.find((p) => p.channel === channel && p.ts === msg.thread_ts);
    if (!parent) fail("thread_not_found");
    if (parent.thread_ts && parent.thread_ts !== parent.ts) fail("thread_not_found");
    parent.thread_ts = parent.ts;
    parent.reply_count = (parent.reply_count ?? 0) + 1;
    const who = msg.user ?? msg.bot_id ?? "";
    parent.reply_users = [...new Set([...(parent.reply_users ?? []), who])];
    parent.latest_reply = msg.ts;
    msg.parent_user_id = parent.user;
  }
  state.messages.push(msg);
  return msg;
}

function senderFields(ctx: Ctx): Pick<FakeMessage, "user" | "bot_id" | "app_id"> {
  return ctx.token.kind === "bot"
    ? { user: ctx.token.user_id, bot_id: ctx.token.bot_id, app_id: ctx.token.app_id }
    : { user: ctx.token.user_id };
}

function ownMessage(ctx: Ctx, action: "update" | "delete"): FakeMessage {
  const ch = channelFor(ctx);
  const ts = need(ctx.args, "ts");
  const msg = findMessage(ctx, ch.id, ts);
  if (!msg) fail("message_not_found");
  if (msg.user !== ctx.token.user_id) {
    const user = ctx.state.users.get(ctx.token.user_id);
    const admin = ctx.token.kind === "user" && (user?.is_admin || user?.is_owner);
    if (!admin) fail(action === "update" ? "cant_update_message" : "cant_delete_message");
  }
  if (ch.is_archived) fail("is_archived");
  return msg;
}

export const chatMethods: Record<string, MethodSpec> = {
  "chat.postMessage": {
    scope: "chat:write",
    handler(ctx) {
      const ch = channelOrDirectMessage(ctx);
      writable(ctx, ch);
      const body = content(ctx);
      const msg = storeMessage(ctx.state, ch.id, {
        ...senderFields(ctx),
        ...body,
        thread_ts: str(ctx.args, "thread_ts"),
        metadata: json(ctx.args, "metadata"),
      });
      return { channel: ch.id, ts: msg.ts, message: messageJson(msg) };
    },
  },
  "chat.postEphemeral": {
    scope: "chat:write",
    handler(ctx) {
      const ch = channelFor(ctx);
      writable(ctx, ch);
      const user = ctx.state.users.get(need(ctx.args, "user"));
      if (!user) fail("user_not_found");
      if (!ch.members.includes(user.id)) fail("user_not_in_channel");
      const body = content(ctx);
      const message_ts = nextTs(ctx.state);
      ctx.state.ephemerals.push({
        channel: ch.id,
        user: user.id,
        message_ts,
        thread_ts: str(ctx.args, "thread_ts"),
        sender: ctx.token.user_id,
        ...body,
      });
      return { message_ts };
    },
  },
  "chat.update": {
    scope: "chat:write",
    handler(ctx) {
      const msg = ownMessage(ctx, "update");
      const text = str(ctx.args, "text");
      const blocks = json<unknown[]>(ctx.args, "blocks");
      const attachments = json<unknown[]>(ctx.args, "attachments");
      if (text === undefined && blocks === undefined && attachments === undefined) fail("no_text");
      if (text !== undefined) msg.text = text;
      if (blocks !== undefined) msg.blocks = blocks;
      if (attachments !== undefined) msg.attachments = attachments;
      msg.edited = { user: ctx.token.user_id, ts: String(Math.floor(Date.now() / 1000)) };
      return { channel: msg.channel, ts: msg.ts, text: msg.text, message: messageJson(msg) };
    },
  },
  "chat.delete": {
    scope: "chat:write",
    handler(ctx) {
      const msg = ownMessage(ctx, "delete");
      const msgs = ctx.state.messages;
      msgs.splice(msgs.indexOf(msg), 1);
      if (msg.thread_ts && msg.thread_ts !== msg.ts) {
        const parent = findMessage(ctx, msg.channel, msg.thread_ts);
        if (parent?.reply_count) parent.reply_count -= 1;
      }
      return { channel: msg.channel, ts: msg.ts };
    },
  },
  "chat.getPermalink": {
    handler(ctx) {
      const ch = channelFor(ctx);
      const ts = need(ctx.args, "message_ts");
      const msg = findMessage(ctx, ch.id, ts);
      if (!msg) fail("message_not_found");
      let permalink = `https://${ctx.state.team.domain}.slack.com/archives/${ch.id}/p${
        ts.replace(".", "")
      }`;
      if (msg.thread_ts && msg.thread_ts !== msg.ts) {
        permalink += `?thread_ts=${msg.thread_ts}&cid=${ch.id}`;
      }
      return { channel: ch.id, permalink };
    },
  },
};
