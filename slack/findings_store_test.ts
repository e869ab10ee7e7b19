import { assert, assertEquals } from "@std/assert";
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { startFakeSlack } from "../test_support/fake_slack/mod.ts";
import { MAX_OCCURRENCES } from "../datastores/findings.ts";
import {
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
