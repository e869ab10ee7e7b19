import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { verifyGitHubToken } from "./github_verify.ts";
import { Budget } from "../slack/budget.ts";
import { type FakeGitHub, startFakeGitHub } from "../test_support/fake_github.ts";
import { fakeAlnum } from "../test_support/fake_tokens.ts";

// A leaked classic PAT, assembled at run time so the repository holds no token-shaped string.
const leakedPat = (seed: string) => ["gh", "p_"].join("") + fakeAlnum(36, seed);

const t = (name: string, fn: (gh: FakeGitHub) => Promise<void>) =>
  Deno.test({
    name,
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      const gh = await startFakeGitHub();
      try {
        await fn(gh);
      } finally {
        await gh.close();
      }
    },
  });
const opts = (gh: FakeGitHub, budget = Budget.forFunction()) => ({
  baseUrl: gh.url,
  budget,
  retry: { baseDelayMs: 5, maxDelayMs: 20 },
  now: () => 1_700_000_000,
});

t("github verify: live token reports its login and scopes", async (gh) => {
  const secret = leakedPat("live");
  gh.addToken(secret, { login: "octo-leaker", id: 42, scopes: ["repo", "gist"] });
  const v = await verifyGitHubToken(secret, opts(gh));
  assertEquals(v.state, "live");
  assertEquals(v.owner?.name, "octo-leaker");
  assertEquals(v.owner?.userId, "42");
  assertEquals(v.owner?.scopes, ["repo", "gist"]);
  assertEquals(v.checkedAt, 1_700_000_000);
  assertEquals(gh.calls.length, 1);
  assertEquals(gh.calls[0].path, "/user");
  assertEquals(gh.calls[0].method, "GET");
  assert(!JSON.stringify(v).includes(secret), "the verification never carries the secret");
});

t("github verify: revoked and unknown tokens are dead", async (gh) => {
  const revoked = leakedPat("revoked");
  gh.addToken(revoked, { login: "octo" });
  gh.revoke(revoked);
  for (const secret of [revoked, leakedPat("never-issued")]) {
    const v = await verifyGitHubToken(secret, opts(gh));
    assertEquals(v.state, "dead");
    assertEquals(v.code, "http_401");
  }
});

t("github verify: an app installation token (403 on /user) counts as live", async (gh) => {
  const secret = ["gh", "s_"].join("") + fakeAlnum(36, "inst");
  gh.addToken(secret, { login: "app", installation: true });
  const v = await verifyGitHubToken(secret, opts(gh));
  assertEquals(v.state, "live");
  assertEquals(v.code, "http_403");
});

t("github verify: GitHub down is unknown after a few tries", async (gh) => {
  const secret = leakedPat("down");
  gh.addToken(secret, { login: "octo" });
  gh.fault("user", { status: 503, times: Infinity });
  const v = await verifyGitHubToken(secret, opts(gh));
  assertEquals(v.state, "unknown");
  assertEquals(v.code, "http_503");
  assertEquals(gh.callsTo("user").length, 3);
});

t("github verify: rate limited past the budget is unknown, not dead", async (gh) => {
  const secret = leakedPat("limited");
  gh.addToken(secret, { login: "octo" });
  gh.fault("user", { status: 429, retryAfter: 600, times: Infinity });
  const v = await verifyGitHubToken(secret, opts(gh, new Budget(3_000)));
  assertEquals(v.state, "unknown");
  assertStringIncludes(v.reason, "rate-limiting");
});

t("github verify: a 429 with a short wait is retried and gets the answer", async (gh) => {
  const secret = leakedPat("retry");
  gh.addToken(secret, { login: "octo" });
  gh.fault("user", { status: 429, retryAfter: 0 });
  const v = await verifyGitHubToken(secret, opts(gh));
  assertEquals(v.state, "live");
});

Deno.test("github verify: unreachable GitHub is unknown", async () => {
  const gh = await startFakeGitHub();
  const url = gh.url;
  await gh.close();
  const v = await verifyGitHubToken(leakedPat("offline"), {
    baseUrl: url,
    budget: Budget.forFunction(),
    retry: { baseDelayMs: 5, maxAttempts: 2 },
  });
  assertEquals(v.state, "unknown");
});
