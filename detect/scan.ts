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
//
// Its parts: engine.ts compiles the rules and the prefilter, match.ts runs one rule where it was
// woken, markers.ts tells formatting markers from a secret's characters, and hit_plan.ts gives
// the byte scanner (scan_bytes.ts) the same plan without the text.

import type { Finding, ScanOptions } from "./types.ts";
import {
  ENTITY,
  mayNeedNormalizing,
  normalize,
  type NormalizedText,
  withoutEntities,
  withoutInvisibles,
} from "./normalize.ts";
import { redact } from "./redact.ts";
import { fingerprint, fingerprintSync } from "./fingerprint.ts";
import { type Engine, engineFor, STRETCH } from "./engine.ts";
import { edgedByFormatting, hasInnerMarker, wrappedInMarkers } from "./markers.ts";
import { type Candidate, mapper, NORMALIZED, RAW, runAnchored, runRule } from "./match.ts";
import { isSpace, withPlainBlanks } from "./chars.ts";
import { joinWrapped, readsAsWrapped } from "./wrapped.ts";

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
      const gate = c.rule.windowGate;
      if (gate !== undefined && !gate(text, at, at + hit.length)) continue;
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

/** Formatting markers at a word's edge: before its first letter or digit, or after its last. */
const EDGE_MARKERS_SOURCE =
  "(?<![A-Za-z0-9])[_*~]+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])[_*~]+(?![A-Za-z0-9_*~-])";
const EDGE_MARKERS = new RegExp(EDGE_MARKERS_SOURCE);
const EDGE_MARKERS_ALL = new RegExp(EDGE_MARKERS_SOURCE, "g");

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
      const first = out.length;
      runRule(engine, r, raw, (s, e) => [ws + s, ws + e], RAW, out);
      if (engine.rules[r].rule.family !== "generic" && wrapsInto(text, raw, we)) {
        // A token wrapped onto the next line (a terminal's width, an email's, a soft break).
        const joined = joinWrapped(text, ws, we, (piece) => startsWithKeyword(engine, piece));
        if (joined !== null) {
          const original = text.slice(ws, joined.end);
          const read: Candidate[] = [];
          runRule(engine, r, joined.text, mapper(joined, original, ws), NORMALIZED, read);
          for (const c of read) if (!wholeBeforeBreak(text, out, first, c)) out.push(c);
        }
      }
      if (engine.rules[r].rule.family !== "generic" && EDGE_MARKERS.test(raw)) {
        // Plain text pasted from a chat keeps its formatting: a token in italics (`_ghp_…_`)
        // reads, a second time, with the markers at its edges as blanks (same offsets). So does
        // mrkdwn, where an unpaired one is shown as typed (`ghp_…_ end`): a fixed-length
        // token does not take it.
        const blanked = raw.replace(EDGE_MARKERS_ALL, (m) => " ".repeat(m.length));
        runRule(engine, r, blanked, (s, e) => [ws + s, ws + e], NORMALIZED, out);
      }
      if (!mrkdwn && ENTITY.test(raw)) {
        // Plain text saved from Slack, or XML, keeps its entities: `p&amp;ss` was typed `p&ss`.
        const decoded = withoutEntities(raw);
        runRule(engine, r, decoded.text, mapper(decoded, raw, ws), NORMALIZED, out);
      }
      if (normalizeWindows && mayNeedNormalizing(raw)) {
        const norm = normalize(raw, {
          keepInnerMarkers: engine.rules[r].rule.literalMarkers,
          within: { text, offset: ws },
        });
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
      readAgain(engine, text, normalize(text, { keepInnerMarkers: literal }), mine, out);
    }
    // Underscores in a token (a JWT's signature: `._zkv…S_w`) may read as italics there: the
    // text as typed, without its invisible characters, is read too, as the raw text is.
    readAgain(engine, text, withoutInvisibles(text), () => true, out, RAW);
  } else if (!mrkdwn && split) {
    // Plain text shows no markup, but invisible characters show as nothing there too: a token
    // with a zero-width space inside reads as one without it.
    readAgain(engine, text, withoutInvisibles(text), () => true, out);
  }
  return out;
}

/**
 * Whether the raw reading (candidates `out[first…]`) already holds `joined`'s token whole before
 * the line break it was joined over, where nothing says the line was wrapped: then the line after
 * is text of its own (a build id, a commit, a UUID under a token), not the token's rest.
 */
function wholeBeforeBreak(text: string, out: Candidate[], first: number, joined: Candidate) {
  for (let i = first; i < out.length; i++) {
    const c = out[i];
    if (c.rule !== joined.rule || c.start !== joined.start || c.end >= joined.end) continue;
    const next = text.charCodeAt(c.end);
    if ((next === 10 || next === 13) && !readsAsWrapped(text, c.end)) return true;
  }
  return false;
}

/** Whether the window `raw`, ending at `we`, holds or ends at a line break. */
function wrapsInto(text: string, raw: string, we: number): boolean {
  const c = text.charCodeAt(we);
  return c === 10 || c === 13 || raw.includes("\n");
}

/** Whether `piece` starts with a keyword: a token of its own, not the rest of one. */
function startsWithKeyword(engine: Engine, piece: string): boolean {
  const re = engine.prefilter;
  re.lastIndex = 0;
  const m = re.exec(piece);
  re.lastIndex = 0;
  return m !== null && m.index === 0;
}

/** Runs the rules `mine` accepts over `norm`, a second reading of the whole `text`. */
function readAgain(
  engine: Engine,
  text: string,
  norm: NormalizedText,
  mine: (r: number) => boolean,
  out: Candidate[],
  view = NORMALIZED,
): void {
  if (norm.map === null) return;
  const found = findWindows(engine, norm.text).windows;
  const full = mapper(norm, text, 0);
  for (let r = 0; r < found.length; r++) {
    const list = found[r];
    if (!list || !mine(r)) continue;
    if (engine.rules[r].anchored) {
      runAnchored(engine, r, norm.text, list, full, view, false, out);
      continue;
    }
    for (let k = 0; k < list.length; k += 2) {
      const ws = list[k];
      const part = norm.text.slice(ws, stretch(norm.text, list[k + 1]));
      runRule(engine, r, part, (s, e) => full(ws + s, ws + e), view, out);
    }
  }
}

/**
 * Overlapping candidates keep one: the earlier rule (more specific), then the longer span,
 * then the raw reading over the normalized one. A raw reading that is a normalized one wrapped
 * in formatting markers gives way to it first.
 */
function dedupe(text: string, cands: Candidate[], mrkdwn: boolean): Candidate[] {
  if (mrkdwn) cands = cands.filter((c) => c.view !== RAW || !edgedByFormatting(text, c));
  if (cands.length <= 1) return cands;
  // (Plain text keeps what it holds: a key ending in `_` is longer than its reading without it.)
  const shown = mrkdwn ? cands.filter((c) => c.view === NORMALIZED) : [];
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
    // A secret may span lines (a PEM key): its end's line and column.
    let endLine = line, endStart = lineStart;
    for (
      let nl = text.indexOf("\n", c.start);
      nl !== -1 && nl < c.end;
      nl = text.indexOf("\n", nl + 1)
    ) {
      endLine++;
      endStart = nl + 1;
    }
    const f: Finding = {
      ruleId: rule.id,
      family: rule.family,
      description: rule.description,
      start: c.start,
      end: c.end,
      line,
      column: c.start - lineStart + 1,
      endLine,
      endColumn: c.end - endStart + 1,
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
  const mrkdwn = options.mrkdwn !== false;
  const view = withPlainBlanks(text);
  const kept = dedupe(view, collect(engine, view, mrkdwn), mrkdwn);
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
