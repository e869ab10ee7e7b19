// What the external-account flows need, in one object: Slack calls (token ids, datastores), the
// run's budget, the function's env (provider base URLs) and, for tests, fetch and retry knobs.
import { Budget } from "../slack/budget.ts";
import { slackCall, type SlackClientLike } from "../slack/client.ts";
import type { RetryOptions } from "../slack/retry.ts";
import type { ExternalTokenDeps } from "../slack/external_token.ts";
import type { HttpDeps } from "./http.ts";
import type { Env } from "./base_urls.ts";

export interface ExternalDeps extends ExternalTokenDeps {
  budget: Budget;
  env: Env;
  fetch?: typeof fetch;
  retry?: Omit<RetryOptions, "budget">;
  /** Epoch seconds. */
  now?: () => number;
}

export function httpOf(deps: ExternalDeps): HttpDeps {
  return { budget: deps.budget, fetch: deps.fetch, retry: deps.retry };
}

export function nowSeconds(deps: ExternalDeps): number {
  return (deps.now ?? (() => Math.floor(Date.now() / 1000)))();
}

/** The deps a SlackFunction handler builds from its context. */
export function externalDepsFor(
  ctx: { client: SlackClientLike; env: Env },
  budget: Budget = Budget.forFunction(),
): ExternalDeps {
  return { call: slackCall(ctx.client, budget), budget, env: ctx.env };
}
