// The sweeps datastore (positions and counters only) and the sweep's two messages: progress
// (updated in place) and the final summary. No message text, no previews: counts by family.
import { callOk, type SlackCall } from "../../slack/slack_call.ts";
import { SWEEPS_DATASTORE, type SweepState, tallyLines } from "../../slack/sweep.ts";
import type { MessageBlocks } from "../../slack/blocks/common.ts";

export async function saveSweep(call: SlackCall, s: SweepState): Promise<void> {
  const item: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) if (v !== undefined) item[k] = v;
  await callOk(call, "apps.datastore.put", { datastore: SWEEPS_DATASTORE, item });
}

function asState(item: unknown): SweepState | undefined {
  if (!item || typeof item !== "object") return undefined;
  const s = item as Partial<SweepState>;
  if (typeof s.id !== "string" || !s.id || typeof s.channel_id !== "string") return undefined;
  const num = (v: unknown) => (typeof v === "number" ? v : Number(v ?? 0) || 0);
  return {
    ...s,
    history_cursor: s.history_cursor ?? "",
    history_offset: num(s.history_offset),
    thread_ts: s.thread_ts ?? "",
    thread_cursor: s.thread_cursor ?? "",
    thread_offset: num(s.thread_offset),
    messages_scanned: num(s.messages_scanned),
    threads_scanned: num(s.threads_scanned),
    findings_new: num(s.findings_new),
    findings_known: num(s.findings_known),
    runs: num(s.runs),
    tally: s.tally ?? "{}",
    status: s.status ?? "running",
  } as SweepState;
}

export async function loadSweep(call: SlackCall, id: string): Promise<SweepState | undefined> {
  const r = await callOk(call, "apps.datastore.get", { datastore: SWEEPS_DATASTORE, id });
  return asState(r.item);
}

/** A paused sweep of this channel (its continuation never ran): resume it instead of restarting. */
export async function findResumable(
  call: SlackCall,
  channelId: string,
): Promise<SweepState | undefined> {
  const r = await call("apps.datastore.query", {
    datastore: SWEEPS_DATASTORE,
    expression: "#c = :c AND #s = :s",
    expression_attributes: { "#c": "channel_id", "#s": "status" },
    expression_values: { ":c": channelId, ":s": "running" },
    limit: 100,
  });
  if (r.ok === false || !Array.isArray(r.items)) return undefined;
  const states = r.items.map(asState).filter((s): s is SweepState => s !== undefined);
  return states.sort((a, b) => b.updated_at - a.updated_at)[0];
}

export type ProgressPhase = "starting" | "running" | "continuing" | "stalled" | "failed";

const n = (x: number) => x.toLocaleString("en-US");

export function progressMessage(s: SweepState, phase: ProgressPhase): MessageBlocks {
  const counts = `${n(s.messages_scanned)} messages and ${n(s.threads_scanned)} threads scanned, ${
    n(s.findings_new)
  } new leak${s.findings_new === 1 ? "" : "s"} found`;
  const lead: Record<ProgressPhase, string> = {
    starting:
      `:mag: Token Guard is sweeping this channel's last ${s.period_days} days for leaked credentials.`,
    running: `:mag: Sweeping the last ${s.period_days} days: ${counts} so far.`,
    continuing:
      `:hourglass_flowing_sand: Sweeping the last ${s.period_days} days: ${counts} so far. Continuing in a new run (run ${
        s.runs + 1
      }) in a few seconds.`,
    stalled: `:pause_button: Sweep paused after ${counts}. ${s.problem ?? ""}`,
    failed: `:x: Sweep stopped after ${counts}. ${s.problem ?? ""}`,
  };
  return {
    text: lead[phase],
    blocks: [{ type: "section", text: { type: "mrkdwn", text: lead[phase] } }],
  };
}

export function summaryMessage(s: SweepState): MessageBlocks {
  const lines = tallyLines(s);
  const head = s.status === "done"
    ? `:white_check_mark: *Sweep finished*: the last ${s.period_days} days of <#${s.channel_id}>`
    : `:hourglass_flowing_sand: *Sweep in progress* in <#${s.channel_id}>`;
  const body = [
    `${n(s.messages_scanned)} messages and ${
      n(s.threads_scanned)
    } threads scanned in ${s.runs} run${s.runs === 1 ? "" : "s"}.`,
    s.findings_new + s.findings_known === 0
      ? "No leaked credentials found."
      : `${n(s.findings_new)} new leak${
        s.findings_new === 1 ? "" : "s"
      } (alerted in the security channel), ${n(s.findings_known)} already known.`,
  ];
  if (lines.length) body.push("*By family and state*\n" + lines.map((l) => `• ${l}`).join("\n"));
  if (s.problem) body.push(`:warning: ${s.problem}`);
  const text = `${head}\n${body.join("\n")}`;
  return {
    text: `Sweep ${s.status === "done" ? "finished" : "in progress"}: ${
      n(s.messages_scanned)
    } messages, ${n(s.threads_scanned)} threads, ${n(s.findings_new)} new leaks.`,
    blocks: [{ type: "section", text: { type: "mrkdwn", text: text.slice(0, 2900) } }],
  };
}
