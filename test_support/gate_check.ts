// The property check behind the gate tests (Rule.mayStart): every "no" a gate gives at a keyword
// hit in random texts is checked against the rule itself. A gate lets the scanner skip a hit
// without trying the pattern, so a "no" where a finding exists would lose it.
import { assert } from "@std/assert";
import type { Rule } from "../detect/types.ts";
import { normalize } from "../detect/normalize.ts";
import { seededRandom } from "../detect/entropy.ts";
import { wordStart } from "./gate_text.ts";

/**
 * Whether `rule` finds something at a start in [from, to] of `text` whose name holds the hit
 * (its value starts at or after `hitEnd`): its pattern (`re`, sticky, with indices) matches there
 * and its validator accepts the match in its context. A match with the hit in its value is one
 * the hit in its name finds (gated on its own).
 */
export function acceptedIn(
  rule: Rule,
  re: RegExp,
  text: string,
  from: number,
  to: number,
  hitEnd: number,
): boolean {
  for (let p = from; p <= to && p <= text.length; p++) {
    re.lastIndex = p;
    const m = re.exec(text);
    if (m === null || m[0].length === 0) continue;
    const [start, end] = m.indices?.groups?.secret ?? [m.index, m.index + m[0].length];
    if (start < hitEnd) continue;
    if (!rule.validate || rule.validate(text.slice(start, end), { text, start, end })) return true;
  }
  return false;
}

export type Gate = (text: string, ws: number, hs: number, he: number, asShown: boolean) => boolean;

export interface GateCheckOptions {
  seed: number;
  /** A random text holding the shapes the gate reads. */
  text: (rand: () => number) => string;
  /** How many texts (default 6000). */
  texts?: number;
}

/**
 * Every "no" of `gate` at the hits of `keywords` in random texts, checked against `rule`: no
 * sticky match its validator accepts at any start the scanner would try, in the raw text and
 * in the region as normalize() shows it (markers kept and dropped). Returns how often the gate
 * said no (as shown, and raw) of how many hits, for the caller to check that it means something.
 */
export function checkGate(
  rule: Rule,
  keywords: string[],
  gate: Gate,
  o: GateCheckOptions,
): { noes: number; rawNoes: number; hits: number } {
  const id = rule.id;
  const re = new RegExp(rule.pattern.source, rule.pattern.flags.replace("g", "") + "dy");
  const before = rule.window!.before!;
  const rand = seededRandom(o.seed);
  let noes = 0, rawNoes = 0, hits = 0;
  for (let i = 0; i < (o.texts ?? 6000); i++) {
    const text = o.text(rand);
    const lower = text.toLowerCase();
    for (const k of keywords) {
      for (let hs = lower.indexOf(k); hs !== -1; hs = lower.indexOf(k, hs + 1)) {
        hits++;
        const he = hs + k.length;
        const ws = wordStart(text, hs, before);
        // Raw only: a "no" means no match in the text as it is.
        if (!gate(text, ws, hs, he, false)) {
          rawNoes++;
          const why = `${id}: raw gate said no at ${hs} in ${JSON.stringify(text)}`;
          assert(!acceptedIn(rule, re, text, ws, hs, he), why);
        }
        if (gate(text, ws, hs, he, true)) continue;
        noes++;
        assertNothingAt(rule, text, ws, hs, he, `${id}: gate said no at ${hs}`);
      }
    }
  }
  return { noes, rawNoes, hits };
}

/**
 * That `rule` finds nothing at the hit `[hs, he)` of `text` whose word starts at `ws`: no sticky
 * match its validator accepts at a start the scanner would try, raw and as normalize() shows
 * the region (markers kept and dropped).
 */
export function assertNothingAt(
  rule: Rule,
  text: string,
  ws: number,
  hs: number,
  he: number,
  context: string,
): void {
  const re = new RegExp(rule.pattern.source, rule.pattern.flags.replace("g", "") + "dy");
  const why = `${context} in ${JSON.stringify(text)}`;
  assert(!acceptedIn(rule, re, text, ws, hs, he), why);
  const after = rule.window!.after!;
  let we = text.indexOf("\n", he);
  if (we === -1 || we > he + after) we = Math.min(text.length, he + after);
  const region = text.slice(ws, we);
  for (const keepInnerMarkers of [false, true]) {
    const norm = normalize(region, { keepInnerMarkers });
    let nh = 0, ne = 0;
    while (norm.map !== null && nh < norm.text.length && norm.map[nh] < hs - ws) nh++;
    while (norm.map !== null && ne < norm.text.length && norm.map[ne] < he - ws) ne++;
    if (norm.map === null) [nh, ne] = [hs - ws, he - ws];
    assert(!acceptedIn(rule, re, norm.text, 0, nh, ne), `${why} (as shown)`);
  }
}
