// Saving the setup form: who may, joining channels, the guard's event triggers, the digest's
// scheduled trigger, the settings item, and the coverage table. Every Slack answer that is not a
// success becomes a line the admin reads; nothing here throws for `ok: false`.
import type { GuardedChannel, GuardSettings } from "../../slack/settings_store.ts";
import { saveSettings } from "../../slack/settings_store.ts";
import type { SlackCall } from "../../slack/slack_call.ts";
import {
  applyGuardTriggers,
  type ApplyResult,
  formatTriggerIds,
  MAX_CHANNELS_PER_TRIGGER,
  parseTriggerIds,
  planGuardTriggers,
} from "../../slack/guard_trigger.ts";
import { weeklyDigestTrigger } from "../../triggers/weekly_digest.ts";
import { type MessageBlocks, slackDate } from "../../slack/blocks/common.ts";
import type { SetupForm } from "./view.ts";
import { parseRepository } from "../../providers/github_api.ts";
import { getConnection } from "../../slack/external_connections_store.ts";

export interface SetupPermission {
  allowed: boolean;
  via?: "guard_admin" | "admin" | "owner";
  /** What to tell someone refused. */
  reason?: string;
}

/** Workspace admins and owners, and the guard admins named in the settings. */
export async function maySetUp(
  call: SlackCall,
  userId: string,
  settings: Pick<GuardSettings, "guard_admin_ids">,
): Promise<SetupPermission> {
  if (settings.guard_admin_ids.includes(userId)) return { allowed: true, via: "guard_admin" };
  const info = await call("users.info", { user: userId });
  if (info.ok === false) {
    return {
      allowed: false,
      reason:
        `Token Guard could not confirm your role (users.info answered ${info.error}), so it did not let you change its settings. Try again in a minute.`,
    };
  }
  const u = (info.user ?? {}) as { is_admin?: boolean; is_owner?: boolean; deleted?: boolean };
  if (!u.deleted && u.is_owner) return { allowed: true, via: "owner" };
  if (!u.deleted && u.is_admin) return { allowed: true, via: "admin" };
  return {
    allowed: false,
    reason:
      "Only workspace admins and owners, and the people they name as Token Guard admins, can change where Token Guard looks and who may revoke. Ask one of them to run Set up Token Guard, or to add you.",
  };
}

export interface CoverageRow {
  channel_id: string;
  name?: string;
  member: boolean;
  private?: boolean;
  archived?: boolean;
  /** Token Guard joined it during this save. */
  joined?: boolean;
  /** Covered by an event trigger after this save. */
  triggered: boolean;
  since?: number;
  /** What the admin should do about it, if anything. */
  note?: string;
}

export interface DigestChange {
  action: "created" | "kept" | "deleted" | "none" | "failed";
  trigger_id?: string;
  error?: string;
}

export interface SetupResult {
  settings: GuardSettings;
  coverage: CoverageRow[];
  triggers: ApplyResult;
  digest: DigestChange;
  alertChannelNote?: string;
  /** Everything that did not work, in plain words. */
  problems: string[];
}

export interface SetupDeps {
  call: SlackCall;
  /** Epoch seconds. */
  now: () => number;
  /** At most this many channel calls at once (Slack's Tier 3 allows bursts; be gentle). */
  concurrency?: number;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Makes sure Token Guard can see the channel: joins public ones, explains the rest. */
async function reach(call: SlackCall, channel: string): Promise<Omit<CoverageRow, "triggered">> {
  const info = await call("conversations.info", { channel });
  if (info.ok === false) {
    return {
      channel_id: channel,
      member: false,
      note: info.error === "channel_not_found"
        ? "Token Guard cannot see this channel: if it is private, type `/invite @Token Guard` in it, then save again."
        : `Slack answered conversations.info with ${info.error}; save again later.`,
    };
  }
  const c = (info.channel ?? {}) as Record<string, unknown>;
  const row: Omit<CoverageRow, "triggered"> = {
    channel_id: channel,
    name: typeof c.name === "string" ? c.name : undefined,
    member: c.is_member === true,
    private: c.is_private === true,
    archived: c.is_archived === true,
  };
  if (row.archived) {
    row.member = false;
    row.note = "Archived: nothing new is posted there. Remove it, or unarchive it first.";
    return row;
  }
  if (row.member) return row;
  if (row.private) {
    row.note = "Private: type `/invite @Token Guard` in the channel, then save again.";
    return row;
  }
  const join = await call("conversations.join", { channel });
  if (join.ok === false) {
    row.note = `Could not join (${join.error}): invite Token Guard with \`/invite @Token Guard\`.`;
    return row;
  }
  row.member = true;
  row.joined = true;
  return row;
}

async function applyDigest(
  call: SlackCall,
  want: boolean,
  existing: string | undefined,
  nowMs: number,
): Promise<DigestChange> {
  if (want && existing) {
    // It may have been deleted by hand: check, and create it again if so.
    const list = await call("workflows.triggers.list", { limit: 1000 });
    const ids = Array.isArray(list.triggers)
      ? (list.triggers as Array<{ id?: string }>).map((t) => t.id)
      : undefined;
    if (ids === undefined || ids.includes(existing)) {
      return { action: "kept", trigger_id: existing };
    }
  }
  if (want) {
    const r = await call("workflows.triggers.create", { ...weeklyDigestTrigger(nowMs) });
    const id = (r.trigger as { id?: string } | undefined)?.id;
    if (r.ok === false || !id) {
      return { action: "failed", error: String(r.error ?? "no_trigger_id") };
    }
    return { action: "created", trigger_id: id };
  }
  if (!existing) return { action: "none" };
  const r = await call("workflows.triggers.delete", { trigger_id: existing });
  if (r.ok === false && r.error !== "trigger_does_not_exist") {
    return { action: "failed", trigger_id: existing, error: String(r.error) };
  }
  return { action: "deleted", trigger_id: existing };
}

export async function saveSetup(
  deps: SetupDeps,
  current: GuardSettings,
  form: SetupForm,
  userId: string,
): Promise<SetupResult> {
  const { call } = deps;
  const now = deps.now();
  const problems: string[] = [];

  const rows = await mapLimit(form.channelIds, deps.concurrency ?? 6, (c) => reach(call, c));
  const listening = rows.filter((r) => r.member).map((r) => r.channel_id);
  const triggers = await applyGuardTriggers(
    call,
    planGuardTriggers(parseTriggerIds(current.guard_trigger_id), listening),
  );
  for (const c of triggers.changes.filter((c) => c.action === "failed")) {
    problems.push(
      `The event trigger ${c.trigger_id ?? "for " + (c.channel_ids ?? []).length + " channels"} ` +
        `could not be saved (${c.error}${c.detail ? `: ${c.detail}` : ""}).`,
    );
  }
  const covered = new Set(
    triggers.changes.filter((c) => c.action !== "failed" && c.channel_ids).flatMap((c) =>
      c.channel_ids!
    ),
  );

  const sinceOf = new Map(current.guarded_channels.map((g) => [g.channel_id, g.since]));
  const coverage: CoverageRow[] = rows.map((r) => ({
    ...r,
    triggered: covered.has(r.channel_id),
    since: covered.has(r.channel_id) ? sinceOf.get(r.channel_id) ?? now : undefined,
  }));
  const guarded: GuardedChannel[] = coverage.map((r) =>
    r.since !== undefined
      ? { channel_id: r.channel_id, since: r.since }
      : { channel_id: r.channel_id }
  );

  let alertChannelNote: string | undefined;
  if (form.alertChannelId) {
    const alert = await reach(call, form.alertChannelId);
    if (!alert.member) {
      alertChannelNote = `Alerts cannot reach <#${form.alertChannelId}> yet: ${
        alert.note ?? "invite Token Guard there."
      }`;
      problems.push(alertChannelNote);
    }
  }

  const digest = await applyDigest(call, form.digest, current.digest_trigger_id, now * 1000);
  if (digest.action === "failed") {
    problems.push(`The weekly digest's schedule could not be saved (${digest.error}).`);
  }
  const digestId = digest.action === "created" || digest.action === "kept"
    ? digest.trigger_id!
    : digest.action === "failed"
    ? current.digest_trigger_id ?? ""
    : "";

  // The checkbox speaks for the saving admin only: ticked, the digest goes to their sheet;
  // unticked, it stops going to theirs but another admin's choice stays.
  const sheetUser = form.digestSheet
    ? userId
    : current.digest_sheet_user_id === userId
    ? ""
    : current.digest_sheet_user_id ?? "";
  if (form.digestSheet) problems.push(...await sheetProblems(call, userId, Boolean(digestId)));

  // Empty strings clear a field (apps.datastore.update keeps fields it is not given).
  const settings = await saveSettings(
    call,
    {
      alert_channel_id: form.alertChannelId ?? "",
      revoker_user_ids: form.revokerUserIds,
      revoker_usergroup_id: form.revokerUsergroupId ?? "",
      guard_admin_ids: form.guardAdminIds,
      policy: form.policy,
      guarded_channels: guarded,
      guard_trigger_id: formatTriggerIds(triggers.triggerIds),
      digest_trigger_id: digestId,
      digest_sheet_user_id: sheetUser,
      github_repository: parseRepository(form.githubRepository) ?? "",
    },
    userId,
    () => now,
  );

  for (const r of coverage) if (r.note) problems.push(`<#${r.channel_id}>: ${r.note}`);
  return { settings, coverage, triggers, digest, alertChannelNote, problems };
}

/** What keeps the digest from reaching the admin's spreadsheet, checked at save time. */
async function sheetProblems(call: SlackCall, userId: string, digestOn: boolean) {
  const out: string[] = [];
  if (!digestOn) {
    out.push(
      "The weekly digest is off, so nothing is appended to your spreadsheet until it is on.",
    );
  }
  try {
    const conn = await getConnection(call, "google", userId);
    if (!conn) {
      out.push(
        'Your Google account is not connected: run "Connect my Google account", then "Export ' +
          'findings to Google Sheets" once, so the digest has a spreadsheet to append to.',
      );
    } else if (!conn.spreadsheet_id) {
      out.push(
        'You have no findings spreadsheet yet: run "Export findings to Google Sheets" once, so ' +
          "the digest has one to append to.",
      );
    }
  } catch {
    // Only advice: the digest itself says what is wrong when it runs.
  }
  return out;
}

function coverageLine(r: CoverageRow): string {
  const member = r.member
    ? r.joined ? ":white_check_mark: joined now" : ":white_check_mark: member"
    : r.archived
    ? ":file_cabinet: archived"
    : ":x: not a member";
  const since = r.since ? `guarded since ${slackDate(r.since)}` : "*not guarded yet*";
  return `• <#${r.channel_id}> | ${member} | ${since}${r.note ? `\n      ↳ ${r.note}` : ""}`;
}

/** The answer after saving: the coverage table and what to do next. */
export function coverageMessage(r: SetupResult): MessageBlocks {
  const guarded = r.coverage.filter((c) => c.triggered).length;
  const triggerCount = r.triggers.triggerIds.length;
  const head = r.coverage.length === 0
    ? ":white_circle: *Token Guard is not guarding any channel* (every event trigger was removed)."
    : `:shield: *Token Guard guards ${guarded} of ${r.coverage.length} channel${
      r.coverage.length === 1 ? "" : "s"
    }*` + (triggerCount > 1
      ? ` with ${triggerCount} event triggers (Slack allows ${MAX_CHANNELS_PER_TRIGGER} channels per trigger).`
      : ".");
  const lines = r.coverage.map(coverageLine);
  const chunks: string[] = [];
  let buf = "*Channel | Token Guard | Guarded*";
  for (const l of lines) {
    if (buf.length + l.length + 1 > 2900) {
      chunks.push(buf);
      buf = "";
    }
    buf += (buf ? "\n" : "") + l;
  }
  if (buf) chunks.push(buf);
  const settingsLine = [
    `Alerts go to ${r.settings.alert_channel_id ? `<#${r.settings.alert_channel_id}>` : "nowhere"}`,
    `policy *${r.settings.policy === "auto_revoke" ? "alert and auto-revoke" : "alert only"}*`,
    `weekly digest *${r.settings.digest_trigger_id ? "on" : "off"}*` +
    (r.settings.digest_sheet_user_id
      ? ` (also to the findings spreadsheet of <@${r.settings.digest_sheet_user_id}>)`
      : ""),
    r.settings.github_repository
      ? `GitHub issues in *${r.settings.github_repository}*`
      : "no GitHub repository for issues",
  ].join(", ") + ".";
  const blocks: Record<string, unknown>[] = [
    { type: "section", text: { type: "mrkdwn", text: head } },
    ...(r.coverage.length
      ? chunks.slice(0, 40).map((t) => ({ type: "section", text: { type: "mrkdwn", text: t } }))
      : []),
    { type: "context", elements: [{ type: "mrkdwn", text: settingsLine }] },
  ];
  if (r.problems.length) {
    const text = `:warning: *To do*\n${r.problems.map((p) => `• ${p}`).join("\n")}`;
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: text.length > 2900 ? text.slice(0, 2899) + "…" : text },
    });
  }
  return {
    text: `Token Guard guards ${guarded} of ${r.coverage.length} channels.`,
    blocks,
  };
}
