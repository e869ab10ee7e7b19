import { assert, assertEquals, assertMatch } from "@std/assert";
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { FAKE_IDS, withFakeSlack } from "./mod.ts";
import { fakeSlackToken } from "../fake_tokens.ts";

const api = (url: string, token: string) => SlackAPI(token, { slackApiUrl: url });

withFakeSlack("server: auth.test for a bot token, with x-oauth-scopes", async (fake) => {
  const r = await api(fake.url, fake.botToken).auth.test();
  assertEquals(r.ok, true);
  assertEquals(r.team_id, FAKE_IDS.team);
  assertEquals(r.team, "Fake Workspace");
  assertEquals(r.user_id, FAKE_IDS.botUser);
  assertEquals(r.bot_id, FAKE_IDS.bot);
  assertMatch(r.url, /^https:\/\/fake-workspace\.slack\.com\/$/);
  assertEquals(r.is_enterprise_install, false);
  assertEquals(r.enterprise_id, undefined);
  const scopes = r.toFetchResponse().headers.get("x-oauth-scopes") ?? "";
  assert(scopes.split(",").includes("chat:write"));
  const call = fake.callsTo("auth.test")[0];
  assertEquals(call.token, fake.botToken);
  assertEquals(call.contentType, "application/x-www-form-urlencoded");
});

withFakeSlack("server: auth.test for a user token in an enterprise org", async (fake) => {
  const token = fakeSlackToken("xoxp");
  fake.addToken({
    token,
    kind: "user",
    user_id: FAKE_IDS.member,
    scopes: ["users:read"],
    enterprise_id: FAKE_IDS.enterprise,
  });
  const r = await api(fake.url, token).auth.test();
  assertEquals(r.user_id, FAKE_IDS.member);
  assertEquals(r.user, "mo");
  assertEquals(r.bot_id, undefined);
  assertEquals(r.enterprise_id, FAKE_IDS.enterprise);
  assertEquals(r.toFetchResponse().headers.get("x-oauth-scopes"), "users:read");
});

withFakeSlack("server: not_authed, invalid_auth, token_expired, account_inactive", async (fake) => {
  assertEquals((await api(fake.url, "").auth.test()).error, "not_authed");
  assertEquals((await api(fake.url, fakeSlackToken("xoxb")).auth.test()).error, "invalid_auth");
  const expired = fakeSlackToken("xoxe.xoxp");
  fake.addToken({ token: expired, kind: "user", user_id: FAKE_IDS.member, expired: true });
  assertEquals((await api(fake.url, expired).auth.test()).error, "token_expired");
  const inactive = fakeSlackToken("xoxp");
  fake.addToken({ token: inactive, kind: "user", user_id: FAKE_IDS.other, inactive: true });
  assertEquals((await api(fake.url, inactive).auth.test()).error, "account_inactive");
});

withFakeSlack("server: auth.revoke, test mode, then token_revoked everywhere", async (fake) => {
  const leaked = fakeSlackToken("xoxp");
  fake.addToken({ token: leaked, kind: "user", user_id: FAKE_IDS.member, scopes: [] });
  const client = api(fake.url, fake.botToken);
  // `token` in the args overrides the client's token, in header and body alike.
  const dry = await client.auth.revoke({ token: leaked, test: true });
  assertEquals(dry, { ...dry, ok: true, revoked: false });
  assertEquals((await client.auth.test({ token: leaked })).ok, true);
  const done = await client.auth.revoke({ token: leaked });
  assertEquals(done.revoked, true);
  assertEquals((await client.auth.test({ token: leaked })).error, "token_revoked");
  assertEquals((await client.auth.revoke({ token: leaked })).error, "token_revoked");
  assertEquals(fake.state.tokens.get(leaked)?.revoked, true);
  // The app's own token is untouched.
  assertEquals((await client.auth.test()).ok, true);
  // The recorded args never keep the token itself.
  assert(fake.calls.every((c) => !("token" in c.args)));
});

withFakeSlack("server: raw form body, token in the body field", async (fake) => {
  const body = new URLSearchParams({
    token: fake.botToken,
    channel: FAKE_IDS.general,
    text: "from a form",
    blocks: JSON.stringify([{ type: "section", text: { type: "mrkdwn", text: "hi" } }]),
  });
  const res = await fetch(fake.url + "chat.postMessage", { method: "POST", body });
  const json = await res.json();
  assertEquals(json.ok, true);
  assertEquals(json.message.text, "from a form");
  assertEquals(json.message.blocks[0].type, "section");
  assertEquals(fake.callsTo("chat.postMessage")[0].token, fake.botToken);
});

withFakeSlack("server: raw JSON body, token in the Authorization header", async (fake) => {
  const res = await fetch(fake.url + "chat.postMessage", {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      authorization: `Bearer ${fake.botToken}`,
    },
    body: JSON.stringify({ channel: FAKE_IDS.general, text: "from JSON", thread_ts: undefined }),
  });
  const json = await res.json();
  assertEquals(json.ok, true);
  assertEquals(json.channel, FAKE_IDS.general);
  const call = fake.callsTo("chat.postMessage")[0];
  assertEquals(call.args, { channel: FAKE_IDS.general, text: "from JSON" });
  assertMatch(call.contentType, /application\/json/);
  const bad = await fetch(fake.url + "auth.test", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{not json",
  });
  assertEquals((await bad.json()).error, "invalid_json");
});

withFakeSlack("server: unknown methods and paths", async (fake) => {
  const r = await api(fake.url, fake.botToken).apiCall("no.such.method", {});
  assertEquals(r.error, "unknown_method");
  const res = await fetch(fake.origin + "elsewhere", { method: "POST" });
  assertEquals(res.status, 404);
  await res.body?.cancel();
});

withFakeSlack("server: app-level tokens only open connections", async (fake) => {
  const app = fakeSlackToken("xapp");
  fake.addToken({ token: app, kind: "app", app_id: FAKE_IDS.app, scopes: ["connections:write"] });
  const client = api(fake.url, app);
  assertEquals((await client.auth.test()).error, "not_allowed_token_type");
  const open = await client.apps.connections.open();
  assertEquals(open.ok, true);
  assertMatch(open.url, /^wss:\/\//);
  const bot = await api(fake.url, fake.botToken).apps.connections.open();
  assertEquals(bot.error, "not_allowed_token_type");
});

withFakeSlack("server: missing_scope names needed and provided", async (fake) => {
  const token = fakeSlackToken("xoxb");
  fake.addToken({ token, kind: "bot", scopes: ["users:read", "channels:read"] });
  const r = await api(fake.url, token).chat.postMessage({ channel: FAKE_IDS.general, text: "x" });
  assertEquals(r.error, "missing_scope");
  assertEquals(r.needed, "chat:write");
  assertEquals(r.provided, "users:read,channels:read");
  const h = r.toFetchResponse().headers;
  assertEquals(h.get("x-accepted-oauth-scopes"), "chat:write");
  // Private channels ask for groups:* instead of channels:*.
  const priv = await api(fake.url, token).conversations.info({ channel: FAKE_IDS.privateChannel });
  assertEquals(priv.needed, "groups:read");
});

// Faults --------------------------------------------------------------------------------------

withFakeSlack("faults: 429 with Retry-After reaches the SDK as an HttpError", async (fake) => {
  fake.fault("auth.test", { status: 429, retryAfter: 7 });
  const client = api(fake.url, fake.botToken);
  let caught: { status?: number; headers?: Headers } | undefined;
  try {
    await client.auth.test();
  } catch (e) {
    caught = e as typeof caught;
  }
  assertEquals(caught?.status, 429);
  assertEquals(caught?.headers?.get("retry-after"), "7");
  // Applied once (default times: 1), then normal handling.
  assertEquals((await client.auth.test()).ok, true);
});

withFakeSlack("faults: 5xx, times, and the '*' wildcard", async (fake) => {
  fake.fault("users.info", { status: 503, times: 2 });
  const client = api(fake.url, fake.botToken);
  for (let i = 0; i < 2; i++) {
    let status: number | undefined;
    try {
      await client.users.info({ user: FAKE_IDS.admin });
    } catch (e) {
      status = (e as { status?: number }).status;
    }
    assertEquals(status, 503);
  }
  assertEquals((await client.users.info({ user: FAKE_IDS.admin })).ok, true);
  fake.fault("*", { status: 500 });
  let status: number | undefined;
  try {
    await client.conversations.info({ channel: FAKE_IDS.general });
  } catch (e) {
    status = (e as { status?: number }).status;
  }
  assertEquals(status, 500);
  assertEquals((await client.conversations.info({ channel: FAKE_IDS.general })).ok, true);
});

withFakeSlack("faults: any ok:false error, with extra fields", async (fake) => {
  fake.fault("auth.test", { error: "accesslimited" });
  fake.fault("chat.postMessage", { error: "missing_scope", extra: { needed: "chat:write" } });
  const client = api(fake.url, fake.botToken);
  const r = await client.auth.test();
  assertEquals(r.ok, false);
  assertEquals(r.error, "accesslimited");
  const p = await client.chat.postMessage({ channel: FAKE_IDS.general, text: "x" });
  assertEquals([p.error, p.needed], ["missing_scope", "chat:write"]);
  assertEquals(fake.messagesIn(FAKE_IDS.general).length, 0);
});

withFakeSlack("faults: a delay alone then proceeds normally", async (fake) => {
  fake.fault("auth.test", { delayMs: 30 });
  const started = Date.now();
  const r = await api(fake.url, fake.botToken).auth.test();
  assertEquals(r.ok, true);
  assert(Date.now() - started >= 25);
});

withFakeSlack("faults: a dropped answer breaks the client's parse", async (fake) => {
  fake.fault("auth.test", { drop: true });
  let failed = false;
  try {
    await api(fake.url, fake.botToken).auth.test();
  } catch {
    failed = true;
  }
  assert(failed);
});

withFakeSlack("faults: close() cuts a long delay short", async (fake) => {
  fake.fault("auth.test", { delayMs: 60_000 });
  const pending = api(fake.url, fake.botToken).auth.test().catch(() => undefined);
  await new Promise((r) => setTimeout(r, 20));
  await fake.close();
  await pending;
});

withFakeSlack("server: clearCalls and clearFaults", async (fake) => {
  fake.fault("auth.test", { error: "internal_error", times: Infinity });
  await api(fake.url, fake.botToken).auth.test();
  assertEquals(fake.calls.length, 1);
  fake.clearCalls();
  fake.clearFaults();
  assertEquals(fake.calls.length, 0);
  assertEquals((await api(fake.url, fake.botToken).auth.test()).ok, true);
});

withFakeSlack("server: seeds replace the defaults", async (fake) => {
  assertEquals(fake.state.team.name, "Acme");
  assertEquals(fake.state.channels.size, 1);
  const r = await api(fake.url, fake.botToken).auth.test();
  assertEquals(r.enterprise_id, FAKE_IDS.enterprise);
  assertEquals(r.toFetchResponse().headers.get("x-oauth-scopes"), "chat:write");
}, {
  team: { name: "Acme" },
  enterprise: { id: FAKE_IDS.enterprise, name: "Acme Org" },
  empty: true,
  channels: [{ id: "C0ONLY00001", name: "only" }],
  botScopes: ["chat:write"],
});
