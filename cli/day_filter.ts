// Which messages of an export day file need reading. The file's raw JSON bytes go through the
// byte scanner (detect/hit_scanner.ts) in JSON + mrkdwn mode: a message is read (parsed, its
// parts scanned by scanSync as usual) only when something in its bytes may lead to a finding:
//
// - a keyword hit its rule's gate does not rule out (gates read JSON escapes as what they stand
//   for, treat anything uncertain as "maybe", and are skipped near the places where rich-text
//   leaves are joined, because there the text a gate would read continues in another string);
// - a keyword split across two joined leaves (`xo` + `xb-…`): the last byte of one text and
//   the first of the next are neighbours in some keyword;
// - what makes the scanner read a whole mrkdwn text as shown: an invisible character or a
//   no-break space (raw or as a `\u` escape), a keyword split by markers (reported by the
//   scanner as a hit), a marker inside a word; and any `\u00XX` escape of an ASCII character,
//   which could spell a keyword, or a keyword spelled with its non-ASCII characters escaped
//   (`pa\u015f`…);
// - a file permalink while the workspace's host is still unknown (the report names it).
//
// Messages with none of these cannot yield a finding, so they are never parsed.
import {
  fold,
  type GateReach,
  HitScanner,
  MODE,
  nonAsciiCaseForms,
} from "../detect/hit_scanner.ts";
import { hitPlan } from "../detect/hit_plan.ts";
import { invisibleCharacters } from "../detect/normalize.ts";
import { NO_BREAK_SPACE } from "../detect/chars.ts";
import { REFERENCE_PREFIXES } from "../detect/rules/generic_value.ts";
import { keywordGates, spells } from "../detect/scan_bytes.ts";

/** Bytes either side of a join where a hit's gate is not trusted (a gate reads at most ~90). */
const JOIN_ZONE = 200;
/** A message needs a full read. */
export const READ = 1;
/** A message holds a file permalink (for the workspace's host). */
export const PERMALINK = 2;

interface Prepared {
  scanner: HitScanner;
  permalinkId: number;
  /** Folded byte pairs that are neighbours in some keyword: a join between them may spell one. */
  pairs: Set<number>;
  /** Per keyword id: the only spellings that wake anything (Rule.exactKeywords), if so. */
  exact: Array<string[] | undefined>;
}

const prepared = new Map<string, Prepared>();

function prepare(rules?: string[]): Prepared {
  const key = rules ? [...rules].sort().join(",") : "*";
  let p = prepared.get(key);
  if (p) return p;
  const plan = hitPlan({ rules });
  const enc = new TextEncoder();
  const reach: GateReach = {};
  const words: Array<{ text: string; gates: number; exact?: string[] }> = [];
  const pairs = new Set<number>();
  plan.keywords.forEach((k, id) => {
    const gates = keywordGates(plan, id, reach);
    const anchored = plan.anchored[id];
    // Woken only in exact case (`AKIA`, `eyJ`) and by nothing else: the exact forms.
    const windowed = plan.windowed[id];
    const exact = anchored.length === 0 && windowed.length > 0 && windowed.every((w) => w.exact)
      ? windowed.map((w) => w.exact!)
      : undefined;
    words.push({ text: k, gates, exact });
    // JSON may escape a slash, and Slack's exports escape every non-ASCII character
    // (`contrase\u00f1a`): such a spelling reads the message, ungated.
    if (k.includes("/")) words.push({ text: k.replaceAll("/", "\\/"), gates });
    // A quote inside a string is always escaped (`variable \"db_password\"`).
    if (k.includes('"')) words.push({ text: k.replaceAll('"', '\\"'), gates: 0 });
    // A non-ASCII keyword's other cases (the scanner folds ASCII only) are words too, ungated.
    for (const form of nonAsciiCaseForms(k)) words.push({ text: form, gates: 0 });
    for (const form of /[\u0080-\uffff]/.test(k) ? [k, ...nonAsciiCaseForms(k)] : []) {
      words.push({ text: jsonEscaped(form), gates: 0 });
    }
    for (const form of [k, ...nonAsciiCaseForms(k)]) {
      const b = enc.encode(form);
      for (let i = 0; i + 1 < b.length; i++) pairs.add((fold(b[i]) << 8) | fold(b[i + 1]));
    }
  });
  // A no-break space too: scanSync reads it as a blank (`mot de passe\u00a0: …`).
  for (const ch of [...invisibleCharacters(), NO_BREAK_SPACE]) {
    words.push({ text: ch, gates: 0 });
    const hex = ch.charCodeAt(0).toString(16).padStart(4, "0");
    words.push({ text: "\\u" + hex, gates: 0 });
  }
  for (let d = 0; d < 8; d++) words.push({ text: "\\u00" + d, gates: 0 });
  const permalinkId = words.length;
  words.push({ text: '"permalink"', gates: 0 });
  const keywords = words.map((w, id) => ({ bytes: enc.encode(w.text), id, gates: w.gates }));
  p = {
    scanner: new HitScanner(keywords, reach, REFERENCE_PREFIXES),
    permalinkId,
    pairs,
    exact: words.map((w) => w.exact),
  };
  prepared.set(key, p);
  return p;
}

/** `text` as a JSON writer that escapes every non-ASCII character spells it (`é` as `\u00e9`). */
function jsonEscaped(text: string): string {
  return text.replace(
    /[\u0080-\uffff]/g,
    (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
  );
}

/** Where a day file's bytes go before `dayMessages` (the scanner's memory; valid until the next call). */
export function dayInput(size: number, rules?: string[]): Uint8Array {
  return prepare(rules).scanner.input(size);
}

/** Index of the element holding byte `at` (elements flat [start, end, …]), or -1. */
function elementAt(elements: Uint32Array, at: number): number {
  let lo = 0, hi = elements.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (elements[mid * 2] > at) hi = mid - 1;
    else if (elements[mid * 2 + 1] <= at) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** A day file's bytes (a fresh view) and its messages, or nulls when it is not read so. */
export interface DayMessages {
  bytes: Uint8Array;
  /** The JSON array's elements, [start, end) flat; null when not a well-formed array. */
  elements: Uint32Array | null;
  /** Per message, READ and PERMALINK bits. */
  marks: Uint8Array | null;
}

/**
 * The messages of a day file and what each needs. `bytes` may be invalid afterwards (it may
 * have lived in the scanner's memory, which may grow): use the returned view. Without elements,
 * read the file whole instead (which reports what is wrong).
 */
export function dayMessages(
  bytes: Uint8Array,
  rules?: string[],
): DayMessages {
  const p = prepare(rules);
  const n = p.scanner.load(bytes);
  const structure = p.scanner.jsonElements(n);
  let input = p.scanner.input(n);
  if (structure === null) return { bytes: input, elements: null, marks: null };
  const { elements, joins } = structure;
  const marks = new Uint8Array(elements.length / 2);
  const mark = (at: number, bit: number) => {
    const e = elementAt(elements, at);
    if (e >= 0) marks[e] |= bit;
  };

  // Joins: zones where gates are not trusted, and keywords spelled across.
  const zones: number[] = [];
  for (let k = 0; k < joins.length; k += 2) {
    const aEnd = joins[k], bStart = joins[k + 1];
    const last = input[aEnd - 1], first = input[bStart];
    // An escape at either side of the join, or neighbours in a keyword: read the message.
    if (
      last === 92 || input[aEnd - 2] === 92 || first === 92 ||
      p.pairs.has((fold(last) << 8) | fold(first))
    ) mark(bStart, READ);
    for (const [s, e] of [[Math.max(0, aEnd - JOIN_ZONE), aEnd], [bStart, bStart + JOIN_ZONE]]) {
      if (zones.length > 0 && s <= zones[zones.length - 1] + 1) {
        zones[zones.length - 1] = Math.max(zones[zones.length - 1], e);
      } else zones.push(s, e);
    }
  }

  const hits = p.scanner.scan(n, MODE.JSON | MODE.SHOWN, Uint32Array.from(zones));
  input = p.scanner.input(n);
  for (let k = 0; k < hits.length; k += 2) {
    const at = hits[k], id = hits[k + 1];
    const exact = p.exact[id];
    if (exact && !exact.some((e) => spells(input, at, e))) continue;
    mark(at, id === p.permalinkId ? PERMALINK : READ);
  }
  // A marker inside a word: the scanner reads that text as shown, markers dropped.
  for (const at of p.scanner.innerMarkers(n)) mark(at, READ);
  input = p.scanner.input(n);
  return { bytes: input, elements, marks };
}
