// The alert in the security channel, built from the finding's record alone so the same function
// draws the first alert and every update after someone acts on it. Pure: data in, Block Kit out.
import type { FindingRecord } from "../findings_store.ts";
import { isRevocable } from "../token_kind.ts";
import {
  familyLabel,
  type MessageBlocks,
  slackDate,
  tsSeconds,
  verificationLine,
} from "./common.ts";
import { rotationAdvice } from "./rotation_advice.ts";

export const ACTION_REVOKE = "token_guard_revoke";
export const ACTION_RESOLVE = "token_guard_resolve";
export const ACTION_NOT_SECRET = "token_guard_not_secret";
export const ACTION_OPEN_ISSUE = "token_guard_open_issue";
/** Every button an alert can carry: the block-actions handlers of guard and sweep take these. */
export const ALERT_BUTTON_ACTIONS = [
  ACTION_REVOKE,
  ACTION_RESOLVE,
  ACTION_NOT_SECRET,
  ACTION_OPEN_ISSUE,
];
export const ALERT_ACTIONS_BLOCK = "token_guard_alert_actions";

/** What the record's `action` field holds after someone (or the policy) acted. */
export type AlertAction =
  | "revoked"
  | "revoke_failed"
  | "auto_revoked"
  | "auto_revoke_failed"
  | "resolved"
  | "not_secret";

function ownerLine(f: FindingRecord): string | undefined {
  const bits: string[] = [];
  if (f.owner_name || f.owner_user_id) {
    const who = f.owner_is_this_workspace && f.owner_user_id
      ? `<@${f.owner_user_id}>`
      : `*${f.owner_name ?? f.owner_user_id}*`;
    bits.push(f.owner_bot_id ? `bot ${who}` : who);
  }
  if (f.owner_team_id) {
    const team = f.owner_team_name
      ? `*${f.owner_team_name}* (${f.owner_team_id})`
      : f.owner_team_id;
    bits.push(`workspace ${team}`);
  }
  if (f.owner_enterprise_id) bits.push(`Enterprise org ${f.owner_enterprise_id}`);
  if (bits.length === 0) return undefined;
  const where = f.owner_is_this_workspace === true
    ? " This workspace."
    : f.owner_is_this_workspace === false
    ? " *Another workspace.*"
    : "";
  return `*Belongs to:* ${bits.join(", ")}.${where}`;
}

function actionLine(f: FindingRecord): string | undefined {
  if (!f.action) return undefined;
  const by = f.acted_by ? `<@${f.acted_by}>` : "Token Guard";
  const when = f.acted_at ? ` on ${slackDate(f.acted_at)}` : "";
  const detail = f.action_detail ? ` ${f.action_detail}` : "";
  switch (f.action as AlertAction) {
    case "revoked":
      return `:white_check_mark: *Revoked* by ${by}${when}.${detail}`;
    case "auto_revoked":
      return `:white_check_mark: *Revoked automatically* by Token Guard (auto-revoke policy)${when}.${detail}`;
    case "revoke_failed":
      return `:warning: *Revoke attempted* by ${by}${when} but did not go through.${detail}`;
    case "auto_revoke_failed":
      return `:warning: *Automatic revoke attempted*${when} but did not go through.${detail}`;
    case "resolved":
      return `:ballot_box_with_check: *Marked resolved* by ${by}${when}.${detail}`;
    case "not_secret":
      return `:no_entry_sign: *Marked not a secret* by ${by}${when}.${detail}`;
  }
  return `${f.action} by ${by}${when}.${detail}`;
}

export interface AlertOptions {
  /** The settings' `github_repository`: when set, open alerts offer "Open GitHub issue". */
  githubRepository?: string;
}

function issueLine(f: FindingRecord): string | undefined {
  if (!f.github_issue_url) return undefined;
  const by = f.github_issue_by ? ` by <@${f.github_issue_by}>` : "";
  const when = f.github_issue_at ? ` on ${slackDate(f.github_issue_at)}` : "";
  return `:memo: *GitHub issue* <${f.github_issue_url}|${
    issueName(f.github_issue_url)
  }> filed${by}${when}.`;
}

/** "owner/name#12" for an issue's web address, or the address itself. */
function issueName(url: string): string {
  const m = /\/([^/]+\/[^/]+)\/issues\/(\d+)$/.exec(url);
  return m ? `${m[1]}#${m[2]}` : url;
}

/** "Seen 3 times, last on <date> in #chan by @who · View latest": the newest sighting. */
function repeatLine(f: FindingRecord): string {
  const last = f.occurrences.length > 1 ? f.occurrences[f.occurrences.length - 1] : undefined;
  const where = last ? ` in <#${last.channel_id}>` : "";
  const who = last?.user_id ? ` by <@${last.user_id}>` : "";
  const link = last && f.last_permalink ? ` · <${f.last_permalink}|View latest>` : "";
  return `Seen ${f.occurrence_count} times, last on ${
    slackDate(f.last_seen)
  }${where}${who}.${link}`;
}

/**
 * A settled finding seen again after someone settled it. The state stays as it was (a person
 * decided it); the alert says so loudly instead.
 */
function postedAgainLine(f: FindingRecord): string | undefined {
  if (f.state === "open" || f.occurrence_count < 2) return undefined;
  const settledAt = f.revoked_at ?? f.acted_at;
  // Seconds resolution: a repeat in the same second as the click counts as after it.
  if (!settledAt || !(f.last_seen >= settledAt)) return undefined;
  const why = f.state === "revoked"
    ? "It was revoked, so this copy should be dead; whoever posted it may still be using it."
    : f.state === "resolved"
    ? "It was marked resolved: check that it was really rotated."
    : "It was marked not a secret; nothing else changes.";
  const settled = f.state === "revoked" ? "revoked" : `marked ${f.state.replace("_", " ")}`;
  return `:repeat: *Posted AGAIN* on ${slackDate(f.last_seen)}, after it was ${settled}. ${why}`;
}

export function alertMessage(f: FindingRecord, opts: AlertOptions = {}): MessageBlocks {
  const first = f.occurrences[0];
  const channel = first ? `<#${first.channel_id}>` : "a channel";
  const label = familyLabel(f.family);
  const text = `Token Guard: ${label} ${f.redacted} posted in ${channel}.`;
  const blocks: Record<string, unknown>[] = [];

  const headline = f.state === "open"
    ? `:rotating_light: *${label} posted in ${channel}*`
    : `*${label} posted in ${channel}*`;
  blocks.push({ type: "section", text: { type: "mrkdwn", text: headline } });

  const facts = [`\`${f.redacted}\`${f.description ? ` (${f.description})` : ""}`];
  if (first) {
    const who = first.user_id ? `<@${first.user_id}>` : "an integration";
    const link = f.permalink ? ` · <${f.permalink}|View message>` : "";
    facts.push(`Posted by ${who} on ${slackDate(tsSeconds(first.ts))}${link}`);
  }
  if (f.source === "sweep") facts.push("Found by a history sweep.");
  if (f.occurrence_count > 1) facts.push(repeatLine(f));
  blocks.push({ type: "section", text: { type: "mrkdwn", text: facts.join("\n") } });
  const again = postedAgainLine(f);
  if (again) blocks.push({ type: "section", text: { type: "mrkdwn", text: again } });

  const checked = [
    verificationLine({ state: f.verification, reason: f.verification_detail ?? "" }),
  ];
  const owner = ownerLine(f);
  if (owner) checked.push(owner);
  blocks.push({ type: "section", text: { type: "mrkdwn", text: checked.join("\n") } });

  const acted = actionLine(f);
  if (acted) blocks.push({ type: "section", text: { type: "mrkdwn", text: acted } });
  const issue = issueLine(f);
  if (issue) blocks.push({ type: "section", text: { type: "mrkdwn", text: issue } });

  if (f.state === "open") {
    blocks.push({
      type: "context",
      elements: [{
        type: "mrkdwn",
        text: `*To rotate by hand:* ${rotationAdvice(f.family, f.verify_as)}`,
      }],
    });
    const buttons: Record<string, unknown>[] = [];
    if (isRevocable(f.verify_as) && f.verification !== "dead") {
      buttons.push({
        type: "button",
        action_id: ACTION_REVOKE,
        value: f.fingerprint,
        style: "danger",
        text: { type: "plain_text", text: "Revoke" },
        confirm: {
          title: { type: "plain_text", text: "Revoke this token?" },
          text: {
            type: "mrkdwn",
            text: "Anything that uses it stops working at once. This cannot be undone.",
          },
          confirm: { type: "plain_text", text: "Revoke" },
          deny: { type: "plain_text", text: "Cancel" },
          style: "danger",
        },
      });
    }
    buttons.push({
      type: "button",
      action_id: ACTION_RESOLVE,
      value: f.fingerprint,
      style: "primary",
      text: { type: "plain_text", text: "Resolved" },
    });
    buttons.push({
      type: "button",
      action_id: ACTION_NOT_SECRET,
      value: f.fingerprint,
      text: { type: "plain_text", text: "Not a secret" },
    });
    if (opts.githubRepository && !f.github_issue_url) {
      buttons.push({
        type: "button",
        action_id: ACTION_OPEN_ISSUE,
        value: f.fingerprint,
        text: { type: "plain_text", text: "Open GitHub issue" },
      });
    }
    blocks.push({ type: "actions", block_id: ALERT_ACTIONS_BLOCK, elements: buttons });
  }
  return { text, blocks };
}
