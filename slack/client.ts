// The resilient way to call Slack. deno-slack-api never retries: a 429 or 5xx throws an HttpError
// (with the response headers), and `ok: false` comes back as a value. Here:
//   - 429: wait what Retry-After says, then retry; `ok: false` `ratelimited` is retried too;
//   - 5xx and network failures: retry with jittered exponential backoff;
//   - every attempt has a timeout, and no wait outlives the run's Budget;
//   - `ok: false` answers are values, never retried (except `ratelimited` and `retryOn` codes),
//     each with a plain sentence from slack/errors.ts.
//
//   const budget = Budget.forFunction();
//   const r = await callSlack<{ user_id: string }>(client, "auth.test", {}, { budget });
//   if (!r.ok) return { error: r.explanation.sentence };
//   const pager = pages(client, "conversations.history", { channel }, { budget, limit: 200 });
//   for await (const page of pager) { ... page.messages ... }
//   if (!pager.complete) resumeLater(pager.nextCursor, pager.error);
import { Budget } from "./budget.ts";
import { type Outcome, retry, RetryError, type RetryOptions } from "./retry.ts";
import { explainSlackError, type SlackErrorExplanation } from "./errors.ts";
import { type SlackCall, SlackCallError, type SlackReply } from "./slack_call.ts";

/** Anything with deno-slack-api's `apiCall`: `SlackAPI(...)`, a function's `client`. */
export interface SlackClientLike {
  // deno-lint-ignore no-explicit-any
  apiCall(method: string, data?: Record<string, any>): Promise<Record<string, any>>;
}

/** An answer that is not a success: from Slack (`transport: false`) or from getting there. */
export interface SlackFailure {
  ok: false;
  /** Slack's code, or ours for transport: http_error, network_error, timeout, budget_exhausted. */
  error: string;
  needed?: string;
  provided?: string;
  /** HTTP status, for http_error and rate limits. */
  status?: number;
  /** The last Retry-After Slack sent, in ms. */
  retryAfterMs?: number;
  /** How many attempts were made. */
  attempts: number;
  /** True when Slack's API never gave an `ok: false` answer (HTTP, network, time). */
  transport: boolean;
  explanation: SlackErrorExplanation;
}

export type SlackSuccess<T> = T & { ok: true };
export type SlackResult<T = Record<string, unknown>> = SlackSuccess<T> | SlackFailure;

export interface CallOptions extends Omit<RetryOptions, "budget"> {
  /** The run's budget; default: a fresh function budget (55 s). */
  budget?: Budget;
  /** Extra `ok: false` codes that are safe to retry for this call (reads only). */
  retryOn?: string[];
}

interface HttpLikeError {
  status?: number;
  headers?: Headers;
}

/** Retry-After is seconds (or an HTTP date); returns ms, or undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (value === null || value === undefined || value.trim() === "") return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

type Raw = Record<string, unknown>;

function classify(
  client: SlackClientLike,
  method: string,
  args: Record<string, unknown>,
  retryOn: string[],
): () => Promise<Outcome<Raw>> {
  return async () => {
    let reply: Raw;
    try {
      reply = await client.apiCall(method, args);
    } catch (e) {
      const { status, headers } = (e ?? {}) as HttpLikeError;
      if (status === 429) {
        return {
          done: false,
          reason: "ratelimited",
          retryAfterMs: parseRetryAfter(headers?.get?.("retry-after")),
          last: { status },
        };
      }
      if (typeof status === "number" && status >= 500) {
        return { done: false, reason: `http_${status}`, last: { status } };
      }
      if (typeof status === "number") {
        return { done: true, value: { ok: false, error: "http_error", status } };
      }
      return { done: false, reason: "network_error", last: e };
    }
    if (
      reply.ok === false && (reply.error === "ratelimited" || retryOn.includes(String(reply.error)))
    ) {
      let retryAfterMs: number | undefined;
      try {
        const res = (reply as { toFetchResponse?: () => Response }).toFetchResponse?.();
        retryAfterMs = parseRetryAfter(res?.headers.get("retry-after"));
      } catch { /* no response object: use backoff */ }
      return { done: false, reason: String(reply.error), retryAfterMs, last: reply };
    }
    return { done: true, value: reply };
  };
}

function failure(
  error: string,
  attempts: number,
  transport: boolean,
  extra: Partial<SlackFailure> = {},
): SlackFailure {
  return {
    ok: false,
    error,
    attempts,
    transport,
    ...extra,
    explanation: explainSlackError(error, {
      needed: extra.needed,
      provided: extra.provided,
      status: extra.status,
      retryAfterSeconds: extra.retryAfterMs === undefined
        ? undefined
        : Math.ceil(extra.retryAfterMs / 1000),
    }),
  };
}

function fromGiveUp(e: RetryError): SlackFailure {
  const base = { retryAfterMs: e.retryAfterMs };
  const last = e.last as Raw | undefined;
  if (e.attempts === 0) return failure("budget_exhausted", 0, true, base);
  if (e.lastReason === "ratelimited") {
    return failure("ratelimited", e.attempts, !(last && last.ok === false), {
      ...base,
      status: last && typeof last.status === "number" ? last.status : undefined,
    });
  }
  const http = /^http_(\d+)$/.exec(e.lastReason);
  if (http) return failure("http_error", e.attempts, true, { ...base, status: Number(http[1]) });
  if (e.lastReason === "timeout") return failure("timeout", e.attempts, true, base);
  if (last && last.ok === false && typeof last.error === "string") {
    return failure(last.error, e.attempts, false, base);
  }
  return failure("network_error", e.attempts, true, base);
}

/**
 * Calls `method` with retries inside the budget. Never throws for Slack or network trouble:
 * every outcome is a value, successes with `ok: true`.
 */
export async function callSlack<T = Record<string, unknown>>(
  client: SlackClientLike,
  method: string,
  args: Record<string, unknown> = {},
  opts: CallOptions = {},
): Promise<SlackResult<T>> {
  const budget = opts.budget ?? Budget.forFunction(opts.clock);
  const step = classify(client, method, args, opts.retryOn ?? []);
  let attempts = 0;
  let reply: Raw;
  try {
    reply = await retry(() => {
      attempts++;
      return step();
    }, { ...opts, budget });
  } catch (e) {
    if (e instanceof RetryError) return fromGiveUp(e);
    throw e;
  }
  if (reply.ok === false) {
    return failure(String(reply.error ?? "unknown_error"), attempts, reply.error === "http_error", {
      needed: typeof reply.needed === "string" ? reply.needed : undefined,
      provided: typeof reply.provided === "string" ? reply.provided : undefined,
      status: typeof reply.status === "number" ? reply.status : undefined,
    });
  }
  return reply as SlackSuccess<T>;
}

/** A transport failure (no usable answer from Slack) surfaced by `slackCall`. */
export class SlackTransportError extends SlackCallError {
  constructor(method: string, readonly failure: SlackFailure) {
    super(method, failure.error, `${method}: ${failure.explanation.sentence}`);
    this.name = "SlackTransportError";
  }
}

/**
 * The SlackCall shape (slack/slack_call.ts) over a client, with retries inside `budget`:
 * `ok: false` answers come back as values; transport failures throw SlackTransportError.
 */
export function slackCall(
  client: SlackClientLike,
  budget: Budget,
  opts: Omit<CallOptions, "budget"> = {},
): SlackCall {
  return async (method, args = {}) => {
    const r = await callSlack(client, method, args, { ...opts, budget });
    if (r.ok) return r as SlackReply;
    if (r.transport) throw new SlackTransportError(method, r);
    const reply: SlackReply = { ok: false, error: r.error };
    if (r.needed) reply.needed = r.needed;
    if (r.provided) reply.provided = r.provided;
    return reply;
  };
}

export interface PageOptions extends CallOptions {
  /** Page size sent as `limit` (default: the method's own default). */
  limit?: number;
  /** Stop after this many pages (default: no limit). */
  maxPages?: number;
  /** Do not start another page with less than this left in the budget (default 2 s). */
  reserveMs?: number;
  /** Resume from a cursor an earlier run returned. */
  cursor?: string;
}

export type PagerStop = "end" | "budget" | "max_pages" | "error";

/** Cursor paging (`response_metadata.next_cursor`) that stops before the budget runs out. */
export class Pager<T> implements AsyncIterable<SlackSuccess<T>> {
  /** Where to resume: "" once every page has been read. */
  nextCursor: string;
  pagesRead = 0;
  stoppedBy?: PagerStop;
  error?: SlackFailure;

  constructor(
    readonly client: SlackClientLike,
    readonly method: string,
    readonly args: Record<string, unknown>,
    readonly opts: PageOptions,
  ) {
    this.nextCursor = opts.cursor ?? "";
  }

  /** Every page was read without error. */
  get complete(): boolean {
    return this.stoppedBy === "end";
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SlackSuccess<T>> {
    const budget = this.opts.budget ?? Budget.forFunction(this.opts.clock);
    const reserve = this.opts.reserveMs ?? 2_000;
    let first = true;
    while (first || this.nextCursor) {
      if (this.opts.maxPages !== undefined && this.pagesRead >= this.opts.maxPages) {
        this.stoppedBy = "max_pages";
        return;
      }
      if (!first && budget.remainingMs() < reserve) {
        this.stoppedBy = "budget";
        return;
      }
      const args: Record<string, unknown> = { ...this.args };
      if (this.opts.limit !== undefined) args.limit = this.opts.limit;
      if (this.nextCursor) args.cursor = this.nextCursor;
      const r = await callSlack<T & { response_metadata?: { next_cursor?: string } }>(
        this.client,
        this.method,
        args,
        { ...this.opts, budget },
      );
      if (!r.ok) {
        this.error = r;
        this.stoppedBy = r.error === "budget_exhausted" ? "budget" : "error";
        return;
      }
      first = false;
      this.pagesRead++;
      this.nextCursor = r.response_metadata?.next_cursor ?? "";
      yield r;
    }
    this.stoppedBy = "end";
  }
}

export function pages<T = Record<string, unknown>>(
  client: SlackClientLike,
  method: string,
  args: Record<string, unknown> = {},
  opts: PageOptions = {},
): Pager<T> {
  return new Pager<T>(client, method, args, opts);
}
