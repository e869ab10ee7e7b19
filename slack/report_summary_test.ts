import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import type { FindingRecord } from "./findings_store.ts";
import { reportQuery, summarize } from "./report_summary.ts";
import { reportBlocks } from "./blocks/report.ts";
import { compileQuery } from "../test_support/fake_slack/mod.ts";

const NOW = 1_750_000_000;
const DAY = 86_400;
const FAMILIES = ["slack", "github", "aws", "stripe"];
const STATES = ["open", "revoked", "resolved", "not_secret"] as const;

/** n findings spread over 60 days, in 3 channels, each state and family in turn. */
function makeFindings(n: number): FindingRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const seen = NOW - (i % 60) * DAY - 10;
    const state = STATES[i % 4];
    const channel = `C0CHAN0000${i % 3}`;
    return {
      fingerprint: i.toString(16).padStart(64, "0"),
      rule_id: `${FAMILIES[i % 4]}-rule`,
      family: FAMILIES[i % 4],
      redacted: `abcd…${String(i).padStart(4, "0")} (40 chars)`,
      state,
      verification: i % 5 === 0 ? "live" : "dead",
      occurrences: [{ channel_id: channel, ts: `${seen}.000100`, seen_at: seen }],
      occurrence_count: 1,
      first_seen: seen,
      last_seen: seen,
      ...(state === "revoked"
        ? { revoked_by: i % 8 === 1 ? "U0ADMIN0001" : "U0OWNER0001", revoked_at: seen + 5 }
        : {}),
      ...(state !== "open" ? { acted_at: seen + 5, acted_by: "U0ADMIN0001" } : {}),
    } as FindingRecord;
  });
}

Deno.test("report summary: counts for the period, open first, oldest unresolved, revokers", () => {
  const all = makeFindings(5000);
  const s = summarize(all, { now: NOW, periodDays: 7 });
  const inPeriod = all.filter((f) => f.last_seen >= NOW - 7 * DAY);
  assertEquals(s.scanned, 5000);
  assertEquals(s.inPeriod, inPeriod.length);
  assertEquals(s.openTotal, all.filter((f) => f.state === "open").length);
  assertEquals(
    s.openLive,
    all.filter((f) => f.state === "open" && f.verification === "live").length,
  );
  const fam = new Map<string, number>();
  for (const f of inPeriod) fam.set(f.family, (fam.get(f.family) ?? 0) + 1);
  assertEquals(
    Object.fromEntries(s.byFamily.map((c) => [c.key, c.count])),
    Object.fromEntries(fam),
  );
  assertEquals(s.byState.reduce((n, c) => n + c.count, 0), inPeriod.length);
  assertEquals(s.byChannel.reduce((n, c) => n + c.count, 0), inPeriod.length);
  // open: newest first; oldest unresolved: oldest first; every one open
  assertEquals(s.open.length, 10);
  assert(s.open.every((r) => r.state === "open"));
  for (let i = 1; i < s.open.length; i++) assert(s.open[i - 1].last_seen >= s.open[i].last_seen);
  const oldestOpen = Math.min(...all.filter((f) => f.state === "open").map((f) => f.first_seen));
  assertEquals(s.oldestUnresolved[0].first_seen, oldestOpen);
  // revocations in the period only, grouped by who
  const revoked = inPeriod.filter((f) => f.state === "revoked");
  assertEquals(s.revokedTotal, revoked.length);
  assertEquals(s.revocations.reduce((n, r) => n + r.count, 0), revoked.length);
  assert(s.revocations.every((r) => r.items.length <= 10));
});

Deno.test("report summary: a repeated item counts once; an empty store says so", () => {
  const [a] = makeFindings(1);
  const s = summarize([a, a], { now: NOW });
  assertEquals(s.scanned, 1);
  const empty = summarize([], { now: NOW, periodDays: 30 });
  assertEquals(empty.openTotal, 0);
  const { text, blocks } = reportBlocks(empty);
  assertStringIncludes(JSON.stringify(blocks), "No open leaks");
  assertStringIncludes(text, "0 open");
});

Deno.test("report blocks: within Slack's limits, no raw data beyond the record", () => {
  const s = summarize(makeFindings(5000), { now: NOW, periodDays: 30 });
  const { blocks } = reportBlocks(s, { kind: "digest" });
  assert(blocks.length <= 50);
  const json = JSON.stringify(blocks);
  assertStringIncludes(json, "weekly digest");
  assertStringIncludes(json, "Oldest unresolved");
  assertStringIncludes(json, "Who revoked what");
  assertStringIncludes(json, "<@U0ADMIN0001>");
  for (const b of blocks) {
    const t = (b as { text?: { text?: string } }).text?.text ?? "";
    assert(t.length <= 3000);
  }
});

Deno.test("report query: the filter keeps open ones and recent ones only", () => {
  const from = NOW - 7 * DAY;
  const q = reportQuery(from);
  const pred = compileQuery(q.expression, q.attributes ?? {}, q.values ?? {});
  const all = makeFindings(400);
  const kept = all.filter((f) => pred(f as unknown as Record<string, unknown>));
  const s1 = summarize(all, { now: NOW, periodDays: 7 });
  const s2 = summarize(kept, { now: NOW, periodDays: 7 });
  assert(kept.length < all.length);
  assertEquals({ ...s2, scanned: 0 }, { ...s1, scanned: 0 });
});
