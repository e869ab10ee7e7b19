// The Token Guard report as numbers: pure aggregation over findings records, one record at a time,
// so a report over thousands of findings streams datastore pages through it without keeping them.
//
//   const acc = new ReportAccumulator({ now, periodDays: 7 });
//   for await (const f of eachFinding(call, reportQuery(acc.from))) acc.add(f);
//   const summary = acc.finish();        // -> slack/blocks/report.ts
//
// What counts where:
// - "in the period": a finding seen (last_seen) or acted on (acted_at) since `from`;
// - open findings and the oldest unresolved leaks: every open finding, whatever its age
//   (an old open leak is the point of the report);
// - who revoked what: revocations (revoked_at) inside the period.
import type { FindingRecord } from "./findings_store.ts";
import type { FindingsQuery } from "./findings_store.ts";

export interface ReportOptions {
  /** Epoch seconds: the end of the period. */
  now: number;
  /** How many days back the period reaches (default 7). */
  periodDays?: number;
  /** Rows kept for the lists (open findings, oldest unresolved, revocations). Default 10. */
  listSize?: number;
}

export interface Count {
  key: string;
  count: number;
}

/** One finding as the report shows it: never more than the record holds (no secret, no text). */
export interface ReportRow {
  fingerprint: string;
  family: string;
  redacted: string;
  state: string;
  verification: string;
  channel_id?: string;
  ts?: string;
  permalink?: string;
  first_seen: number;
  last_seen: number;
  occurrence_count: number;
}

export interface RevocationRow {
  by: string;
  count: number;
  /** The most recent ones first. */
  items: Array<{ fingerprint: string; family: string; redacted: string; at: number }>;
}

export interface ReportSummary {
  from: number;
  to: number;
  periodDays: number;
  /** Findings read from the datastore (all states, all ages matched by the query). */
  scanned: number;
  /** Findings seen or acted on in the period. */
  inPeriod: number;
  /** Open findings, all ages. */
  openTotal: number;
  /** Open findings that still work (verification "live"). */
  openLive: number;
  byFamily: Count[];
  byState: Count[];
  byChannel: Count[];
  /** Open findings, the newest sighting first. */
  open: ReportRow[];
  /** Open findings, the oldest first sighting first. */
  oldestUnresolved: ReportRow[];
  revocations: RevocationRow[];
  revokedTotal: number;
}

const DAY = 86_400;

/** Whether a finding belongs to the period starting at `from`: seen or acted on since then. */
export function inPeriod(f: FindingRecord, from: number): boolean {
  const last = f.last_seen ?? f.first_seen ?? 0;
  return last >= from || (f.acted_at ?? 0) >= from;
}

function row(f: FindingRecord): ReportRow {
  const first = f.occurrences[0];
  return {
    fingerprint: f.fingerprint,
    family: f.family,
    redacted: f.redacted,
    state: f.state,
    verification: f.verification ?? "unknown",
    channel_id: first?.channel_id,
    ts: first?.ts,
    permalink: f.permalink,
    first_seen: f.first_seen ?? 0,
    last_seen: f.last_seen ?? f.first_seen ?? 0,
    occurrence_count: f.occurrence_count ?? f.occurrences.length,
  };
}

/** Keeps the `size` best rows under `better` without sorting everything (size is small). */
class TopK<T> {
  readonly items: T[] = [];
  constructor(readonly size: number, readonly better: (a: T, b: T) => boolean) {}
  offer(x: T): void {
    if (this.size <= 0) return;
    if (this.items.length === this.size && !this.better(x, this.items[this.items.length - 1])) {
      return;
    }
    let i = this.items.length;
    while (i > 0 && this.better(x, this.items[i - 1])) i--;
    this.items.splice(i, 0, x);
    if (this.items.length > this.size) this.items.pop();
  }
}

function bump(m: Map<string, number>, key: string, by = 1): void {
  m.set(key, (m.get(key) ?? 0) + by);
}

function sorted(m: Map<string, number>): Count[] {
  return [...m].map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export class ReportAccumulator {
  readonly from: number;
  readonly to: number;
  readonly periodDays: number;
  #scanned = 0;
  #inPeriod = 0;
  #openTotal = 0;
  #openLive = 0;
  #family = new Map<string, number>();
  #state = new Map<string, number>();
  #channel = new Map<string, number>();
  #open: TopK<ReportRow>;
  #oldest: TopK<ReportRow>;
  #revokers = new Map<string, RevocationRow>();
  #revokedTotal = 0;
  #listSize: number;
  #seen = new Set<string>();

  constructor(opts: ReportOptions) {
    this.periodDays = Math.max(1, Math.floor(opts.periodDays ?? 7));
    this.to = opts.now;
    this.from = opts.now - this.periodDays * DAY;
    this.#listSize = opts.listSize ?? 10;
    this.#open = new TopK(this.#listSize, (a, b) => a.last_seen > b.last_seen);
    this.#oldest = new TopK(this.#listSize, (a, b) => a.first_seen < b.first_seen);
  }

  add(f: FindingRecord): void {
    // A page boundary may repeat an item if the store changed between pages: count it once.
    if (this.#seen.has(f.fingerprint)) return;
    this.#seen.add(f.fingerprint);
    this.#scanned++;
    if (inPeriod(f, this.from)) {
      this.#inPeriod++;
      bump(this.#family, f.family || "unknown");
      bump(this.#state, f.state || "open");
      for (const ch of new Set(f.occurrences.map((o) => o.channel_id))) bump(this.#channel, ch);
    }
    if (f.state === "open") {
      this.#openTotal++;
      if (f.verification === "live") this.#openLive++;
      const r = row(f);
      this.#open.offer(r);
      this.#oldest.offer(r);
    }
    if (f.state === "revoked" && f.revoked_at !== undefined && f.revoked_at >= this.from) {
      this.#revokedTotal++;
      const by = f.revoked_by ?? f.acted_by ?? "policy";
      const rev = this.#revokers.get(by) ?? { by, count: 0, items: [] };
      rev.count++;
      rev.items.push({
        fingerprint: f.fingerprint,
        family: f.family,
        redacted: f.redacted,
        at: f.revoked_at,
      });
      if (rev.items.length > this.#listSize * 2) {
        rev.items.sort((a, b) => b.at - a.at);
        rev.items.length = this.#listSize;
      }
      this.#revokers.set(by, rev);
    }
  }

  finish(): ReportSummary {
    const revocations = [...this.#revokers.values()]
      .map((r) => ({
        ...r,
        items: [...r.items].sort((a, b) => b.at - a.at).slice(0, this.#listSize),
      }))
      .sort((a, b) => b.count - a.count || a.by.localeCompare(b.by));
    return {
      from: this.from,
      to: this.to,
      periodDays: this.periodDays,
      scanned: this.#scanned,
      inPeriod: this.#inPeriod,
      openTotal: this.#openTotal,
      openLive: this.#openLive,
      byFamily: sorted(this.#family),
      byState: sorted(this.#state),
      byChannel: sorted(this.#channel),
      open: [...this.#open.items],
      oldestUnresolved: [...this.#oldest.items],
      revocations,
      revokedTotal: this.#revokedTotal,
    };
  }
}

/** Summarises an in-memory list (tests, small sets). */
export function summarize(findings: Iterable<FindingRecord>, opts: ReportOptions): ReportSummary {
  const acc = new ReportAccumulator(opts);
  for (const f of findings) acc.add(f);
  return acc.finish();
}

/**
 * The datastore query for a report: only what the report can use (open ones, and the rest when
 * seen or acted on since `from`), in pages of 1000, Slack's maximum.
 */
export function reportQuery(from: number): Omit<FindingsQuery, "cursor"> {
  return {
    expression: "#state = :open OR #last >= :from OR #acted >= :from",
    attributes: { "#state": "state", "#last": "last_seen", "#acted": "acted_at" },
    values: { ":open": "open", ":from": from },
    limit: 1000,
  };
}
