import { assert, assertEquals, assertRejects, assertStringIncludes } from "@std/assert";
import {
  explainExternalError,
  ExternalTokenError,
  getProviderToken,
  providerTokenSession,
  withProviderToken,
} from "./external_token.ts";
import { botDeps, worldTest } from "../test_support/external_world.ts";
import { googleUserinfo } from "../providers/google_api.ts";
import { httpOf } from "../providers/external_deps.ts";

const GOOGLE = { provider: "google" as const };

worldTest(
  "external token: handed out by Slack and used once when the provider accepts it",
  async (w) => {
    const ext = w.slack.addExternalToken({
      provider_key: "google",
      external_user_id: "mo@example.com",
    });
    const deps = botDeps(w);
    const email = await withProviderToken(
      deps,
      ext.external_token_id,
      async (token) => (await googleUserinfo(httpOf(deps), w.google.url, token)).email,
      GOOGLE,
    );
    assertEquals(email, "mo@example.com");
    const gets = w.slack.callsTo("apps.auth.external.get");
    assertEquals(gets.length, 1);
    assertEquals(gets[0].args.force_refresh, undefined);
    assertEquals(ext.refreshes, 0);
  },
);

worldTest(
  "external token: a 401 from the provider refreshes once with force_refresh",
  async (w) => {
    const ext = w.slack.addExternalToken({
      provider_key: "google",
      external_user_id: "mo@example.com",
    });
    const stale = ext.token;
    w.slack.expireExternalToken(ext.external_token_id);
    const deps = botDeps(w);
    const lines: string[] = [];
    const email = await withProviderToken(
      { ...deps, log: (l) => lines.push(l) },
      ext.external_token_id,
      async (token) => (await googleUserinfo(httpOf(deps), w.google.url, token)).email,
      GOOGLE,
    );
    assertEquals(email, "mo@example.com");
    assertEquals(ext.refreshes, 1);
    const gets = w.slack.callsTo("apps.auth.external.get");
    assertEquals(gets.map((g) => String(g.args.force_refresh ?? "")), ["", "true"]);
    const used = w.google.callsTo("userinfo").map((c) => c.token);
    assertEquals(used.length, 2);
    assertEquals(used[0], stale);
    assert(used[1] !== stale, "the second call used the refreshed token");
    assertEquals(lines.length, 1);
    assert(!lines[0].includes(stale) && !lines[0].includes(ext.token), "no token in the log line");
  },
);

worldTest("external token: no connection yet names the Connect workflow", async (w) => {
  const e = await assertRejects(
    () => getProviderToken(botDeps(w), "EtNOSUCHTOKEN", GOOGLE),
    ExternalTokenError,
  );
  assertEquals((e as ExternalTokenError).problem, "not_connected");
  assertStringIncludes(e.message, "Connect my Google account");
  const empty = await assertRejects(() => getProviderToken(botDeps(w), "", GOOGLE));
  assertStringIncludes(empty.message, "not connected");
});

worldTest("external token: a developer credential asks an admin for select-auth", async (w) => {
  const e = await assertRejects(
    () =>
      getProviderToken(botDeps(w), "EtNOSUCHTOKEN", { provider: "github", source: "DEVELOPER" }),
    ExternalTokenError,
  );
  assertStringIncludes(e.message, "slack external-auth select-auth");
});

worldTest("external token: refresh impossible (no refresh token) says reconnect", async (w) => {
  const ext = w.slack.addExternalToken({ provider_key: "google", refreshable: false });
  w.slack.expireExternalToken(ext.external_token_id);
  const deps = botDeps(w);
  const e = await assertRejects(
    () =>
      withProviderToken(
        deps,
        ext.external_token_id,
        (t) => googleUserinfo(httpOf(deps), w.google.url, t),
        GOOGLE,
      ),
    ExternalTokenError,
  );
  assertEquals((e as ExternalTokenError).problem, "no_refresh_token");
  assertStringIncludes(e.message, "Connect my Google account");
});

worldTest(
  "external token: a revoked grant (invalid_grant on refresh) says reconnect",
  async (w) => {
    const ext = w.slack.addExternalToken({ provider_key: "google" });
    w.slack.expireExternalToken(ext.external_token_id);
    const deps = botDeps(w);
    let first = true;
    const e = await assertRejects(
      () =>
        withProviderToken(deps, ext.external_token_id, (t) => {
          // The grant is revoked at Google: the refresh that follows this 401 fails.
          if (first) w.slack.fault("apps.auth.external.get", { error: "invalid_grant" });
          first = false;
          return googleUserinfo(httpOf(deps), w.google.url, t);
        }, GOOGLE),
      ExternalTokenError,
    );
    assertEquals((e as ExternalTokenError).problem, "revoked");
    assertStringIncludes(e.message, "7 days");
  },
);

worldTest(
  "external token: scope mismatch says reconnect to grant the new permissions",
  async (w) => {
    const ext = w.slack.addExternalToken({ provider_key: "github", error: "scope_mismatch_error" });
    const e = await assertRejects(
      () => getProviderToken(botDeps(w), ext.external_token_id, { provider: "github" }),
      ExternalTokenError,
    );
    assertEquals((e as ExternalTokenError).problem, "scope_mismatch");
    assertStringIncludes(e.message, "Connect my GitHub account");
  },
);

worldTest(
  "external token: still refused right after a refresh means revoked, asked once",
  async (w) => {
    const ext = w.slack.addExternalToken({ provider_key: "google" });
    w.google.fault("userinfo", { status: 401, times: 5 });
    const deps = botDeps(w);
    const session = providerTokenSession(deps, ext.external_token_id, GOOGLE);
    const e = await assertRejects(
      () => session.use((t) => googleUserinfo(httpOf(deps), w.google.url, t)),
      ExternalTokenError,
    );
    assertEquals((e as ExternalTokenError).problem, "rejected");
    assertEquals(w.google.callsTo("userinfo").length, 2);
    assertEquals(session.refreshes, 1);
  },
);

worldTest(
  "external token: Slack unreachable for the token is 'unavailable', not a crash",
  async (w) => {
    const ext = w.slack.addExternalToken({ provider_key: "google" });
    w.slack.fault("apps.auth.external.get", { status: 503, times: Infinity });
    const e = await assertRejects(
      () => getProviderToken(botDeps(w), ext.external_token_id, GOOGLE),
      ExternalTokenError,
    );
    assertEquals((e as ExternalTokenError).problem, "unavailable");
    assertStringIncludes(e.message, "try again");
  },
);

Deno.test("external token: every known code has a sentence with what to do", () => {
  for (
    const code of [
      "token_not_found",
      "no_refresh_token",
      "scope_mismatch_error",
      "invalid_grant",
      "access_token_exchange_failed",
    ]
  ) {
    for (const provider of ["google", "github"] as const) {
      const { sentence, problem } = explainExternalError(code, { provider });
      assert(problem !== "unavailable", code);
      assert(/Run "Connect my (Google|GitHub) account"/.test(sentence), `${code}: ${sentence}`);
    }
  }
});
