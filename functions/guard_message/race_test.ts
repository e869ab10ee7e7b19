// Two deliveries of one event at the same moment, through two real guard handlers at once
// (Promise.all) against the fake server. The datastore has no compare-and-set; the fake's
// `delayMs` faults force the interleavings that used to give two alerts.
import { assert, assertEquals } from "@std/assert";
import { fakeSlackToken } from "../../test_support/fake_tokens.ts";
import { fingerprint } from "../../detect/fingerprint.ts";
import { FAKE_IDS, type GuardRun, type Kit, kitTest, startKit } from "./test_kit.ts";

function liveBotToken(kit: Kit, seed: string): string {
  const t = fakeSlackToken("xoxb", seed);
  kit.fake.addToken({ token: t, kind: "bot", bot_id: "B0LEAKED02", app_id: "A0LEAKED02" });
  return t;
}

/** Both runs read the settings and the (missing) finding in lockstep, so both see "new". */
function lockstepReads(kit: Kit) {
  kit.fake.fault("apps.datastore.get", { delayMs: 150, times: 4 });
}

function alertedRuns(runs: GuardRun[]): number {
  return runs.filter((r) => "completed" in r.result).length;
}

kitTest(
  "same event twice at once, one first write landing after the other run alerted: one alert",
  async () => {
    const kit = await startKit();
    try {
      const leaked = liveBotToken(kit, "r1");
      const ev = kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: leaked });
      lockstepReads(kit);
      // The second first-sighting write (put before, update now) arrives long after the first
      // run has verified, warned, alerted and recorded the alert.
      for (const m of ["apps.datastore.put", "apps.datastore.update"]) {
        kit.fake.fault(m, { delayMs: 1 });
        kit.fake.fault(m, { delayMs: 1_500 });
      }
      const runs = await Promise.all([kit.guard(ev), kit.guard(ev)]);
      assertEquals(kit.findings().length, 1);
      assertEquals(kit.alerts().length, 1);
      assertEquals(alertedRuns(runs), 1);
      const f = kit.finding(await fingerprint(leaked));
      const winner = runs.find((r) => "completed" in r.result)!;
      assertEquals(f.alerting, winner.executionId);
      assertEquals(f.alert_ts, kit.alerts()[0].ts);
      // The late write did not wipe the winner's verdict or state.
      assertEquals([f.state, f.verification, f.occurrence_count], ["open", "live", 1]);
      assertEquals(kit.fake.state.ephemerals.length, 1);
      assertEquals(kit.fake.callsTo("auth.test").length, 1);
      assertEquals(kit.fake.callsTo("chat.update").length, 0, "a re-delivery redraws nothing");
    } finally {
      await kit.close();
    }
  },
);

kitTest("same event twice at once, both first writes before either claims: one alert", async () => {
  const kit = await startKit();
  try {
    const leaked = liveBotToken(kit, "r2");
    const ev = kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: leaked });
    lockstepReads(kit);
    // Both first writes land, then both door checks read in lockstep too.
    kit.fake.fault("apps.datastore.update", { delayMs: 50, times: 2 });
    kit.fake.fault("apps.datastore.get", { delayMs: 100, times: 2 });
    const runs = await Promise.all([kit.guard(ev), kit.guard(ev)]);
    assertEquals(kit.findings().length, 1);
    assertEquals(kit.alerts().length, 1);
    assertEquals(alertedRuns(runs), 1);
    const f = kit.finding(await fingerprint(leaked));
    assertEquals([f.state, f.verification, f.occurrence_count], ["open", "live", 1]);
    assertEquals(kit.fake.state.ephemerals.length, 1);
  } finally {
    await kit.close();
  }
});

/**
 * One new secret posted by two people in two channels, both guard runs at once (`faults` on top of
 * lockstep reads). Checks what must hold whatever the interleaving: one finding listing both
 * messages, one alert, and both posters told privately (one as the first sighting, one as a
 * repeat). Returns the finding.
 */
async function twoPostersAtOnce(
  kit: Kit,
  seed: string,
  faults: () => void,
): Promise<Record<string, unknown>> {
  const leaked = liveBotToken(kit, seed);
  const a = kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: leaked });
  const b = kit.post(FAKE_IDS.random, { user: FAKE_IDS.other, text: `and ${leaked}` });
  lockstepReads(kit);
  faults();
  const runs = await Promise.all([kit.guard(a), kit.guard(b)]);
  assertEquals(kit.findings().length, 1);
  assertEquals(kit.alerts().length, 1);
  assertEquals(alertedRuns(runs), 1);
  const f = kit.finding(await fingerprint(leaked));
  const places = (f.occurrences as Array<{ channel_id: string }>).map((o) => o.channel_id);
  assertEquals(places.sort(), [FAKE_IDS.general, FAKE_IDS.random].sort());
  assertEquals(
    kit.fake.state.ephemerals.map((e) => e.user).sort(),
    [FAKE_IDS.member, FAKE_IDS.other].sort(),
  );
  return f;
}

kitTest(
  "a new secret in two messages at once: one finding with both occurrences, one alert",
  async () => {
    const kit = await startKit();
    try {
      const f = await twoPostersAtOnce(kit, "r3", () => {
        kit.fake.fault("apps.datastore.update", { delayMs: 50, times: 2 });
      });
      assertEquals(f.occurrence_count, 2);
      assert(kit.alerts()[0].ts);
    } finally {
      await kit.close();
    }
  },
);

kitTest(
  "a new secret in two messages, one first write landing after the other run alerted: both kept",
  async () => {
    const kit = await startKit();
    try {
      // The second first-sighting write replaces the occurrence list long after the first run
      // alerted; the late run finds the winner's message beside the door and puts it back. Its
      // own first write survived it, yet its message is not the winner's: a repeat, so its
      // poster is warned too (not taken for a re-delivery).
      const f = await twoPostersAtOnce(kit, "r5", () => {
        kit.fake.fault("apps.datastore.update", { delayMs: 1 });
        kit.fake.fault("apps.datastore.update", { delayMs: 1_500 });
      });
      assertEquals([f.state, f.verification], ["open", "live"]);
    } finally {
      await kit.close();
    }
  },
);
