// Retry one attempt at a time, inside a time budget. Generic: Slack calls use it through
// slack/client.ts, and the Google and GitHub checks use it for their fetches.
//   - each attempt gets its own timeout (an AbortSignal it should pass to fetch, and a race so a
//     call that ignores the signal still cannot hang the run);
//   - a `retryAfterMs` hint (HTTP 429 Retry-After) is honoured as given;
//   - otherwise jittered exponential backoff;
//   - it never sleeps past the budget: when the next wait would not leave room for an attempt it
//     gives up at once with a RetryError saying why.
import { Budget, type Clock } from "./budget.ts";

/** What one attempt tells the loop. */
export type Outcome<T> =
  | { done: true; value: T }
  | {
    done: false;
    /** Short machine reason, e.g. "ratelimited", "http_503", "network_error". */
    reason: string;
    /** A server-given wait before the next attempt. */
    retryAfterMs?: number;
    /** The last value or error, handed back when giving up. */
    last?: unknown;
  };

export type GiveUpReason = "attempts" | "budget" | "timeout";

export class RetryError extends Error {
  override name = "RetryError";
  constructor(
    message: string,
    /** Why the loop stopped: out of attempts, out of budget, or the last attempt timed out. */
    readonly why: GiveUpReason,
    /** The last attempt's reason ("timeout" when it timed out). */
    readonly lastReason: string,
    readonly attempts: number,
    readonly last?: unknown,
    /** The server's last wait hint, if any. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface RetryOptions {
  /** The run's budget; default: unbounded (only attempts limit the loop). */
  budget?: Budget;
  /** Attempts in all, including the first (default 4). */
  maxAttempts?: number;
  /** Per-attempt timeout, capped by what the budget has left (default 10 s). */
  timeoutMs?: number;
  /** First backoff (default 250 ms), doubling up to `maxDelayMs` (default 8 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Do not start an attempt with less than this left (default 200 ms). */
  minAttemptMs?: number;
  /** A number in [0, 1); default Math.random. */
  jitter?: () => number;
  /** Waits `ms`; default setTimeout. Tests pass one that advances a fake clock. */
  sleep?: (ms: number) => Promise<void>;
  /** Used when no budget is given. */
  clock?: Clock;
}

export const DEFAULT_MAX_ATTEMPTS = 4;
export const DEFAULT_TIMEOUT_MS = 10_000;

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Backoff before attempt `n + 1` after `n` failures: half fixed, half random ("equal jitter"). */
export function backoffMs(n: number, base: number, max: number, jitter: () => number): number {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, n - 1));
  return Math.round(ceiling / 2 + jitter() * (ceiling / 2));
}

class AttemptTimeout extends Error {
  constructor(readonly ms: number) {
    super(`attempt timed out after ${ms} ms`);
  }
}

/** Runs `attempt` with a timeout; rejects with AttemptTimeout when it does not settle in time. */
function withTimeout<T>(
  run: (signal: AbortSignal) => Promise<T>,
  ms: number,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new AttemptTimeout(ms));
      reject(new AttemptTimeout(ms));
    }, ms);
  });
  const work = run(controller.signal);
  // The loser of the race must not become an unhandled rejection.
  work.catch(() => {});
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Calls `attempt` until it returns `{ done: true }`, retrying `{ done: false }` outcomes and
 * thrown errors (treated as transient, reason "error"). Gives up with a RetryError.
 */
export async function retry<T>(
  attempt: (signal: AbortSignal, attemptNo: number) => Promise<Outcome<T>>,
  opts: RetryOptions = {},
): Promise<T> {
  const budget = opts.budget ?? new Budget(Number.MAX_SAFE_INTEGER, opts.clock);
  const maxAttempts = Math.max(1, opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const base = opts.baseDelayMs ?? 250;
  const maxDelay = opts.maxDelayMs ?? 8_000;
  const minAttempt = opts.minAttemptMs ?? 200;
  const jitter = opts.jitter ?? Math.random;
  const sleep = opts.sleep ?? realSleep;

  let lastReason = "none";
  let last: unknown;
  let retryAfterMs: number | undefined;
  for (let n = 1; n <= maxAttempts; n++) {
    const left = budget.remainingMs();
    if (left < minAttempt) {
      throw new RetryError(
        n === 1
          ? `no time left in this run to try (${left} ms remain)`
          : `gave up after ${
            n - 1
          } attempt(s): only ${left} ms remain in this run (last: ${lastReason})`,
        "budget",
        lastReason,
        n - 1,
        last,
        retryAfterMs,
      );
    }
    const limit = Math.min(timeoutMs, left);
    let outcome: Outcome<T>;
    try {
      outcome = await withTimeout((signal) => attempt(signal, n), limit);
    } catch (e) {
      outcome = e instanceof AttemptTimeout
        ? { done: false, reason: "timeout", last: e }
        : { done: false, reason: "error", last: e };
    }
    if (outcome.done) return outcome.value;
    lastReason = outcome.reason;
    last = outcome.last;
    retryAfterMs = outcome.retryAfterMs;
    if (n === maxAttempts) break;

    const wait = outcome.retryAfterMs !== undefined
      ? Math.max(0, outcome.retryAfterMs)
      : backoffMs(n, base, maxDelay, jitter);
    const leftNow = budget.remainingMs();
    if (wait + minAttempt > leftNow) {
      throw new RetryError(
        `gave up after ${n} attempt(s): the next try would come in ${wait} ms but only ${leftNow} ms remain in this run (last: ${lastReason})`,
        "budget",
        lastReason,
        n,
        last,
        retryAfterMs,
      );
    }
    await sleep(wait);
  }
  throw new RetryError(
    `gave up after ${maxAttempts} attempt(s) (last: ${lastReason})`,
    lastReason === "timeout" ? "timeout" : "attempts",
    lastReason,
    maxAttempts,
    last,
    retryAfterMs,
  );
}
