// Typed access to the `findings` datastore (datastores/findings.ts): one item per leaked
// credential, keyed by the SHA-256 fingerprint. Never a raw secret, never the message text.
//
// Usage (guard, sweep, report):
//   const call = slackCall(client, budget);                 // slack/client.ts, or any SlackCall
//   const f = await getFinding(call, fingerprint);           // FindingRecord | undefined
//   const r = await recordOccurrence(call, newFinding, occ); // create or append, idempotent
//   //   r.created: this run wrote a first sighting; r.duplicate: this channel+ts was already
//   //   recorded (a re-delivered event or a re-swept message): do nothing more.
//   if (r.created && (await claimAlert(call, fp, runId)).won) { /* verify, alert */ }
//   await updateFinding(call, fingerprint, { state: "resolved", acted_by, acted_at });
//   for await (const f of eachFinding(call, { expression: "#s = :s",
//     attributes: { "#s": "state" }, values: { ":s": "open" } })) { ... }   // pages for you
//   const page = await queryFindings(call, { limit: 100, cursor });          // one page
import { MAX_OCCURRENCES } from "../datastores/findings.ts";
import type { FindingState } from "../datastores/findings.ts";
import type { VerificationState } from "./verification.ts";
import { callOk, type SlackCall } from "./slack_call.ts";

export const FINDINGS_DATASTORE = "findings";

export interface Occurrence {
  channel_id: string;
  ts: string;
  thread_ts?: string;
  user_id?: string;
  /** Epoch seconds when Token Guard saw it. */
  seen_at: number;
}

/** A findings item as stored. Optional fields are absent until known. */
export interface FindingRecord {
  fingerprint: string;
  rule_id: string;
  family: string;
  /** The redacted preview, e.g. "xoxb-12…ab9f (40 chars)". */
  redacted: string;
  /** The rule's one-line description. */
  description?: string;
  /** Slack credential kind (`xoxb`, `xapp`, `webhook`, ...), when it is one. */
  verify_as?: string;
  state: FindingState;
  verification: VerificationState;
  verification_detail?: string;
  verification_code?: string;
  verified_at?: number;
  owner_team_id?: string;
  owner_team_name?: string;
  owner_enterprise_id?: string;
  owner_user_id?: string;
  owner_name?: string;
  owner_bot_id?: string;
  owner_is_this_workspace?: boolean;
  occurrences: Occurrence[];
  occurrence_count: number;
  first_seen: number;
  last_seen: number;
  /** "guard" or "sweep": which path first saw it. */
  source?: string;
  /** Link to the first message (chat.getPermalink), for the alert. */
  permalink?: string;
  alert_channel_id?: string;
  alert_ts?: string;
  /** Who last acted, when, what (slack/blocks/alert.ts AlertAction) and the outcome in words. */
  acted_by?: string;
  acted_at?: number;
  action?: string;
  action_detail?: string;
  revoked_by?: string;
  revoked_at?: number;
  /** The GitHub issue filed from the alert, who filed it and when (it is filed once). */
  github_issue_url?: string;
  github_issue_by?: string;
  github_issue_at?: number;
  /** The run that last wrote the first-sighting record (the splitter's first register). */
  claim?: string;
  /** The run that took the right to alert (the splitter's door; see claimAlert). */
  alerting?: string;
  /** The message the alerting run saw (see FindingsDatastore). */
  alerting_occurrence?: Occurrence;
  /** Link to the newest message it was seen in, for the refreshed alert. */
  last_permalink?: string;
}

/** What a first sighting knows before verification. */
export type NewFinding =
  & Pick<FindingRecord, "fingerprint" | "rule_id" | "family" | "redacted">
  & Partial<Omit<FindingRecord, "fingerprint" | "rule_id" | "family" | "redacted">>;

function clean<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

function asRecord(item: unknown): FindingRecord | undefined {
  if (!item || typeof item !== "object") return undefined;
  const r = item as Partial<FindingRecord>;
  if (typeof r.fingerprint !== "string" || r.fingerprint === "") return undefined;
  return {
    // A first-sighting record carries no state until its alerting run writes one.
    state: "open",
    verification: "unknown",
    ...r,
    occurrences: Array.isArray(r.occurrences) ? r.occurrences : [],
    occurrence_count: typeof r.occurrence_count === "number"
      ? r.occurrence_count
      : (Array.isArray(r.occurrences) ? r.occurrences.length : 0),
  } as FindingRecord;
}

export async function getFinding(
  call: SlackCall,
  fingerprint: string,
): Promise<FindingRecord | undefined> {
  const reply = await callOk(call, "apps.datastore.get", {
    datastore: FINDINGS_DATASTORE,
    id: fingerprint,
  });
  // Slack answers a missing key with ok and an empty item.
  return asRecord(reply.item);
}

export async function putFinding(call: SlackCall, record: FindingRecord): Promise<FindingRecord> {
  const reply = await callOk(call, "apps.datastore.put", {
    datastore: FINDINGS_DATASTORE,
    item: clean(record as unknown as Record<string, unknown>),
  });
  return asRecord(reply.item) ?? record;
}

/** Changes only the given attributes (apps.datastore.update). */
export async function updateFinding(
  call: SlackCall,
  fingerprint: string,
  patch: Partial<Omit<FindingRecord, "fingerprint">>,
): Promise<FindingRecord> {
  const reply = await callOk(call, "apps.datastore.update", {
    datastore: FINDINGS_DATASTORE,
    item: clean({ ...patch, fingerprint } as Record<string, unknown>),
  });
  const rec = asRecord(reply.item);
  if (!rec) throw new Error("The findings datastore returned no item after an update.");
  return rec;
}

export interface RecordResult {
  finding: FindingRecord;
  /** No item existed for this fingerprint: a first sighting. */
  created: boolean;
  /** This channel+ts was already among the occurrences: nothing was written. */
  duplicate: boolean;
}

/** Same channel and ts: the same message. */
export function sameMessage(a: Occurrence, b: Occurrence): boolean {
  return a.channel_id === b.channel_id && a.ts === b.ts;
}

/**
 * Creates the finding on its first sighting, or appends the occurrence to the existing one.
 * Idempotent for the same channel+ts. Keeps the first MAX_OCCURRENCES - 1 and the newest one,
 * while `occurrence_count` keeps counting.
 *
 * The first sighting is written with `update` (a merge), not `put`, and without state or
 * verification: a racing run's late first write then cannot wipe what the winner recorded since
 * (verdict, state, alert, door). Call claimAlert next: `created` alone does not mean "alert".
 */
export async function recordOccurrence(
  call: SlackCall,
  base: NewFinding,
  occurrence: Occurrence,
): Promise<RecordResult> {
  const existing = await getFinding(call, base.fingerprint);
  const occ = clean(occurrence as unknown as Record<string, unknown>) as unknown as Occurrence;
  if (!existing) {
    const { state: _s, verification: _v, ...first } = base;
    const finding = await updateFinding(call, base.fingerprint, {
      ...first,
      occurrences: [occ],
      occurrence_count: 1,
      first_seen: occ.seen_at,
      last_seen: occ.seen_at,
    });
    return { finding, created: true, duplicate: false };
  }
  if (hasOccurrence(existing, occ)) {
    return { finding: existing, created: false, duplicate: true };
  }
  let occurrences = [...existing.occurrences, occ];
  if (occurrences.length > MAX_OCCURRENCES) {
    occurrences = [...occurrences.slice(0, MAX_OCCURRENCES - 1), occ];
  }
  const finding = await updateFinding(call, base.fingerprint, {
    occurrences,
    occurrence_count: existing.occurrence_count + 1,
    last_seen: Math.max(existing.last_seen ?? 0, occ.seen_at),
  });
  return { finding, created: false, duplicate: false };
}

/** The record already lists this channel+ts. */
export function hasOccurrence(f: FindingRecord, occ: Occurrence): boolean {
  return f.occurrences.some((o) => sameMessage(o, occ));
}

export interface ClaimResult {
  /** This run, and no other, posts the alert. */
  won: boolean;
  /** The record as last read. */
  finding: FindingRecord;
}

export interface ClaimOptions {
  /** How long a run that saw contention waits before checking that someone alerted. */
  settleMs?: number;
  /** The message this run saw, stored with the door (see FindingsDatastore.alerting_occurrence). */
  occurrence?: Occurrence;
  sleep?: (ms: number) => Promise<void>;
}

/** Default wait for a run that lost a close race (see claimAlert). */
export const CLAIM_SETTLE_MS = 3_000;

/**
 * Decides which of the runs that wrote a first sighting (recordOccurrence `created`) alerts.
 * Slack's datastore has no compare-and-set, so this is a splitter (Moir and Anderson) over two
 * attributes: `claim` (written by every first write) and `alerting` (the door).
 *   1. Door already taken, or an alert already posted: lose.
 *   2. Take the door (`alerting` = runId); the update answers with the item as written, so
 *      `claim` is read in the same step. Still ours: win. Another run wrote `claim` since: lose.
 * At most one run wins, whatever the timing. Every run may lose, though, when a rival's first
 * write lands between a run's own first write and its door (it loses on `claim`) and the rival
 * then finds the door taken. So a run that lost on `claim` while holding the door waits
 * `settleMs` (unless another run took the door since: that one decides), reads again and alerts
 * if the door is still its own and no alert exists. That
 * fallback is the one timing assumption: a rival that took the door just before us and won needs
 * less than `settleMs` to record its alert, or both alert.
 */
export async function claimAlert(
  call: SlackCall,
  fingerprint: string,
  runId: string,
  opts: ClaimOptions = {},
): Promise<ClaimResult> {
  const seen = await getFinding(call, fingerprint);
  if (!seen) throw new Error("The finding vanished before its alert was claimed.");
  if ((seen.alerting && seen.alerting !== runId) || seen.alert_ts) {
    return { won: false, finding: seen };
  }
  const door: Partial<FindingRecord> = { alerting: runId };
  if (opts.occurrence) {
    door.alerting_occurrence = clean(
      opts.occurrence as unknown as Record<string, unknown>,
    ) as unknown as Occurrence;
  }
  const mine = await updateFinding(call, fingerprint, door);
  if (mine.claim === runId) return { won: true, finding: mine };
  // Someone took the door after us: they decide (and wait, if they are in our spot now).
  const now = await getFinding(call, fingerprint);
  if (!now || now.alerting !== runId || now.alert_ts) return { won: false, finding: now ?? mine };
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  await sleep(opts.settleMs ?? CLAIM_SETTLE_MS);
  const later = await getFinding(call, fingerprint);
  if (!later) throw new Error("The finding vanished before its alert was claimed.");
  return { won: later.alerting === runId && !later.alert_ts, finding: later };
}

export interface FindingsQuery {
  /** A datastore filter expression, e.g. "#state = :open". */
  expression?: string;
  attributes?: Record<string, string>;
  values?: Record<string, unknown>;
  /** Page size (Slack allows up to 1000). */
  limit?: number;
  cursor?: string;
}

export interface FindingsPage {
  items: FindingRecord[];
  /** Empty when this was the last page. */
  nextCursor: string;
}

/** One page of findings. */
export async function queryFindings(
  call: SlackCall,
  q: FindingsQuery = {},
): Promise<FindingsPage> {
  const reply = await callOk(
    call,
    "apps.datastore.query",
    clean({
      datastore: FINDINGS_DATASTORE,
      expression: q.expression,
      expression_attributes: q.attributes,
      expression_values: q.values,
      limit: q.limit ?? 100,
      cursor: q.cursor || undefined,
    }),
  );
  const items = Array.isArray(reply.items) ? reply.items : [];
  const meta = reply.response_metadata as { next_cursor?: string } | undefined;
  return {
    items: items.map(asRecord).filter((r): r is FindingRecord => r !== undefined),
    nextCursor: meta?.next_cursor ?? "",
  };
}

/** Every finding matching `q`, page after page. */
export async function* eachFinding(
  call: SlackCall,
  q: Omit<FindingsQuery, "cursor"> = {},
): AsyncGenerator<FindingRecord> {
  let cursor = "";
  do {
    const page = await queryFindings(call, { ...q, cursor });
    for (const item of page.items) yield item;
    cursor = page.nextCursor;
  } while (cursor);
}
