import { assert, assertEquals } from "@std/assert";
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { startFakeSlack } from "../test_support/fake_slack/mod.ts";
import { MAX_OCCURRENCES } from "../datastores/findings.ts";
import {
  claimAlert,
  eachFinding,
  getFinding,
  type NewFinding,
  queryFindings,
  recordOccurrence,
  updateFinding,
} from "./findings_store.ts";
import { plainCall } from "./slack_call.ts";

const base = (fp: string): NewFinding => ({
  fingerprint: fp,
  rule_id: "slack-bot-token",
  family: "slack",
  redacted: "redacted-preview",
  verify_as: "xoxb",
});

function test(name: string, fn: () => Promise<void>) {
  Deno.test({ name, sanitizeOps: false, sanitizeResources: false, fn });
}

test("first sighting creates, the same channel+ts is a duplicate, another ts appends", async () => {
  const fake = await startFakeSlack({ datastores: { findings: "fingerprint" } });
  try {
    const call = plainCall(SlackAPI(fake.botToken, { slackApiUrl: fake.url }));
    assertEquals(await getFinding(call, "a".repeat(64)), undefined);
    const occ = { channel_id: "C1", ts: "1700000000.000100", user_id: "U1", seen_at: 100 };
    const r1 = await recordOccurrence(call, base("a".repeat(64)), occ);
    assert(r1.created);
    assertEquals(r1.finding.state, "open");
    assertEquals(r1.finding.occurrence_count, 1);
    const r2 = await recordOccurrence(call, base("a".repeat(64)), { ...occ, seen_at: 101 });
    assert(r2.duplicate && !r2.created);
    assertEquals(r2.finding.occurrence_count, 1);
    const r3 = await recordOccurrence(call, base("a".repeat(64)), {
      ...occ,
      ts: "2.0",
      seen_at: 150,
    });
    assert(!r3.created && !r3.duplicate);
    assertEquals(r3.finding.occurrence_count, 2);
    assertEquals(r3.finding.last_seen, 150);
    assertEquals(r3.finding.first_seen, 100);
    const stored = fake.state.datastores.get("findings")!.get("a".repeat(64))!;
    assertEquals((stored.occurrences as unknown[]).length, 2);
  } finally {
    await fake.close();
  }
});

test("occurrences are bounded, the count keeps counting, first and newest kept", async () => {
  const fake = await startFakeSlack({ datastores: { findings: "fingerprint" } });
  try {
    const call = plainCall(SlackAPI(fake.botToken, { slackApiUrl: fake.url }));
    const fp = "b".repeat(64);
    for (let i = 0; i < MAX_OCCURRENCES + 5; i++) {
      await recordOccurrence(call, base(fp), { channel_id: "C1", ts: `${i}.0`, seen_at: i });
    }
    const f = (await getFinding(call, fp))!;
    assertEquals(f.occurrences.length, MAX_OCCURRENCES);
    assertEquals(f.occurrence_count, MAX_OCCURRENCES + 5);
    assertEquals(f.occurrences[0].ts, "0.0");
    assertEquals(f.occurrences[MAX_OCCURRENCES - 1].ts, `${MAX_OCCURRENCES + 4}.0`);
  } finally {
    await fake.close();
  }
});

test("update changes only the given fields; queries page through everything", async () => {
  const fake = await startFakeSlack({ datastores: { findings: "fingerprint" } });
  try {
    const call = plainCall(SlackAPI(fake.botToken, { slackApiUrl: fake.url }));
    for (let i = 0; i < 25; i++) {
      const fp = i.toString(16).padStart(64, "0");
      await recordOccurrence(call, base(fp), { channel_id: "C1", ts: `${i}.0`, seen_at: i });
    }
    const fp0 = "0".repeat(64);
    const u = await updateFinding(call, fp0, { state: "resolved", acted_by: "U9" });
    assertEquals(u.state, "resolved");
    assertEquals(u.redacted, "redacted-preview");
    const page = await queryFindings(call, { limit: 10 });
    assertEquals(page.items.length, 10);
    assert(page.nextCursor);
    let all = 0;
    for await (const _ of eachFinding(call, { limit: 7 })) all++;
    assertEquals(all, 25);
    const open: string[] = [];
    for await (
      const f of eachFinding(call, {
        expression: "#s = :s",
        attributes: { "#s": "state" },
        values: { ":s": "resolved" },
      })
    ) open.push(f.fingerprint);
    assertEquals(open, [fp0]);
  } finally {
    await fake.close();
  }
});

test("claimAlert: one winner; a late first write can leave nobody, and the door-holder recovers", async () => {
  const fake = await startFakeSlack({ datastores: { findings: "fingerprint" } });
  try {
    const call = plainCall(SlackAPI(fake.botToken, { slackApiUrl: fake.url }));
    const occ = { channel_id: "C1", ts: "1.1", seen_at: 10 };
    // Uncontended: the writer wins; anyone after it loses, even with a late first write.
    await recordOccurrence(call, { ...base("fp-a"), claim: "run-1" }, occ);
    assertEquals((await claimAlert(call, "fp-a", "run-1")).won, true);
    await updateFinding(call, "fp-a", { claim: "run-2" }); // run-2's late first write
    assertEquals((await claimAlert(call, "fp-a", "run-2")).won, false);
    // A late first write between run-1's own write and its door: run-1 loses on `claim`, run-2
    // finds the door taken. While run-1 waits, run-2 loses; then run-1, still at the door, wins.
    await recordOccurrence(call, { ...base("fp-b"), claim: "run-1" }, occ);
    await updateFinding(call, "fp-b", { claim: "run-2" });
    let rival: boolean | undefined;
    const r1 = await claimAlert(call, "fp-b", "run-1", {
      sleep: async () => {
        rival = (await claimAlert(call, "fp-b", "run-2")).won;
      },
    });
    assertEquals([r1.won, rival], [true, false]);
    // A recorded alert ends every claim.
    await updateFinding(call, "fp-b", { alert_ts: "9.9" });
    assertEquals((await claimAlert(call, "fp-b", "run-1")).won, false);
    const f = await getFinding(call, "fp-b");
    assert(f);
    assertEquals([f.state, f.verification], ["open", "unknown"], "defaults until written");
  } finally {
    await fake.close();
  }
});
