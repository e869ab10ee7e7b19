// The guard path as one reusable function: the guard function runs it on each new message, the
// history sweep on each message it reads.
//
// Usage:
//   const budget = Budget.forFunction();
//   const deps = makeGuardDeps({ client, env, team_id }, budget, { runId: execution_id });
//   deps.settings = await loadSettings(deps.call, env);          // once per run
//   const r = await processMessage(deps, {
//     channel_id, ts, thread_ts, user_id, text, blocks, attachments, files,
//   }, { source: "sweep", warnPoster: false, fetchIfIncomplete: false });
//   r.newFindings / r.known / r.duplicates / r.alerts / r.autoRevoked / r.problems
//   r.openAlerts: alerts with buttons that this run posted (the guard keeps its function
//   execution open for them; see functions/guard_message/mod.ts)
//
// Per finding: already recorded for this channel+ts? stop (a re-delivered event). Recorded for
// another message? add the occurrence, warn the poster while it is open, and redraw the existing
// alert in place (count, last seen, newest message; "posted again" once settled): never a second
// alert. New? claim the alert (findings_store claimAlert: runs racing on one leak agree on one)
// -> verify live -> record -> auto-revoke a live Slack token when the policy says so -> the
// poster's private warning -> the alert in the security channel. Raw secrets live only in this
// call's memory; results carry none.
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { scan } from "../detect/scan.ts";
import type { Finding } from "../detect/types.ts";
import { contentMayBeElsewhere } from "../detect/hints.ts";
import { Budget } from "./budget.ts";
import { slackCall, type SlackClientLike } from "./client.ts";
import { messageText } from "./message_text.ts";
import type { MessageLike } from "./message_text.ts";
import { fetchMessage } from "./fetch_message.ts";
import {
  claimAlert,
  type FindingRecord,
  hasOccurrence,
  type NewFinding,
  type Occurrence,
  recordOccurrence,
  sameMessage,
  updateFinding,
} from "./findings_store.ts";
import { type GuardSettings, withDefaults } from "./settings_store.ts";
import type { SlackCall } from "./slack_call.ts";
import type { Verification, VerificationState } from "./verification.ts";
import { type VerifyDeps, verifyFinding } from "./verify.ts";
import { revokeSlackToken } from "./revoke.ts";
import { verifyGitHubToken } from "../providers/github_verify.ts";
import { githubApiBase } from "../providers/base_urls.ts";
import { isRevocable, slackKindOf } from "./token_kind.ts";
import { posterWarning, type WarnedFinding } from "./blocks/poster_warning.ts";
import { alertMessage } from "./blocks/alert.ts";

export interface GuardDeps {
  /** The bot's calls, with retries inside the run's budget. */
  call: SlackCall;
  /** How leaked credentials are checked (calls made with the leaked token). */
  verify: VerifyDeps;
  settings: GuardSettings;
  /** Identifies this run in the records (the function execution id), for alert ownership. */
  runId: string;
  /** Epoch seconds. */
  now: () => number;
  /** One line per message, never a secret. Default: console.log. */
  log: (line: string) => void;
  /** How long a run that lost a close alert race waits before checking (claimAlert). */
  claimSettleMs?: number;
}

export interface GuardMessage extends MessageLike {
  channel_id: string;
  ts: string;
  thread_ts?: string;
  user_id?: string;
}

export interface ProcessOptions {
  source: "guard" | "sweep";
  /** Send the poster a private warning (guard: yes; sweep: usually not, the news is old). */
  warnPoster: boolean;
  /** Read the full message when the text may not be all of it (default: true for the guard). */
  fetchIfIncomplete?: boolean;
}

export type FindingStatus = "new" | "known" | "duplicate" | "error";

/** One finding's outcome. No raw secret. */
export interface FindingOutcome {
  fingerprint: string;
  ruleId: string;
  family: string;
  redacted: string;
  status: FindingStatus;
  verification?: VerificationState;
  alerted: boolean;
  autoRevoked: boolean;
}

export interface ProcessResult {
  /** The full message was read from the API first. */
  fetchedFull: boolean;
  findings: FindingOutcome[];
  newFindings: number;
  known: number;
  duplicates: number;
  alerts: number;
  /** Alerts with buttons this run posted (fingerprints). */
  openAlerts: string[];
  /** Existing alerts redrawn for a repeat sighting. */
  refreshed: number;
  warnedPoster: boolean;
  autoRevoked: number;
  /** Things that did not work, in plain words (no secrets). */
  problems: string[];
}

/** Builds the deps from a function or handler context. */
export function makeGuardDeps(
  ctx: { client: SlackClientLike; env?: Record<string, string>; team_id?: string },
  budget: Budget,
  opts: { runId?: string; settings?: GuardSettings; now?: () => number } = {},
): GuardDeps {
  const env = ctx.env ?? {};
  const apiUrl = env.SLACK_API_URL || undefined;
  return {
    call: slackCall(ctx.client, budget),
    verify: {
      // Leaked tokens get fewer, shorter attempts: a verdict of `unknown` beats a stalled run.
      callAs: (token) =>
        slackCall(SlackAPI(token, { slackApiUrl: apiUrl }), budget, {
          maxAttempts: 3,
          timeoutMs: 5_000,
        }),
      thisTeamId: ctx.team_id,
      webhookBase: env.SLACK_WEBHOOK_URL_BASE || undefined,
      // GET /user with the leaked token, nothing else; no state kept.
      verifyGitHub: (secret) => verifyGitHubToken(secret, { baseUrl: githubApiBase(env), budget }),
    },
    settings: opts.settings ?? withDefaults(undefined, env),
    runId: opts.runId ?? crypto.randomUUID(),
    now: opts.now ?? (() => Math.floor(Date.now() / 1000)),
    log: (line) => console.log(line),
  };
}

function verificationPatch(v: Verification): Partial<FindingRecord> {
  const o = v.owner ?? {};
  return {
    verification: v.state,
    verification_detail: v.reason,
    verification_code: v.code,
    verified_at: v.checkedAt,
    owner_team_id: o.teamId,
    owner_team_name: o.teamName,
    owner_enterprise_id: o.enterpriseId,
    owner_user_id: o.userId,
    owner_name: o.name,
    owner_bot_id: o.botId,
    owner_is_this_workspace: o.isThisWorkspace,
  };
}

function problem(e: unknown): string {
  // Our errors carry plain sentences; anything else is reduced to its kind.
  return e instanceof Error && e.name.startsWith("Slack") ? e.message : "an unexpected error";
}

async function permalinkFor(deps: GuardDeps, m: GuardMessage): Promise<string | undefined> {
  const r = await deps.call("chat.getPermalink", { channel: m.channel_id, message_ts: m.ts });
  return r.ok !== false && typeof r.permalink === "string" ? r.permalink : undefined;
}

/**
 * Redraws a finding's alert for a repeat sighting (same builder, so count, last seen, the newest
 * message and "posted again" show). Notes the newest message's link first so later redraws (after
 * a button) keep it. False when the alert could not be updated.
 */
async function refreshAlert(
  deps: GuardDeps,
  rec: FindingRecord,
  newest: string | undefined,
): Promise<boolean> {
  if (!rec.alert_channel_id || !rec.alert_ts) return false;
  // The update answers with the whole item as written: the freshest state to draw from.
  const f = newest
    ? await updateFinding(deps.call, rec.fingerprint, { last_permalink: newest })
    : rec;
  const a = alertMessage(f, { githubRepository: deps.settings.github_repository });
  const r = await deps.call("chat.update", {
    channel: f.alert_channel_id,
    ts: f.alert_ts,
    text: a.text,
    blocks: a.blocks,
  });
  return r.ok !== false;
}

interface NewOne {
  finding: Finding;
  record: FindingRecord;
  outcome: FindingOutcome;
  /** What recordOccurrence wrote, to write it again if a rival's first write replaced it. */
  base: NewFinding;
  occurrence: Occurrence;
}

export async function processMessage(
  deps: GuardDeps,
  message: GuardMessage,
  options: ProcessOptions,
): Promise<ProcessResult> {
  const result: ProcessResult = {
    fetchedFull: false,
    findings: [],
    newFindings: 0,
    known: 0,
    duplicates: 0,
    alerts: 0,
    openAlerts: [],
    refreshed: 0,
    warnedPoster: false,
    autoRevoked: 0,
    problems: [],
  };
  let msg = message;
  const hasRich = (message.blocks?.length ?? 0) + (message.attachments?.length ?? 0) +
      (message.files?.length ?? 0) > 0;
  if (
    (options.fetchIfIncomplete ?? options.source === "guard") && !hasRich &&
    contentMayBeElsewhere(message.text ?? "")
  ) {
    const full = await fetchMessage(deps.call, message.channel_id, message.ts, message.thread_ts);
    if (full.found) {
      msg = { ...message, ...full.message, channel_id: message.channel_id, ts: message.ts };
      result.fetchedFull = true;
    } else if (full.reason === "error") {
      result.problems.push(
        `Could not read the full message (${full.code}); scanned the event's text only.`,
      );
    }
  }

  const text = messageText(msg);
  const all = text ? await scan(text, { includeSecret: true }) : [];
  // One message may repeat a secret (text and blocks): one outcome per fingerprint.
  const seen = new Set<string>();
  const findings = all.filter((f) => !seen.has(f.fingerprint) && seen.add(f.fingerprint));

  const occurrence: Occurrence = {
    channel_id: message.channel_id,
    ts: message.ts,
    thread_ts: message.thread_ts || undefined,
    user_id: message.user_id || undefined,
    seen_at: deps.now(),
  };
  const fresh: NewOne[] = [];
  const repeats: FindingRecord[] = [];
  const warned: WarnedFinding[] = [];
  let permalink: string | undefined;

  for (const f of findings) {
    const kind = slackKindOf(f);
    const outcome: FindingOutcome = {
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      family: f.family,
      redacted: f.redacted,
      status: "error",
      alerted: false,
      autoRevoked: false,
    };
    result.findings.push(outcome);
    try {
      const base: NewFinding = {
        fingerprint: f.fingerprint,
        rule_id: f.ruleId,
        family: f.family,
        redacted: f.redacted,
        description: f.description,
        verify_as: kind,
        source: options.source,
        claim: deps.runId,
      };
      let rec = await recordOccurrence(deps.call, base, occurrence);
      if (rec.created) {
        const c = await claimAlert(deps.call, f.fingerprint, deps.runId, {
          settleMs: deps.claimSettleMs,
          occurrence,
        });
        // Racing first writes keep only the last one's occurrence: put ours back if it went.
        // The loser then reads as a re-delivery (same message) or a repeat (another message).
        if (!c.won || !hasOccurrence(c.finding, occurrence)) {
          const again = await recordOccurrence(deps.call, base, occurrence);
          if (!c.won) {
            // Our own first write may be the one that survived, so `duplicate` alone does not
            // make a re-delivery: only the winner's own message does.
            const theirs = again.finding.alerting_occurrence;
            const redelivery = theirs ? sameMessage(theirs, occurrence) : again.duplicate;
            rec = { ...again, created: false, duplicate: redelivery };
          }
        }
        // Our first write may have landed after the winner's and replaced its occurrence: the
        // winner left it beside the door, so put it back too.
        const theirs = rec.finding.alerting_occurrence;
        if (!c.won && theirs && !hasOccurrence(rec.finding, theirs)) {
          const back = await recordOccurrence(deps.call, base, theirs);
          rec = { ...rec, finding: back.finding };
        }
      }
      if (rec.duplicate) {
        outcome.status = "duplicate";
        outcome.verification = rec.finding.verification;
        result.duplicates++;
        continue;
      }
      if (!rec.created) {
        outcome.status = "known";
        outcome.verification = rec.finding.verification;
        result.known++;
        // The poster still deserves to know, privately: while the leak is open, and when an
        // earlier post of it was revoked or resolved (not when it was judged not a secret).
        const state = rec.finding.state;
        if (state === "open" || state === "revoked" || state === "resolved") {
          warned.push({
            family: f.family,
            description: f.description,
            redacted: f.redacted,
            kind,
            settled: state === "open" ? undefined : state,
          });
        }
        if (rec.finding.alert_ts) repeats.push(rec.finding);
        continue;
      }
      outcome.status = "new";
      result.newFindings++;
      const v = await verifyFinding(f, deps.verify);
      outcome.verification = v.state;
      permalink ??= await permalinkFor(deps, message);
      let record = await updateFinding(deps.call, f.fingerprint, {
        // The first write carries no state (see recordOccurrence): the winner sets it.
        state: "open",
        ...verificationPatch(v),
        permalink,
      });
      // A rival's late first write may have replaced the occurrence list: see below.
      if (!hasOccurrence(record, occurrence)) {
        record = (await recordOccurrence(deps.call, base, occurrence)).finding;
      }
      fresh.push({ finding: f, record, outcome, base, occurrence });
    } catch (e) {
      result.problems.push(`Could not record ${f.redacted}: ${problem(e)}`);
    }
  }

  // Auto-revoke before telling anyone, so the warning and the alert say what already happened.
  for (const n of fresh) {
    const kind = slackKindOf(n.finding);
    if (
      deps.settings.policy !== "auto_revoke" || !isRevocable(kind) ||
      n.record.verification !== "live"
    ) continue;
    try {
      const r = await revokeSlackToken(n.finding, deps.verify);
      const patch: Partial<FindingRecord> = {
        action: r.dead ? "auto_revoked" : "auto_revoke_failed",
        action_detail: r.detail,
        acted_at: deps.now(),
        ...(r.verification ? verificationPatch(r.verification) : {}),
      };
      if (r.dead) {
        patch.state = "revoked";
        patch.revoked_at = deps.now();
        n.outcome.autoRevoked = true;
        result.autoRevoked++;
      }
      n.record = await updateFinding(deps.call, n.finding.fingerprint, patch);
      n.outcome.verification = n.record.verification;
    } catch (e) {
      result.problems.push(`Could not auto-revoke ${n.finding.redacted}: ${problem(e)}`);
    }
  }

  for (const n of fresh) {
    warned.push({
      family: n.finding.family,
      description: n.finding.description,
      redacted: n.finding.redacted,
      kind: slackKindOf(n.finding),
      verification: { state: n.record.verification, reason: n.record.verification_detail ?? "" },
      autoRevoked: n.outcome.autoRevoked,
    });
  }

  if (options.warnPoster && warned.length > 0 && message.user_id) {
    const w = posterWarning({ channelId: message.channel_id, findings: warned });
    const r = await deps.call("chat.postEphemeral", {
      channel: message.channel_id,
      user: message.user_id,
      text: w.text,
      blocks: w.blocks,
      thread_ts: message.thread_ts || undefined,
    }).catch((e) => ({ ok: false, error: problem(e) }));
    if (r.ok === false) {
      result.problems.push(`Could not warn the poster privately (${r.error}).`);
    } else result.warnedPoster = true;
  }

  for (const rec of repeats) {
    permalink ??= await permalinkFor(deps, message).catch(() => undefined);
    try {
      if (await refreshAlert(deps, rec, permalink)) result.refreshed++;
    } catch (e) {
      result.problems.push(`Could not update the alert for ${rec.redacted}: ${problem(e)}`);
    }
  }

  const alertChannel = deps.settings.alert_channel_id;
  for (const n of fresh) {
    if (!alertChannel) {
      result.problems.push(
        "No alert channel is set, so no alert was posted. Run the setup workflow (or set TOKEN_GUARD_ALERT_CHANNEL).",
      );
      break;
    }
    try {
      const a = alertMessage(n.record, { githubRepository: deps.settings.github_repository });
      const r = await deps.call("chat.postMessage", {
        channel: alertChannel,
        text: a.text,
        blocks: a.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      if (r.ok === false) {
        result.problems.push(`Could not post the alert in <#${alertChannel}> (${r.error}).`);
        continue;
      }
      const ts = String(r.ts ?? (r.message as { ts?: string } | undefined)?.ts ?? "");
      n.record = await updateFinding(deps.call, n.finding.fingerprint, {
        alert_channel_id: String(r.channel ?? alertChannel),
        alert_ts: ts,
      });
      // A rival run's first write that landed after our claim (it read "no finding" before
      // ours existed) replaced the occurrence list with its own: put ours back. The update
      // answers with the item as stored, so this costs a write only when it happened.
      if (!hasOccurrence(n.record, n.occurrence)) {
        n.record = (await recordOccurrence(deps.call, n.base, n.occurrence)).finding;
      }
      n.outcome.alerted = true;
      result.alerts++;
      if (n.record.state === "open") result.openAlerts.push(n.finding.fingerprint);
    } catch (e) {
      result.problems.push(`Could not post the alert: ${problem(e)}`);
    }
  }

  // A guard run handles one message, so it always says what it did; a sweep of thousands of
  // messages logs only the ones that matter, to keep `slack activity` readable.
  const worthALine = options.source === "guard" || findings.length > 0 ||
    result.problems.length > 0;
  if (worthALine) {
    deps.log(
      `token-guard ${options.source}: channel=${message.channel_id} ts=${message.ts} findings=${findings.length} new=${result.newFindings} known=${result.known} duplicate=${result.duplicates} alerts=${result.alerts} refreshed=${result.refreshed} auto_revoked=${result.autoRevoked}${
        result.problems.length ? ` problems=${result.problems.length}` : ""
      }`,
    );
  }
  return result;
}
