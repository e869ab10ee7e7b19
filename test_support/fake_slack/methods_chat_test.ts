import { assert, assertEquals, assertMatch } from "@std/assert";
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { FAKE_IDS, withFakeSlack } from "./mod.ts";
import { fakeSlackToken } from "../fake_tokens.ts";

const bot = (url: string, token: string) => SlackAPI(token, { slackApiUrl: url });

withFakeSlack(
  "chat.postMessage: stores text, blocks, attachments; threads wire up",
  async (fake) => {
    const client = bot(fake.url, fake.botToken);
    const parent = await client.chat.postMessage({
      channel: FAKE_IDS.general,
      text: "parent",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "*parent*" } }],
      attachments: [{ text: "att" }],
    });
    assertEquals(parent.ok, true);
    assertMatch(parent.ts, /^\d{10}\.\d{6}$/);
    assertEquals(parent.message.bot_id, FAKE_IDS.bot);
    const reply = await client.chat.postMessage({
      channel: FAKE_IDS.general,
      text: "reply",
      thread_ts: parent.ts,
    });
    assertEquals(reply.message.thread_ts, parent.ts);
    const stored = fake.messagesIn(FAKE_IDS.general);
    assertEquals(stored.length, 2);
    assertEquals(stored[0].reply_count, 1);
    assertEquals(stored[0].thread_ts, parent.ts);
    assertEquals(stored[0].attachments, [{ text: "att" }]);
    assert(reply.ts > parent.ts);
  },
);

withFakeSlack("chat.postMessage: Slack's refusals", async (fake) => {
  const client = bot(fake.url, fake.botToken);
  const post = (args: Record<string, unknown>) =>
    client.chat.postMessage({ channel: FAKE_IDS.general, text: "x", ...args });
  assertEquals((await post({ channel: "C0MISSING01" })).error, "channel_not_found");
  assertEquals((await post({ channel: FAKE_IDS.archived })).error, "is_archived");
  assertEquals((await post({ text: undefined })).error, "no_text");
  assertEquals((await post({ thread_ts: "1.000001" })).error, "thread_not_found");
  // chat:write.public lets a bot post to a public channel it is not in; without it, not_in_channel.
  assertEquals((await post({ channel: FAKE_IDS.random })).ok, true);
  const narrow = fakeSlackToken("xoxb");
  fake.addToken({ token: narrow, kind: "bot", scopes: ["chat:write"] });
  const r = await bot(fake.url, narrow).chat.postMessage({ channel: FAKE_IDS.random, text: "x" });
  assertEquals(r.error, "not_in_channel");
});

withFakeSlack(
  "chat.postEphemeral: returns message_ts, stored apart from messages",
  async (fake) => {
    const client = bot(fake.url, fake.botToken);
    const r = await client.chat.postEphemeral({
      channel: FAKE_IDS.general,
      user: FAKE_IDS.member,
      text: "only you can see this",
    });
    assertEquals(r.ok, true);
    assertMatch(r.message_ts, /^\d+\.\d{6}$/);
    assertEquals(fake.messagesIn(FAKE_IDS.general).length, 0);
    assertEquals(fake.state.ephemerals.length, 1);
    assertEquals(fake.state.ephemerals[0].user, FAKE_IDS.member);
    assertEquals(fake.state.ephemerals[0].sender, FAKE_IDS.botUser);
    const eph = (args: Record<string, unknown>) =>
      client.chat.postEphemeral({
        channel: FAKE_IDS.general,
        user: FAKE_IDS.member,
        text: "x",
        ...args,
      });
    assertEquals((await eph({ user: "U0NOBODY01" })).error, "user_not_found");
    assertEquals((await eph({ channel: FAKE_IDS.security })).error, "user_not_in_channel");
  },
);

withFakeSlack("chat.update and chat.delete: own messages only", async (fake) => {
  const client = bot(fake.url, fake.botToken);
  const { ts } = await client.chat.postMessage({ channel: FAKE_IDS.general, text: "alert" });
  const up = await client.chat.update({
    channel: FAKE_IDS.general,
    ts,
    text: "alert (revoked)",
    blocks: [{ type: "section", text: { type: "plain_text", text: "done" } }],
  });
  assertEquals(up.ok, true);
  assertEquals(up.text, "alert (revoked)");
  assertEquals(fake.messagesIn(FAKE_IDS.general)[0].blocks?.length, 1);
  assertEquals(fake.messagesIn(FAKE_IDS.general)[0].edited?.user, FAKE_IDS.botUser);
  const theirs = fake.postMessage(FAKE_IDS.general, { user: FAKE_IDS.member, text: "mine" });
  const cant = await client.chat.update({ channel: FAKE_IDS.general, ts: theirs, text: "x" });
  assertEquals(cant.error, "cant_update_message");
  assertEquals(
    (await client.chat.delete({ channel: FAKE_IDS.general, ts: theirs })).error,
    "cant_delete_message",
  );
  assertEquals(
    (await client.chat.update({ channel: FAKE_IDS.general, ts: "1.000002", text: "x" })).error,
    "message_not_found",
  );
  const del = await client.chat.delete({ channel: FAKE_IDS.general, ts });
  assertEquals([del.ok, del.ts], [true, ts]);
  assertEquals(fake.messagesIn(FAKE_IDS.general).length, 1);
  assertEquals(
    (await client.chat.delete({ channel: FAKE_IDS.general, ts })).error,
    "message_not_found",
  );
});

withFakeSlack("chat.getPermalink: archive links, thread replies carry thread_ts", async (fake) => {
  const client = bot(fake.url, fake.botToken);
  const parent = fake.postMessage(FAKE_IDS.general, { user: FAKE_IDS.member, text: "p" });
  const reply = fake.postMessage(FAKE_IDS.general, {
    user: FAKE_IDS.member,
    text: "r",
    thread_ts: parent,
  });
  const p = await client.chat.getPermalink({ channel: FAKE_IDS.general, message_ts: parent });
  assertEquals(
    p.permalink,
    `https://fake-workspace.slack.com/archives/${FAKE_IDS.general}/p${parent.replace(".", "")}`,
  );
  const r = await client.chat.getPermalink({ channel: FAKE_IDS.general, message_ts: reply });
  assertMatch(r.permalink, new RegExp(`\\?thread_ts=${parent.replace(".", "\\.")}&cid=`));
  const gone = await client.chat.getPermalink({
    channel: FAKE_IDS.general,
    message_ts: "1.000003",
  });
  assertEquals(gone.error, "message_not_found");
});
