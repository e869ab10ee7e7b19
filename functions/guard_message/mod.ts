// The guard: one run per new message in a guarded channel (event trigger `message_posted`).
//
// Why `completed: false`: Slack routes a click on a function's message to that function's
// block-actions handler only while the function execution is still open. A run that posted an
// alert with buttons therefore stays open (`completed: false`) and is completed by the handler
// once every alert it posted is settled (revoked, resolved or not a secret). Runs that post no
// interactive alert (clean messages, known leaks, no alert channel, auto-revoked tokens) complete
// at once. A failed Revoke (message gone, Slack down) keeps the run open so someone can still
// press Resolved later, days later if need be.
import { SlackFunction } from "deno-slack-sdk/mod.ts";
import { GuardMessageFunction } from "./definition.ts";
import { Budget } from "../../slack/budget.ts";
import { makeGuardDeps, processMessage, type ProcessResult } from "../../slack/pipeline.ts";
import { loadSettings } from "../../slack/settings_store.ts";
import { ALERT_BUTTON_ACTIONS } from "../../slack/blocks/alert.ts";
import { onAlertButton } from "./alert_actions.ts";

function summarize(r: ProcessResult): string {
  if (r.findings.length === 0) return "No credentials found.";
  const parts = [`${r.findings.length} credential(s) found`];
  if (r.newFindings) parts.push(`${r.newFindings} new`);
  if (r.known) parts.push(`${r.known} already known`);
  if (r.duplicates) parts.push(`${r.duplicates} already recorded for this message`);
  if (r.alerts) parts.push(`${r.alerts} alert(s) posted`);
  if (r.autoRevoked) parts.push(`${r.autoRevoked} revoked automatically`);
  let s = parts.join(", ") + ".";
  if (r.problems.length) s += " Problems: " + r.problems.join(" ");
  return s;
}

export default SlackFunction(
  GuardMessageFunction,
  async ({ inputs, client, env, team_id, event }) => {
    const budget = Budget.forFunction();
    const runId = event?.function_execution_id ?? crypto.randomUUID();
    const deps = makeGuardDeps({ client, env, team_id }, budget, { runId });
    try {
      deps.settings = await loadSettings(deps.call, env);
    } catch (e) {
      return {
        error: `Token Guard could not read its settings: ${
          e instanceof Error ? e.message : "unknown error"
        }`,
      };
    }
    const r = await processMessage(deps, {
      channel_id: inputs.channel_id,
      ts: inputs.message_ts,
      thread_ts: inputs.thread_ts || undefined,
      user_id: inputs.user_id || undefined,
      text: inputs.text ?? "",
    }, { source: "guard", warnPoster: true });
    if (r.openAlerts.length > 0) return { completed: false };
    return { outputs: { new_findings: r.newFindings, alerts: r.alerts, summary: summarize(r) } };
  },
).addBlockActionsHandler(
  ALERT_BUTTON_ACTIONS,
  (ctx) =>
    onAlertButton(ctx, (run, finding) => ({
      new_findings: run.alerts,
      alerts: run.alerts,
      summary: `${run.alerts} alert(s) settled; the last: ${
        finding.state.replace("_", " ")
      } by <@${ctx.body.user.id}>.`,
    })),
);
