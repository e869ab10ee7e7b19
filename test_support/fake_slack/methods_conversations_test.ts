import { assert, assertEquals } from "@std/assert";
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { FAKE_IDS, withFakeSlack } from "./mod.ts";
import { fakeSlackToken } from "../fake_tokens.ts";

const bot = (url: string, token: string) => SlackAPI(token, { slackApiUrl: url });

withFakeSlack(
  "conversations.history: newest first, top-level only, cursor paging",
  async (fake) => {
    const ts: string[] = [];
    for (let i = 0; i < 7; i++) {
      ts.push(fake.postMessage(FAKE_IDS.general, { user: FAKE_IDS.member, text: `m${i}` }));
    }
    fake.postMessage(FAKE_IDS.general, { user: FAKE_IDS.other, text: "reply", thread_ts: ts[2] });
    const client = bot(fake.url, fake.botToken);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await client.conversations.history({ channel: FAKE_IDS.general, limit: 3, cursor });
      assertEquals(r.ok, true);
      pages++;
      seen.push(...r.messages.map((m: { text: string }) => m.text));
      assertEquals(r.has_more, r.response_metadata?.next_cursor !== "");
      cursor = r.response_metadata?.next_cursor || undefined;
    } while (cursor);
    assertEquals(pages, 3);
    assertEquals(seen, ["m6", "m5", "m4", "m3", "m2", "m1", "m0"]);
    const all = await client.conversations.history({ channel: FAKE_IDS.general });
    const parent = all.messages.find((m: { text: string }) => m.text === "m2");
    assertEquals(parent.reply_count, 1);
    assertEquals(parent.thread_ts, ts[2]);
    assertEquals(parent.reply_users, [FAKE_IDS.other]);
  },
);

withFakeSlack("conversations.history: latest, oldest and inclusive", async (fake) => {
  const ts: string[] = [];
  for (let i = 0; i < 5; i++) ts.push(fake.postMessage(FAKE_IDS.general, { text: `m${i}` }));
  const client = bot(fake.url, fake.botToken);
  const texts = async (args: Record<string, unknown>) =>
    (await client.conversations.history({ channel: FAKE_IDS.general, ...args })).messages.map((
      m: { text: string },
    ) => m.text);
  assertEquals(await texts({ latest: ts[2], inclusive: true, limit: 1 }), ["m2"]);
  assertEquals(await texts({ latest: ts[2] }), ["m1", "m0"]);
  assertEquals(await texts({ oldest: ts[2] }), ["m4", "m3"]);
  assertEquals(await texts({ oldest: ts[1], latest: ts[3], inclusive: true }), ["m3", "m2", "m1"]);
});

withFakeSlack("conversations.history: refusals and bad cursors", async (fake) => {
  const client = bot(fake.url, fake.botToken);
  const h = (args: Record<string, unknown>) => client.conversations.history(args);
  assertEquals((await h({ channel: FAKE_IDS.random })).error, "not_in_channel");
  assertEquals((await h({ channel: "C0MISSING01" })).error, "channel_not_found");
  assertEquals((await h({ channel: FAKE_IDS.general, cursor: "!!" })).error, "invalid_cursor");
  assertEquals(
    (await h({ channel: FAKE_IDS.general, cursor: btoa("other:1") })).error,
    "invalid_cursor",
  );
  // A user token reads public channels it is not in, but not private ones.
  const user = fakeSlackToken("xoxp");
  fake.addToken({
    token: user,
    kind: "user",
    user_id: FAKE_IDS.member,
    scopes: ["channels:history", "groups:history"],
  });
  assertEquals(
    (await bot(fake.url, user).conversations.history({ channel: FAKE_IDS.random })).ok,
    true,
  );
  assertEquals(
    (await bot(fake.url, user).conversations.history({ channel: FAKE_IDS.privateChannel })).error,
    "channel_not_found",
  );
});

withFakeSlack("conversations.replies: parent first on every page, cursor paging", async (fake) => {
  const parent = fake.postMessage(FAKE_IDS.general, { user: FAKE_IDS.member, text: "p" });
  const replies: string[] = [];
  for (let i = 0; i < 5; i++) {
    replies.push(
      fake.postMessage(FAKE_IDS.general, {
        user: FAKE_IDS.other,
        text: `r${i}`,
        thread_ts: parent,
      }),
    );
  }
  const client = bot(fake.url, fake.botToken);
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const r = await client.conversations.replies({
      channel: FAKE_IDS.general,
      ts: parent,
      limit: 2,
      cursor,
    });
    assertEquals(r.messages[0].ts, parent);
    assertEquals(r.messages[0].reply_count, 5);
    seen.push(...r.messages.slice(1).map((m: { text: string }) => m.text));
    cursor = r.response_metadata?.next_cursor || undefined;
    assertEquals(r.has_more, cursor !== undefined);
  } while (cursor);
  assertEquals(seen, ["r0", "r1", "r2", "r3", "r4"]);
  // Asking with a reply's ts returns the same thread.
  const viaReply = await client.conversations.replies({
    channel: FAKE_IDS.general,
    ts: replies[3],
  });
  assertEquals(viaReply.messages.length, 6);
  assertEquals(viaReply.messages[4].parent_user_id, FAKE_IDS.member);
  const r = await client.conversations.replies({ channel: FAKE_IDS.general, ts: "1.000004" });
  assertEquals(r.error, "thread_not_found");
});

withFakeSlack("conversations.join: joins public channels, warns when already in", async (fake) => {
  const client = bot(fake.url, fake.botToken);
  const j = await client.conversations.join({ channel: FAKE_IDS.random });
  assertEquals(j.ok, true);
  assertEquals(j.channel.id, FAKE_IDS.random);
  assertEquals(j.channel.is_member, true);
  assert(fake.state.channels.get(FAKE_IDS.random)!.members.includes(FAKE_IDS.botUser));
  const again = await client.conversations.join({ channel: FAKE_IDS.random });
  assertEquals(again.warning, "already_in_channel");
  assertEquals(
    (await client.conversations.join({ channel: FAKE_IDS.archived })).error,
    "is_archived",
  );
  assertEquals(
    (await client.conversations.join({ channel: FAKE_IDS.privateChannel })).error,
    "method_not_supported_for_channel_type",
  );
  fake.addChannel({ id: "C0HIDDEN001", name: "hidden", is_private: true, members: [] });
  assertEquals(
    (await client.conversations.join({ channel: "C0HIDDEN001" })).error,
    "channel_not_found",
  );
});

withFakeSlack("conversations.info and conversations.members (paged)", async (fake) => {
  const client = bot(fake.url, fake.botToken);
  const info = await client.conversations.info({ channel: FAKE_IDS.general });
  assertEquals(info.channel.name, "general");
  assertEquals(info.channel.is_member, true);
  assertEquals(info.channel.is_archived, false);
  assertEquals(info.channel.is_private, false);
  const priv = await client.conversations.info({ channel: FAKE_IDS.privateChannel });
  assertEquals(priv.channel.is_private, true);
  assertEquals(
    (await client.conversations.info({ channel: "C0MISSING01" })).error,
    "channel_not_found",
  );
  const members: string[] = [];
  let cursor: string | undefined;
  do {
    const r = await client.conversations.members({ channel: FAKE_IDS.general, limit: 2, cursor });
    members.push(...r.members);
    cursor = r.response_metadata?.next_cursor || undefined;
  } while (cursor);
  assertEquals(members, fake.state.channels.get(FAKE_IDS.general)!.members);
});

withFakeSlack("users.info and usergroups.users.list", async (fake) => {
  const client = bot(fake.url, fake.botToken);
  const owner = await client.users.info({ user: FAKE_IDS.owner });
  assertEquals(owner.user.is_owner, true);
  assertEquals(owner.user.is_primary_owner, true);
  assertEquals(owner.user.is_admin, true);
  const member = await client.users.info({ user: FAKE_IDS.member });
  assertEquals([member.user.is_admin, member.user.is_owner, member.user.is_bot], [
    false,
    false,
    false,
  ]);
  assertEquals((await client.users.info({ user: FAKE_IDS.botUser })).user.is_bot, true);
  assertEquals((await client.users.info({ user: "U0NOBODY01" })).error, "user_not_found");
  const g = await client.usergroups.users.list({ usergroup: FAKE_IDS.usergroup });
  assertEquals(g.users, [FAKE_IDS.member]);
  assertEquals(
    (await client.usergroups.users.list({ usergroup: "S0NONE00001" })).error,
    "no_such_subteam",
  );
});
