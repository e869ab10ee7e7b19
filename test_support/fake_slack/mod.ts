// A fake Slack Web API on loopback, for tests and benches. The real SlackAPI client talks to it.
//
//   const fake = await startFakeSlack();          // default workspace: FAKE_IDS names everything
//   const client = SlackAPI(fake.botToken, { slackApiUrl: fake.url });
//   // or SlackFunctionTester contexts: createContext({ inputs, env: fake.env, token: fake.botToken })
//   fake.postMessage(FAKE_IDS.general, { user: FAKE_IDS.member, text: "hello" });
//   fake.fault("chat.postMessage", { status: 429, retryAfter: 2 });  // also 5xx, error, delayMs, drop
//   fake.addToken({ token: fakeSlackToken("xoxp"), kind: "user", user_id: FAKE_IDS.member, scopes: [] });
//   const hook = fake.addWebhook({ channel: FAKE_IDS.general });   // URL under fake.webhookBase
//   ... fake.callsTo("chat.postMessage")[0].args, fake.state.datastores, fake.state.ephemerals ...
//   await fake.close();
//
// Tests that use the SDK client need `sanitizeOps: false, sanitizeResources: false` (undici
// keep-alive on Deno 1.46). Like Slack: conversations.history is newest first with cursor
// paging; conversations.replies starts every page with the parent; apps.datastore.get answers a
// missing key with `item: {}`; undeclared datastores key items by "id" (declare others with
// `startFakeSlack({ datastores: { findings: "fingerprint" } })`).
export {
  type AddTokenInput,
  type FakeCall,
  FakeSlack,
  type Fault,
  METHODS,
  type PostInput,
  startFakeSlack,
} from "./server.ts";
export {
  ALL_BOT_SCOPES,
  FAKE_IDS,
  type FakeChannel,
  type FakeCompletion,
  type FakeEphemeral,
  type FakeExternalToken,
  type FakeMessage,
  type FakeState,
  type FakeToken,
  type FakeTrigger,
  type FakeUser,
  type FakeWebhook,
  type Seed,
  type TokenKind,
  type WebhookStatus,
} from "./state.ts";
export { compileQuery, QueryError } from "./datastore_query.ts";
export { withFakeSlack } from "./testing.ts";
