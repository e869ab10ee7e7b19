// A run's time budget. Slack stops a function after 60 s (15 s under `slack run`) and a block or
// view handler after 10 s; retries and paging must finish, or give up with a clear answer,
// inside what is left. The clock is injectable so tests never wait.

export interface Clock {
  /** Milliseconds, monotonic enough for budgeting (Date.now or performance.now). */
  now(): number;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

/** Slack's platform limits. */
export const FUNCTION_LIMIT_MS = 60_000;
export const HANDLER_LIMIT_MS = 10_000;
/** What we plan with: the limit minus a margin for finishing (outputs, completeSuccess). */
export const FUNCTION_BUDGET_MS = 55_000;
export const HANDLER_BUDGET_MS = 8_500;

export class Budget {
  readonly startedAt: number;

  constructor(readonly totalMs: number, readonly clock: Clock = SYSTEM_CLOCK) {
    if (!(totalMs >= 0)) throw new RangeError("a budget needs a non-negative number of ms");
    this.startedAt = clock.now();
  }

  /** A function run: 55 s of Slack's 60 s. */
  static forFunction(clock?: Clock): Budget {
    return new Budget(FUNCTION_BUDGET_MS, clock);
  }

  /** A block-actions or view handler: 8.5 s of Slack's 10 s. */
  static forHandler(clock?: Clock): Budget {
    return new Budget(HANDLER_BUDGET_MS, clock);
  }

  elapsedMs(): number {
    return this.clock.now() - this.startedAt;
  }

  remainingMs(): number {
    return Math.max(0, this.totalMs - this.elapsedMs());
  }

  expired(): boolean {
    return this.remainingMs() <= 0;
  }

  /** Is there at least `ms` left? */
  has(ms: number): boolean {
    return this.remainingMs() >= ms;
  }

  /** A budget of at most `ms` inside this one (for one step that must leave time for others). */
  slice(ms: number): Budget {
    return new Budget(Math.min(ms, this.remainingMs()), this.clock);
  }
}
