import { assert, assertEquals, assertFalse, assertThrows } from "@std/assert";
import {
  Budget,
  FUNCTION_BUDGET_MS,
  FUNCTION_LIMIT_MS,
  HANDLER_BUDGET_MS,
  HANDLER_LIMIT_MS,
} from "./budget.ts";

function manualClock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

Deno.test("budget: counts down on the injected clock and expires", () => {
  const clock = manualClock();
  const b = new Budget(1_000, clock);
  assertEquals(b.remainingMs(), 1_000);
  clock.advance(400);
  assertEquals(b.elapsedMs(), 400);
  assertEquals(b.remainingMs(), 600);
  assert(b.has(600));
  assertFalse(b.has(601));
  assertFalse(b.expired());
  clock.advance(700);
  assertEquals(b.remainingMs(), 0);
  assert(b.expired());
});

Deno.test("budget: platform presets keep a margin under Slack's limits", () => {
  const clock = manualClock();
  assertEquals(Budget.forFunction(clock).totalMs, FUNCTION_BUDGET_MS);
  assertEquals(Budget.forHandler(clock).totalMs, HANDLER_BUDGET_MS);
  assert(FUNCTION_BUDGET_MS < FUNCTION_LIMIT_MS);
  assert(HANDLER_BUDGET_MS < HANDLER_LIMIT_MS);
});

Deno.test("budget: a slice never outlasts its parent", () => {
  const clock = manualClock();
  const b = new Budget(1_000, clock);
  clock.advance(800);
  assertEquals(b.slice(5_000).remainingMs(), 200);
  assertEquals(b.slice(50).remainingMs(), 50);
  assertThrows(() => new Budget(-1, clock), RangeError);
});
