// The one place a Google or GitHub token is obtained. Slack keeps the OAuth tokens; the app keeps
// only their ids (`Et…`) and asks `apps.auth.external.get` at the moment of use. The token lives
// in this run's memory for one provider call and is never logged, stored, returned in an output
// or put in a message or an error.
//
//   const issue = await withProviderToken(deps, tokenId, (token) => createIssue(http, token, ...),
//     { provider: "github" });
//
// A 401 from the provider means the access token expired or was rotated: ask Slack once more with
// `force_refresh: true` and try again, once. What cannot be fixed by a retry becomes an
// ExternalTokenError whose message says what to do.
import type { SlackCall } from "./slack_call.ts";
import { ProviderError } from "../providers/http.ts";
import {
  CONNECT_WORKFLOW_TITLES,
  PROVIDER_NAMES,
  type ProviderKey,
} from "../external_auth/provider_keys.ts";

export interface ExternalTokenDeps {
  /** Slack Web API calls with retries inside the run's budget (slack/client.ts `slackCall`). */
  call: SlackCall;
  /** Diagnostics; never receives a token. Default: console.log. */
  log?: (line: string) => void;
}

/** Who granted the token: the person running the workflow, or the app's developer account. */
export type CredentialSource = "END_USER" | "DEVELOPER";

export interface TokenOptions {
  provider: ProviderKey;
  /** Decides the advice: a person reconnects; a developer token needs an admin. Default END_USER. */
  source?: CredentialSource;
}

export type ExternalTokenProblem =
  /** No token behind this id: never connected, or removed. */
  | "not_connected"
  /** Slack holds no refresh token, so an expired access token cannot be renewed. */
  | "no_refresh_token"
  /** The grant's scopes differ from what the app now asks for. */
  | "scope_mismatch"
  /** The provider refused the refresh: access revoked, or the refresh token expired. */
  | "revoked"
  /** The provider still refuses the token right after a refresh. */
  | "rejected"
  /** Slack could not hand out the token right now. */
  | "unavailable";

export class ExternalTokenError extends Error {
  override name = "ExternalTokenError";
  constructor(
    readonly problem: ExternalTokenProblem,
    readonly provider: ProviderKey,
    /** Slack's error code (or ours), for logs and tests. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function reconnect(o: TokenOptions): string {
  const name = PROVIDER_NAMES[o.provider];
  if (o.source === "DEVELOPER") {
    return `Ask an admin of Token Guard to run \`slack external-auth add\` for ${name} and then ` +
      `\`slack external-auth select-auth\` to pick the account for this workflow.`;
  }
  return `Run "${CONNECT_WORKFLOW_TITLES[o.provider]}" (its link is in the channel bookmarks or ` +
    `from an admin) and try again.`;
}

/** The sentence and problem for an `apps.auth.external.get` error code. */
export function explainExternalError(
  code: string,
  o: TokenOptions,
): { problem: ExternalTokenProblem; sentence: string } {
  const name = PROVIDER_NAMES[o.provider];
  const fix = reconnect(o);
  if (code === "token_not_found") {
    return {
      problem: "not_connected",
      sentence: o.source === "DEVELOPER"
        ? `Token Guard has no ${name} account selected for this workflow. ${fix}`
        : `Your ${name} account is not connected to Token Guard yet (or it was removed). ${fix}`,
    };
  }
  if (code === "no_refresh_token") {
    return {
      problem: "no_refresh_token",
      sentence: `The ${name} connection has expired and ${name} gave Slack no refresh token to ` +
        `renew it. ${fix}`,
    };
  }
  if (code === "scope_mismatch_error" || code === "scope_mismatch") {
    return {
      problem: "scope_mismatch",
      sentence: `The ${name} connection was granted different permissions than Token Guard now ` +
        `needs (the app was updated). ${fix}`,
    };
  }
  if (
    code === "invalid_grant" || code === "access_token_exchange_failed" ||
    code.includes("invalid_grant")
  ) {
    return {
      problem: "revoked",
      sentence: `${name} no longer accepts the connection: access was revoked, or its refresh ` +
        `token expired${
          o.provider === "google"
            ? ` (Google expires them after 7 days while its OAuth app is in "Testing")`
            : ""
        }. ${fix}`,
    };
  }
  return {
    problem: "unavailable",
    sentence: `Slack could not hand out the ${name} token right now ("${code}"). Nothing was ` +
      `changed; try again in a minute.`,
  };
}

/**
 * The provider token behind `tokenId`, straight from Slack. Throws ExternalTokenError for any
 * answer but a token. `forceRefresh` makes Slack refresh it first (after a provider 401).
 */
export async function getProviderToken(
  deps: ExternalTokenDeps,
  tokenId: string,
  o: TokenOptions,
  forceRefresh = false,
): Promise<string> {
  if (!tokenId) {
    const { sentence } = explainExternalError("token_not_found", o);
    throw new ExternalTokenError("not_connected", o.provider, "token_not_found", sentence);
  }
  const args: Record<string, unknown> = { external_token_id: tokenId };
  if (forceRefresh) args.force_refresh = true;
  let reply;
  try {
    reply = await deps.call("apps.auth.external.get", args);
  } catch (e) {
    // Transport trouble reaching Slack (its own retries are spent).
    const code = (e as { code?: unknown }).code;
    const { sentence } = explainExternalError(
      typeof code === "string" ? code : "network_error",
      o,
    );
    throw new ExternalTokenError(
      "unavailable",
      o.provider,
      String(code ?? "network_error"),
      sentence,
    );
  }
  const token = reply.ok === false ? undefined : reply.external_token;
  if (typeof token === "string" && token !== "") return token;
  const code = String(reply.error ?? "no_token_in_reply");
  const { problem, sentence } = explainExternalError(code, o);
  throw new ExternalTokenError(problem, o.provider, code, sentence);
}

/**
 * A token reused across several provider calls in one run (an export makes one call per page):
 * fetched on first use, refreshed with `force_refresh` after the first provider 401 and then
 * tried once more; a second 401 right after a refresh is an ExternalTokenError.
 */
export interface ProviderTokenSession {
  use<T>(attempt: (token: string) => Promise<T>): Promise<T>;
  /** How many times this session asked Slack to refresh (0 or 1). */
  readonly refreshes: number;
}

export function providerTokenSession(
  deps: ExternalTokenDeps,
  tokenId: string,
  o: TokenOptions,
): ProviderTokenSession {
  const log = deps.log ?? ((line: string) => console.log(line));
  const name = PROVIDER_NAMES[o.provider];
  let token: string | undefined;
  let refreshes = 0;
  return {
    get refreshes() {
      return refreshes;
    },
    async use<T>(attempt: (token: string) => Promise<T>): Promise<T> {
      token ??= await getProviderToken(deps, tokenId, o);
      try {
        return await attempt(token);
      } catch (e) {
        if (!(e instanceof ProviderError) || e.kind !== "unauthorized") throw e;
        if (refreshes > 0) throw rejected(o, name);
      }
      log(`${name} refused the access token behind ${tokenId} (HTTP 401); refreshing it once.`);
      refreshes += 1;
      token = undefined;
      token = await getProviderToken(deps, tokenId, o, true);
      try {
        return await attempt(token);
      } catch (e) {
        if (e instanceof ProviderError && e.kind === "unauthorized") throw rejected(o, name);
        throw e;
      }
    },
  };
}

function rejected(o: TokenOptions, name: string): ExternalTokenError {
  return new ExternalTokenError(
    "rejected",
    o.provider,
    "provider_401_after_refresh",
    `${name} refused the connected account even after Slack refreshed its token, so the ` +
      `access was probably revoked. ${reconnect(o)}`,
  );
}

/** Calls `attempt` with the token; on a provider 401, refreshes once and calls it again. */
export function withProviderToken<T>(
  deps: ExternalTokenDeps,
  tokenId: string,
  attempt: (token: string) => Promise<T>,
  o: TokenOptions,
): Promise<T> {
  return providerTokenSession(deps, tokenId, o).use(attempt);
}
