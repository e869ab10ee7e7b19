import { SlackFunctionTester } from "deno-slack-sdk/mod.ts";
import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import handler from "./mod.ts";
import { ConnectGoogleFunction } from "./definition.ts";
import { FAKE_IDS } from "../../test_support/fake_slack/mod.ts";
import {
  assertNoProviderTokenLeaks,
  botDeps,
  type World,
  worldTest,
} from "../../test_support/external_world.ts";
import { getConnection } from "../../slack/external_connections_store.ts";

const { createContext } = SlackFunctionTester(ConnectGoogleFunction);

function run(
  w: World,
  tokenId: string,
  where: { channel_id?: string } = { channel_id: FAKE_IDS.general },
) {
  return handler(createContext({
    inputs: { user_id: FAKE_IDS.member, ...where, google_access_token_id: tokenId },
    env: w.env,
    token: w.slack.botToken,
  }));
}

worldTest("connect google: checks the account, says which, keeps only the token id", async (w) => {
  const ext = w.slack.addExternalToken({
    provider_key: "google",
    external_user_id: "mo@example.com",
  });
  const result = await run(w, ext.external_token_id);
  assertEquals(result.error, undefined);
  assertEquals(result.outputs?.account, "mo@example.com");
  const told = w.slack.state.ephemerals;
  assertEquals(told.length, 1);
  assertEquals([told[0].channel, told[0].user], [FAKE_IDS.general, FAKE_IDS.member]);
  assertStringIncludes(told[0].text, "mo@example.com is connected");
  const conn = await getConnection(botDeps(w).call, "google", FAKE_IDS.member);
  assertEquals(conn?.external_token_id, ext.external_token_id);
  assertEquals(conn?.account, "mo@example.com");
  assertEquals(w.google.callsTo("userinfo").length, 1);
  assertNoProviderTokenLeaks(w, [result]);
});

worldTest("connect google: an expired access token is refreshed with force_refresh", async (w) => {
  const ext = w.slack.addExternalToken({
    provider_key: "google",
    external_user_id: "mo@example.com",
  });
  w.slack.expireExternalToken(ext.external_token_id);
  const result = await run(w, ext.external_token_id);
  assertEquals(result.outputs?.account, "mo@example.com");
  assertEquals(ext.refreshes, 1);
  assertEquals(w.google.callsTo("userinfo").length, 2);
  assertNoProviderTokenLeaks(w, [result]);
});

worldTest("connect google: refresh impossible: a sentence saying to connect again", async (w) => {
  const ext = w.slack.addExternalToken({ provider_key: "google", refreshable: false });
  w.slack.expireExternalToken(ext.external_token_id);
  const result = await run(w, ext.external_token_id);
  assertStringIncludes(result.error ?? "", "no refresh token");
  assertStringIncludes(result.error ?? "", "Connect my Google account");
  assertEquals(w.slack.state.ephemerals[0].text, result.error);
  assertEquals(w.slack.state.datastores.get("external_connections")?.size ?? 0, 0);
  assertNoProviderTokenLeaks(w, [result]);
});

worldTest("connect google: no token behind the id (nothing connected)", async (w) => {
  w.slack.addExternalToken({ provider_key: "google" }); // someone else's
  const result = await run(w, "EtNOTCONNECTED");
  assertStringIncludes(result.error ?? "", "not connected");
  assertEquals(w.google.calls.length, 0);
});

worldTest("connect google: Google's 429 and 5xx are retried within the run", async (w) => {
  const ext = w.slack.addExternalToken({
    provider_key: "google",
    external_user_id: "mo@example.com",
  });
  w.google.fault("userinfo", { status: 429, retryAfter: 0 });
  w.google.fault("userinfo", { status: 500 });
  const result = await run(w, ext.external_token_id);
  assertEquals(result.outputs?.account, "mo@example.com");
  assertEquals(w.google.callsTo("userinfo").length, 3);
});

worldTest("connect google: Google down for good: a sentence, nothing stored", async (w) => {
  const ext = w.slack.addExternalToken({ provider_key: "google" });
  w.google.fault("userinfo", { status: 503, times: Infinity });
  const result = await run(w, ext.external_token_id);
  assertStringIncludes(result.error ?? "", "Google kept failing (HTTP 503)");
  assertEquals(w.slack.state.datastores.get("external_connections")?.size ?? 0, 0);
  assert(w.slack.state.ephemerals.length === 1);
});

worldTest("connect google: without a channel the answer comes by DM", async (w) => {
  const ext = w.slack.addExternalToken({
    provider_key: "google",
    external_user_id: "mo@example.com",
  });
  // The fake delivers a post to a user id only through a channel with that id: the app's DM.
  w.slack.addChannel({
    id: FAKE_IDS.member,
    is_im: true,
    members: [FAKE_IDS.member, FAKE_IDS.botUser],
  });
  const result = await run(w, ext.external_token_id, {});
  assertEquals(result.outputs?.account, "mo@example.com");
  const dm = w.slack.callsTo("chat.postMessage");
  assertEquals(dm.length, 1);
  assertEquals(dm[0].args.channel, FAKE_IDS.member);
});
