// Keyword hits in raw UTF-8 bytes, found by a small WebAssembly module (scripts/wasm/*.as.ts,
// embedded in detect/wasm/hits_wasm.ts): the same leftmost-longest, ASCII-case-folded hits the
// scanner's keyword regex finds in the decoded text, several times faster, and without decoding
// the bytes first. The module knows no keyword: this file writes its tables.
import { WASM_BASE64 } from "./wasm/hits_wasm.ts";
import { decodeBase64 } from "./wasm/base64.ts";

/** Id the module gives a keyword split by markers (`x*oxb-`): the scanner's split triggers. */
export const TRIGGER_ID = 0xfff0;

interface Exports {
  memory: WebAssembly.Memory;
  freeOffset(): number;
  tableOffsets(): number;
  scan(
    input: number,
    n: number,
    out: number,
    cap: number,
    mode: number,
    zones: number,
    zoneCount: number,
  ): number;
  gatesPassMode(
    input: number,
    n: number,
    gates: number,
    hs: number,
    he: number,
    mode: number,
  ): number;
  innerMarkers(input: number, n: number, out: number, cap: number): number;
  asciiPrefix(input: number, n: number): number;
  jsonElements(
    input: number,
    n: number,
    out: number,
    cap: number,
    joins: number,
    joinCap: number,
  ): number;
  countNewlines(input: number, n: number): number;
  countUnits(input: number, n: number): number;
}

/** The module's table layout; tableOffsets() must agree (checked at start). */
const CLASS = 1024, NIBBLES = 2048, CHARS = 2304, PREFIX_FIRST = 2560, BEFORE = 3072;
const PREFIXES = 3200, ACCEPT = 4096;
const GATES = 12288;
const TRIE = 16384, FREE = 1048576;
/** Trie columns per node (column 0: a byte in no keyword) and the most nodes that fit. */
const COLUMNS = 128, MAX_NODES = Math.min((TRIE - ACCEPT) / 2, (FREE - TRIE) / (COLUMNS * 2));
const PAGE = 65536;

let compiled: WebAssembly.Module | undefined;

function module(): WebAssembly.Module {
  // A cast: TypeScript 5.5 (Deno 1.46) has no generic Uint8Array, 5.9 wants an ArrayBuffer one.
  return compiled ??= new WebAssembly.Module(decodeBase64(WASM_BASE64) as unknown as BufferSource);
}

/**
 * How the module reads the input: SHOWN, Slack mrkdwn (the scanner also reads it as shown, so a
 * gate says "maybe" at markers, entities and link brackets); JSON, a JSON document whose string
 * values hold the text (escapes read as what they stand for; see scripts/wasm/read.as.ts).
 */
export const MODE = { SHOWN: 1, JSON: 2 } as const;

/** Gates the module knows (Rule.byteGate), as bits of Keyword.gates. */
export const GATE = {
  "name-value": 1,
  "url": 2,
  "hex32": 4,
  "sentence": 8,
  "delimited": 16,
  "phrase": 32,
} as const;

export interface Keyword {
  /** Bytes to find; ASCII letters match either case. */
  bytes: Uint8Array;
  /** Reported with each hit; below TRIGGER_ID. */
  id: number;
  /**
   * GATE bits: a hit is reported only when one of these gates says "maybe" (raw reading).
   * 0 or absent: always reported.
   */
  gates?: number;
}

/** How far back (bytes) the word of a hit may start, per gate. */
export type GateReach = Partial<Record<keyof typeof GATE, number>>;

/**
 * The other spellings of a keyword with non-ASCII letters that the keyword regex (case-insensitive)
 * matches and the scanner, which folds ASCII only, would not: capitalised (`Пароль`, `Şifre`)
 * and in capitals (`ПАРОЛЬ`). Mixed case inside a word is left out. Only spellings of the same
 * UTF-8 length, so that a hit's length stays its keyword's.
 */
export function nonAsciiCaseForms(keyword: string): string[] {
  if (!/[\u0080-\uffff]/.test(keyword)) return [];
  const enc = new TextEncoder();
  const asciiFolded = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const seen = new Set([asciiFolded(keyword)]);
  const out: string[] = [];
  for (const form of [keyword[0].toUpperCase() + keyword.slice(1), keyword.toUpperCase()]) {
    const key = asciiFolded(form);
    if (seen.has(key) || enc.encode(form).length !== enc.encode(keyword).length) continue;
    seen.add(key);
    out.push(form);
  }
  return out;
}

/** ASCII upper case to lower case; every other byte as it is. */
export function fold(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

export class HitScanner {
  readonly #x: Exports;
  #inputCap = 0;
  #outCap = 1 << 14;
  #auxCap = 1 << 10;

  /**
   * `reach`: how far back each gate reads a hit's word. `valuePrefixes`: starts of a value the
   * name-value gate rules out (lower case ASCII; REFERENCE_PREFIXES in rules/generic_value.ts).
   */
  constructor(keywords: readonly Keyword[], reach: GateReach = {}, valuePrefixes: string[] = []) {
    const instance = new WebAssembly.Instance(module(), {});
    this.#x = instance.exports as unknown as Exports;
    const at = this.#x.tableOffsets();
    const seen = Array.from(new Uint32Array(this.#x.memory.buffer, at, 9));
    // CHARS and PREFIX_FIRST are the module's own (it fills them): listed so that no table of
    // ours lands on them.
    const want = [CLASS, NIBBLES, ACCEPT, TRIE, BEFORE, GATES, PREFIXES, CHARS, PREFIX_FIRST];
    if (this.#x.freeOffset() !== FREE || seen.join() !== want.join()) {
      throw new Error(`hit scanner: table layout ${seen} is not ${want}`);
    }
    this.#writeTables(keywords);
    const mem = new Uint8Array(this.#x.memory.buffer);
    for (const [name, bit] of Object.entries(GATE)) {
      const before = reach[name as keyof typeof GATE] ?? 0;
      if (before > 255) throw new Error(`hit scanner: ${name} reach ${before} over 255`);
      mem[BEFORE + bit] = before;
    }
    const prefixes = valuePrefixes.map((p) => new TextEncoder().encode(p.toLowerCase()));
    if (
      prefixes.reduce((n, p) => n + 1 + p.length, 1) > ACCEPT - PREFIXES || prefixes.length > 255
    ) {
      throw new Error("hit scanner: too many value prefixes");
    }
    let p = PREFIXES;
    mem[p++] = prefixes.length;
    for (const bytes of prefixes) {
      mem[p++] = bytes.length;
      mem.set(bytes, p);
      p += bytes.length;
    }
    this.#reserve(0);
  }

  #writeTables(keywords: readonly Keyword[]): void {
    const mem = new Uint8Array(this.#x.memory.buffer);
    const view = new DataView(this.#x.memory.buffer);
    // Columns: one per distinct folded byte; both cases of a letter share theirs.
    const column = new Map<number, number>();
    for (const k of keywords) {
      if (k.bytes.length < 2) throw new Error("hit scanner: keywords need two bytes or more");
      if (k.id < 0 || k.id >= TRIGGER_ID) throw new Error(`hit scanner: id ${k.id} out of range`);
      for (const b of k.bytes) if (!column.has(fold(b))) column.set(fold(b), column.size + 1);
    }
    if (column.size >= COLUMNS) throw new Error("hit scanner: keywords use too many bytes");
    for (let c = 0; c < 256; c++) mem[CLASS + c] = column.get(fold(c)) ?? 0;
    let nodes = 1;
    for (const k of keywords) {
      let node = 0;
      for (const b of k.bytes) {
        const at = TRIE + node * COLUMNS * 2 + column.get(fold(b))! * 2;
        let child = view.getUint16(at, true);
        if (child === 0) {
          if (nodes >= MAX_NODES) throw new Error("hit scanner: keywords too long");
          child = nodes++;
          view.setUint16(at, child, true);
        }
        node = child;
      }
      view.setUint16(ACCEPT + node * 2, k.id + 1, true);
      if (k.id >= TRIE - GATES) throw new Error(`hit scanner: id ${k.id} too large`);
      mem[GATES + k.id] = k.gates ?? 0;
    }
    // Split-keyword shapes start `x` + marker, `xo` + marker or `xa` + marker (see the
    // module's trigger()); `xox` and `xap` open keywords already.
    const starts = keywords.map((k) => k.bytes);
    for (const m of "*_~`") {
      const c = m.charCodeAt(0);
      starts.push(new Uint8Array([120, c]), new Uint8Array([120, 111, c]));
      starts.push(new Uint8Array([120, 97, c]));
    }
    writeNibbles(mem, starts);
  }

  /**
   * Memory after FREE: the input, eight spare bytes (the module's scratch word), the hit list,
   * four spare bytes and a word (a count), then the auxiliary list (zones or joins).
   */
  #out(): number {
    return FREE + align(this.#inputCap) + 8;
  }

  #aux(): number {
    return this.#out() + this.#outCap * 8 + 8;
  }

  /** Makes room for `inputCap` input bytes and the lists after them. */
  #reserve(inputCap: number): void {
    this.#inputCap = Math.max(this.#inputCap, inputCap);
    const needed = this.#aux() + this.#auxCap * 8;
    const have = this.#x.memory.buffer.byteLength;
    if (needed > have) this.#x.memory.grow(Math.ceil((needed - have) / PAGE));
  }

  /**
   * A view of `size` bytes of the module's memory where the next input goes, so a file can be
   * read straight into it. Valid until the next call of `input`, and until a `scan` or
   * `jsonElements` that needs more room (the module's memory grows; ask for the view again).
   */
  input(size: number): Uint8Array {
    if (size > this.#inputCap) this.#reserve(size);
    return new Uint8Array(this.#x.memory.buffer, FREE, size);
  }

  /** Whether `bytes` is (a prefix of) the current input view. */
  holds(bytes: Uint8Array): boolean {
    return bytes.buffer === this.#x.memory.buffer && bytes.byteOffset === FREE;
  }

  /**
   * Makes `bytes` the input (copied unless they were read straight into it) and returns their
   * length: keep that, not the view, across calls that may grow the memory (a grown memory
   * leaves older views empty).
   */
  load(bytes: Uint8Array): number {
    if (!this.holds(bytes)) this.input(bytes.length).set(bytes);
    return bytes.length;
  }

  /**
   * Hits in the first `n` input bytes, flat: [start, id, start, id, …], starts ascending. A hit
   * whose gates rule it out is left out, unless it lies in one of `zones` (flat [start, end, …],
   * inclusive, ascending).
   */
  scan(n: number, mode = 0, zones?: Uint32Array): Uint32Array {
    if (n > this.#inputCap) throw new Error("hit scanner: input larger than its buffer");
    const zoneCount = zones ? zones.length / 2 : 0;
    if (zoneCount > this.#auxCap) {
      this.#auxCap = zoneCount;
      this.#reserve(this.#inputCap);
    }
    if (zones) new Uint32Array(this.#x.memory.buffer, this.#aux(), zones.length).set(zones);
    while (true) {
      const out = this.#out();
      const count = this.#x.scan(FREE, n, out, this.#outCap, mode, this.#aux(), zoneCount);
      if (count <= this.#outCap) {
        return new Uint32Array(this.#x.memory.buffer, out, count * 2).slice();
      }
      // Room for all: the aux list moves, so the zones are written again.
      const saved = zones ? zones.slice() : undefined;
      this.#outCap = count;
      this.#reserve(this.#inputCap);
      if (saved) new Uint32Array(this.#x.memory.buffer, this.#aux(), saved.length).set(saved);
    }
  }

  /**
   * The first `n` input bytes as a JSON array: each element's [start, end) and, per pair of
   * consecutive `text`/`url` string values in one element, [end of the first (its closing
   * quote), start of the second (after its opening quote)]. Null when the input is not an array
   * or is malformed.
   */
  jsonElements(n: number): { elements: Uint32Array; joins: Uint32Array } | null {
    if (n > this.#inputCap) throw new Error("hit scanner: input larger than its buffer");
    while (true) {
      const out = this.#out(), aux = this.#aux();
      const count = this.#x.jsonElements(FREE, n, out, this.#outCap, aux, this.#auxCap);
      if (count < 0) return null;
      const joins = new Uint32Array(this.#x.memory.buffer, aux - 4, 1)[0];
      if (count <= this.#outCap && joins <= this.#auxCap) {
        return {
          elements: new Uint32Array(this.#x.memory.buffer, out, count * 2).slice(),
          joins: new Uint32Array(this.#x.memory.buffer, aux, joins * 2).slice(),
        };
      }
      this.#outCap = Math.max(this.#outCap, count);
      this.#auxCap = Math.max(this.#auxCap, joins);
      this.#reserve(this.#inputCap);
    }
  }

  /**
   * Markers inside words (`pass*word`: a run of `*~\`` between a word character or `.` and a
   * word character) in the first `n` input bytes: the position of each run's first marker.
   */
  innerMarkers(n: number): Uint32Array {
    if (n > this.#inputCap) throw new Error("hit scanner: input larger than its buffer");
    while (true) {
      const out = this.#out();
      const count = this.#x.innerMarkers(FREE, n, out, this.#outCap * 2);
      if (count <= this.#outCap * 2) {
        return new Uint32Array(this.#x.memory.buffer, out, count).slice();
      }
      this.#outCap = Math.ceil(count / 2);
      this.#reserve(this.#inputCap);
    }
  }

  /** Whether the hit [hs, he) of the first `n` input bytes passes the GATE bits `gates`. */
  gatesPass(n: number, gates: number, hs: number, he: number, mode = 0): boolean {
    return this.#x.gatesPassMode(FREE, n, gates, hs, he, mode) !== 0;
  }

  /** How many input bytes from `from` (at most `n`) come before the first non-ASCII one. */
  asciiRun(from: number, n: number): number {
    return this.#x.asciiPrefix(FREE + from, n);
  }

  /** Newlines among input bytes [from, to). */
  countNewlines(from: number, to: number): number {
    return to > from ? this.#x.countNewlines(FREE + from, to - from) : 0;
  }

  /** UTF-16 code units that input bytes [from, to) decode to. */
  countUnits(from: number, to: number): number {
    return to > from ? this.#x.countUnits(FREE + from, to - from) : 0;
  }
}

/**
 * The module's 16-places-at-a-time filter: each keyword start (its first three bytes, OR 0x20)
 * joins the bucket of its first byte (16 buckets in 2 sets of 8); a bucket allows, for each of
 * the three bytes, the low and the high nibbles its members have there (every nibble where a
 * member is shorter). One first byte per bucket keeps the nibbles of different letters from
 * pairing up into letters no keyword starts with; with more first bytes than buckets, the
 * closest ones share (the lead bytes of invisible characters first).
 */
/** A bucket's nibble masks: per byte k of a place, allowed low nibbles, then high nibbles. */
type Masks = number[];

/**
 * How often a byte occurs in chat text, folded as the filter reads it (OR 0x20): rough English
 * letter frequencies, blanks, digits and the punctuation of code and logs. Only the ranking of
 * merges depends on it.
 */
const FREQUENCY: Record<string, number> = {
  " ": 170,
  e: 95,
  t: 68,
  a: 62,
  o: 58,
  i: 55,
  n: 54,
  s: 50,
  r: 48,
  h: 35,
  l: 32,
  d: 30,
  c: 26,
  u: 22,
  m: 20,
  p: 18,
  f: 17,
  g: 15,
  y: 14,
  w: 13,
  b: 12,
  v: 8,
  k: 7,
  x: 2,
  j: 1,
  q: 1,
  z: 1,
  ".": 10,
  ",": 8,
  "-": 4,
  "/": 4,
  ":": 4,
  "_": 3,
  '"': 3,
  "'": 3,
  "=": 2,
  "0": 5,
  "1": 5,
  "2": 4,
  "3": 3,
  "4": 3,
  "5": 3,
  "6": 2,
  "7": 2,
  "8": 2,
  "9": 2,
};
/**
 * Place weights by nibbles, for sums over a mask pair without a loop over every byte: for each
 * high nibble (printable ASCII: 2 to 7), the summed weights of the low nibbles in each byte of a
 * low-nibble mask (its bits 0–7, then its bits 8–15).
 */
const NIBBLE_SUMS = (() => {
  const weight = new Float64Array(128);
  for (let c = 0x20; c < 0x7f; c++) {
    weight[c | 0x20] += FREQUENCY[String.fromCharCode(c | 0x20)] ?? 1;
  }
  const sums = new Float64Array(8 * 2 * 256);
  for (let hi = 2; hi < 8; hi++) {
    for (let half = 0; half < 2; half++) {
      for (let m = 1; m < 256; m++) {
        const low = 31 - Math.clz32(m);
        sums[(hi * 2 + half) * 256 + m] = sums[(hi * 2 + half) * 256 + (m & ~(1 << low))] +
          weight[hi * 16 + half * 8 + low];
      }
    }
  }
  return sums;
})();

/**
 * The share of places in chat text (as a product of byte frequencies) that a bucket with masks
 * `a | b` lets through: what a merge costs in trie walks.
 */
function flagged(a: Masks, b: Masks = a): number {
  let share = 1;
  for (let k = 0; k < 6; k += 2) {
    const lo = a[k] | b[k], hi = a[k + 1] | b[k + 1];
    let sum = 0;
    for (let h = 2; h < 8; h++) {
      if ((hi >> h) & 1) {
        sum += NIBBLE_SUMS[h * 512 + (lo & 255)] + NIBBLE_SUMS[h * 512 + 256 + ((lo >> 8) & 255)];
      }
    }
    share *= sum;
  }
  return share;
}

/**
 * Writes the nibble tables: each keyword start goes to the bucket of its first byte. Lead bytes
 * of non-ASCII characters share one bucket (in ASCII text it never fires). With more than 16
 * buckets still, the two whose union flags the fewest extra places in ASCII text share one
 * (merging neighbours such as `r`, `s`, `t` would let "re", "se", "to" through and cost a trie
 * walk at one place in thirty).
 */
/** Buckets the filter has: 2 sets of 8. */
const BUCKETS = 16;

function writeNibbles(mem: Uint8Array, starts: Uint8Array[]): void {
  const bucketOf = new Map<number, Masks>();
  for (const b of starts) {
    const first = b[0] | 0x20;
    const key = first >= 0x80 ? 0x80 : first;
    let m = bucketOf.get(key);
    if (m === undefined) bucketOf.set(key, m = [0, 0, 0, 0, 0, 0]);
    for (let k = 0; k < 3; k++) {
      const c = b[k] | 0x20;
      m[2 * k] |= k < b.length ? 1 << (c & 15) : 0xffff;
      m[2 * k + 1] |= k < b.length ? 1 << (c >> 4) : 0xffff;
    }
  }
  const groups = [...bucketOf.values()];
  const alone = groups.map((g) => flagged(g));
  while (groups.length > BUCKETS) {
    let best = [0, 1], extra = Infinity;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const e = flagged(groups[i], groups[j]) - alone[i] - alone[j];
        if (e < extra) [best, extra] = [[i, j], e];
      }
    }
    const [i, j] = best;
    groups[i] = groups[i].map((x, k) => x | groups[j][k]);
    alone[i] = flagged(groups[i]);
    groups.splice(j, 1);
    alone.splice(j, 1);
  }
  for (const [bucket, m] of groups.entries()) {
    const set = bucket >> 3, bit = 1 << (bucket & 7);
    for (let k = 0; k < 3; k++) {
      const lo = NIBBLES + (set * 3 + k) * 32, hi = lo + 16;
      for (let x = 0; x < 16; x++) {
        if (m[2 * k] & (1 << x)) mem[lo + x] |= bit;
        if (m[2 * k + 1] & (1 << x)) mem[hi + x] |= bit;
      }
    }
  }
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}
