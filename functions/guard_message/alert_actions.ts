// What the alert's buttons do (Revoke, Resolved, Not a secret, Open GitHub issue), inside a
// block-actions handler's 10 s. The clicker must be allowed; Revoke re-reads the original message,
// re-scans it and matches the fingerprint (the raw value was never stored), revokes with it,
// checks again, records who/when/result and redraws the alert in place. Open GitHub issue files
// one issue with the clicker's connected GitHub account and leaves the finding open.
import { scan } from "../../detect/scan.ts";
import { messageText } from "../../slack/message_text.ts";
import { fetchMessage } from "../../slack/fetch_message.ts";
import {
  eachFinding,
  type FindingRecord,
  getFinding,
  updateFinding,
} from "../../slack/findings_store.ts";
import { type GuardDeps, makeGuardDeps } from "../../slack/pipeline.ts";
import { Budget } from "../../slack/budget.ts";
import type { SlackClientLike } from "../../slack/client.ts";
import { loadSettings } from "../../slack/settings_store.ts";
import { revokeSlackToken } from "../../slack/revoke.ts";
import { mayAct } from "../../slack/revokers.ts";
import {
  ACTION_NOT_SECRET,
  ACTION_OPEN_ISSUE,
  ACTION_RESOLVE,
  ACTION_REVOKE,
  alertMessage,
} from "../../slack/blocks/alert.ts";
import type { ExternalDeps } from "../../providers/external_deps.ts";
import { fileIssueOnce } from "../../providers/github_issue.ts";
import { sentenceFor } from "../../providers/errors.ts";
import { rotationAdvice } from "../../slack/blocks/rotation_advice.ts";
import type { Verification } from "../../slack/verification.ts";

export interface AlertClick {
  actionId: string;
  fingerprint: string;
  userId: string;
  /** Where the alert is (the click's channel and message). */
  channelId?: string;
  messageTs?: string;
}

export type ClickOutcome =
  | "refused"
  | "missing"
  | "already_settled"
  | "revoked"
  | "revoke_failed"
  | "message_gone"
  | "message_edited"
  | "resolved"
  | "not_secret"
  | "issue_opened"
  | "issue_already_filed"
  | "issue_failed";

export interface ClickResult {
  outcome: ClickOutcome;
  /** What the clicker was told privately. */
  told: string;
  /** The finding after the click (absent when refused or missing). */
  finding?: FindingRecord;
}

/** Occurrences tried when re-reading for Revoke: newest first, a few, inside 10 s. */
const MAX_REREADS = 3;

function verificationPatch(v: Verification): Partial<FindingRecord> {
  return {
    verification: v.state,
    verification_detail: v.reason,
    verification_code: v.code,
    verified_at: v.checkedAt,
  };
}

/**
 * Tells the clicker privately: an ephemeral note beside the alert, or, when they are not in that
 * channel (anyone can click in a public channel they have not joined), a direct message.
 */
async function tell(deps: GuardDeps, click: AlertClick, text: string): Promise<void> {
  try {
    const r = click.channelId
      ? await deps.call("chat.postEphemeral", {
        channel: click.channelId,
        user: click.userId,
        text,
      })
      : { ok: false };
    if (r.ok === false) await deps.call("chat.postMessage", { channel: click.userId, text });
  } catch { /* telling is best effort; the alert itself shows the outcome */ }
}

async function redraw(deps: GuardDeps, f: FindingRecord, click: AlertClick): Promise<void> {
  const channel = f.alert_channel_id ?? click.channelId;
  const ts = f.alert_ts ?? click.messageTs;
  if (!channel || !ts) return;
  const m = alertMessage(f, { githubRepository: deps.settings.github_repository });
  await deps.call("chat.update", { channel, ts, text: m.text, blocks: m.blocks })
    .catch(() => undefined);
}

async function revoke(
  deps: GuardDeps,
  f: FindingRecord,
  click: AlertClick,
): Promise<{ outcome: ClickOutcome; patch: Partial<FindingRecord>; told: string }> {
  const now = deps.now();
  const byHand = `Rotate it by hand: ${rotationAdvice(f.family, f.verify_as)}`;
  let gone = 0;
  let edited = 0;
  const tries = [...f.occurrences].reverse().slice(0, MAX_REREADS);
  for (const occ of tries) {
    const read = await fetchMessage(deps.call, occ.channel_id, occ.ts, occ.thread_ts);
    if (!read.found) {
      gone++;
      continue;
    }
    const text = messageText(read.message);
    const hits = text ? await scan(text, { includeSecret: true }) : [];
    const match = hits.find((h) => h.fingerprint === f.fingerprint);
    if (!match) {
      edited++;
      continue;
    }
    const r = await revokeSlackToken(
      { ...match, verifyAs: f.verify_as ?? match.verifyAs },
      deps.verify,
    );
    const patch: Partial<FindingRecord> = {
      action: r.dead ? "revoked" : "revoke_failed",
      action_detail: r.detail,
      acted_by: click.userId,
      acted_at: now,
      ...(r.verification ? verificationPatch(r.verification) : {}),
    };
    if (r.dead) {
      patch.state = "revoked";
      patch.revoked_by = click.userId;
      patch.revoked_at = now;
      return { outcome: "revoked", patch, told: `Done. ${r.detail}` };
    }
    return { outcome: "revoke_failed", patch, told: `${r.detail} ${byHand}` };
  }
  const why = edited > 0
    ? "The message was edited and no longer contains this credential, and Token Guard never stores the raw value, so it cannot revoke it now."
    : "The message was deleted (or can no longer be read), and Token Guard never stores the raw value, so it cannot revoke it now.";
  return {
    outcome: edited > 0 ? "message_edited" : "message_gone",
    patch: { action: "revoke_failed", action_detail: why, acted_by: click.userId, acted_at: now },
    told: `${why} ${byHand}`,
  };
}

/**
 * Files the finding's GitHub issue as the clicker, once: the issue's address is recorded on the
 * finding, so a second click (by anyone) says where it is instead of filing again. The finding
 * stays open; nothing is recorded when GitHub or the connection fails.
 */
async function openIssue(
  deps: GuardDeps,
  f: FindingRecord,
  click: AlertClick,
  external: ExternalDeps,
): Promise<ClickResult> {
  let filed;
  try {
    filed = await fileIssueOnce(external, f.fingerprint, click.userId);
  } catch (e) {
    const { sentence, expected } = sentenceFor(e);
    if (!expected) deps.log(`Open GitHub issue failed unexpectedly (${(e as Error)?.name}).`);
    await tell(deps, click, sentence);
    return { outcome: "issue_failed", told: sentence, finding: f };
  }
  if (filed.kind === "already") {
    const by = filed.by ? ` by <@${filed.by}>` : "";
    const told = `A GitHub issue was already filed for this finding${by}: ${filed.url} ` +
      "Nothing new was filed.";
    await redraw(deps, filed.finding, click);
    await tell(deps, click, told);
    return { outcome: "issue_already_filed", told, finding: filed.finding };
  }
  const { issue } = filed;
  const name = `${issue.repository}#${issue.number}`;
  if (!filed.noted) {
    const told = `Filed <${issue.url}|${name}>, but Token Guard could not note it on the alert: ` +
      "do not press the button again, or a second issue is filed.";
    await tell(deps, click, told);
    return { outcome: "issue_opened", told, finding: f };
  }
  await redraw(deps, filed.finding, click);
  const told = `Filed <${issue.url}|${name}> with your GitHub account.`;
  await tell(deps, click, told);
  return { outcome: "issue_opened", told, finding: filed.finding };
}

export async function handleAlertClick(
  deps: GuardDeps,
  click: AlertClick,
  external?: ExternalDeps,
): Promise<ClickResult> {
  const permission = await mayAct(deps.call, click.userId, deps.settings);
  if (!permission.allowed) {
    const told =
      "Sorry, only workspace admins and owners, and the people or user group named in Token Guard's settings, can act on these alerts. Nothing was changed." +
      (permission.problem ? ` ${permission.problem}` : "");
    await tell(deps, click, told);
    return { outcome: "refused", told };
  }
  const f = await getFinding(deps.call, click.fingerprint);
  if (!f) {
    const told = "This alert's finding is no longer on record. Nothing was changed.";
    await tell(deps, click, told);
    return { outcome: "missing", told };
  }
  if (f.state !== "open") {
    const told = `This alert was already settled (${
      f.state.replace("_", " ")
    }). Nothing was changed.`;
    await redraw(deps, f, click);
    await tell(deps, click, told);
    return { outcome: "already_settled", told, finding: f };
  }

  if (click.actionId === ACTION_OPEN_ISSUE) {
    return await openIssue(
      deps,
      f,
      click,
      external ?? { call: deps.call, budget: Budget.forHandler(), env: {} },
    );
  }

  let outcome: ClickOutcome;
  let patch: Partial<FindingRecord>;
  let told: string;
  const now = deps.now();
  if (click.actionId === ACTION_REVOKE) {
    ({ outcome, patch, told } = await revoke(deps, f, click));
  } else if (click.actionId === ACTION_RESOLVE) {
    outcome = "resolved";
    patch = { state: "resolved", action: "resolved", acted_by: click.userId, acted_at: now };
    told = "Marked resolved.";
  } else if (click.actionId === ACTION_NOT_SECRET) {
    outcome = "not_secret";
    patch = { state: "not_secret", action: "not_secret", acted_by: click.userId, acted_at: now };
    told = "Marked not a secret.";
  } else {
    return { outcome: "missing", told: "Unknown action." };
  }
  const updated = await updateFinding(deps.call, f.fingerprint, patch);
  await redraw(deps, updated, click);
  await tell(deps, click, told);
  return { outcome, told, finding: updated };
}

/**
 * The run's alerts (its findings, by `alerting`, that were alerted) and how many still wait for
 * someone. The guard function completes once none waits.
 */
export async function alertsOfRun(
  deps: GuardDeps,
  runId: string,
): Promise<{ alerts: number; open: number }> {
  let alerts = 0;
  let open = 0;
  for await (
    const f of eachFinding(deps.call, {
      // `alerting`, not `claim`: a racing run's late first write may rewrite `claim`.
      expression: "#run = :run AND attribute_exists(#alert)",
      attributes: { "#run": "alerting", "#alert": "alert_ts" },
      values: { ":run": runId },
    })
  ) {
    alerts++;
    if (f.state === "open") open++;
  }
  return { alerts, open };
}

/** What a block-actions handler receives that the alert's buttons need. */
export interface AlertButtonContext {
  action: { action_id: string; value?: string };
  body: {
    user: { id: string };
    team?: { id?: string };
    channel?: { id?: string };
    message?: { ts?: string };
    container?: { channel_id?: string; message_ts?: string };
    function_data?: { execution_id?: string };
  };
  client: SlackClientLike;
  env: Record<string, string>;
  team_id?: string;
}

/**
 * The alert buttons' handler, shared by every function that posts alerts (guard, sweep): acts on
 * the click, then completes the run with `settledOutputs` once none of its alerts waits.
 */
export async function onAlertButton(
  { action, body, client, env, team_id }: AlertButtonContext,
  settledOutputs: (run: { alerts: number }, finding: FindingRecord) => Record<string, unknown>,
): Promise<void> {
  const budget = Budget.forHandler();
  const runId = body.function_data?.execution_id;
  const deps = makeGuardDeps({ client, env, team_id: team_id ?? body.team?.id }, budget, {
    runId,
  });
  deps.settings = await loadSettings(deps.call, env);
  const result = await handleAlertClick(deps, {
    actionId: action.action_id,
    fingerprint: String(action.value ?? ""),
    userId: body.user.id,
    channelId: body.channel?.id ?? body.container?.channel_id,
    messageTs: body.message?.ts ?? body.container?.message_ts,
  }, { call: deps.call, budget, env, log: deps.log });
  // Filing an issue leaves the finding open: the run stays open for the other buttons.
  const settledNow = ["revoked", "resolved", "not_secret"].includes(result.outcome);
  if (runId && result.finding && settledNow) {
    const run = await alertsOfRun(deps, runId);
    if (run.open === 0) {
      await deps.call("functions.completeSuccess", {
        function_execution_id: runId,
        outputs: settledOutputs(run, result.finding),
      });
    }
  }
}
