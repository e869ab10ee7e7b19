import { assertEquals, assertNotEquals } from "@std/assert";
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { withFakeSlack } from "./mod.ts";

const api = (url: string, token: string) => SlackAPI(token, { slackApiUrl: url });

withFakeSlack("functions.completeSuccess and completeError are recorded", async (fake) => {
  const c = api(fake.url, fake.botToken);
  const ok = await c.functions.completeSuccess({
    function_execution_id: "Fx0001",
    outputs: { state: "revoked" },
  });
  assertEquals(ok.ok, true);
  await c.functions.completeError({ function_execution_id: "Fx0002", error: "It failed." });
  assertEquals(fake.state.completions.map((x) => [x.function_execution_id, x.kind]), [
    ["Fx0001", "success"],
    ["Fx0002", "error"],
  ]);
  assertEquals(fake.state.completions[0].outputs, { state: "revoked" });
  assertEquals(fake.state.completions[1].error, "It failed.");
  const missing = await c.apiCall("functions.completeError", { function_execution_id: "Fx3" });
  assertEquals(missing.error, "invalid_arguments");
});

withFakeSlack("apps.auth.external.get: token, expiry, force_refresh rotation", async (fake) => {
  const c = api(fake.url, fake.botToken);
  const ext = fake.addExternalToken({ provider_key: "github", external_user_id: "octo" });
  const first = await c.apps.auth.external.get({ external_token_id: ext.external_token_id });
  assertEquals(first.external_token, ext.token);
  assertEquals(fake.externalTokenLive(ext.token)?.external_user_id, "octo");
  // The provider stops accepting it; Slack still hands the stale one out without force_refresh.
  fake.expireExternalToken(ext.external_token_id);
  const stale = await c.apps.auth.external.get({ external_token_id: ext.external_token_id });
  assertEquals(stale.external_token, first.external_token);
  assertEquals(fake.externalTokenLive(stale.external_token!), undefined);
  const fresh = await c.apps.auth.external.get({
    external_token_id: ext.external_token_id,
    force_refresh: true,
  });
  assertNotEquals(fresh.external_token, first.external_token);
  assertEquals(fake.externalTokenLive(fresh.external_token!)?.refreshes, 1);
});

withFakeSlack("apps.auth.external.get: injected failures", async (fake) => {
  const c = api(fake.url, fake.botToken);
  assertEquals(
    (await c.apps.auth.external.get({ external_token_id: "Et0MISSING" })).error,
    "token_not_found",
  );
  const noRefresh = fake.addExternalToken({ provider_key: "google", refreshable: false });
  assertEquals(
    (await c.apps.auth.external.get({
      external_token_id: noRefresh.external_token_id,
      force_refresh: true,
    })).error,
    "no_refresh_token",
  );
  const mismatch = fake.addExternalToken({ provider_key: "google", error: "scope_mismatch_error" });
  assertEquals(
    (await c.apps.auth.external.get({ external_token_id: mismatch.external_token_id })).error,
    "scope_mismatch_error",
  );
  assertEquals(
    (await c.apps.auth.external.delete({ external_token_id: noRefresh.external_token_id })).ok,
    true,
  );
  assertEquals(fake.state.externalTokens.has(noRefresh.external_token_id), false);
});
