import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { FAKE_IDS, type FakeSlack, startFakeSlack } from "../test_support/fake_slack/mod.ts";
import { fakeSlackToken } from "../test_support/fake_tokens.ts";
import { Budget } from "./budget.ts";
import { slackCall } from "./client.ts";
import { type VerifyDeps, verifyFinding, webhookPath } from "./verify.ts";
import { revokeSlackToken } from "./revoke.ts";

function test(name: string, fn: () => Promise<void>) {
  Deno.test({ name, sanitizeOps: false, sanitizeResources: false, fn });
}

function deps(fake: FakeSlack): VerifyDeps {
  const budget = new Budget(20_000);
  return {
    callAs: (t) =>
      slackCall(SlackAPI(t, { slackApiUrl: fake.url }), budget, {
        baseDelayMs: 5,
        maxDelayMs: 20,
        timeoutMs: 2_000,
      }),
    thisTeamId: FAKE_IDS.team,
    webhookBase: fake.webhookBase,
    now: () => 1_700_000_000,
  };
}

test("a live bot token of this workspace: owner, bot, app, scopes", async () => {
  const fake = await startFakeSlack();
  try {
    const leaked = fakeSlackToken("xoxb", "v1");
    fake.addToken({
      token: leaked,
      kind: "bot",
      bot_id: "B0LEAK",
      app_id: "A0LEAK",
      scopes: ["chat:write"],
    });
    const v = await verifyFinding(
      { family: "slack", verifyAs: "xoxb", secret: leaked },
      deps(fake),
    );
    assertEquals(v.state, "live");
    assertEquals(v.owner?.teamId, FAKE_IDS.team);
    assertEquals(v.owner?.isThisWorkspace, true);
    assertEquals(v.owner?.botId, "B0LEAK");
    assertEquals(v.owner?.appId, "A0LEAK");
    assertEquals(v.owner?.scopes, ["chat:write"]);
    assertEquals(v.checkedAt, 1_700_000_000);
    // The check went to Slack with the leaked token, and only there.
    const calls = fake.callsTo("auth.test");
    assertEquals(calls.length, 1);
    assertEquals(calls[0].token, leaked);
    assertEquals(calls[0].args, {});
    assert(!v.reason.includes(leaked));
  } finally {
    await fake.close();
  }
});

test("a user token of another workspace in an Enterprise org", async () => {
  const fake = await startFakeSlack();
  try {
    const leaked = fakeSlackToken("xoxp", "v2");
    fake.addToken({
      token: leaked,
      kind: "user",
      team_id: "T0OTHER",
      user_id: "U0ELSE",
      enterprise_id: "E0ORG",
    });
    const v = await verifyFinding({ family: "slack", secret: leaked }, deps(fake));
    assertEquals(v.state, "live");
    assertEquals(v.owner?.isThisWorkspace, false);
    assertEquals(v.owner?.enterpriseId, "E0ORG");
    assertStringIncludes(v.reason, "another workspace");
  } finally {
    await fake.close();
  }
});

test("dead tokens: revoked, unknown to Slack, deactivated owner, expired", async () => {
  const fake = await startFakeSlack();
  try {
    const revoked = fakeSlackToken("xoxb", "d1");
    const inactive = fakeSlackToken("xoxp", "d2");
    const expired = fakeSlackToken("xoxe.xoxp", "d3");
    fake.addToken({ token: revoked, kind: "bot", revoked: true });
    fake.addToken({ token: inactive, kind: "user", inactive: true });
    fake.addToken({ token: expired, kind: "user", expired: true });
    const d = deps(fake);
    const cases: Array<[string, string]> = [
      [revoked, "token_revoked"],
      [fakeSlackToken("xoxb", "never"), "invalid_auth"],
      [inactive, "account_inactive"],
      [expired, "token_expired"],
    ];
    for (const [secret, code] of cases) {
      const v = await verifyFinding({ family: "slack", secret }, d);
      assertEquals([v.state, v.code], ["dead", code]);
      assert(v.reason.length > 10);
    }
  } finally {
    await fake.close();
  }
});

test("unknown: rate limited past retries, accesslimited, Slack down", async () => {
  const fake = await startFakeSlack();
  try {
    const leaked = fakeSlackToken("xoxb", "u1");
    fake.addToken({ token: leaked, kind: "bot" });
    const d = deps(fake);
    fake.fault("auth.test", { status: 429, retryAfter: 0, times: 10 });
    const rl = await verifyFinding({ family: "slack", secret: leaked }, d);
    assertEquals([rl.state, rl.code], ["unknown", "ratelimited"]);
    fake.clearFaults();
    fake.fault("auth.test", { error: "accesslimited" });
    const al = await verifyFinding({ family: "slack", secret: leaked }, d);
    assertEquals([al.state, al.code], ["unknown", "accesslimited"]);
    fake.fault("auth.test", { status: 503, times: 10 });
    const down = await verifyFinding({ family: "slack", secret: leaked }, d);
    assertEquals([down.state, down.code], ["unknown", "service_unavailable"]);
    fake.clearFaults();
    // One 503 then an answer: the client's retry makes it live.
    fake.fault("auth.test", { status: 503 });
    assertEquals((await verifyFinding({ family: "slack", secret: leaked }, d)).state, "live");
  } finally {
    await fake.close();
  }
});

test("app-level token: apps.connections.open, live and dead, the socket URL is not kept", async () => {
  const fake = await startFakeSlack();
  try {
    const live = fakeSlackToken("xapp", "a1");
    const dead = fakeSlackToken("xapp", "a2");
    fake.addToken({ token: live, kind: "app", scopes: ["connections:write"] });
    fake.addToken({ token: dead, kind: "app", scopes: ["connections:write"], revoked: true });
    const v = await verifyFinding({ family: "slack", verifyAs: "xapp", secret: live }, deps(fake));
    assertEquals(v.state, "live");
    assertEquals(v.owner?.appId, "fake");
    assert(!JSON.stringify(v).includes("wss:"));
    assertEquals(fake.callsTo("auth.test").length, 0);
    assertEquals(fake.callsTo("apps.connections.open")[0].token, live);
    const d = await verifyFinding({ family: "slack", secret: dead }, deps(fake));
    assertEquals([d.state, d.code], ["dead", "token_revoked"]);
    const unknownApp = await verifyFinding({
      family: "slack",
      secret: fakeSlackToken("xapp", "a3"),
    }, deps(fake));
    assertEquals(unknownApp.state, "dead");
  } finally {
    await fake.close();
  }
});

test("webhooks: live refuses an empty payload and posts nothing; dead ones say why", async () => {
  const fake = await startFakeSlack();
  try {
    const live = fake.addWebhook({ channel: FAKE_IDS.general, seed: "w1" });
    const before = fake.messagesIn(FAKE_IDS.general).length;
    // The URL as written in a message points at Slack's real host: only its path is used.
    const written = ["https://hooks", "slack", "com/services/"].join(".") + webhookPath(live);
    const v = await verifyFinding(
      { family: "slack", verifyAs: "webhook", secret: written },
      deps(fake),
    );
    assertEquals([v.state, v.code], ["live", "no_text"]);
    assertEquals(fake.messagesIn(FAKE_IDS.general).length, before);
    assertEquals(fake.state.webhookPosts.length, 0);
    const hookCall = fake.callsTo("webhook")[0];
    assertEquals(hookCall.args.raw, "{}");
    for (
      const [status, code] of [["revoked", "invalid_token"], ["removed", "no_service"], [
        "archived",
        "channel_is_archived",
      ]] as const
    ) {
      const url = fake.addWebhook({ status, seed: code });
      const r = await verifyFinding({ family: "slack", secret: url }, deps(fake));
      assertEquals([r.state, r.code], ["dead", code]);
    }
    fake.fault("webhook", { status: 503 });
    const down = await verifyFinding({ family: "slack", secret: live }, deps(fake));
    assertEquals(down.state, "unknown");
  } finally {
    await fake.close();
  }
});

test("families without a live check, refresh tokens and sessions are unknown, nothing sent", async () => {
  const fake = await startFakeSlack();
  try {
    for (
      const f of [
        { family: "aws", secret: "x" },
        { family: "slack", secret: fakeSlackToken("xoxe", 1) },
        { family: "slack", secret: fakeSlackToken("xoxc", 1) },
        { family: "github", secret: "y" },
      ]
    ) {
      assertEquals((await verifyFinding(f, deps(fake))).state, "unknown");
    }
    assertEquals(fake.calls.length, 0);
  } finally {
    await fake.close();
  }
});

test("revoke: auth.revoke with the token, then verified dead; already dead; not revocable", async () => {
  const fake = await startFakeSlack();
  try {
    const leaked = fakeSlackToken("xoxb", "r1");
    fake.addToken({ token: leaked, kind: "bot" });
    const r = await revokeSlackToken({ family: "slack", secret: leaked }, deps(fake));
    assert(r.revokedNow && r.dead);
    assertEquals(r.verification?.state, "dead");
    assertEquals(fake.callsTo("auth.revoke")[0].token, leaked);
    assertEquals(fake.state.tokens.get(leaked)?.revoked, true);
    const again = await revokeSlackToken({ family: "slack", secret: leaked }, deps(fake));
    assert(again.dead && !again.revokedNow);
    assertEquals(again.code, "token_revoked");
    const app = await revokeSlackToken(
      { family: "slack", secret: fakeSlackToken("xapp", 9) },
      deps(fake),
    );
    assert(!app.dead && !app.revokedNow);
    fake.clearCalls();
    const other = fakeSlackToken("xoxp", "r2");
    fake.addToken({ token: other, kind: "user" });
    fake.fault("auth.revoke", { status: 503, times: 10 });
    const failed = await revokeSlackToken({ family: "slack", secret: other }, deps(fake));
    assert(!failed.dead && !failed.revokedNow);
    assertEquals(failed.verification?.state, "live");
  } finally {
    await fake.close();
  }
});
