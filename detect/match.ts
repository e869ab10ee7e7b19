// Running a rule where the prefilter woke it: a window-searching rule's pattern over a window,
// an anchored rule's sticky pattern at the few starts in its hit's word (behind its gate), on
// the raw text and, for mrkdwn, on the region as a person sees it. Every match goes through the
// rule's validator and the placeholder filter before it becomes a candidate, in the caller's
// offsets.
import {
  mayNeedNormalizing,
  normalize,
  type NormalizedText,
  originalEnd,
  originalStart,
  withoutEntities,
} from "./normalize.ts";
import { isPlaceholder } from "./placeholder.ts";
import type { Engine } from "./engine.ts";
import type { Rule } from "./types.ts";
import { isAlnum, isSpace, lastStartInHit } from "./chars.ts";

/** A match before dedupe, in original offsets. */
export interface Candidate {
  rule: number;
  start: number;
  end: number;
  secret: string;
  view: number;
}

/** Which reading a candidate came from: the raw text, or the text as shown. */
export const RAW = 0, NORMALIZED = 1;

/**
 * Maps offsets in `norm`'s text (the shown form of `original`, which starts at `base` in the
 * caller's text) back to the caller's text.
 */
export function mapper(
  norm: NormalizedText,
  original: string,
  base: number,
): (s: number, e: number) => [number, number] {
  return (s, e) => [base + originalStart(norm, s), base + originalEnd(norm, original, e)];
}

/** Runs rule `r` over `view` (a window's text), pushing candidates in original offsets. */
export function runRule(
  engine: Engine,
  r: number,
  view: string,
  toOriginal: (start: number, end: number) => [number, number],
  viewKind: number,
  out: Candidate[],
): void {
  const re = engine.rules[r].re;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(view)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    accept(engine, r, m, view, toOriginal, viewKind, out);
  }
}

/** What a finding of `rule` reports for the `matched` text: its canonical form, if it has one. */
export function reportedSecret(rule: Rule, matched: string): string {
  return rule.canonical ? rule.canonical(matched) : matched;
}

/**
 * Where the secret of a match of `rule` ends, its pattern's secret group being [start, matched)
 * in `text`: extended past the pattern's bound (Rule.extendEnd), then trimmed (Rule.trimEnd).
 */
export function secretEnd(rule: Rule, text: string, start: number, matched: number): number {
  const end = rule.extendEnd ? rule.extendEnd(text, start, matched) : matched;
  const trimmed = rule.trimEnd
    ? start + rule.trimEnd(text.slice(start, end), { text, start })
    : end;
  return withoutTrailingEmoji(text, start, trimmed);
}

/** Emoji, their variation selector, joiner and skin tones: what follows a value, never in it. */
const TRAILING_EMOJI = /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D)+$/u;

/** The end of [start, end) without the emoji glued to it (a password, then 🙏). */
function withoutTrailingEmoji(text: string, start: number, end: number): number {
  // Emoji lie above U+2000 (astral ones end in a surrogate): a value ending below needs no regex.
  if (end <= start || text.charCodeAt(end - 1) < 0x2000) return end;
  const m = TRAILING_EMOJI.exec(text.slice(Math.max(start, end - 32), end));
  return m ? Math.max(start, end - m[0].length) : end;
}

/** secretEnd, then the span without what wraps the secret (Rule.unwrap), from its real start. */
export function secretSpan(
  rule: Rule,
  text: string,
  start: number,
  matched: number,
): [number, number] {
  const end = secretEnd(rule, text, start, matched);
  const [s, e] = rule.unwrap ? rule.unwrap(text, start, end) : [start, end];
  return rule.extendStart ? [rule.extendStart(text, s), e] : [s, e];
}

/** Validates match `m` of rule `r` and pushes it as a candidate; false when it is rejected. */
function accept(
  engine: Engine,
  r: number,
  m: RegExpExecArray,
  view: string,
  toOriginal: (start: number, end: number) => [number, number],
  viewKind: number,
  out: Candidate[],
): boolean {
  const c = engine.rules[r];
  let s = m.index, e = m.index + m[0].length;
  const g = m.indices?.groups?.secret;
  if (m.groups && "secret" in m.groups) {
    if (!g) return false;
    s = g[0];
    e = g[1];
  }
  [s, e] = secretSpan(c.rule, view, s, e);
  if (e <= s) return false;
  const secret = view.slice(s, e);
  const ctx = { text: view, start: s, end: e };
  if (c.rule.validate && !c.rule.validate(secret, ctx)) return false;
  if (isPlaceholder(secret, ctx, c.placeholder)) return false;
  const [os, oe] = toOriginal(s, e);
  out.push({ rule: r, start: os, end: oe, secret: reportedSecret(c.rule, secret), view: viewKind });
  return true;
}

/**
 * Tries anchored rule `r`'s sticky pattern at each start in `[from, to]` that opens the word
 * (`wordStart`) or follows a non-alphanumeric character; the first accepted match ends the try.
 */
export function tryStarts(
  engine: Engine,
  r: number,
  view: string,
  wordStart: number,
  from: number,
  to: number,
  toOriginal: (start: number, end: number) => [number, number],
  viewKind: number,
  out: Candidate[],
): void {
  const { re, probe } = engine.rules[r];
  for (let p = from; p <= to; p++) {
    if (p !== wordStart && isAlnum(view.charCodeAt(p - 1))) continue;
    // Most starts do not match: find out without building match indices.
    probe.lastIndex = p;
    if (!probe.test(view)) continue;
    re.lastIndex = p;
    const m = re.exec(view);
    if (m !== null && m[0].length > 0 && accept(engine, r, m, view, toOriginal, viewKind, out)) {
      return;
    }
  }
}

/** Start of the word holding `at`: back to a blank, at most `before` characters. */
function wordStart(view: string, at: number, before: number): number {
  const floor = Math.max(0, at - before);
  let ws = at;
  while (ws > floor && !isSpace(view.charCodeAt(ws - 1))) ws--;
  return ws;
}

/**
 * Runs anchored rule `r` at each of its `hits` in `view`: in the raw text, then in the region
 * from the hit's word to the end of its line (anchored patterns match within one line) read
 * again: as a person sees it when `normalizeRegions` (mrkdwn), else with its entities decoded
 * (plain text saved from Slack or XML: `p&amp;ss` was typed `p&ss`).
 */
export function runAnchored(
  engine: Engine,
  r: number,
  view: string,
  hits: number[],
  toOriginal: (start: number, end: number) => [number, number],
  viewKind: number,
  normalizeRegions: boolean,
  out: Candidate[],
): void {
  const c = engine.rules[r];
  const gate = c.rule.mayStart;
  let tried = -1; // starts up to here were tried already (hits in one word share them)
  let readFrom = -1;
  let nextWs = hits.length > 0 ? wordStart(view, hits[0], c.before) : 0;
  for (let k = 0; k < hits.length; k += 2) {
    const hs = hits[k];
    const ws = nextWs;
    nextWs = k + 2 < hits.length ? wordStart(view, hits[k + 2], c.before) : -1;
    // A hit the gate rules out yields nothing; skipping it changes nothing else unless the next
    // hit shares its word (that one would then skip the second reading this one did).
    if (
      gate !== undefined && nextWs !== ws && !gate(view, ws, hs, hits[k + 1], normalizeRegions)
    ) continue;
    const last = lastStartInHit(view, hs, hits[k + 1]);
    tryStarts(engine, r, view, ws, Math.max(ws, tried + 1), last, toOriginal, viewKind, out);
    tried = last;
    if (ws === readFrom) continue;
    if (readAgainAt(engine, r, view, ws, hs, hits[k + 1], normalizeRegions, toOriginal, out)) {
      readFrom = ws;
    }
  }
}

/**
 * The second reading of an anchored try at word `ws` (hit `[hs, he)`), as `runAnchored` makes
 * it; false when the region reads the same.
 */
export function readAgainAt(
  engine: Engine,
  r: number,
  view: string,
  ws: number,
  hs: number,
  he: number,
  normalizeRegions: boolean,
  toOriginal: (start: number, end: number) => [number, number],
  out: Candidate[],
): boolean {
  const c = engine.rules[r];
  // Anchored patterns never cross a line, so neither does the region.
  const limit = Math.min(view.length, he + c.after);
  let we = view.indexOf("\n", he);
  if (we === -1 || we > limit) we = limit;
  const region = view.slice(ws, we);
  let norm: NormalizedText;
  if (normalizeRegions) {
    if (!mayNeedNormalizing(region)) return false;
    norm = normalize(region, {
      keepInnerMarkers: c.rule.literalMarkers,
      within: { text: view, offset: ws },
    });
  } else {
    norm = withoutEntities(region);
  }
  if (norm.map === null) return false;
  // The hit's last start in the region as read again: starts up to it may open a match.
  const last = lastStartInHit(view, hs, he);
  let nh = 0;
  while (nh < norm.text.length && norm.map[nh] < last - ws) nh++;
  const back = mapper(norm, region, ws);
  tryStarts(
    engine,
    r,
    norm.text,
    0,
    0,
    nh,
    (s, e) => {
      const [os, oe] = back(s, e);
      return toOriginal(os, oe);
    },
    NORMALIZED,
    out,
  );
  return true;
}
