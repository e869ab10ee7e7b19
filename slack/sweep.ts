// A channel's history sweep: every top-level message in the period (conversations.history,
// newest first) and every reply of every thread (conversations.replies), each run through the
// guard's processMessage (same dedupe, verification and alerts for new leaks only).
//
// Position, not a queue: a thread is read right after its parent, so "where we are" is always
// (history page cursor, messages done in that page, [thread ts, replies cursor, replies done]).
// The period's `latest` is fixed when the sweep starts, so a page read again later holds the same
// messages and the offsets stay true. A run stops before the next message once the budget nears
// its end (or after `maxMessages`), saves the position, and the next run resumes exactly there:
// no message is scanned twice by a sweep that stops cleanly (and if a run dies between saves,
// the findings store's per-message dedupe makes the rescan harmless).
//
//   const state = newSweep({ id, channel_id, periodDays: 30, now });
//   const r = await runSweep({ client, budget, process, save }, state);
//   r.outcome: "done" | "paused" | "failed"
import type { Budget } from "./budget.ts";
import { callSlack, type SlackClientLike } from "./client.ts";
import type { GuardMessage, ProcessResult } from "./pipeline.ts";

export const SWEEPS_DATASTORE = "sweeps";
export const PAGE_SIZE = 200;
/** Stop this long before the budget ends: saving, the progress update and the next trigger. */
export const RESERVE_MS = 8_000;

export interface SweepState {
  id: string;
  channel_id: string;
  requested_by?: string;
  oldest: string;
  latest: string;
  period_days: number;
  history_cursor: string;
  history_offset: number;
  thread_ts: string;
  thread_cursor: string;
  thread_offset: number;
  status: "running" | "done" | "failed";
  messages_scanned: number;
  threads_scanned: number;
  findings_new: number;
  findings_known: number;
  runs: number;
  /** JSON of Record<"family|verification", number>. */
  tally: string;
  progress_channel_id?: string;
  progress_ts?: string;
  next_trigger_id?: string;
  started_at: number;
  updated_at: number;
  problem?: string;
}

export function tsOf(epochSeconds: number): string {
  return `${Math.floor(epochSeconds)}.000000`;
}

export function newSweep(opts: {
  id: string;
  channel_id: string;
  requested_by?: string;
  periodDays: number;
  /** Epoch seconds. */
  now: number;
}): SweepState {
  const days = Math.max(1, Math.min(3650, Math.floor(opts.periodDays)));
  return {
    id: opts.id,
    channel_id: opts.channel_id,
    requested_by: opts.requested_by,
    oldest: tsOf(opts.now - days * 86_400),
    latest: tsOf(opts.now + 1),
    period_days: days,
    history_cursor: "",
    history_offset: 0,
    thread_ts: "",
    thread_cursor: "",
    thread_offset: 0,
    status: "running",
    messages_scanned: 0,
    threads_scanned: 0,
    findings_new: 0,
    findings_known: 0,
    runs: 0,
    tally: "{}",
    started_at: opts.now,
    updated_at: opts.now,
  };
}

export function parseTally(s: SweepState): Record<string, number> {
  try {
    const v = JSON.parse(s.tally || "{}");
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}

export interface SweepDeps {
  client: SlackClientLike;
  budget: Budget;
  /** The guard pipeline for one message (processMessage with source "sweep"). */
  process: (m: GuardMessage) => Promise<ProcessResult>;
  /** Persists the state (called after every page and when the run stops). */
  save: (s: SweepState) => Promise<void>;
  /** Called after every page, for the progress message. */
  progress?: (s: SweepState) => Promise<void>;
  /** Stop after this many messages in this run (tests, tuning). */
  maxMessages?: number;
  reserveMs?: number;
  /** Epoch seconds. */
  now?: () => number;
}

export interface SweepRun {
  outcome: "done" | "paused" | "failed";
  state: SweepState;
  /** Messages scanned in this run. */
  scanned: number;
  /** Fingerprints of alerts with buttons this run posted. */
  openAlerts: string[];
}

type Msg = Record<string, unknown> & { ts: string };

function toGuardMessage(channel: string, m: Msg): GuardMessage {
  return {
    ...(m as Record<string, unknown>),
    channel_id: channel,
    ts: m.ts,
    thread_ts: typeof m.thread_ts === "string" && m.thread_ts !== m.ts ? m.thread_ts : undefined,
    user_id: typeof m.user === "string" ? m.user : undefined,
    text: typeof m.text === "string" ? m.text : "",
  } as GuardMessage;
}

export async function runSweep(deps: SweepDeps, start: SweepState): Promise<SweepRun> {
  const s: SweepState = { ...start, runs: start.runs + 1 };
  const reserve = deps.reserveMs ?? RESERVE_MS;
  const now = deps.now ?? (() => Math.floor(Date.now() / 1000));
  const openAlerts: string[] = [];
  const tally = parseTally(s);
  let scanned = 0;
  const stopNow = () =>
    deps.budget.remainingMs() < reserve ||
    (deps.maxMessages !== undefined && scanned >= deps.maxMessages);

  const scanOne = async (m: Msg) => {
    const r = await deps.process(toGuardMessage(s.channel_id, m));
    scanned++;
    s.messages_scanned++;
    for (const f of r.findings) {
      if (f.status === "duplicate") continue;
      if (f.status === "new") s.findings_new++;
      else if (f.status === "known") s.findings_known++;
      else continue;
      const key = `${f.family}|${f.verification ?? "unknown"}`;
      tally[key] = (tally[key] ?? 0) + 1;
    }
    openAlerts.push(...r.openAlerts);
  };
  const finish = async (outcome: SweepRun["outcome"], problem?: string): Promise<SweepRun> => {
    s.tally = JSON.stringify(tally);
    s.updated_at = now();
    if (outcome === "done") s.status = "done";
    if (outcome === "failed") s.status = "failed";
    if (problem) s.problem = problem;
    else delete s.problem;
    await deps.save(s);
    return { outcome, state: s, scanned, openAlerts };
  };
  const fail = (e: { explanation: { sentence: string } }, what: string) =>
    e.explanation.sentence && `${what}: ${e.explanation.sentence}`;

  while (true) {
    if (stopNow()) return finish("paused");
    const args: Record<string, unknown> = {
      channel: s.channel_id,
      oldest: s.oldest,
      latest: s.latest,
      inclusive: false,
      limit: PAGE_SIZE,
    };
    if (s.history_cursor) args.cursor = s.history_cursor;
    const page = await callSlack<
      { messages?: Msg[]; response_metadata?: { next_cursor?: string } }
    >(
      deps.client,
      "conversations.history",
      args,
      { budget: deps.budget },
    );
    if (!page.ok) {
      // Out of time or rate limited past the budget: the next run tries again from here.
      if (page.transport) return finish("paused", fail(page, "Reading history paused"));
      return finish("failed", fail(page, "Slack refused to read the history"));
    }
    const messages = page.messages ?? [];
    for (let i = s.history_offset; i < messages.length; i++) {
      const m = messages[i];
      if (s.thread_ts !== m.ts) {
        if (stopNow()) return finish("paused");
        await scanOne(m);
        if (Number(m.reply_count ?? 0) > 0) {
          s.thread_ts = m.ts;
          s.thread_cursor = "";
          s.thread_offset = 0;
        }
      }
      if (s.thread_ts === m.ts) {
        const r = await sweepThread(deps, s, scanOne, stopNow);
        if (r === "paused") return finish("paused");
        if (typeof r === "object") {
          if (r.transport) return finish("paused", fail(r, "Reading a thread paused"));
          // A thread Slack will not give (deleted meanwhile): note it and go on.
          s.problem = fail(r, "A thread could not be read");
        }
        s.threads_scanned++;
        s.thread_ts = "";
        s.thread_cursor = "";
        s.thread_offset = 0;
      }
      s.history_offset = i + 1;
    }
    const next = page.response_metadata?.next_cursor ?? "";
    s.history_cursor = next;
    s.history_offset = 0;
    if (!next) return finish("done");
    s.tally = JSON.stringify(tally);
    s.updated_at = now();
    await deps.save(s);
    await deps.progress?.(s);
  }
}

type ReplyFailure = { transport: boolean; explanation: { sentence: string } };

async function sweepThread(
  deps: SweepDeps,
  s: SweepState,
  scanOne: (m: Msg) => Promise<void>,
  stopNow: () => boolean,
): Promise<"done" | "paused" | ReplyFailure> {
  while (true) {
    const args: Record<string, unknown> = {
      channel: s.channel_id,
      ts: s.thread_ts,
      latest: s.latest,
      inclusive: false,
      limit: PAGE_SIZE,
    };
    if (s.thread_cursor) args.cursor = s.thread_cursor;
    const page = await callSlack<
      { messages?: Msg[]; response_metadata?: { next_cursor?: string } }
    >(
      deps.client,
      "conversations.replies",
      args,
      { budget: deps.budget },
    );
    if (!page.ok) return page;
    // Every page starts with the parent, already scanned with the history.
    const replies = (page.messages ?? []).filter((m) => m.ts !== s.thread_ts);
    for (let i = s.thread_offset; i < replies.length; i++) {
      if (stopNow()) return "paused";
      await scanOne(replies[i]);
      s.thread_offset = i + 1;
    }
    const next = page.response_metadata?.next_cursor ?? "";
    if (!next) return "done";
    s.thread_cursor = next;
    s.thread_offset = 0;
  }
}

/** The tally as "family: n live, m dead" lines, for the summary. */
export function tallyLines(s: SweepState): string[] {
  const byFamily = new Map<string, Map<string, number>>();
  for (const [key, n] of Object.entries(parseTally(s))) {
    const [family, state] = key.split("|");
    const m = byFamily.get(family) ?? new Map<string, number>();
    m.set(state, (m.get(state) ?? 0) + n);
    byFamily.set(family, m);
  }
  return [...byFamily].sort(([a], [b]) => a.localeCompare(b)).map(([family, m]) =>
    `${family}: ${[...m].map(([state, n]) => `${n} ${state}`).join(", ")}`
  );
}
