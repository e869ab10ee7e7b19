// Live check of a leaked GitHub token: `GET {GITHUB_API_BASE_URL}/user` with the leaked token as
// the bearer, nothing else sent, nothing changed, nothing kept. The token goes to GitHub's API only.
//   200            live: the token works; its login (and classic scopes) are reported
//   401            dead: GitHub rejects it (revoked, expired, or never valid)
//   403 (no rate-limit signal)
//                  live: GitHub knows the token but it may not read a user (a GitHub App
//                  installation token, or an organisation's SAML/IP rule); a dead token gets 401
//   anything else  unknown: rate limits past the budget, 5xx, timeouts, network
import type { Verification } from "../slack/verification.ts";
import type { Budget } from "../slack/budget.ts";
import type { RetryOptions } from "../slack/retry.ts";
import { ProviderError } from "./http.ts";
import { GITHUB_API_BASE_URL } from "./base_urls.ts";
import { githubUser } from "./github_api.ts";

export interface GitHubVerifyOptions {
  /** Default https://api.github.com (env GITHUB_API_BASE_URL). */
  baseUrl?: string;
  budget: Budget;
  fetch?: typeof fetch;
  retry?: Omit<RetryOptions, "budget">;
  /** Epoch seconds. */
  now?: () => number;
}

export async function verifyGitHubToken(
  secret: string,
  opts: GitHubVerifyOptions,
): Promise<Verification> {
  const checkedAt = (opts.now ?? (() => Math.floor(Date.now() / 1000)))();
  const base = opts.baseUrl?.trim() || GITHUB_API_BASE_URL;
  try {
    const user = await githubUser(
      { budget: opts.budget, fetch: opts.fetch, retry: { maxAttempts: 3, ...opts.retry } },
      base,
      secret,
    );
    return {
      state: "live",
      reason: `GitHub accepts this token: it acts as ${user.login}.`,
      code: "http_200",
      owner: {
        name: user.login,
        userId: user.id === undefined ? undefined : String(user.id),
        scopes: user.scopes,
      },
      checkedAt,
    };
  } catch (e) {
    if (!(e instanceof ProviderError)) {
      return {
        state: "unknown",
        reason: "The GitHub check failed before GitHub answered.",
        code: "error",
        checkedAt,
      };
    }
    if (e.status === 401) {
      return {
        state: "dead",
        reason: "GitHub rejects this token (revoked, expired or never valid).",
        code: "http_401",
        checkedAt,
      };
    }
    if (e.kind === "forbidden") {
      return {
        state: "live",
        reason: "GitHub knows this token but it may not read a user profile (an app " +
          "installation token, or one limited by an organisation's rules). Treat it as live.",
        code: "http_403",
        checkedAt,
      };
    }
    return {
      state: "unknown",
      reason: e.kind === "rate_limited"
        ? "GitHub is rate-limiting checks right now; try again later."
        : "GitHub did not give a usable answer (busy or unreachable); try again later.",
      code: e.status ? `http_${e.status}` : e.kind,
      checkedAt,
    };
  }
}
