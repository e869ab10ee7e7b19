// What "Check Token Guard" adds to its who-am-I answer: is the guard actually wired up?
//   - the guarded channels, and whether the event triggers exist and cover exactly them;
//   - guarded channels the app is not a member of (message_posted fires only where it is);
//   - scopes the manifest asks for that the installed token lacks (auth.test's x-oauth-scopes);
//   - external connections (Google, GitHub) people have made, by provider.
//
//   const report = await checkHealth({ client, settings, budget });
//   const { text, blocks } = healthBlocks(report);
//
// Every check is independent: one failing call becomes a sentence in `problems`, never a throw.
import { BOT_SCOPES } from "../scopes.ts";
import { Budget } from "./budget.ts";
import { callSlack, pages, type SlackClientLike } from "./client.ts";
import type { GuardSettings } from "./settings_store.ts";
import {
  GUARD_WORKFLOW_CALLBACK_ID,
  liveTriggerFrom,
  MESSAGE_POSTED,
  parseTriggerIds,
} from "./guard_trigger.ts";
import { type MessageBlocks, slackDate } from "./blocks/common.ts";

export const EXTERNAL_CONNECTIONS_DATASTORE = "external_connections";

export interface HealthDeps {
  client: SlackClientLike;
  settings: GuardSettings;
  budget?: Budget;
  /** The scopes the manifest asks for (default: scopes.ts). */
  botScopes?: readonly string[];
  /** The token's scopes when the caller already has them (skips an auth.test). */
  grantedScopes?: string[];
  /** Look at the external_connections datastore (default: true). */
  externalConnections?: boolean;
}

export interface ChannelHealth {
  channel_id: string;
  name?: string;
  since?: number;
  /** undefined when conversations.info failed. */
  member?: boolean;
  private?: boolean;
  archived?: boolean;
  /** Covered by one of the guard's event triggers. */
  triggered: boolean;
  problem?: string;
}

export type TriggerStatus = "ok" | "none" | "missing" | "mismatch" | "unknown";

export interface TriggerHealth {
  status: TriggerStatus;
  /** Trigger ids the settings name. */
  expected: string[];
  /** Those that exist. */
  found: string[];
  /** Named in the settings but gone. */
  missing: string[];
  /** Guarded channels no trigger covers. */
  uncovered: string[];
  /** Channels a trigger covers that the settings do not guard. */
  extra: string[];
  /** Triggers that exist but point at another workflow or event. */
  wrongShape: string[];
}

export interface ScopeHealth {
  /** What the token holds, or undefined when it could not be read. */
  granted?: string[];
  missing: string[];
}

export interface ExternalHealth {
  total: number;
  byProvider: Record<string, number>;
  /** Who has a connection, per provider (user ids). */
  usersByProvider: Record<string, string[]>;
  /** Epoch seconds of the last use of any connection. */
  lastUsedAt?: number;
}

export interface HealthReport {
  healthy: boolean;
  channels: ChannelHealth[];
  notMember: string[];
  trigger: TriggerHealth;
  scopes: ScopeHealth;
  external?: ExternalHealth;
  /** Everything wrong, one plain sentence each, with what to do. */
  problems: string[];
}

type Raw = Record<string, unknown>;

async function grantedScopes(
  client: SlackClientLike,
  budget: Budget,
): Promise<string[] | undefined> {
  const r = await callSlack(client, "auth.test", {}, { budget });
  if (!r.ok) return undefined;
  const res = (r as { toFetchResponse?: () => Response }).toFetchResponse?.();
  const header = res?.headers.get("x-oauth-scopes");
  if (header === null || header === undefined) return undefined;
  return header.split(",").map((s) => s.trim()).filter(Boolean);
}

async function listTriggers(client: SlackClientLike, budget: Budget): Promise<Raw[] | undefined> {
  const out: Raw[] = [];
  const pager = pages<{ triggers?: Raw[] }>(client, "workflows.triggers.list", {}, {
    budget,
    limit: 1000,
    reserveMs: 500,
  });
  for await (const page of pager) out.push(...(page.triggers ?? []));
  return pager.complete ? out : undefined;
}

async function externalConnections(
  client: SlackClientLike,
  budget: Budget,
): Promise<ExternalHealth | string> {
  const pager = pages<{ items?: Raw[] }>(client, "apps.datastore.query", {
    datastore: EXTERNAL_CONNECTIONS_DATASTORE,
  }, { budget, limit: 1000, reserveMs: 500 });
  const health: ExternalHealth = { total: 0, byProvider: {}, usersByProvider: {} };
  for await (const page of pager) {
    for (const item of page.items ?? []) {
      health.total++;
      const p = String(item.provider ?? "unknown");
      health.byProvider[p] = (health.byProvider[p] ?? 0) + 1;
      if (typeof item.user_id === "string") {
        (health.usersByProvider[p] ??= []).push(item.user_id);
      }
      const used = Number(item.last_used_at ?? item.connected_at ?? 0);
      if (used > (health.lastUsedAt ?? 0)) health.lastUsedAt = used;
    }
  }
  if (!pager.complete) return pager.error?.explanation.sentence ?? "the list was cut short";
  return health;
}

export async function checkHealth(deps: HealthDeps): Promise<HealthReport> {
  const budget = deps.budget ?? Budget.forFunction();
  const { client, settings } = deps;
  const problems: string[] = [];
  const guarded = settings.guarded_channels;
  const expected = parseTriggerIds(settings.guard_trigger_id);

  const [scopes, triggers, infos, external] = await Promise.all([
    deps.grantedScopes ? Promise.resolve(deps.grantedScopes) : grantedScopes(client, budget),
    listTriggers(client, budget),
    Promise.all(guarded.map((g) =>
      callSlack<{ channel: Raw }>(client, "conversations.info", {
        channel: g.channel_id,
      }, { budget })
    )),
    deps.externalConnections === false
      ? Promise.resolve(undefined)
      : externalConnections(client, budget),
  ]);

  // Triggers
  const live = (triggers ?? []).map(liveTriggerFrom);
  const byId = new Map(live.map((t) => [t.id, t]));
  const found = expected.filter((id) => byId.has(id));
  const missing = expected.filter((id) => !byId.has(id));
  const wrongShape = found.filter((id) => {
    const t = byId.get(id)!;
    return t.eventType !== MESSAGE_POSTED || t.workflowCallbackId !== GUARD_WORKFLOW_CALLBACK_ID;
  });
  const covered = new Set(found.flatMap((id) => byId.get(id)!.channelIds));
  const guardedIds = guarded.map((g) => g.channel_id);
  const uncovered = guardedIds.filter((id) => !covered.has(id));
  const extra = [...covered].filter((id) => !guardedIds.includes(id));
  let status: TriggerStatus;
  if (triggers === undefined) status = "unknown";
  else if (guarded.length === 0 && expected.length === 0) status = "none";
  else if (missing.length > 0 || (guarded.length > 0 && found.length === 0)) status = "missing";
  else if (uncovered.length || extra.length || wrongShape.length) status = "mismatch";
  else status = "ok";
  if (status === "unknown") {
    problems.push(
      "Could not list the app's triggers (workflows.triggers.list): the trigger check was skipped.",
    );
  } else if (status === "missing") {
    problems.push(
      `The event trigger for the guarded channels is missing${
        missing.length ? ` (${missing.join(", ")} no longer exists)` : ""
      }: new messages are not being scanned. Run Set up Token Guard and save to create it again.`,
    );
  } else if (status === "mismatch") {
    problems.push(
      "The event triggers do not match the settings" +
        (uncovered.length
          ? `; not listening in ${uncovered.map((c) => `<#${c}>`).join(", ")}`
          : "") +
        (extra.length ? `; listening in unguarded ${extra.map((c) => `<#${c}>`).join(", ")}` : "") +
        (wrongShape.length ? `; ${wrongShape.join(", ")} starts something else` : "") +
        ". Run Set up Token Guard and save to fix them.",
    );
  }

  // Channels
  const channels: ChannelHealth[] = guarded.map((g, i) => {
    const r = infos[i];
    const h: ChannelHealth = {
      channel_id: g.channel_id,
      since: g.since,
      triggered: covered.has(g.channel_id),
    };
    if (r.ok) {
      const c = r.channel ?? {};
      h.name = typeof c.name === "string" ? c.name : undefined;
      h.member = c.is_member === true;
      h.private = c.is_private === true;
      h.archived = c.is_archived === true;
    } else {
      h.problem = r.explanation.sentence;
    }
    return h;
  });
  const notMember = channels.filter((c) => c.member === false || c.problem).map((c) =>
    c.channel_id
  );
  for (const c of channels) {
    if (c.problem) problems.push(`<#${c.channel_id}>: ${c.problem}`);
    else if (c.archived) {
      problems.push(`<#${c.channel_id}> is archived: nothing new to guard there.`);
    } else if (c.member === false) {
      problems.push(
        `Token Guard is not a member of <#${c.channel_id}>, so it does not see new messages there: ${
          c.private
            ? "type /invite @Token Guard in the channel"
            : "run Set up Token Guard again (it joins public channels) or /invite it"
        }.`,
      );
    }
  }

  // Scopes
  const wanted = deps.botScopes ?? Object.keys(BOT_SCOPES);
  const scopeHealth: ScopeHealth = {
    granted: scopes,
    missing: scopes ? wanted.filter((s) => !scopes.includes(s)) : [],
  };
  if (!scopes) problems.push("Could not read the token's scopes (auth.test gave no scope list).");
  else if (scopeHealth.missing.length) {
    problems.push(
      `The installed app lacks ${scopeHealth.missing.join(", ")}, which the manifest asks for: ` +
        "reinstall the app (slack deploy, then approve the new scopes).",
    );
  }

  let externalHealth: ExternalHealth | undefined;
  if (typeof external === "string") {
    problems.push(`Could not read the external connections: ${external}`);
  } else externalHealth = external;

  // The weekly digest's spreadsheet needs its owner's Google connection.
  const sheetUser = settings.digest_sheet_user_id;
  if (sheetUser && externalHealth && !externalHealth.usersByProvider.google?.includes(sheetUser)) {
    problems.push(
      `The weekly digest adds its findings to <@${sheetUser}>'s spreadsheet, but <@${sheetUser}> ` +
        "has no Google connection: they run Connect my Google account, or an admin picks " +
        "someone else in Set up Token Guard. Until then the digest says the sheet was skipped.",
    );
  }

  return {
    healthy: problems.length === 0,
    channels,
    notMember,
    trigger: { status, expected, found, missing, uncovered, extra, wrongShape },
    scopes: scopeHealth,
    external: externalHealth,
    problems,
  };
}

const TRIGGER_WORDS: Record<TriggerStatus, string> = {
  ok: ":white_check_mark: listening in every guarded channel",
  none: ":white_circle: no channels are guarded yet (run Set up Token Guard)",
  missing: ":red_circle: missing",
  mismatch: ":warning: does not match the settings",
  unknown: ":grey_question: could not be checked",
};

function channelLine(c: ChannelHealth): string {
  const member = c.problem
    ? `:grey_question: ${c.problem}`
    : c.member
    ? ":white_check_mark: member"
    : c.private
    ? ":x: not a member (private: /invite @Token Guard)"
    : ":x: not a member";
  const trig = c.triggered ? "" : ", :x: no trigger";
  const since = c.since ? `, guarded since ${slackDate(c.since)}` : "";
  return `• <#${c.channel_id}>: ${member}${trig}${since}`;
}

/** Block Kit for the health part of Check Token Guard. */
export function healthBlocks(r: HealthReport): MessageBlocks {
  const blocks: Record<string, unknown>[] = [];
  const section = (text: string) => ({
    type: "section",
    text: { type: "mrkdwn", text: text.length > 2900 ? text.slice(0, 2899) + "…" : text },
  });
  blocks.push(section(
    r.healthy
      ? ":white_check_mark: *Token Guard is wired up.*"
      : `:warning: *${r.problems.length} thing${r.problems.length === 1 ? "" : "s"} to fix*\n` +
        r.problems.map((p) => `• ${p}`).join("\n"),
  ));
  const lines = r.channels.length ? r.channels.map(channelLine).join("\n") : "_none_";
  blocks.push(section(`*Guarded channels* (${r.channels.length})\n${lines}`));
  blocks.push(section(`*Event trigger*: ${TRIGGER_WORDS[r.trigger.status]}`));
  blocks.push(section(
    `*Scopes*: ${
      r.scopes.granted === undefined
        ? ":grey_question: unknown"
        : r.scopes.missing.length
        ? `:x: missing ${r.scopes.missing.map((s) => `\`${s}\``).join(", ")}`
        : ":white_check_mark: every scope the manifest asks for"
    }`,
  ));
  if (r.external) {
    const by = Object.entries(r.external.byProvider).map(([p, n]) => `${p}: ${n}`).join(", ");
    blocks.push(section(
      `*External connections*: ${r.external.total}${by ? ` (${by})` : ""}${
        r.external.lastUsedAt ? `, last used ${slackDate(r.external.lastUsedAt)}` : ""
      }`,
    ));
  }
  const text = r.healthy ? "Token Guard is wired up." : `Token Guard: ${r.problems.join(" ")}`;
  return { text: text.slice(0, 3000), blocks };
}
