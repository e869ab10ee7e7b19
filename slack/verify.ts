// Live check of a leaked credential: live, dead (with the reason in plain words) or unknown.
// Each check talks only to the credential's own issuer, sends the leaked value only there, and
// changes nothing:
//   - Slack access tokens (xoxb, xoxp, rotating xoxe.xoxb/xoxe.xoxp, legacy xoxa/xoxs, workflow
//     xwfp): POST {SLACK_API_URL}auth.test with `Authorization: Bearer <leaked token>` and an
//     empty body. Slack answers who the token is (workspace, user or bot, Enterprise org) or
//     `ok: false` with the reason it is dead.
//   - App-level tokens (xapp): POST {SLACK_API_URL}apps.connections.open, same header, empty
//     body. A live token gets a one-time Socket Mode URL, which is dropped unused (no socket is
//     opened); a dead one gets `invalid_auth`/`token_revoked`.
//   - Incoming webhooks: POST {SLACK_WEBHOOK_URL_BASE}/services/T…/B…/<secret> with the JSON body
//     `{}`. A message needs text, blocks or attachments, so a live hook refuses it with HTTP 400
//     (`no_text`/`invalid_payload`) and posts nothing; a dead one answers 403/404/410
//     (`invalid_token`, `no_service`, `channel_is_archived`, ...). Only the path of the leaked
//     URL is used: the request always goes to the configured Slack host, never to the host
//     written in the message.
//   - Refresh tokens (xoxe-), browser sessions (xoxc/xoxd) and other families: not checked here
//     (a refresh would rotate the token; a session needs its cookie), state `unknown`.
// The leaked value is never logged, stored or put in an error message: errors from the
// transport are reduced to a code before they reach a sentence.
import type { CredentialOwner, Verification } from "./verification.ts";
import { explainSlackError, isDeadCode } from "./errors.ts";
import type { SlackCall, SlackReply } from "./slack_call.ts";
import { AUTH_TEST_KINDS, slackKindOf } from "./token_kind.ts";

export const DEFAULT_WEBHOOK_BASE = "https://hooks.slack.com";

export interface VerifyDeps {
  /** A SlackCall that authenticates as `token` (the leaked one) against the Slack API base. */
  callAs(token: string): SlackCall;
  /** The workspace Token Guard runs in, to tell "this workspace" from another. */
  thisTeamId?: string;
  /** Origin of incoming webhooks (env SLACK_WEBHOOK_URL_BASE); default hooks.slack.com. */
  webhookBase?: string;
  /** Per-request timeout for the webhook check (default 5 s). */
  webhookTimeoutMs?: number;
  /** Epoch seconds. */
  now?: () => number;
  /** Live check for GitHub tokens, when that provider is available. */
  verifyGitHub?: (secret: string) => Promise<Verification>;
}

export interface VerifiableFinding {
  family: string;
  verifyAs?: string;
  /** The raw secret, in memory only for this run. */
  secret?: string;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function result(
  deps: VerifyDeps,
  state: Verification["state"],
  reason: string,
  code?: string,
  owner?: CredentialOwner,
): Verification {
  const v: Verification = { state, reason, checkedAt: (deps.now ?? nowSeconds)() };
  if (code) v.code = code;
  if (owner) v.owner = owner;
  return v;
}

/** A thrown transport failure as a code, without its message (which may quote a URL). */
export function transportCode(e: unknown): string {
  const o = (e ?? {}) as {
    lastReason?: unknown;
    code?: unknown;
    status?: unknown;
    name?: unknown;
    failure?: { status?: number };
  };
  if ((o.failure?.status ?? 0) >= 500) return "service_unavailable";
  if (o.failure?.status === 429) return "ratelimited";
  const raw = typeof o.lastReason === "string"
    ? o.lastReason
    : typeof o.code === "string"
    ? o.code
    : typeof o.status === "number"
    ? `http_${o.status}`
    : o.name === "TimeoutError"
    ? "timeout"
    : "network_error";
  if (raw === "ratelimited" || raw === "http_429") return "ratelimited";
  if (/^http_5\d\d$/.test(raw)) return "service_unavailable";
  if (raw === "error") return "network_error";
  if (raw === "budget") return "budget_exhausted";
  return raw;
}

function fromError(deps: VerifyDeps, e: unknown): Verification {
  const code = transportCode(e);
  return result(deps, "unknown", explainSlackError(code).sentence, code);
}

function fromSlackCode(deps: VerifyDeps, code: string): Verification {
  const sentence = explainSlackError(code).sentence;
  return result(deps, isDeadCode(code) ? "dead" : "unknown", sentence, code);
}

function s(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function scopesOf(reply: SlackReply): string[] | undefined {
  const toFetch = reply.toFetchResponse as (() => Response) | undefined;
  if (typeof toFetch !== "function") return undefined;
  const header = toFetch().headers.get("x-oauth-scopes");
  return header ? header.split(",").map((x) => x.trim()).filter(Boolean) : undefined;
}

async function viaAuthTest(token: string, deps: VerifyDeps): Promise<Verification> {
  let reply: SlackReply;
  try {
    reply = await deps.callAs(token)("auth.test", {});
  } catch (e) {
    return fromError(deps, e);
  }
  if (reply.ok === false) return fromSlackCode(deps, String(reply.error ?? "unknown_error"));
  const teamId = s(reply.team_id);
  const owner: CredentialOwner = {
    teamId,
    teamName: s(reply.team),
    enterpriseId: s(reply.enterprise_id),
    userId: s(reply.user_id),
    name: s(reply.user),
    botId: s(reply.bot_id),
    appId: s(reply.app_id),
    isThisWorkspace: teamId !== undefined && deps.thisTeamId !== undefined
      ? teamId === deps.thisTeamId
      : undefined,
    scopes: scopesOf(reply),
  };
  for (const k of Object.keys(owner) as Array<keyof CredentialOwner>) {
    if (owner[k] === undefined) delete owner[k];
  }
  const who = owner.botId
    ? `bot ${owner.name ?? owner.userId}`
    : `user ${owner.name ?? owner.userId}`;
  const where = owner.isThisWorkspace === false
    ? `another workspace (${owner.teamName ?? teamId})`
    : `workspace ${owner.teamName ?? teamId}`;
  return result(
    deps,
    "live",
    `Slack accepts it: it acts as ${who} in ${where}.`,
    undefined,
    owner,
  );
}

async function viaConnectionsOpen(token: string, deps: VerifyDeps): Promise<Verification> {
  let reply: SlackReply;
  try {
    reply = await deps.callAs(token)("apps.connections.open", {});
  } catch (e) {
    return fromError(deps, e);
  }
  if (reply.ok === false) {
    const code = String(reply.error ?? "unknown_error");
    // A valid app-level token without connections:write is still a working credential.
    if (code === "missing_scope") {
      return result(
        deps,
        "live",
        "Slack accepts it as an app-level token (it lacks the Socket Mode scope, but it works for its other scopes).",
        code,
      );
    }
    return fromSlackCode(deps, code);
  }
  // The answer is a one-time Socket Mode URL: keep only the app id it names, drop the ticket.
  let appId: string | undefined;
  try {
    appId = s(new URL(String(reply.url)).searchParams.get("app_id"));
  } catch { /* no URL, no app id */ }
  return result(
    deps,
    "live",
    "Slack accepts it as an app-level token: anyone holding it can receive the app's events over Socket Mode.",
    undefined,
    appId ? { appId } : undefined,
  );
}

/** The part of a webhook URL after /services/, if it has Slack's shape. */
export function webhookPath(url: string): string | undefined {
  const m = url.match(/\/services\/(T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+)/);
  return m?.[1];
}

function webhookEndpoint(base: string | undefined, path: string): string {
  let root = (base ?? DEFAULT_WEBHOOK_BASE).replace(/\/+$/, "");
  if (!root.endsWith("/services")) root += "/services";
  return `${root}/${path}`;
}

const WEBHOOK_LIVE = new Set([
  "no_text",
  "invalid_payload",
  "missing_text_or_fallback_or_attachments",
  "invalid_blocks",
  "invalid_blocks_format",
]);

const WEBHOOK_DEAD = new Set([
  "invalid_token",
  "no_service",
  "no_service_id",
  "no_team",
  "team_disabled",
  "channel_is_archived",
  "channel_not_found",
]);

async function viaWebhook(url: string, deps: VerifyDeps): Promise<Verification> {
  const path = webhookPath(url);
  if (!path) return result(deps, "unknown", "This does not look like a Slack webhook URL.");
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.webhookTimeoutMs ?? 5_000);
  let status: number;
  let body: string;
  try {
    const res = await fetch(webhookEndpoint(deps.webhookBase, path), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      signal: controller.signal,
    });
    status = res.status;
    body = (await res.text()).trim().slice(0, 200);
  } catch (e) {
    return fromError(deps, controller.signal.aborted ? { name: "TimeoutError" } : e);
  } finally {
    clearTimeout(timer);
  }
  const code = /^[a-z_]+$/.test(body) ? body : `http_${status}`;
  if (status === 400 && WEBHOOK_LIVE.has(code)) {
    return result(
      deps,
      "live",
      "The webhook works: anyone holding the URL can post messages as its app into its channel.",
      code,
    );
  }
  if (status === 200) {
    return result(deps, "live", "The webhook works: Slack accepted a request to it.", "ok");
  }
  if (WEBHOOK_DEAD.has(code) || status === 404 || status === 410) {
    const sentence = WEBHOOK_DEAD.has(code)
      ? explainSlackError(code).sentence
      : "Slack no longer knows this webhook.";
    return result(deps, "dead", sentence, code);
  }
  if (status === 429) return fromSlackCode(deps, "ratelimited");
  if (status >= 500) return fromSlackCode(deps, "service_unavailable");
  return result(deps, "unknown", explainSlackError(code).sentence, code);
}

/** Checks one finding live. Never throws: failures become `unknown` with the reason. */
export async function verifyFinding(
  finding: VerifiableFinding,
  deps: VerifyDeps,
): Promise<Verification> {
  const secret = finding.secret;
  if (!secret) {
    return result(deps, "unknown", "The raw value was not available to check.");
  }
  const kind = slackKindOf(finding);
  try {
    if (kind && AUTH_TEST_KINDS.has(kind)) return await viaAuthTest(secret, deps);
    if (kind === "xapp") return await viaConnectionsOpen(secret, deps);
    if (kind === "webhook") return await viaWebhook(secret, deps);
    if (kind === "xoxe" || kind === "xoxr") {
      return result(
        deps,
        "unknown",
        "A refresh token can only be checked by using it, which would rotate it; treat it as live.",
      );
    }
    if (kind === "xoxc" || kind === "xoxd") {
      return result(
        deps,
        "unknown",
        "A browser session credential cannot be checked without its other half; treat it as live.",
      );
    }
    if (finding.family === "github" && deps.verifyGitHub) {
      return await deps.verifyGitHub(secret);
    }
  } catch (e) {
    return fromError(deps, e);
  }
  return result(
    deps,
    "unknown",
    `Token Guard cannot check ${finding.family} credentials live yet; treat it as live.`,
  );
}
