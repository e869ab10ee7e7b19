import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { SlackAPI, SlackFunctionTester } from "deno-slack-sdk/mod.ts";
import { FAKE_IDS, type FakeSlack, startFakeSlack } from "../../test_support/fake_slack/mod.ts";
import { fakeSlackToken } from "../../test_support/fake_tokens.ts";
import { SweepChannelFunction } from "./definition.ts";
import handler from "./mod.ts";
import { Budget, type Clock } from "../../slack/budget.ts";
import { makeGuardDeps, processMessage } from "../../slack/pipeline.ts";
import { newSweep, runSweep, type SweepState } from "../../slack/sweep.ts";
import { withDefaults } from "../../slack/settings_store.ts";

const t = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name, sanitizeOps: false, sanitizeResources: false, fn });

const { createContext } = SlackFunctionTester(SweepChannelFunction);

async function start(): Promise<FakeSlack> {
  const fake = await startFakeSlack({
    datastores: { findings: "fingerprint", settings: "id", sweeps: "id" },
  });
  fake.state.datastores.set(
    "settings",
    new Map([["workspace", { id: "workspace", alert_channel_id: FAKE_IDS.security }]]),
  );
  return fake;
}

/** `top` top-level messages, `threads` of them with `replies` replies; `secrets` leaks spread. */
function fill(fake: FakeSlack, top: number, threads: number, replies: number, secrets = 0) {
  const parents: string[] = [];
  let leaks = 0;
  const leakEvery = secrets > 0 ? Math.floor(top / secrets) : Infinity;
  for (let i = 0; i < top; i++) {
    const leak = i % leakEvery === 0 && leaks < secrets;
    if (leak) leaks++;
    const text = leak
      ? `deploy with ${fakeSlackToken("xoxb", `sweep-${i}`)} please`
      : `message ${i} about lunch`;
    const ts = fake.postMessage(FAKE_IDS.general, { user: FAKE_IDS.member, text });
    if (parents.length < threads) parents.push(ts);
  }
  for (const p of parents) {
    for (let r = 0; r < replies; r++) {
      fake.postMessage(FAKE_IDS.general, {
        user: FAKE_IDS.other,
        text: `reply ${r}`,
        thread_ts: p,
      });
    }
  }
  return top + threads * replies;
}

let executions = 0;

async function run(
  fake: FakeSlack,
  inputs: Record<string, unknown>,
  env: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const id = `Fx0SWEEP${++executions}`;
  const ctx = createContext({
    inputs: inputs as never,
    env: { ...fake.env, ...env },
    token: fake.botToken,
    team_id: FAKE_IDS.team,
    event: { type: "function_executed", function_execution_id: id } as never,
  });
  return await handler(ctx) as Record<string, unknown>;
}

function sweeps(fake: FakeSlack): SweepState[] {
  return [...(fake.state.datastores.get("sweeps")?.values() ?? [])] as unknown as SweepState[];
}

t("sweep: an empty channel finishes at once with a summary", async () => {
  const fake = await start();
  try {
    const r = await run(fake, { channel_id: FAKE_IDS.general, user_id: FAKE_IDS.member });
    const out = r.outputs as Record<string, unknown>;
    assertEquals(out.done, true);
    assertEquals(out.messages_scanned, 0);
    const progress = fake.callsTo("chat.update").at(-1)!;
    assertStringIncludes(String(progress.args.text), "finished");
    assertEquals(sweeps(fake)[0].status, "done");
  } finally {
    await fake.close();
  }
});

t("sweep: thousands of messages over many pages, threads included, every leak once", async () => {
  const fake = await start();
  try {
    const total = fill(fake, 1500, 4, 250, 5);
    const r = await run(fake, { channel_id: FAKE_IDS.general, user_id: FAKE_IDS.member });
    // It posted alerts with buttons: the run stays open for them, like the guard's.
    assertEquals(r.completed, false);
    assertEquals(sweeps(fake)[0].status, "done");
    assertEquals(sweeps(fake)[0].messages_scanned, total);
    assert(fake.callsTo("conversations.history").length >= 8);
    // 4 threads, 250 replies each: two pages of replies per thread.
    assertEquals(fake.callsTo("conversations.replies").length, 8);
    const s = sweeps(fake)[0];
    assertEquals(s.threads_scanned, 4);
    assertEquals(s.findings_new, 5);
    assertEquals(fake.state.datastores.get("findings")!.size, 5);
    // New leaks are alerted once each in the security channel.
    assertEquals(fake.messagesIn(FAKE_IDS.security).length, 5);
    assertStringIncludes(JSON.stringify(s), "slack|");
    // The sweep keeps positions and counters only: no message text.
    assert(!JSON.stringify(fake.state.datastores.get("sweeps")).includes("lunch"));
    // A second sweep of the same channel finds the same leaks known, and alerts nothing new.
    fake.clearCalls();
    await run(fake, { channel_id: FAKE_IDS.general, user_id: FAKE_IDS.member });
    assertEquals(
      fake.callsTo("chat.postMessage").filter((c) => c.args.channel === FAKE_IDS.security).length,
      0,
    );
  } finally {
    await fake.close();
  }
});

t(
  "sweep: needs three runs, continues through scheduled triggers, scans nothing twice",
  async () => {
    const fake = await start();
    try {
      const total = fill(fake, 1000, 3, 300, 3);
      const env = { TOKEN_GUARD_SWEEP_MAX_MESSAGES: "700" };
      await run(fake, { channel_id: FAKE_IDS.general, user_id: FAKE_IDS.member }, env);
      let runs = 1;
      while (sweeps(fake)[0].status === "running" && runs < 10) {
        const triggers = [...fake.state.triggers.values()].filter((x) => x.type === "scheduled");
        assertEquals(triggers.length, 1, "one continuation at a time");
        assertEquals(
          (triggers[0].schedule as { frequency: { type: string } }).frequency.type,
          "once",
        );
        const inputs = Object.fromEntries(
          Object.entries(triggers[0].inputs).map(([k, v]) => [k, (v as { value: unknown }).value]),
        );
        await run(fake, inputs, env);
        runs++;
      }
      assertEquals(runs, 3);
      const s = sweeps(fake)[0];
      assertEquals(s.runs, 3);
      assertEquals(s.messages_scanned, total);
      assertEquals(s.threads_scanned, 3);
      assertEquals(s.findings_new, 3);
      assertEquals(fake.state.triggers.size, 0, "continuation triggers are deleted after use");
      const last = fake.callsTo("chat.update").at(-1)!;
      assertStringIncludes(String(last.args.text), "finished");
    } finally {
      await fake.close();
    }
  },
);

t("sweep: a 429 in the middle is waited out and the counts stay exact", async () => {
  const fake = await start();
  try {
    const total = fill(fake, 450, 2, 30, 2);
    fake.fault("conversations.replies", { status: 429, retryAfter: 1 });
    fake.fault("conversations.history", { status: 429, retryAfter: 1 });
    await run(fake, { channel_id: FAKE_IDS.general, user_id: FAKE_IDS.member });
    const s = sweeps(fake)[0];
    assertEquals(s.status, "done");
    assertEquals(s.messages_scanned, total);
    assertEquals(s.findings_new, 2);
    assert(fake.callsTo("conversations.history").length >= 4, "the 429 was retried");
  } finally {
    await fake.close();
  }
});

t("sweep: a private channel without the app is refused with what to do", async () => {
  const fake = await start();
  try {
    fake.addChannel({ id: "C0SECRETS01", name: "secrets", is_private: true, members: [] });
    const r = await run(fake, { channel_id: "C0SECRETS01", user_id: FAKE_IDS.member });
    assertStringIncludes(String((r.outputs as Record<string, unknown>).summary), "/invite");
    assertEquals(sweeps(fake).length, 0);
    // A public channel it is not in: it joins and sweeps.
    const r2 = await run(fake, { channel_id: FAKE_IDS.random, user_id: FAKE_IDS.member });
    assertEquals((r2.outputs as Record<string, unknown>).done, true);
    assertEquals(fake.callsTo("conversations.join").length, 1);
  } finally {
    await fake.close();
  }
});

t("sweep core: stops when the budget nears its end and resumes at the same message", async () => {
  const fake = await start();
  try {
    const total = fill(fake, 60, 2, 15, 0);
    const client = SlackAPI(fake.botToken, { slackApiUrl: fake.url });
    let ms = 0;
    const clock: Clock = { now: () => ms };
    let state: SweepState = newSweep({
      id: "sweep-core",
      channel_id: FAKE_IDS.general,
      periodDays: 1,
      now: Math.floor(Date.now() / 1000),
    });
    const seen = new Map<string, number>();
    let runs = 0;
    while (state.status === "running" && runs < 20) {
      runs++;
      // Each run has 20 s; each message "takes" 1 s; 8 s are kept in reserve.
      const budget = new Budget(20_000, clock);
      const deps = makeGuardDeps({ client, env: fake.env }, budget, {
        settings: withDefaults({ alert_channel_id: FAKE_IDS.security }),
      });
      const r = await runSweep({
        client,
        budget,
        process: async (m) => {
          ms += 1_000;
          seen.set(m.ts, (seen.get(m.ts) ?? 0) + 1);
          return await processMessage(deps, m, { source: "sweep", warnPoster: false });
        },
        save: async () => {},
      }, state);
      state = r.state;
      assert(r.scanned <= 13, `scanned ${r.scanned}`);
    }
    assertEquals(state.status, "done");
    assertEquals(state.messages_scanned, total);
    assertEquals(seen.size, total);
    assert([...seen.values()].every((n) => n === 1), "no message scanned twice");
    assert(runs >= Math.ceil(total / 13), `runs ${runs}`);
  } finally {
    await fake.close();
  }
});
