import { assert, assertEquals, assertRejects } from "@std/assert";
import { Budget } from "./budget.ts";
import { backoffMs, type Outcome, retry, RetryError } from "./retry.ts";
import { timeline } from "../test_support/fake_clock.ts";

const fail = (reason: string, retryAfterMs?: number): Outcome<never> => ({
  done: false,
  reason,
  retryAfterMs,
});

Deno.test("retry: returns the first success and counts attempts", async () => {
  const tl = timeline();
  const seen: number[] = [];
  const v = await retry<string>((_s, n) => {
    seen.push(n);
    return Promise.resolve(n < 3 ? fail("http_503") : { done: true, value: "ok" });
  }, { sleep: tl.sleep, clock: tl.clock, jitter: () => 0.5 });
  assertEquals(v, "ok");
  assertEquals(seen, [1, 2, 3]);
  assertEquals(tl.waits.length, 2);
});

Deno.test("retry: honours retryAfterMs exactly", async () => {
  const tl = timeline();
  let n = 0;
  await retry(
    () => Promise.resolve(++n === 1 ? fail("ratelimited", 3_000) : { done: true, value: 1 }),
    {
      sleep: tl.sleep,
      clock: tl.clock,
    },
  );
  assertEquals(tl.waits, [3_000]);
});

Deno.test("retry: exponential backoff with jitter inside [half, full]", () => {
  assertEquals(backoffMs(1, 250, 8_000, () => 0), 125);
  assertEquals(backoffMs(1, 250, 8_000, () => 0.999999), 250);
  assertEquals(backoffMs(3, 250, 8_000, () => 0), 500);
  assertEquals(backoffMs(10, 250, 8_000, () => 0), 4_000);
  assertEquals(backoffMs(10, 250, 8_000, () => 0.999999), 8_000);
});

Deno.test("retry: never sleeps past the budget", async () => {
  const tl = timeline();
  const budget = new Budget(5_000, tl.clock);
  const err = <RetryError> await assertRejects(
    () => retry(() => Promise.resolve(fail("ratelimited", 30_000)), { budget, sleep: tl.sleep }),
    RetryError,
  );
  assertEquals(err.why, "budget");
  assertEquals(err.attempts, 1);
  assertEquals(err.lastReason, "ratelimited");
  assertEquals(err.retryAfterMs, 30_000);
  assertEquals(tl.waits, []);
  assert(err.message.includes("30000 ms"));
});

Deno.test("retry: no attempt at all when the budget is already spent", async () => {
  const tl = timeline();
  const budget = new Budget(100, tl.clock);
  tl.advance(100);
  let called = false;
  const err = <RetryError> await assertRejects(() =>
    retry(() => {
      called = true;
      return Promise.resolve({ done: true, value: 1 });
    }, { budget, sleep: tl.sleep }), RetryError);
  assertEquals(err.attempts, 0);
  assertEquals(called, false);
});

Deno.test("retry: gives up after maxAttempts with the last reason", async () => {
  const tl = timeline();
  const err = <RetryError> await assertRejects(
    () =>
      retry(() => Promise.resolve(fail("http_502")), {
        maxAttempts: 3,
        sleep: tl.sleep,
        clock: tl.clock,
      }),
    RetryError,
  );
  assertEquals(err.why, "attempts");
  assertEquals(err.attempts, 3);
  assertEquals(err.lastReason, "http_502");
  assertEquals(tl.waits.length, 2);
});

Deno.test("retry: thrown errors are transient and kept as `last`", async () => {
  const tl = timeline();
  const boom = new TypeError("connection reset");
  const err = <RetryError> await assertRejects(
    () => retry(() => Promise.reject(boom), { maxAttempts: 2, sleep: tl.sleep, clock: tl.clock }),
    RetryError,
  );
  assertEquals(err.lastReason, "error");
  assertEquals(err.last, boom);
});

Deno.test("retry: a hanging attempt times out, its signal aborts, and the loop moves on", async () => {
  let aborted = 0;
  let n = 0;
  const v = await retry<string>((signal) => {
    n++;
    if (n === 1) {
      return new Promise((resolve) => {
        signal.addEventListener("abort", () => {
          aborted++;
          resolve(fail("late"));
        });
      });
    }
    return Promise.resolve({ done: true, value: "second" });
  }, { timeoutMs: 20, sleep: () => Promise.resolve() });
  assertEquals(v, "second");
  assertEquals(aborted, 1);
});

Deno.test("retry: a timeout on the last attempt is reported as such", async () => {
  const err = <RetryError> await assertRejects(
    () =>
      retry(() => new Promise<Outcome<number>>(() => {}), {
        timeoutMs: 10,
        maxAttempts: 2,
        sleep: () => Promise.resolve(),
      }),
    RetryError,
  );
  assertEquals(err.why, "timeout");
  assertEquals(err.lastReason, "timeout");
});

Deno.test("retry: the per-attempt timeout is capped by the budget", async () => {
  let t = 0;
  const clock = { now: () => t };
  const budget = new Budget(300, clock);
  t = 250; // 50 ms left: less than the 200 ms minimum, so no attempt starts
  await assertRejects(
    () => retry(() => Promise.resolve({ done: true, value: 1 }), { budget }),
    RetryError,
  );
});
