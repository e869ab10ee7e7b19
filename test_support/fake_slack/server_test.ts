import { assert, assertEquals, assertMatch } from "@std/assert";
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { FAKE_IDS, startFakeSlack } from "./mod.ts";
import { fakeSlackToken } from "../fake_tokens.ts";

const t = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name, sanitizeOps: false, sanitizeResources: false, fn });

t("fake slack: auth.test through the real client, with x-oauth-scopes", async () => {
  const fake = await startFakeSlack();
  try {
    const client = SlackAPI(fake.botToken, { slackApiUrl: fake.url });
    const r = await client.auth.test();
    assertEquals(r.ok, true);
    assertEquals(r.team_id, FAKE_IDS.team);
    assertEquals(r.user_id, FAKE_IDS.botUser);
    assertEquals(r.bot_id, FAKE_IDS.bot);
    assertMatch(r.url, /^https:\/\/fake-workspace\.slack\.com\/$/);
    assertEquals(r.is_enterprise_install, false);
    const scopes = r.toFetchResponse().headers.get("x-oauth-scopes") ?? "";
    assert(scopes.split(",").includes("chat:write"));
    assertEquals(fake.callsTo("auth.test")[0].token, fake.botToken);
  } finally {
    await fake.close();
  }
});

t("fake slack: unknown, missing and revoked tokens", async () => {
  const fake = await startFakeSlack();
  try {
    const none = await SlackAPI("", { slackApiUrl: fake.url }).auth.test();
    assertEquals(none.error, "not_authed");
    const unknown = await SlackAPI(fakeSlackToken("xoxb"), { slackApiUrl: fake.url }).auth.test();
    assertEquals(unknown.error, "invalid_auth");
    const client = SlackAPI(fake.botToken, { slackApiUrl: fake.url });
    assertEquals((await client.auth.revoke({ test: true })).revoked, false);
    assertEquals((await client.auth.test()).ok, true);
    assertEquals((await client.auth.revoke()).revoked, true);
    assertEquals((await client.auth.test()).error, "token_revoked");
  } finally {
    await fake.close();
  }
});
