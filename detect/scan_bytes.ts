// Scans raw UTF-8 bytes (a file, a block of a large one) without decoding what cannot hold a
// finding. The wasm hit scanner finds the keyword hits in the bytes and drops those the generic
// rules' gates rule out. A remaining hit is *live* when it may lead to a finding: it wakes a
// window-searching rule (in the right case, for a format's fixed prefix), or an anchored rule
// whose pattern matches on the hit's line and whose validator keeps that match in the context it
// reads. Only the lines around live hits are decoded and handed to `scanSync`, so the findings
// are the ones `scanSync` finds in the whole decoded text:
//
// - every window and every context a rule or validator reads around a live hit lies inside its
//   region (margins are counted in characters, walking the UTF-8 bytes);
// - regions start and end at line ends, and neither a keyword, an anchored match nor a gate's
//   reading crosses a line, so a region sees the same hits near its edges;
// - a hit that is not live yields nothing in the whole text either.
//
// Plain text only (`mrkdwn: false`): a person's view of mrkdwn may join words across markers,
// which the bytes do not show; such inputs take the string path.
import type { Finding, ScanOptions } from "./types.ts";
import { scanSync } from "./scan.ts";
import { type AnchoredPlan, type HitPlan, hitPlan } from "./hit_plan.ts";
import { GATE, type GateReach, HitScanner, nonAsciiCaseForms, TRIGGER_ID } from "./hit_scanner.ts";
import { ByteText } from "./byte_text.ts";
import { ENTITY, invisibleCharacters } from "./normalize.ts";
import { REFERENCE_PREFIXES } from "./rules/generic_value.ts";
import { isAlnum, lastStartInHit, NO_BREAK_SPACE, withPlainBlanks } from "./chars.ts";

/** Characters validators and placeholder checks read before a match and after it. */
const CONTEXT_BEFORE = 160;
const CONTEXT_AFTER = 64;
/** Around a split-keyword shape, which the bytes scanner reports without knowing its rule. */
const TRIGGER_MARGIN = 4096;
/** Characters around an invisible one that a token it splits, and its rule's context, may span. */
const INVISIBLE_MARGIN = 512;

interface Prepared {
  plan: HitPlan;
  scanner: HitScanner;
  /** Keyword id -> its length in bytes. */
  lengths: number[];
  /** Ids at or above this are invisible characters. */
  invisibleFrom: number;
}

const prepared = new Map<string, Prepared>();

/**
 * The HitScanner gate bits for keyword `id` of `plan`: its hits can be dropped in the scanner
 * only when every rule it wakes has a byte gate (0 otherwise). Widens `reach` to what the
 * anchored rules' gates read back (a window-searching rule's gate reads after the hit).
 */
export function keywordGates(plan: HitPlan, id: number, reach: GateReach): number {
  const anchored = plan.anchored[id], windowed = plan.windowed[id];
  if (anchored.length + windowed.length === 0) return 0;
  if (anchored.some((a) => a.byteGate === undefined)) return 0;
  if (windowed.some((w) => w.byteGate === undefined)) return 0;
  let gates = 0;
  for (const a of anchored) {
    gates |= GATE[a.byteGate!];
    reach[a.byteGate!] = Math.max(reach[a.byteGate!] ?? 0, a.before);
  }
  for (const w of windowed) gates |= GATE[w.byteGate!];
  return gates;
}

function prepare(options: ScanOptions): Prepared {
  const key = options.rules ? [...options.rules].sort().join(",") : "*";
  let p = prepared.get(key);
  if (p) return p;
  const plan = hitPlan(options);
  const enc = new TextEncoder();
  // A no-break space is read around as an invisible character is (scanSync reads it as a blank).
  const words = [...plan.keywords, ...invisibleCharacters(), NO_BREAK_SPACE];
  const reach: GateReach = {};
  const keywords = words.map((w, id) => ({
    bytes: enc.encode(w),
    id,
    gates: id < plan.keywords.length ? keywordGates(plan, id, reach) : 0,
  }));
  // A non-ASCII keyword's other cases are words of their own with its id (and length).
  for (const [id, w] of plan.keywords.entries()) {
    for (const form of nonAsciiCaseForms(w)) {
      keywords.push({ bytes: enc.encode(form), id, gates: keywords[id].gates });
    }
  }
  p = {
    plan,
    scanner: new HitScanner(keywords, reach, REFERENCE_PREFIXES),
    lengths: keywords.slice(0, words.length).map((k) => k.bytes.length),
    invisibleFrom: plan.keywords.length,
  };
  prepared.set(key, p);
  return p;
}

/**
 * A buffer for the next `scanBytes` input, inside the scanner's own memory: reading a file
 * straight into it saves a copy. Valid until the next call.
 */
export function bytesInput(size: number, options: ScanOptions = {}): Uint8Array {
  return prepare(options).scanner.input(size);
}

/** The byte offset `chars` UTF-16 code units before `at` (or 0). */
function backChars(bytes: Uint8Array, at: number, chars: number): number {
  let i = at, c = 0;
  while (i > 0 && c < chars) {
    const b = bytes[--i];
    if ((b & 0xc0) !== 0x80) c += b >= 0xf0 ? 2 : 1;
  }
  return i;
}

/**
 * The byte offset `chars` UTF-16 code units after `at` (or the end). `ascii(from, n)` tells how
 * many of the n bytes from `from` are ASCII (one unit each): runs of them are skipped at once.
 */
function forwardChars(
  bytes: Uint8Array,
  at: number,
  chars: number,
  ascii?: (from: number, n: number) => number,
): number {
  let i = at, c = 0;
  while (i < bytes.length && c < chars) {
    if (ascii && chars - c > 32) {
      const run = ascii(i, Math.min(chars - c, bytes.length - i));
      i += run;
      c += run;
      if (c >= chars || i >= bytes.length) break;
    }
    const b = bytes[i++];
    if ((b & 0xc0) !== 0x80) c += b >= 0xf0 ? 2 : 1;
  }
  while (i < bytes.length && (bytes[i] & 0xc0) === 0x80) i++;
  return i;
}

/** Whether `bytes` start with UTF-8's byte order mark (EF BB BF). */
export function startsWithBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * UTF-16 code units that `bytes[from, to)` decode to (counted in wasm when `bytes` is the
 * scanner's input): a finding's byte offsets become the text's offsets.
 */
export function countUnits(
  bytes: Uint8Array,
  from: number,
  to: number,
  options: ScanOptions = {},
): number {
  const p = prepare(options);
  if (p.scanner.holds(bytes)) return p.scanner.countUnits(from, to);
  let n = 0;
  for (let i = from; i < to; i++) if ((bytes[i] & 0xc0) !== 0x80) n += bytes[i] >= 0xf0 ? 2 : 1;
  return n;
}

/** Newlines in `bytes` (counted in wasm when they are the scanner's input). */
export function countLines(bytes: Uint8Array, options: ScanOptions = {}): number {
  const p = prepare(options);
  if (p.scanner.holds(bytes)) return p.scanner.countNewlines(0, bytes.length);
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

function isBlankByte(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11;
}

/**
 * Start of the word holding `at`, back to a blank, at most `before` bytes; -1 when a non-ASCII
 * byte is on the way (the text may hold a blank there that the bytes do not show as one).
 */
function byteWordStart(bytes: Uint8Array, at: number, before: number): number {
  const floor = Math.max(0, at - before);
  let ws = at;
  while (ws > floor) {
    const c = bytes[ws - 1];
    if (c >= 0x80) return -1;
    if (isBlankByte(c)) break;
    ws--;
  }
  return ws;
}

/** Whether the bytes at `at` are exactly the ASCII `word`. */
export function spells(bytes: Uint8Array, at: number, word: string): boolean {
  if (at + word.length > bytes.length) return false;
  for (let i = 0; i < word.length; i++) if (bytes[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** Whether a blank byte lies in [from, to). */
function blankBetween(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isBlankByte(bytes[i])) return true;
  return false;
}

/**
 * Byte ranges (flat [start, end, …], ascending, disjoint, on line ends) that hold every live
 * hit with all the text its rules may read.
 */
function liveRegions(
  bytes: Uint8Array,
  hits: Uint32Array,
  p: Prepared,
): number[] {
  const ascii = (from: number, k: number) => p.scanner.asciiRun(from, k);
  const n = bytes.length;
  const text = new ByteText(bytes);
  const spans: number[] = [];
  // The line last looked up, [lineFrom, lineTo) with lineTo its `\n` (or n): a long line's hits
  // share it instead of each searching to its ends, which made a scan quadratic in its length.
  let lineFrom = -1, lineTo = -1;
  const lineOf = (pos: number) => {
    if (pos >= lineFrom && pos <= lineTo && lineFrom >= 0) return;
    lineFrom = pos === 0 ? 0 : bytes.lastIndexOf(10, pos - 1) + 1;
    const nl = bytes.indexOf(10, pos);
    lineTo = nl === -1 ? n : nl;
  };
  for (let h = 0; h < hits.length; h += 2) {
    const at = hits[h], id = hits[h + 1];
    let before = -1, after = -1;
    if (id === TRIGGER_ID) {
      before = after = TRIGGER_MARGIN;
    } else if (id >= p.invisibleFrom) {
      // It may hide inside a token, or its keyword: the token's reach around it, read again
      // without it (scanSync's plain reading); a no-break space, read again as a blank.
      before = after = INVISIBLE_MARGIN;
    } else {
      const end = at + p.lengths[id];
      for (const w of p.plan.windowed[id]) {
        if (w.exact !== undefined && !spells(bytes, at, w.exact)) continue;
        if (w.gate !== undefined && !w.gate(text, at, end)) continue;
        before = Math.max(before, w.before + CONTEXT_BEFORE);
        after = Math.max(after, w.after + CONTEXT_AFTER);
      }
      for (const a of p.plan.anchored[id]) {
        const ws = byteWordStart(bytes, at, a.before);
        const next = h + 2 < hits.length ? hits[h + 2] : n;
        // A next hit in the same word makes the scanner skip the gate (not the pattern).
        const sameWord = next < at + a.before + 64 && !blankBetween(bytes, end, next);
        const live = ws < 0 ||
          ((sameWord || a.gate === undefined || a.gate(text, ws, at, end, false)) &&
            mayMatchInLine(bytes, ws, at, end, a.probe) &&
            keptInContext(bytes, ws, at, end, a, ascii));
        if (!live) continue;
        before = Math.max(before, a.before + CONTEXT_BEFORE);
        after = Math.max(after, a.after + CONTEXT_AFTER);
      }
      if (before < 0) continue;
    }
    // Margins are characters (UTF-16 code units) before the hit and after its end.
    let s = backChars(bytes, at, before);
    let e = forwardChars(bytes, id === TRIGGER_ID ? at : at + p.lengths[id], after, ascii);
    if (s > 0) {
      lineOf(s);
      s = lineFrom;
    }
    lineOf(e);
    e = lineTo === n ? n : lineTo + 1;
    // Merge with every earlier span it touches (spans are ascending by start).
    while (spans.length > 0 && spans[spans.length - 1] >= s) {
      e = Math.max(e, spans.pop()!);
      s = Math.min(s, spans.pop()!);
    }
    spans.push(s, e);
  }
  return spans;
}

const decoder = new TextDecoder();

/** Bytes after a hit read for an anchored try (more than any anchored match's length). */
const LINE_CAP = 2048;

/**
 * Whether anchored rule `a` keeps a match starting in [ws, at], read in the bytes around the
 * hit with the context its validator and the placeholder filter may read. `[ws, at)` is ASCII.
 */
function keptInContext(
  bytes: Uint8Array,
  ws: number,
  at: number,
  end: number,
  a: AnchoredPlan,
  ascii: (from: number, n: number) => number,
): boolean {
  const from = backChars(bytes, ws, CONTEXT_BEFORE + 1);
  const to = forwardChars(bytes, end, a.after + CONTEXT_AFTER, ascii);
  const head = decoder.decode(bytes.subarray(from, ws));
  const text = withPlainBlanks(head + decoder.decode(bytes.subarray(ws, to)));
  const hs = head.length + (at - ws);
  return a.keeps(text, head.length, hs, hs + decoder.decode(bytes.subarray(at, end)).length);
}

/**
 * Whether anchored `sticky` matches at a start that the scanner would try (the word start, or
 * after a non-alphanumeric character) from `ws` to the hit's last start (lastStartInHit), in the
 * line holding the hit `[at, hitEnd)`. `[ws - 1, at)` is ASCII (checked by the caller, but for
 * ws - 1), so its characters are its bytes; a hit that is not is tried at its start only.
 */
function mayMatchInLine(
  bytes: Uint8Array,
  ws: number,
  at: number,
  hitEnd: number,
  sticky: RegExp,
): boolean {
  const from = ws > 0 ? ws - 1 : 0;
  if (bytes[from] >= 0x80) return true;
  const last = bytes.subarray(at, hitEnd).every((b) => b < 0x80)
    ? lastStartInHit({ charCodeAt: (i) => bytes[i] }, at, hitEnd)
    : at;
  // A match ends within `after` characters of the hit: a longer line is cut (cutting past a
  // match's end cannot undo it: the patterns have no lookahead at their end). It crosses two line
  // breaks at most (a label over its value, as a settings page shows them; a code block's
  // opening line between them).
  // (Searched within the cap: a search to a long line's end at each of its hits was quadratic.)
  const capped = bytes.subarray(at, Math.min(bytes.length, at + LINE_CAP + 1));
  let end = capped.indexOf(10);
  for (let more = 0; more < 2 && end !== -1; more++) end = capped.indexOf(10, end + 1);
  end = end === -1 ? Math.min(bytes.length, at + LINE_CAP) : at + end;
  const line = withPlainBlanks(decoder.decode(bytes.subarray(from, end)));
  for (let p = ws; p <= last; p++) {
    if (p !== ws && isAlnum(bytes[p - 1])) continue;
    sticky.lastIndex = p - from;
    const m = sticky.exec(line);
    if (m !== null && m[0].length > 0) return true;
  }
  // The scanner reads a line with entities a second time, decoded: what the pattern cannot
  // match in the raw line (`ab&amp;cdefgh`, cut at its `;`) it may match there.
  return ENTITY.test(line);
}

/**
 * UTF-8 length of `text[from, to)`, as TextEncoder writes it (a lone surrogate as U+FFFD), counted
 * in place: encoding the text before each finding made a file of many findings quadratic.
 */
export function utf8Length(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n++;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1))) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c < 0xe000;
}

/**
 * Scans the UTF-8 `bytes` as plain text. Findings are those `scanSync(decoded, {mrkdwn: false})`
 * finds, with `start` and `end` as byte offsets into `bytes` and lines and columns as in the
 * decoded text.
 */
export function scanBytes(bytes: Uint8Array, options: ScanOptions = {}): Finding[] {
  const p = prepare(options);
  const size = p.scanner.load(bytes);
  const hits = p.scanner.scan(size);
  const input = p.scanner.input(size);
  const spans = liveRegions(input, hits, p);
  const out: Finding[] = [];
  let line = 1, counted = 0;
  for (let k = 0; k < spans.length; k += 2) {
    const s = spans[k], e = spans[k + 1];
    line += p.scanner.countNewlines(counted, s);
    counted = s;
    const text = decoder.decode(input.subarray(s, e));
    // Byte offsets carried from one finding to the next (findings come in order of start). The
    // decoder drops a byte order mark at the input's start: its 3 bytes come before the text.
    const base = s === 0 && startsWithBom(input) ? 3 : s;
    let char = 0, byte = base;
    for (const f of scanSync(text, { ...options, mrkdwn: false })) {
      if (f.start < char) char = 0, byte = base;
      byte += utf8Length(text, char, f.start);
      char = f.start;
      out.push({
        ...f,
        start: byte,
        end: byte + utf8Length(text, f.start, f.end),
        line: line + f.line - 1,
        endLine: line + f.endLine - 1,
      });
    }
  }
  return out;
}
