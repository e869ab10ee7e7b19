// Every rule pattern and every regex the engine itself runs over untrusted text, checked with
// redos-detector. Each is checked as one match attempt (anchored with ^): the scanner never runs
// a pattern over more than its bounded window, so the work across start positions is bounded by
// the window size; what must never happen is super-linear backtracking within an attempt.
import { assert } from "@std/assert";
import { isSafePattern } from "redos-detector";
import { RULES } from "./rules/mod.ts";
import { INVISIBLE_CLASS } from "./normalize.ts";

function check(name: string, re: RegExp): void {
  // redos-detector does not parse group names; an unnamed group backtracks the same way.
  const source = "^(?:" + re.source.replace(/\(\?<([A-Za-z][A-Za-z0-9]*)>/g, "(?:") + ")";
  const result = isSafePattern(source, {
    // The search's step budget (20,000 by default) runs out on a case-insensitive pattern with an
    // optional lead (`(?:slack)?client…`) before it reaches a verdict; with more steps it proves
    // the same score as without the lead. A larger budget proves more, it never proves wrongly.
    maxSteps: 100_000,
    caseInsensitive: re.flags.includes("i"),
    dotAll: re.flags.includes("s"),
    multiLine: re.flags.includes("m"),
  });
  const why = result.safe ? "" : `${result.error} (score ${JSON.stringify(result.score)})`;
  assert(result.safe, `${name}: not proven safe: ${why}`);
}

for (const rule of RULES) {
  Deno.test(`redos: ${rule.id}`, () => check(rule.id, rule.pattern));
}

Deno.test("redos: normalize and placeholder regexes", () => {
  check("invisible", new RegExp(`[${INVISIBLE_CLASS}]`));
  check("uuid", /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  check("filler", /([xX*])\1{4,}|(.)\2{6,}/);
  check("data-uri", /data:[a-z]+\/[a-z0-9.+-]+;base64,[^\s"')]*$/i);
  check("media-type-data", /^[a-z]+\/[a-z0-9.+-]+;base64,/i);
});
