// One pass over the text: a single case-insensitive regex of every rule's keywords (and of the
// invisible characters that may split one) finds where anything could be; each rule's pattern
// then runs only in small windows around its own keyword hits, on the raw text and (for Slack
// mrkdwn) on the window as a person sees it. Rules anchored at the word of their hit
// (`anchor: "word"`, the generic family) do not search a window at all: their gate
// (`Rule.mayStart`) first drops hits that are plain words in a few character reads, then their
// pattern is tried, sticky, at the few places in that word where a match may start. Matches
// go through the rule's validator and the global placeholder filter; overlapping findings keep
// the most specific rule (the earlier one in RULES) and offsets always point into the caller's
// text.
//
// Text without keywords costs one regex scan and nothing else: no normalizing, no copies.

import type { Finding, Rule, ScanOptions } from "./types.ts";
import { RULES } from "./rules/mod.ts";
import {
  INVISIBLE_CLASS,
  isFormatting,
  mayNeedNormalizing,
  normalize,
  type NormalizedText,
  originalEnd,
  originalStart,
} from "./normalize.ts";
import { isPlaceholder, type PlaceholderOptions } from "./placeholder.ts";
import { redact } from "./redact.ts";
import { fingerprint, fingerprintSync } from "./fingerprint.ts";

const DEFAULT_BEFORE = 64;
const DEFAULT_AFTER = 512;
/** How far a window's end may stretch to reach the end of the token it cut. */
const STRETCH = 512;

interface Compiled {
  rule: Rule;
  /**
   * Same source and flags as the rule's, plus `d` for the secret group's offsets; sticky (`y`,
   * not `g`) for anchored rules, which try it at chosen positions only.
   */
  re: RegExp;
  /** For anchored rules: `re` without match indices, a cheaper "does it match here?". */
  probe: RegExp;
  anchored: boolean;
  before: number;
  after: number;
  placeholder: PlaceholderOptions;
}

interface Engine {
  rules: Compiled[];
  /** Alternation of every keyword (longest first) plus the "keyword may be split" triggers. */
  prefilter: RegExp;
  /** Lower-cased hit -> indexes of the rules it wakes (every rule with a keyword inside it). */
  wakes: Map<string, number[]>;
  /**
   * Beside each wakes list: the exact text the hit must be to wake that rule (Rule.
   * exactKeywords), or undefined for any case.
   */
  exact: Map<string, Array<string | undefined>>;
}

/**
 * Slack prefixes broken up by markers (`xo*xb-`, `xox_b-`) do not contain the keyword until
 * normalized; these hits (and any invisible character) make the scanner normalize the whole
 * text. Each is [literal lead, regex rest]: the lead joins the keyword trie.
 */
const MARKERS = "[*_~`]+";
const SPLIT_TRIGGERS: Array<[string, string]> = [
  ["x", MARKERS + "ox"],
  ["xo", MARKERS + "x"],
  ["xox", MARKERS + "[a-z]"],
  ["xox", "[a-z]" + MARKERS + "[-.]"],
  ["xap", MARKERS + "p"],
  ["xa", MARKERS + "pp"],
  ["x", MARKERS + "app"],
];

/**
 * A marker inside a word (`GOCSPX*-Lf…*`, `sk-*ant-…`) may split any keyword: such a text is
 * read as shown as well. `_` is left out (identifiers hold it); the Slack triggers above cover
 * `xox_b-`.
 */
const MARKER_CHARS = ["*", "~", "`"];

function isMarker(c: number): boolean {
  return c === 42 || c === 126 || c === 96; // * ~ `
}

/**
 * Whether `text` holds an inner marker: a run of `*~\`` after `[0-9A-Za-z_.-]` and before
 * `[0-9A-Za-z_-]`. Searching the rare marker characters with indexOf is several times faster
 * than a regex whose first class matches almost every character.
 */
function hasInnerMarker(text: string): boolean {
  for (const ch of MARKER_CHARS) {
    let i = text.indexOf(ch);
    while (i !== -1) {
      // Only the first marker of a run can follow the word character.
      if (i > 0 && !isMarker(text.charCodeAt(i - 1))) {
        const b = text.charCodeAt(i - 1);
        if (isAlnum(b) || b === 95 || b === 46 || b === 45) {
          let e = i + 1;
          while (e < text.length && isMarker(text.charCodeAt(e))) e++;
          const a = e < text.length ? text.charCodeAt(e) : -1;
          if (isAlnum(a) || a === 95 || a === 45) return true;
        }
      }
      i = text.indexOf(ch, i + 1);
    }
  }
  return false;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\-\/]/g, "\\$&");
}

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
  /** Regex fragments that may follow this node's prefix. */
  raw: string[];
}

function trieNode(): TrieNode {
  return { next: new Map(), end: false, raw: [] };
}

function trieAt(root: TrieNode, prefix: string): TrieNode {
  let n = root;
  for (const ch of prefix) {
    let m = n.next.get(ch);
    if (!m) n.next.set(ch, m = trieNode());
    n = m;
  }
  return n;
}

/**
 * The keywords as one factored regex (`s(?:ecret(?:_key|key)?|k_live_)|…`): every position costs
 * one first-character test instead of one per keyword, and an optional group is greedy, so the
 * hit is the longest keyword at its position (what the wake map is keyed by).
 */
function trieSource(n: TrieNode): string {
  const alts = [...n.next].map(([ch, child]) => escapeRegExp(ch) + trieSource(child));
  alts.push(...n.raw);
  if (alts.length === 0) return "";
  if (alts.length === 1 && !n.end) return alts[0];
  return "(?:" + alts.join("|") + ")" + (n.end ? "?" : "");
}

function compile(rules: readonly Rule[]): Engine {
  const compiled = rules.map((rule): Compiled => {
    const anchored = rule.anchor === "word";
    let flags = rule.pattern.flags.replace(/[gy]/g, "");
    if (!flags.includes("d")) flags += "d";
    return {
      rule,
      re: new RegExp(rule.pattern.source, flags + (anchored ? "y" : "g")),
      probe: new RegExp(rule.pattern.source, flags.replace("d", "") + "y"),
      anchored,
      before: rule.window?.before ?? DEFAULT_BEFORE,
      after: rule.window?.after ?? DEFAULT_AFTER,
      placeholder: { exempt: rule.placeholderExempt ?? [] },
    };
  });
  const keywords = [...new Set(rules.flatMap((r) => r.keywords.map((k) => k.toLowerCase())))]
    .filter((k) => k.length > 0)
    .sort((a, b) => b.length - a.length);
  const wakes = new Map<string, number[]>();
  const exact = new Map<string, Array<string | undefined>>();
  const lowered = compiled.map((c) => c.rule.keywords.map((k) => k.toLowerCase()));
  for (const c of compiled) {
    for (const e of c.rule.exactKeywords ?? []) {
      if (!c.rule.keywords.includes(e.toLowerCase())) {
        throw new Error(`${c.rule.id}: exact keyword ${e} is not one of its keywords`);
      }
    }
  }
  for (const k of keywords) {
    const list: number[] = [];
    const cases: Array<string | undefined> = [];
    for (let i = 0; i < lowered.length; i++) {
      if (!lowered[i].some((rk) => k.includes(rk))) continue;
      list.push(i);
      cases.push(compiled[i].rule.exactKeywords?.find((e) => e.toLowerCase() === k));
    }
    wakes.set(k, list);
    exact.set(k, cases);
  }
  const root = trieNode();
  for (const k of keywords) trieAt(root, k).end = true;
  for (const [lead, rest] of SPLIT_TRIGGERS) trieAt(root, lead).raw.push(rest);
  // An invisible character is a hit that wakes nothing (so it marks the text as split): one scan
  // finds both. It cannot start or sit inside a keyword, so the keyword hits are unchanged.
  const prefilter = new RegExp(`${trieSource(root)}|[${INVISIBLE_CLASS}]`, "gi");
  return { rules: compiled, prefilter, wakes, exact };
}

const engines = new Map<string, Engine>();
let enginesFor: readonly Rule[] | null = null;

function engineFor(selected?: string[]): Engine {
  if (enginesFor !== RULES) {
    engines.clear();
    enginesFor = RULES;
  }
  const key = selected ? [...selected].sort().join(",") : "*";
  let e = engines.get(key);
  if (!e) {
    const chosen = selected ? RULES.filter((r) => selected.includes(r.id)) : RULES;
    e = compile(chosen);
    engines.set(key, e);
  }
  return e;
}

/** What a scan wakes at each keyword: enough to tell, without the text, where it may find. */
export interface HitPlan {
  /** Lower-cased keywords (the prefilter's); a keyword's index is its id. */
  keywords: string[];
  /**
   * Per keyword, the window-searching rules it wakes: their window (characters before the hit,
   * characters after its end, the stretch included) and, for a rule it wakes only in one case,
   * that exact text. Empty when it wakes none.
   */
  windowed: Array<Array<{ before: number; after: number; exact?: string }>>;
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
   * `text` (pattern, validator, placeholder filter), raw reading only.
   */
  keeps(text: string, wordStart: number, hitStart: number): boolean;
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
          keeps: (text, ws, hs) => {
            const out: Candidate[] = [];
            tryStarts(engine, r, text, ws, ws, hs, (s, e) => [s, e], RAW, out);
            return out.length > 0;
          },
        });
        continue;
      }
      w.push({ before: c.before, after: c.after + STRETCH, exact: cases[i] });
    }
    windowed.push(w);
    anchored.push(a);
  }
  return { keywords, windowed, anchored };
}

/** A match before dedupe, in original offsets. */
interface Candidate {
  rule: number;
  start: number;
  end: number;
  secret: string;
  view: number;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11 || c === 0xa0;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Windows per rule (flat [start, end, start, end, …], merged) from the prefilter's hits; for
 * anchored rules, the hits themselves (flat [start, end, …], in order).
 */
function findWindows(
  engine: Engine,
  text: string,
): { windows: Array<number[] | undefined>; split: boolean } {
  const windows: Array<number[] | undefined> = new Array(engine.rules.length);
  let split = hasInnerMarker(text);
  const re = engine.prefilter;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const hit = m[0];
    // Hits are mostly written in lower case: no lower-cased copy for those.
    const key = engine.wakes.has(hit) ? hit : hit.toLowerCase();
    const wake = engine.wakes.get(key);
    if (wake === undefined) {
      split = true;
      continue;
    }
    const cases = engine.exact.get(key)!;
    const at = m.index;
    for (let w = 0; w < wake.length; w++) {
      // A format's fixed prefix wakes its rule only in its own case (`eyj` in hex is no JWT).
      if (cases[w] !== undefined && hit !== cases[w]) continue;
      const r = wake[w];
      const c = engine.rules[r];
      if (c.anchored) {
        (windows[r] ?? (windows[r] = [])).push(at, at + hit.length);
        continue;
      }
      const ws = Math.max(0, at - c.before);
      const we = Math.min(text.length, at + hit.length + c.after);
      const list = windows[r] ?? (windows[r] = []);
      const n = list.length;
      if (n > 0 && ws <= list[n - 1]) {
        if (we > list[n - 1]) list[n - 1] = we;
      } else list.push(ws, we);
    }
  }
  return { windows, split };
}

/** Stretches a window's end to the next whitespace, so a long token is not cut. */
function stretch(text: string, end: number): number {
  const stop = Math.min(text.length, end + STRETCH);
  let e = end;
  while (e < stop && !isSpace(text.charCodeAt(e))) e++;
  return e;
}

/** Runs rule `r` over `view` (a window's text), pushing candidates in original offsets. */
function runRule(
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
  if (e <= s) return false;
  const secret = view.slice(s, e);
  const ctx = { text: view, start: s, end: e };
  if (c.rule.validate && !c.rule.validate(secret, ctx)) return false;
  if (isPlaceholder(secret, ctx, c.placeholder)) return false;
  const [os, oe] = toOriginal(s, e);
  out.push({ rule: r, start: os, end: oe, secret, view: viewKind });
  return true;
}

/**
 * Tries anchored rule `r`'s sticky pattern at each start in `[from, to]` that opens the word
 * (`wordStart`) or follows a non-alphanumeric character; the first accepted match ends the try.
 */
function tryStarts(
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
 * Runs anchored rule `r` at each of its `hits` in `view`: in the raw text, then (when
 * `normalizeRegions`) in the region from the hit's word to the end of its line (anchored
 * patterns match within one line) as a person sees it.
 */
function runAnchored(
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
  let normalizedFrom = -1;
  let nextWs = hits.length > 0 ? wordStart(view, hits[0], c.before) : 0;
  for (let k = 0; k < hits.length; k += 2) {
    const hs = hits[k];
    const ws = nextWs;
    nextWs = k + 2 < hits.length ? wordStart(view, hits[k + 2], c.before) : -1;
    // A hit the gate rules out yields nothing; skipping it changes nothing else unless the next
    // hit shares its word (that one would then skip the normalized reading this one did).
    if (
      gate !== undefined && nextWs !== ws && !gate(view, ws, hs, hits[k + 1], normalizeRegions)
    ) continue;
    tryStarts(engine, r, view, ws, Math.max(ws, tried + 1), hs, toOriginal, viewKind, out);
    tried = hs;
    if (!normalizeRegions || ws === normalizedFrom) continue;
    // Anchored patterns never cross a line, so neither does the region.
    const limit = Math.min(view.length, hits[k + 1] + c.after);
    let we = view.indexOf("\n", hits[k + 1]);
    if (we === -1 || we > limit) we = limit;
    const region = view.slice(ws, we);
    if (!mayNeedNormalizing(region)) continue;
    const norm = normalize(region, { keepInnerMarkers: c.rule.literalMarkers });
    if (norm.map === null) continue;
    normalizedFrom = ws;
    // The hit's place in the visible region: starts up to it may open a match.
    let nh = 0;
    while (nh < norm.text.length && norm.map[nh] < hs - ws) nh++;
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
  }
}

const RAW = 0, NORMALIZED = 1;

function collect(engine: Engine, text: string, mrkdwn: boolean): Candidate[] {
  const out: Candidate[] = [];
  const { windows, split } = findWindows(engine, text);
  const normalizeWindows = mrkdwn && !split;
  const identity = (s: number, e: number): [number, number] => [s, e];
  for (let r = 0; r < windows.length; r++) {
    const list = windows[r];
    if (!list) continue;
    if (engine.rules[r].anchored) {
      runAnchored(engine, r, text, list, identity, RAW, normalizeWindows, out);
      continue;
    }
    for (let k = 0; k < list.length; k += 2) {
      const ws = list[k];
      const we = stretch(text, list[k + 1]);
      const raw = text.slice(ws, we);
      runRule(engine, r, raw, (s, e) => [ws + s, ws + e], RAW, out);
      if (normalizeWindows && mayNeedNormalizing(raw)) {
        const norm = normalize(raw, { keepInnerMarkers: engine.rules[r].rule.literalMarkers });
        if (norm.map !== null) {
          runRule(engine, r, norm.text, mapper(norm, raw, ws), NORMALIZED, out);
        }
      }
    }
  }
  if (mrkdwn && split) {
    // A keyword may be broken by markers or invisible characters: read the whole text as shown
    // (a second reading, markers inside words kept, for rules whose secrets may hold them).
    for (const literal of [false, true]) {
      const mine = (r: number) => (engine.rules[r].rule.literalMarkers === true) === literal;
      if (!engine.rules.some((_c, r) => mine(r))) continue;
      const norm = normalize(text, { keepInnerMarkers: literal });
      if (norm.map === null) continue;
      const found = findWindows(engine, norm.text).windows;
      const full = mapper(norm, text, 0);
      for (let r = 0; r < found.length; r++) {
        const list = found[r];
        if (!list || !mine(r)) continue;
        if (engine.rules[r].anchored) {
          runAnchored(engine, r, norm.text, list, full, NORMALIZED, false, out);
          continue;
        }
        for (let k = 0; k < list.length; k += 2) {
          const ws = list[k];
          const view = norm.text.slice(ws, stretch(norm.text, list[k + 1]));
          runRule(engine, r, view, (s, e) => full(ws + s, ws + e), NORMALIZED, out);
        }
      }
    }
  }
  return out;
}

function mapper(
  norm: NormalizedText,
  original: string,
  base: number,
): (s: number, e: number) => [number, number] {
  return (s, e) => [base + originalStart(norm, s), base + originalEnd(norm, original, e)];
}

/** Whether the marker at `p` may open a span (after a non-word character, before a word). */
function canOpen(text: string, p: number, from: number): boolean {
  return p + 1 < text.length && !isSpace(text.charCodeAt(p + 1)) &&
    (p === from || !isAlnum(text.charCodeAt(p - 1)));
}

/** Whether the marker at `q` may close a span (after a word, before a non-word character). */
function canClose(text: string, q: number, to: number): boolean {
  return q > 0 && !isSpace(text.charCodeAt(q - 1)) &&
    (q + 1 >= to || !isAlnum(text.charCodeAt(q + 1)));
}

/** Whether a span of marker `m` is still open at `to`, reading [from, to) left to right. */
function openAt(text: string, from: number, to: number, m: number): boolean {
  let open = false;
  for (let p = from; p < to; p++) {
    if (text.charCodeAt(p) !== m) continue;
    if (open && canClose(text, p, to)) open = false;
    else if (!open && canOpen(text, p, from)) open = true;
  }
  return open;
}

/** Whether a span of marker `m` opened before `from` closes on [from, to). */
function closesIn(text: string, from: number, to: number, m: number): boolean {
  for (let q = from; q < to; q++) {
    if (text.charCodeAt(q) === m && canClose(text, q, to)) return true;
  }
  return false;
}

/**
 * Whether raw candidate `raw` is normalized candidate `norm` of the same rule plus formatting
 * around it: the extra characters are markers, and each closes a span still open before the
 * secret on its line or opens one closed after it (`*pass: X*` reads `X*` raw, `X` as shown).
 * Slack shows those markers as bold, italic or strike, so they are not part of the secret; an
 * unpaired one (a value that ends in `*` with no span to close) is shown as typed and stays.
 */
function wrappedInMarkers(text: string, raw: Candidate, norm: Candidate): boolean {
  if (raw.rule !== norm.rule || raw.start > norm.start || raw.end < norm.end) return false;
  if (raw.start === norm.start && raw.end === norm.end) return false;
  for (let i = raw.start; i < norm.start; i++) if (!isFormatting(text.charCodeAt(i))) return false;
  for (let i = norm.end; i < raw.end; i++) if (!isFormatting(text.charCodeAt(i))) return false;
  const lineStart = text.lastIndexOf("\n", norm.start - 1) + 1;
  let lineEnd = text.indexOf("\n", norm.end);
  if (lineEnd === -1) lineEnd = text.length;
  for (let i = norm.end; i < raw.end; i++) {
    if (!openAt(text, lineStart, norm.start, text.charCodeAt(i))) return false;
  }
  for (let i = raw.start; i < norm.start; i++) {
    if (!closesIn(text, norm.end, lineEnd, text.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * Overlapping candidates keep one: the earlier rule (more specific), then the longer span,
 * then the raw reading over the normalized one. A raw reading that is a normalized one wrapped
 * in formatting markers gives way to it first.
 */
function dedupe(text: string, cands: Candidate[]): Candidate[] {
  if (cands.length <= 1) return cands;
  const shown = cands.filter((c) => c.view === NORMALIZED);
  if (shown.length > 0) {
    cands = cands.filter((c) =>
      c.view !== RAW || !shown.some((n) => n.start < c.end && wrappedInMarkers(text, c, n))
    );
  }
  // A raw reading that still holds an entity (`p&amp;ss`) is what Slack sent, not what was typed.
  const viewRank = (c: Candidate) =>
    c.view === RAW && /&(?:amp|lt|gt);/.test(c.secret) ? NORMALIZED + 1 : c.view;
  const ranked = [...cands].sort((a, b) =>
    a.rule - b.rule || (b.end - b.start) - (a.end - a.start) || viewRank(a) - viewRank(b) ||
    a.start - b.start
  );
  const kept: Candidate[] = []; // sorted by start, non-overlapping
  for (const c of ranked) {
    let lo = 0, hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid].start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const prev = kept[lo - 1], next = kept[lo];
    if (prev && prev.end > c.start) continue;
    if (next && next.start < c.end) continue;
    kept.splice(lo, 0, c);
  }
  return kept;
}

/** A finding without its fingerprint (filled by `scanSync` / `scan`). */
function toFindings(text: string, engine: Engine, kept: Candidate[], options: ScanOptions) {
  const findings: Finding[] = [];
  let line = 1, lineStart = 0, pos = 0;
  for (const c of kept) {
    // kept is sorted by start: count newlines incrementally.
    while (true) {
      const nl = text.indexOf("\n", pos);
      if (nl === -1 || nl >= c.start) break;
      line++;
      lineStart = nl + 1;
      pos = nl + 1;
    }
    const rule = engine.rules[c.rule].rule;
    const f: Finding = {
      ruleId: rule.id,
      family: rule.family,
      description: rule.description,
      start: c.start,
      end: c.end,
      line,
      column: c.start - lineStart + 1,
      fingerprint: "",
      redacted: redact(c.secret),
      confidence: rule.confidence,
    };
    if (rule.verifyAs !== undefined) f.verifyAs = rule.verifyAs;
    if (options.includeSecret) f.secret = c.secret;
    findings.push(f);
  }
  return findings;
}

function scanCore(
  text: string,
  options: ScanOptions,
): { findings: Finding[]; secrets: string[] } {
  const engine = engineFor(options.rules);
  if (engine.rules.length === 0 || text.length === 0) return { findings: [], secrets: [] };
  const kept = dedupe(text, collect(engine, text, options.mrkdwn !== false));
  return { findings: toFindings(text, engine, kept, options), secrets: kept.map((c) => c.secret) };
}

/**
 * Scans `text` synchronously. Findings are sorted by offset and carry their fingerprint;
 * `secret` only with `includeSecret: true`.
 */
export function scanSync(text: string, options: ScanOptions = {}): Finding[] {
  const { findings, secrets } = scanCore(text, options);
  for (let i = 0; i < findings.length; i++) findings[i].fingerprint = fingerprintSync(secrets[i]);
  return findings;
}

/** Scans `text`; fingerprints come from WebCrypto. */
export async function scan(text: string, options: ScanOptions = {}): Promise<Finding[]> {
  const { findings, secrets } = scanCore(text, options);
  for (let i = 0; i < findings.length; i++) findings[i].fingerprint = await fingerprint(secrets[i]);
  return findings;
}

/** The rules a scan with `options` uses, in priority order. */
export function activeRules(options: ScanOptions = {}): readonly Rule[] {
  return engineFor(options.rules).rules.map((c) => c.rule);
}
