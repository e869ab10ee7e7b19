import { SlackFunctionTester } from "deno-slack-sdk/mod.ts";
import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import handler from "./mod.ts";
import { CheckTokenGuardFunction } from "./definition.ts";
import { FAKE_IDS, type FakeSlack, withFakeSlack } from "../../test_support/fake_slack/mod.ts";
import { BOT_SCOPES } from "../../scopes.ts";

const { createContext } = SlackFunctionTester(CheckTokenGuardFunction);

function run(fake: FakeSlack, inputs: { user_id: string; channel_id?: string }, token?: string) {
  return handler(createContext({ inputs, env: fake.env, token: token ?? fake.botToken }));
}

withFakeSlack("check: answers privately with workspace, bot user, app and scopes", async (fake) => {
  const result = await run(fake, { user_id: FAKE_IDS.member, channel_id: FAKE_IDS.general });
  assertEquals(result.error, undefined);
  assertEquals(result.outputs?.healthy, true);
  assertEquals(fake.state.ephemerals.length, 1);
  const sent = fake.state.ephemerals[0];
  assertEquals([sent.channel, sent.user], [FAKE_IDS.general, FAKE_IDS.member]);
  const shown = JSON.stringify(sent.blocks);
  assertStringIncludes(shown, FAKE_IDS.team);
  assertStringIncludes(shown, FAKE_IDS.botUser);
  assertStringIncludes(shown, FAKE_IDS.app);
  for (const scope of Object.keys(BOT_SCOPES)) assertStringIncludes(shown, scope);
  assertStringIncludes(result.outputs!.summary, "works");
});

withFakeSlack(
  "check: a scope the manifest asks for but the token lacks is named, with the fix",
  async (fake) => {
    const result = await run(fake, { user_id: FAKE_IDS.member, channel_id: FAKE_IDS.general });
    assertEquals(result.outputs?.healthy, false);
    assertStringIncludes(result.outputs!.summary, "datastore:write");
    assertStringIncludes(JSON.stringify(fake.state.ephemerals[0].blocks), "Reinstall");
  },
  { botScopes: ["chat:write", "datastore:read"] },
);

withFakeSlack("check: where the app cannot post, the answer comes as a DM", async (fake) => {
  fake.fault("chat.postEphemeral", { error: "channel_not_found" });
  const result = await run(fake, { user_id: FAKE_IDS.member, channel_id: FAKE_IDS.privateChannel });
  assertEquals(result.outputs?.healthy, true);
  const dm = fake.callsTo("chat.postMessage");
  assertEquals(dm.length, 1);
  assertEquals(dm[0].args.channel, FAKE_IDS.member);
});

withFakeSlack(
  "check: with no channel (run from a bookmark or DM) it answers by DM",
  async (fake) => {
    const result = await run(fake, { user_id: FAKE_IDS.member });
    assertEquals(result.outputs?.healthy, true);
    assertEquals(fake.callsTo("chat.postEphemeral").length, 0);
    assertEquals(fake.callsTo("chat.postMessage").length, 1);
  },
);

withFakeSlack("check: a 429 with Retry-After is waited out, then it answers", async (fake) => {
  fake.fault("auth.test", { status: 429, retryAfter: 1 });
  const result = await run(fake, { user_id: FAKE_IDS.member, channel_id: FAKE_IDS.general });
  assertEquals(result.outputs?.healthy, true);
  assertEquals(fake.callsTo("auth.test").length, 2);
});

withFakeSlack("check: a passing 503 is retried", async (fake) => {
  fake.fault("auth.test", { status: 503 });
  const result = await run(fake, { user_id: FAKE_IDS.member, channel_id: FAKE_IDS.general });
  assertEquals(result.outputs?.healthy, true);
});

// Each failure class of the app's own token becomes a sentence a person can act on.
const FAILURES: Array<[code: string, mustSay: RegExp]> = [
  ["token_revoked", /revoked/i],
  ["invalid_auth", /not valid|invalid|does not work|no longer/i],
  ["account_inactive", /deactivated|inactive|deleted/i],
  ["not_authed", /no token|not sent|without/i],
  ["accesslimited", /IP|allow/i],
  ["ekm_access_denied", /EKM|key management|encryption/i],
  ["enterprise_is_restricted", /enterprise|org/i],
  ["two_factor_setup_required", /two-factor|2FA/i],
  ["missing_scope", /scope/i],
  ["deprecated_endpoint", /deprecated|retired|no longer/i],
  ["team_access_not_granted", /workspace|access/i],
  ["org_login_required", /org|sign in|log in/i],
];

for (const [code, mustSay] of FAILURES) {
  withFakeSlack(`check: auth.test failing with ${code} is explained`, async (fake) => {
    fake.fault("auth.test", {
      error: code,
      extra: code === "missing_scope" ? { needed: "x" } : {},
    });
    const result = await run(fake, { user_id: FAKE_IDS.member, channel_id: FAKE_IDS.general });
    assertEquals(result.outputs, undefined);
    assert(result.error, "the run fails with an error sentence");
    assertStringIncludes(result.error!, code);
    assert(mustSay.test(result.error!), `"${result.error}" should match ${mustSay}`);
    // The person who asked is told too, when the token can still post.
    assertStringIncludes(fake.state.ephemerals[0]?.text ?? "", code);
  });
}

withFakeSlack(
  "check: a revoked app token cannot even post; the run's error says why",
  async (fake) => {
    fake.state.tokens.get(fake.botToken)!.revoked = true;
    const result = await run(fake, { user_id: FAKE_IDS.member, channel_id: FAKE_IDS.general });
    assertStringIncludes(result.error!, "token_revoked");
    assertEquals(fake.state.ephemerals.length, 0);
  },
);

withFakeSlack("check: an unknown token is invalid_auth", async (fake) => {
  const result = await run(fake, { user_id: FAKE_IDS.member }, "not-a-registered-token");
  assertStringIncludes(result.error!, "invalid_auth");
});

withFakeSlack(
  "check: Slack rate-limiting every attempt ends in a plain 'try again'",
  async (fake) => {
    fake.fault("auth.test", { error: "ratelimited", times: Infinity });
    const result = await run(fake, { user_id: FAKE_IDS.member, channel_id: FAKE_IDS.general });
    assertStringIncludes(result.error!, "ratelimited");
    assert(fake.callsTo("auth.test").length > 1, "ratelimited answers are retried first");
  },
);

withFakeSlack("check: Slack down (500 on every attempt) is reported, not thrown", async (fake) => {
  fake.fault("auth.test", { status: 500, times: Infinity });
  const result = await run(fake, { user_id: FAKE_IDS.member, channel_id: FAKE_IDS.general });
  assert(result.error);
  assert(fake.callsTo("auth.test").length > 1);
});
