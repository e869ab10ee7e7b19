// Offline stand-in for the few @std/assert functions the tests use, over node:assert/strict.
// It exists only because jsr.io is out of reach on the build machines; deno.jsonc maps
// "@std/assert" to the real package, so every name here keeps @std/assert's signature.
import assert from "node:assert/strict";

export class AssertionError extends Error {
  override name = "AssertionError";
}

function wrap(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    throw new AssertionError(e instanceof Error ? e.message : String(e));
  }
}

export function assert_(expr: unknown, msg?: string): asserts expr {
  wrap(() => assert.ok(expr, msg));
}
export { assert_ as assert };

export function assertEquals<T>(actual: T, expected: T, msg?: string): void {
  wrap(() => assert.deepStrictEqual(actual, expected, msg));
}

export function assertNotEquals<T>(actual: T, expected: T, msg?: string): void {
  wrap(() => assert.notDeepStrictEqual(actual, expected, msg));
}

export function assertStrictEquals<T>(
  actual: unknown,
  expected: T,
  msg?: string,
): asserts actual is T {
  wrap(() => assert.strictEqual(actual, expected, msg));
}

export function assertExists<T>(actual: T, msg?: string): asserts actual is NonNullable<T> {
  if (actual === null || actual === undefined) {
    throw new AssertionError(msg ?? `Expected actual: "${actual}" to not be null or undefined.`);
  }
}

export function assertMatch(actual: string, expected: RegExp, msg?: string): void {
  wrap(() => assert.match(actual, expected, msg));
}

export function assertNotMatch(actual: string, expected: RegExp, msg?: string): void {
  wrap(() => assert.doesNotMatch(actual, expected, msg));
}

export function assertStringIncludes(actual: string, expected: string, msg?: string): void {
  if (!actual.includes(expected)) {
    throw new AssertionError(msg ?? `Expected actual: "${actual}" to contain: "${expected}".`);
  }
}

export function assertArrayIncludes<T>(
  actual: ArrayLike<T>,
  expected: ArrayLike<T>,
  msg?: string,
): void {
  const missing = Array.from(expected).filter((e) =>
    !Array.from(actual).some((a) => {
      try {
        assert.deepStrictEqual(a, e);
        return true;
      } catch {
        return false;
      }
    })
  );
  if (missing.length) {
    throw new AssertionError(msg ?? `Expected actual to include: ${JSON.stringify(missing)}.`);
  }
}

export function assertGreater<T>(actual: T, expected: T, msg?: string): void {
  if (!(actual > expected)) throw new AssertionError(msg ?? `Expect ${actual} > ${expected}`);
}

export function assertGreaterOrEqual<T>(actual: T, expected: T, msg?: string): void {
  if (!(actual >= expected)) throw new AssertionError(msg ?? `Expect ${actual} >= ${expected}`);
}

export function assertLess<T>(actual: T, expected: T, msg?: string): void {
  if (!(actual < expected)) throw new AssertionError(msg ?? `Expect ${actual} < ${expected}`);
}

export function assertLessOrEqual<T>(actual: T, expected: T, msg?: string): void {
  if (!(actual <= expected)) throw new AssertionError(msg ?? `Expect ${actual} <= ${expected}`);
}

export function assertFalse(expr: unknown, msg?: string): void {
  if (expr) throw new AssertionError(msg ?? `Expected actual to be falsy, got ${expr}.`);
}

export function assertInstanceOf<T extends abstract new (...args: never[]) => unknown>(
  actual: unknown,
  expectedType: T,
  msg?: string,
): asserts actual is InstanceType<T> {
  if (!(actual instanceof expectedType)) {
    throw new AssertionError(msg ?? `Expected object to be an instance of "${expectedType.name}".`);
  }
}

export function fail(msg?: string): never {
  throw new AssertionError(msg ? `Failed assertion: ${msg}` : "Failed assertion.");
}

export function assertThrows(fn: () => unknown, msgOrError?: unknown, msgIncludes?: string): Error {
  try {
    fn();
  } catch (e) {
    checkError(e, msgOrError, msgIncludes);
    return e as Error;
  }
  throw new AssertionError("Expected function to throw.");
}

export async function assertRejects(
  fn: () => PromiseLike<unknown>,
  msgOrError?: unknown,
  msgIncludes?: string,
): Promise<Error> {
  try {
    await fn();
  } catch (e) {
    checkError(e, msgOrError, msgIncludes);
    return e as Error;
  }
  throw new AssertionError("Expected function to reject.");
}

function checkError(e: unknown, errorClass?: unknown, msgIncludes?: string): void {
  if (typeof errorClass === "function" && !(e instanceof (errorClass as new () => Error))) {
    throw new AssertionError(
      `Expected error to be instance of "${(errorClass as { name: string }).name}".`,
    );
  }
  if (msgIncludes && !(e instanceof Error && e.message.includes(msgIncludes))) {
    throw new AssertionError(`Expected error message to include "${msgIncludes}".`);
  }
}
