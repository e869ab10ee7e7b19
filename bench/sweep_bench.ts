// Messages per second for a history sweep against the fake Slack Web API with 50 ms of latency on
// every call (a script, not a test: timings vary with the machine).
//
//   deno run --config offline.jsonc --allow-read --allow-env --allow-net=127.0.0.1 \
//     bench/sweep_bench.ts [messages=3000] [threads=20] [replies=50] [latency_ms=50]
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { FAKE_IDS, startFakeSlack } from "../test_support/fake_slack/mod.ts";
import { fakeSlackToken } from "../test_support/fake_tokens.ts";
import { Budget } from "../slack/budget.ts";
import { makeGuardDeps, processMessage } from "../slack/pipeline.ts";
import { newSweep, runSweep, type SweepState } from "../slack/sweep.ts";
import { withDefaults } from "../slack/settings_store.ts";

// Under `deno bench bench/` (which loads every *_bench.ts) this file does nothing.
async function main(args: string[]): Promise<void> {
  const [top = 3000, threads = 20, replies = 50, latency = 50] = args.map(Number);

  const fake = await startFakeSlack({ datastores: { findings: "fingerprint", settings: "id" } });
  const parents: string[] = [];
  for (let i = 0; i < top; i++) {
    const text = i % 500 === 0
      ? `config ${fakeSlackToken("xoxb", `bench-${i}`)} here`
      : `status update ${i}: build green, deploy at noon`;
    const ts = fake.postMessage(FAKE_IDS.general, { user: FAKE_IDS.member, text });
    if (parents.length < threads) parents.push(ts);
  }
  for (const p of parents) {
    for (let r = 0; r < replies; r++) {
      fake.postMessage(FAKE_IDS.general, { user: FAKE_IDS.other, text: `ack ${r}`, thread_ts: p });
    }
  }
  const total = top + threads * replies;
  fake.fault("*", { delayMs: latency, times: Infinity });
  // The verify calls with leaked tokens go to the same fake: they pay the latency too.

  const client = SlackAPI(fake.botToken, { slackApiUrl: fake.url });
  let state: SweepState = newSweep({
    id: "bench",
    channel_id: FAKE_IDS.general,
    periodDays: 30,
    now: Math.floor(Date.now() / 1000),
  });
  const started = performance.now();
  let runs = 0;
  while (state.status === "running" && runs < 50) {
    runs++;
    const budget = Budget.forFunction();
    const deps = makeGuardDeps({ client, env: fake.env }, budget, {
      settings: withDefaults({ alert_channel_id: FAKE_IDS.security }),
    });
    deps.log = () => {};
    const r = await runSweep({
      client,
      budget,
      process: (m) => processMessage(deps, m, { source: "sweep", warnPoster: false }),
      save: async () => {},
    }, state);
    state = r.state;
  }
  const seconds = (performance.now() - started) / 1000;
  const calls = fake.calls.length;
  await fake.close();

  console.log(
    `sweep bench: ${total} messages (${top} top-level, ${threads} threads x ${replies} replies), ` +
      `${latency} ms per call`,
  );
  console.log(
    `  ${state.messages_scanned} scanned in ${seconds.toFixed(2)} s over ${runs} run(s), ` +
      `${calls} API calls: ${(state.messages_scanned / seconds).toFixed(0)} messages/s, ` +
      `${state.findings_new} leaks found`,
  );
}

if (import.meta.main) await main(Deno.args);
