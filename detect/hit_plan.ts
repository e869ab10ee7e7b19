// What a scan wakes at each keyword, without the text: for the byte scanner (scan_bytes.ts and
// the export filter), which finds the keyword hits itself and must know where each may lead.
import type { Rule, ScanOptions } from "./types.ts";
import { engineFor, STRETCH } from "./engine.ts";
import { type Candidate, RAW, readAgainAt, tryStarts } from "./match.ts";
import { lastStartInHit } from "./chars.ts";

/** What a scan wakes at each keyword: enough to tell, without the text, where it may find. */
export interface HitPlan {
  /** Lower-cased keywords (the prefilter's); a keyword's index is its id. */
  keywords: string[];
  /**
   * Per keyword, the window-searching rules it wakes: their window (characters before the hit,
   * characters after its end, the stretch included) and, for a rule it wakes only in one case,
   * that exact text, its gate (Rule.windowGate) and the byte scanner's (Rule.byteGate). Empty
   * when it wakes none.
   */
  windowed: Array<
    Array<{
      before: number;
      after: number;
      exact?: string;
      gate?: Rule["windowGate"];
      byteGate?: Rule["byteGate"];
    }>
  >;
  /** Per keyword, the anchored rules it wakes: their gate and how far their word may reach. */
  anchored: Array<Array<AnchoredPlan>>;
}

/** An anchored rule as a hit plan sees it. */
export interface AnchoredPlan {
  gate: Rule["mayStart"];
  byteGate: Rule["byteGate"];
  /** How far back its word may start and forward its match may end (characters). */
  before: number;
  after: number;
  /** Its pattern, sticky, without match indices: a quick "could a match start at p?". */
  probe: RegExp;
  /**
   * Whether the scanner would keep a match of this rule starting in [wordStart, hitStart] of
   * `text` (pattern, validator, placeholder filter), hit `[hitStart, hitEnd)`, as plain text:
   * raw, then with its entities decoded.
   */
  keeps(text: string, wordStart: number, hitStart: number, hitEnd: number): boolean;
}

/**
 * The keyword regex's hits in `text`, flat [index, keyword id, …] (ids as in `hitPlan`; -1 for
 * a split shape or an invisible character): what the byte scanner must reproduce.
 */
export function keywordHits(text: string, options: ScanOptions = {}): number[] {
  const engine = engineFor(options.rules);
  const ids = new Map([...engine.wakes.keys()].map((k, i) => [k, i]));
  const out: number[] = [];
  const re = new RegExp(engine.prefilter.source, engine.prefilter.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push(m.index, ids.get(m[0]) ?? ids.get(m[0].toLowerCase()) ?? -1);
  }
  return out;
}

/** The hit plan of a scan with `options` (same rule selection as `scanSync`). */
export function hitPlan(options: ScanOptions = {}): HitPlan {
  const engine = engineFor(options.rules);
  const keywords = [...engine.wakes.keys()];
  const windowed: HitPlan["windowed"] = [];
  const anchored: HitPlan["anchored"] = [];
  for (const k of keywords) {
    const w: HitPlan["windowed"][number] = [];
    const a: HitPlan["anchored"][number] = [];
    const cases = engine.exact.get(k)!;
    for (const [i, r] of engine.wakes.get(k)!.entries()) {
      const c = engine.rules[r];
      if (c.anchored) {
        a.push({
          gate: c.rule.mayStart,
          byteGate: c.rule.byteGate,
          before: c.before,
          after: c.after,
          probe: c.probe,
          keeps: (text, ws, hs, he) => {
            const out: Candidate[] = [];
            const identity = (s: number, e: number): [number, number] => [s, e];
            tryStarts(engine, r, text, ws, ws, lastStartInHit(text, hs, he), identity, RAW, out);
            if (out.length === 0) readAgainAt(engine, r, text, ws, hs, he, false, identity, out);
            return out.length > 0;
          },
        });
        continue;
      }
      w.push({
        before: c.before,
        after: c.after + STRETCH,
        exact: cases[i],
        gate: c.rule.windowGate,
        byteGate: c.rule.byteGate,
      });
    }
    windowed.push(w);
    anchored.push(a);
  }
  return { keywords, windowed, anchored };
}
