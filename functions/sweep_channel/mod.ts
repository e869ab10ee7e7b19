// Sweep a channel's history. One run reads until its budget nears the end, saves its position in
// the `sweeps` datastore and creates a one-time scheduled trigger that starts the next run with
// the sweep's id. Why a scheduled trigger rather than a Continue button: a large channel can need
// many runs, and nobody should have to sit and click through them; the progress message shows
// where it stands meanwhile. If creating the trigger fails, clicking the link again in the same
// channel resumes the paused sweep instead of starting over.
//
// New leaks found by a sweep are alerted like the guard's (with buttons), so this function also
// routes the alert buttons and stays open while one of its alerts waits (as guard_message does).
import { SlackFunction } from "deno-slack-sdk/mod.ts";
import { SweepChannelFunction } from "./definition.ts";
import { Budget } from "../../slack/budget.ts";
import { makeGuardDeps, processMessage } from "../../slack/pipeline.ts";
import { loadSettings } from "../../slack/settings_store.ts";
import { ALERT_BUTTON_ACTIONS } from "../../slack/blocks/alert.ts";
import { onAlertButton } from "../guard_message/alert_actions.ts";
import { newSweep, runSweep, type SweepState } from "../../slack/sweep.ts";
import { tellPerson } from "../../slack/tell_person.ts";
import { sweepContinuationTrigger } from "../../triggers/sweep_channel.ts";
import {
  findResumable,
  loadSweep,
  progressMessage,
  type ProgressPhase,
  saveSweep,
  summaryMessage,
} from "./sweep_store.ts";
import type { SlackCall } from "../../slack/slack_call.ts";

const DEFAULT_PERIOD_DAYS = 30;

async function reachChannel(call: SlackCall, channel: string): Promise<string | undefined> {
  const info = await call("conversations.info", { channel });
  if (info.ok === false) {
    return info.error === "channel_not_found"
      ? "Token Guard cannot see that channel. If it is private, type `/invite @Token Guard` there first."
      : `Slack answered conversations.info with ${info.error}.`;
  }
  const c = (info.channel ?? {}) as Record<string, unknown>;
  if (c.is_member === true) return undefined;
  if (c.is_private === true) {
    return "Token Guard is not in this private channel: type `/invite @Token Guard`, then sweep again.";
  }
  const join = await call("conversations.join", { channel });
  return join.ok === false
    ? `Token Guard could not join the channel (${join.error}): invite it with \`/invite @Token Guard\`.`
    : undefined;
}

export default SlackFunction(
  SweepChannelFunction,
  async ({ inputs, client, env, team_id, event }) => {
    const budget = Budget.forFunction();
    const runId = event?.function_execution_id ?? crypto.randomUUID();
    const deps = makeGuardDeps({ client, env, team_id }, budget, { runId });
    const call = deps.call;
    const now = () => Math.floor(Date.now() / 1000);
    try {
      deps.settings = await loadSettings(call, env);
    } catch (e) {
      return {
        error: `Token Guard could not read its settings: ${e instanceof Error ? e.message : e}`,
      };
    }

    let state: SweepState | undefined;
    if (inputs.sweep_id) {
      state = await loadSweep(call, inputs.sweep_id);
      if (!state) return { error: `No sweep ${inputs.sweep_id} is stored any more.` };
      if (state.next_trigger_id) {
        // The one-time trigger that started this run has done its job.
        await call("workflows.triggers.delete", { trigger_id: state.next_trigger_id });
        state.next_trigger_id = "";
      }
      if (state.status !== "running") {
        return {
          outputs: {
            done: state.status === "done",
            messages_scanned: state.messages_scanned,
            summary: "This sweep had already finished.",
          },
        };
      }
    } else {
      const problem = await reachChannel(call, inputs.channel_id);
      if (problem) {
        if (inputs.user_id) {
          await tellPerson(client, {
            user_id: inputs.user_id,
            channel_id: inputs.channel_id,
            text: problem,
          }, budget);
        }
        return { outputs: { done: false, messages_scanned: 0, summary: problem } };
      }
      state = await findResumable(call, inputs.channel_id) ?? newSweep({
        id: crypto.randomUUID(),
        channel_id: inputs.channel_id,
        requested_by: inputs.user_id,
        periodDays: inputs.period_days ?? DEFAULT_PERIOD_DAYS,
        now: now(),
      });
      if (!state.progress_ts) {
        const p = await call("chat.postMessage", {
          channel: inputs.channel_id,
          ...progressMessage(state, "starting"),
        });
        if (p.ok !== false && typeof p.ts === "string") {
          state.progress_channel_id = inputs.channel_id;
          state.progress_ts = p.ts;
          // The period ends just before our own progress message, so the sweep never reads it.
          if (state.runs === 0 && p.ts < state.latest) state.latest = p.ts;
        }
      }
      await saveSweep(call, state);
    }

    const updateProgress = async (s: SweepState, phase: ProgressPhase | "done") => {
      if (!s.progress_channel_id || !s.progress_ts) return;
      const m = phase === "done" ? summaryMessage(s) : progressMessage(s, phase);
      await call("chat.update", { channel: s.progress_channel_id, ts: s.progress_ts, ...m });
    };
    const maxMessages = Number(env.TOKEN_GUARD_SWEEP_MAX_MESSAGES ?? "") || undefined;
    const run = await runSweep({
      client,
      budget,
      maxMessages,
      process: (m) =>
        processMessage(deps, m, { source: "sweep", warnPoster: false, fetchIfIncomplete: false }),
      save: (s) => saveSweep(call, s),
      progress: (s) => updateProgress(s, "running"),
    }, state);
    const s = run.state;

    if (run.outcome === "paused") {
      const t = await call("workflows.triggers.create", {
        ...sweepContinuationTrigger(s.id, s.channel_id, s.requested_by),
      });
      const id = (t.trigger as { id?: string } | undefined)?.id;
      if (t.ok !== false && id) {
        s.next_trigger_id = id;
        await saveSweep(call, s);
        await updateProgress(s, "continuing");
      } else {
        s.problem =
          `The next run could not be scheduled (${t.error}): click the sweep link again in this channel to continue.`;
        await saveSweep(call, s);
        await updateProgress(s, "stalled");
      }
    } else {
      await updateProgress(s, run.outcome === "done" ? "done" : "failed");
      if (!s.progress_ts) {
        await call("chat.postMessage", {
          channel: s.channel_id,
          ...(run.outcome === "done" ? summaryMessage(s) : progressMessage(s, "failed")),
        });
      }
    }
    if (run.openAlerts.length > 0) return { completed: false };
    return {
      outputs: {
        done: run.outcome === "done",
        messages_scanned: s.messages_scanned,
        summary: summaryMessage(s).text,
      },
    };
  },
).addBlockActionsHandler(
  ALERT_BUTTON_ACTIONS,
  (ctx) =>
    onAlertButton(ctx, () => ({
      done: true,
      messages_scanned: 0,
      summary: "Alerts from this sweep settled.",
    })),
);
