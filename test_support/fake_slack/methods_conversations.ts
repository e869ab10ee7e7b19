// conversations.*, users.info and usergroups.users.list: reading channels, threads and people.
import {
  bool,
  type Ctx,
  decodeCursor,
  encodeCursor,
  fail,
  type MethodSpec,
  need,
  num,
  pageByOffset,
  str,
} from "./method_types.ts";
import {
  channelFor,
  channelJson,
  channelScope,
  findMessage,
  messageJson,
  requireReadable,
  userFor,
} from "./lookups.ts";
import { type FakeMessage, tsToMicros } from "./state.ts";

const isTopLevel = (m: FakeMessage) => !m.thread_ts || m.thread_ts === m.ts;

/** Slack's `latest`/`oldest` window: exclusive ends unless `inclusive`. */
function inWindow(ctx: Ctx): (m: FakeMessage) => boolean {
  const latest = str(ctx.args, "latest");
  const oldest = str(ctx.args, "oldest");
  const inclusive = bool(ctx.args, "inclusive");
  const hi = latest === undefined ? Infinity : tsToMicros(latest);
  const lo = oldest === undefined ? -Infinity : tsToMicros(oldest);
  return (m) => {
    const t = tsToMicros(m.ts);
    return inclusive ? t <= hi && t >= lo : t < hi && t > lo;
  };
}

function limitOf(ctx: Ctx, def: number, max: number): number {
  const n = num(ctx.args, "limit") ?? def;
  return Math.max(1, Math.min(n <= 0 ? def : n, max));
}

export const conversationMethods: Record<string, MethodSpec> = {
  "conversations.history": {
    scope: channelScope("history"),
    handler(ctx) {
      const ch = channelFor(ctx);
      requireReadable(ctx, ch);
      const limit = limitOf(ctx, 100, ctx.state.limits.historyMaxLimit);
      const window = inWindow(ctx);
      let all = ctx.state.messages
        .filter((m) => m.channel === ch.id && isTopLevel(m) && window(m))
        .sort((a, b) => tsToMicros(b.ts) - tsToMicros(a.ts));
      const from = decodeCursor("next_ts", str(ctx.args, "cursor"));
      if (from !== undefined) {
        if (!/^\d+\.\d+$/.test(from)) fail("invalid_cursor");
        all = all.filter((m) => tsToMicros(m.ts) <= tsToMicros(from));
      }
      const page = all.slice(0, limit);
      const has_more = all.length > limit;
      return {
        messages: page.map(messageJson),
        has_more,
        pin_count: 0,
        channel_actions_count: 0,
        channel_actions_ts: null,
        response_metadata: { next_cursor: has_more ? encodeCursor("next_ts", all[limit].ts) : "" },
      };
    },
  },
  "conversations.replies": {
    scope: channelScope("history"),
    handler(ctx) {
      const ch = channelFor(ctx);
      requireReadable(ctx, ch);
      const ts = need(ctx.args, "ts");
      const hit = findMessage(ctx, ch.id, ts);
      if (!hit) fail("thread_not_found");
      const parentTs = hit.thread_ts ?? hit.ts;
      const parent = findMessage(ctx, ch.id, parentTs) ?? hit;
      const window = inWindow(ctx);
      const replies = ctx.state.messages
        .filter((m) => m.channel === ch.id && m.thread_ts === parentTs && m.ts !== parentTs)
        .filter(window)
        .sort((a, b) => tsToMicros(a.ts) - tsToMicros(b.ts));
      // Like Slack, every page starts with the parent; the limit counts the replies.
      const { page, next_cursor } = pageByOffset(replies, ctx.args, "reply", 1000, 1000);
      return {
        messages: [parent, ...page].map(messageJson),
        has_more: next_cursor !== "",
        response_metadata: { next_cursor },
      };
    },
  },
  "conversations.join": {
    scope: "channels:join",
    handler(ctx) {
      const ch = channelFor(ctx);
      if (ch.is_private || ch.is_im) fail("method_not_supported_for_channel_type");
      if (ch.is_archived) fail("is_archived");
      const already = ch.members.includes(ctx.token.user_id);
      if (!already) ch.members.push(ctx.token.user_id);
      const reply: Record<string, unknown> = { channel: channelJson(ctx, ch) };
      if (already) {
        reply.warning = "already_in_channel";
        reply.response_metadata = { warnings: ["already_in_channel"] };
      }
      return reply;
    },
  },
  "conversations.info": {
    scope: channelScope("read"),
    handler(ctx) {
      return { channel: channelJson(ctx, channelFor(ctx)) };
    },
  },
  "conversations.members": {
    scope: channelScope("read"),
    handler(ctx) {
      const ch = channelFor(ctx);
      const { page, next_cursor } = pageByOffset(ch.members, ctx.args, "member", 100, 1000);
      return { members: page, response_metadata: { next_cursor } };
    },
  },
  "users.info": {
    scope: "users:read",
    handler(ctx) {
      const u = userFor(ctx);
      return {
        user: {
          id: u.id,
          team_id: u.team_id,
          name: u.name,
          real_name: u.real_name,
          deleted: u.deleted,
          tz: u.tz,
          is_admin: u.is_admin,
          is_owner: u.is_owner,
          is_primary_owner: u.is_primary_owner,
          is_restricted: false,
          is_ultra_restricted: false,
          is_bot: u.is_bot,
          is_app_user: false,
          profile: {
            real_name: u.real_name,
            display_name: u.name,
            ...(u.bot_id ? { bot_id: u.bot_id } : {}),
          },
        },
      };
    },
  },
  "usergroups.users.list": {
    scope: "usergroups:read",
    handler(ctx) {
      const g = ctx.state.usergroups.get(need(ctx.args, "usergroup"));
      if (!g) fail("no_such_subteam");
      return { users: [...g.users] };
    },
  },
};
