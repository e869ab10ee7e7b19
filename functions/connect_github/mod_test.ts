import { SlackFunctionTester } from "deno-slack-sdk/mod.ts";
import { assertEquals, assertStringIncludes } from "@std/assert";
import handler from "./mod.ts";
import { ConnectGitHubFunction } from "./definition.ts";
import { FAKE_IDS } from "../../test_support/fake_slack/mod.ts";
import {
  assertNoProviderTokenLeaks,
  botDeps,
  type World,
  worldTest,
} from "../../test_support/external_world.ts";
import { getConnection } from "../../slack/external_connections_store.ts";

const { createContext } = SlackFunctionTester(ConnectGitHubFunction);

function run(w: World, tokenId: string) {
  return handler(createContext({
    inputs: {
      user_id: FAKE_IDS.member,
      channel_id: FAKE_IDS.general,
      github_access_token_id: tokenId,
    },
    env: w.env,
    token: w.slack.botToken,
  }));
}

worldTest("connect github: checks the login, says which, keeps only the token id", async (w) => {
  const ext = w.slack.addExternalToken({ provider_key: "github", external_user_id: "mo-codes" });
  const result = await run(w, ext.external_token_id);
  assertEquals(result.outputs?.account, "mo-codes");
  assertStringIncludes(w.slack.state.ephemerals[0].text, "GitHub account mo-codes is connected");
  const conn = await getConnection(botDeps(w).call, "github", FAKE_IDS.member);
  assertEquals(conn?.external_token_id, ext.external_token_id);
  const call = w.github.callsTo("user")[0];
  assertEquals(call.path, "/user");
  assertNoProviderTokenLeaks(w, [result]);
});

worldTest("connect github: expired token refreshed once, then connected", async (w) => {
  const ext = w.slack.addExternalToken({ provider_key: "github", external_user_id: "mo-codes" });
  w.slack.expireExternalToken(ext.external_token_id);
  const result = await run(w, ext.external_token_id);
  assertEquals(result.outputs?.account, "mo-codes");
  assertEquals(ext.refreshes, 1);
  assertNoProviderTokenLeaks(w, [result]);
});

worldTest("connect github: GitHub rate limit past the run's time is a sentence", async (w) => {
  const ext = w.slack.addExternalToken({ provider_key: "github" });
  w.github.fault("user", { status: 429, retryAfter: 3600, times: Infinity });
  const result = await run(w, ext.external_token_id);
  assertStringIncludes(result.error ?? "", "GitHub is rate-limiting Token Guard");
});
