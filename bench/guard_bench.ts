// Drives 1,000 messages through the real guard handler against the fake Slack Web API on
// loopback and reports our own time per message (p50/p99) and messages per second.
//
//   deno run --config offline.jsonc --allow-read --allow-env --allow-net=127.0.0.1 \
//     bench/guard_bench.ts [messages=1000] [leak-every=20]
//
// Time per message is the handler's wall time, including its own Web API calls to the loopback
// fake (reported per message too): a clean message costs one call (the settings), a leak about
// eight (settings, record, verify, permalink, update, warn, alert, update). Real Slack adds its
// network latency per call on top; the engine and builders are what this measures.
// One message in `leak-every` carries a live bot token (verify, record, warn, alert); the rest
// are ordinary chat, some with keywords that make the engine look closer.
import { SlackFunctionTester } from "deno-slack-sdk/mod.ts";
import { FAKE_IDS, startFakeSlack } from "../test_support/fake_slack/mod.ts";
import { fakeSlackToken } from "../test_support/fake_tokens.ts";
import { GuardMessageFunction } from "../functions/guard_message/definition.ts";
import handler from "../functions/guard_message/mod.ts";
import { scan } from "../detect/scan.ts";
import { messageText } from "../slack/message_text.ts";

const total = Number(Deno.args[0] ?? 1000);
const leakEvery = Number(Deno.args[1] ?? 20);

const CHATTER = [
  "standup in 5, bring your notes",
  "the deploy token rotation is scheduled for friday",
  "can someone review PR 4821? it touches the secret manager config",
  "export SLACK_TOKEN=<your token here> then run make",
  "lunch? :taco:",
  "password reset emails are delayed, support is on it",
  "api key for staging lives in the vault, not here please",
];

const fake = await startFakeSlack({ datastores: { findings: "fingerprint", settings: "id" } });
fake.state.datastores.set(
  "settings",
  new Map([["workspace", { id: "workspace", alert_channel_id: FAKE_IDS.security }]]),
);
const env = { ...fake.env, SLACK_WEBHOOK_URL_BASE: fake.webhookBase };
const { createContext } = SlackFunctionTester(GuardMessageFunction);

// Quiet the handler's one log line per message.
const log = console.log;
console.log = () => {};

const clean: number[] = [];
const leaky: number[] = [];
let cleanCalls = 0;
let leakCalls = 0;
const engine: number[] = [];
const started = performance.now();
let leaks = 0;
for (let i = 0; i < total; i++) {
  let text = CHATTER[i % CHATTER.length];
  const isLeak = i % leakEvery === 0;
  if (isLeak) {
    const token = fakeSlackToken("xoxb", `bench-${i}`);
    fake.addToken({ token, kind: "bot" });
    text = `new bot token: ${token}`;
    leaks++;
  }
  const ts = fake.postMessage(FAKE_IDS.general, { user: FAKE_IDS.member, text });
  // Our pure share of the work, alone: the message's text and the engine's scan.
  const e0 = performance.now();
  await scan(messageText({ text }), { includeSecret: true });
  engine.push(performance.now() - e0);
  const callsBefore = fake.calls.length;
  const t0 = performance.now();
  await handler(createContext({
    inputs: { channel_id: FAKE_IDS.general, user_id: FAKE_IDS.member, message_ts: ts, text },
    env,
    token: fake.botToken,
    team_id: FAKE_IDS.team,
    event: {
      type: "function_executed",
      event_ts: String(Date.now()),
      function_execution_id: `FxBENCH${i}`,
      inputs: {},
      function: { id: "Fn0GUARD", callback_id: "guard_message", title: "Guard message" },
    } as never,
  }));
  const wall = performance.now() - t0;
  const calls = fake.calls.length - callsBefore;
  if (isLeak) {
    leaky.push(wall);
    leakCalls += calls;
  } else {
    clean.push(wall);
    cleanCalls += calls;
  }
  // Keep the recorded calls from growing without bound over a long run.
  fake.clearCalls();
}
const elapsed = (performance.now() - started) / 1000;
console.log = log;

const all = [...clean, ...leaky];
for (const xs of [clean, leaky, all, engine]) xs.sort((a, b) => a - b);
const pct = (xs: number[], p: number) =>
  xs.length ? xs[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(2) : "-";
const findings = fake.state.datastores.get("findings")?.size ?? 0;
console.log(
  `guard bench: ${total} messages (${leaks} with a live token), ${findings} findings, ${
    fake.messagesIn(FAKE_IDS.security).length
  } alerts`,
);
console.log(`  all messages:   p50 ${pct(all, 0.5)} ms, p99 ${pct(all, 0.99)} ms`);
console.log(
  `  clean messages: p50 ${pct(clean, 0.5)} ms, p99 ${pct(clean, 0.99)} ms, ${
    (cleanCalls / Math.max(1, clean.length)).toFixed(1)
  } API calls each`,
);
console.log(
  `  leaks:          p50 ${pct(leaky, 0.5)} ms, p99 ${pct(leaky, 0.99)} ms, ${
    (leakCalls / Math.max(1, leaky.length)).toFixed(1)
  } API calls each`,
);
console.log(
  `  engine alone (text + scan): p50 ${pct(engine, 0.5)} ms, p99 ${pct(engine, 0.99)} ms`,
);
console.log(`  throughput: ${(total / elapsed).toFixed(0)} messages/s (one at a time)`);
await fake.close();
