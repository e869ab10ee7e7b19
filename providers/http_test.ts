import { assert, assertEquals, assertRejects, assertStringIncludes } from "@std/assert";
import { joinUrl, ProviderError, providerFetch } from "./http.ts";
import { Budget } from "../slack/budget.ts";
import { startFakeGoogle } from "../test_support/fake_google.ts";
import { startFakeGitHub } from "../test_support/fake_github.ts";
import { fakeAlnum } from "../test_support/fake_tokens.ts";

const t = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name, sanitizeOps: false, sanitizeResources: false, fn });
const quick = { baseDelayMs: 5, maxDelayMs: 20 };

async function withGoogle(
  fn: (g: Awaited<ReturnType<typeof startFakeGoogle>>, token: string) => Promise<void>,
) {
  const g = await startFakeGoogle();
  const token = `ya29-${fakeAlnum(40)}`;
  g.addToken(token, "mo@example.com");
  try {
    await fn(g, token);
  } finally {
    await g.close();
  }
}

const userinfo = (base: string, token: string, budget = Budget.forFunction(), retry = {}) =>
  providerFetch<{ email: string }>({ budget, retry: { ...quick, ...retry } }, {
    provider: "Google",
    url: joinUrl(base, "/v1/userinfo"),
    token,
  });

t("provider fetch: JSON of a 2xx, bearer in the Authorization header only", async () => {
  await withGoogle(async (g, token) => {
    const r = await userinfo(g.url + "/", token);
    assertEquals(r.json.email, "mo@example.com");
    assertEquals(g.calls[0].token, token);
    assert(!g.calls[0].path.includes(token));
  });
});

t("provider fetch: 429 waits Retry-After, then succeeds", async () => {
  await withGoogle(async (g, token) => {
    g.fault("userinfo", { status: 429, retryAfter: 0 });
    const r = await userinfo(g.url, token);
    assertEquals(r.status, 200);
    assertEquals(g.callsTo("userinfo").length, 2);
  });
});

t("provider fetch: 5xx backs off and retries, then succeeds", async () => {
  await withGoogle(async (g, token) => {
    g.fault("userinfo", { status: 503, times: 2 });
    const r = await userinfo(g.url, token);
    assertEquals(r.status, 200);
    assertEquals(g.callsTo("userinfo").length, 3);
  });
});

t("provider fetch: 5xx that never ends gives up with a sentence, no token in it", async () => {
  await withGoogle(async (g, token) => {
    g.fault("userinfo", { status: 502, times: Infinity });
    const e = await assertRejects(
      () => userinfo(g.url, token, Budget.forFunction(), { maxAttempts: 3 }),
      ProviderError,
    );
    assertEquals((e as ProviderError).kind, "unavailable");
    assertStringIncludes(e.message, "kept failing (HTTP 502) after 3 attempt(s)");
    assert(!e.message.includes(token));
    assertEquals(g.callsTo("userinfo").length, 3);
  });
});

t("provider fetch: a Retry-After longer than the budget gives up at once", async () => {
  await withGoogle(async (g, token) => {
    g.fault("userinfo", { status: 429, retryAfter: 120, times: Infinity });
    const e = await assertRejects(() => userinfo(g.url, token, new Budget(5_000)), ProviderError);
    assertEquals((e as ProviderError).kind, "rate_limited");
    assertStringIncludes(e.message, "asked to wait 120 s");
    assertEquals(g.callsTo("userinfo").length, 1);
  });
});

t("provider fetch: an answer slower than the timeout is abandoned and retried", async () => {
  await withGoogle(async (g, token) => {
    g.fault("userinfo", { status: 200, delayMs: 2_000 });
    // The delayed fault answers 200 with a fake error body after 2 s; the 100 ms timeout wins.
    const r = await userinfo(g.url, token, Budget.forFunction(), { timeoutMs: 100 });
    assertEquals(r.json.email, "mo@example.com");
    assertEquals(g.callsTo("userinfo").length, 2);
  });
});

t("provider fetch: 401 is final (no retry): the caller refreshes", async () => {
  await withGoogle(async (g) => {
    const e = await assertRejects(() => userinfo(g.url, "not-a-token-at-all-xyz"), ProviderError);
    assertEquals((e as ProviderError).kind, "unauthorized");
    assertEquals(g.callsTo("userinfo").length, 1);
  });
});

t("provider fetch: GitHub's 403 rate limit (x-ratelimit-reset) is waited out", async () => {
  const gh = await startFakeGitHub();
  try {
    const token = `gho-${fakeAlnum(36)}`;
    gh.addToken(token, { login: "octo" });
    gh.fault("user", { status: 403, rateLimitReset: Math.floor(Date.now() / 1000) });
    const r = await providerFetch<{ login: string }>(
      { budget: Budget.forFunction(), retry: quick },
      {
        provider: "GitHub",
        url: joinUrl(gh.url, "user"),
        token,
      },
    );
    assertEquals(r.json.login, "octo");
    assertEquals(gh.callsTo("user").length, 2);
  } finally {
    await gh.close();
  }
});

t("provider fetch: nothing listening is 'could not be reached'", async () => {
  const g = await startFakeGoogle();
  const url = g.url;
  await g.close();
  const e = await assertRejects(
    () => userinfo(url, "whatever-token-value", Budget.forFunction(), { maxAttempts: 2 }),
    ProviderError,
  );
  assertStringIncludes(e.message, "could not be reached");
});

t("provider fetch: a POST that may have been applied (5xx) is reported, not re-sent", async () => {
  const gh = await startFakeGitHub();
  try {
    const token = `gho-${fakeAlnum(36)}`;
    gh.addToken(token, { login: "octo", scopes: ["public_repo"] });
    gh.addRepo("acme/security");
    gh.fault("issues.create", { status: 502 });
    const e = await assertRejects(
      () =>
        providerFetch({ budget: Budget.forFunction(), retry: quick }, {
          provider: "GitHub",
          method: "POST",
          url: joinUrl(gh.url, "repos/acme/security/issues"),
          token,
          body: { title: "x" },
        }),
      ProviderError,
    );
    assertStringIncludes(e.message, "may or may not have been made");
    assertEquals(gh.callsTo("issues.create").length, 1);
  } finally {
    await gh.close();
  }
});

t("provider fetch: a POST rate-limited (429) is re-sent: GitHub did not process it", async () => {
  const gh = await startFakeGitHub();
  try {
    const token = `gho-${fakeAlnum(36)}`;
    gh.addToken(token, { login: "octo", scopes: ["public_repo"] });
    gh.addRepo("acme/security");
    gh.fault("issues.create", { status: 429, retryAfter: 0 });
    const r = await providerFetch<{ number: number }>({
      budget: Budget.forFunction(),
      retry: quick,
    }, {
      provider: "GitHub",
      method: "POST",
      url: joinUrl(gh.url, "repos/acme/security/issues"),
      token,
      body: { title: "x" },
    });
    assertEquals(r.json.number, 1);
    assertEquals(gh.repos.get("acme/security")!.issues.length, 1);
  } finally {
    await gh.close();
  }
});
