// Keyword hits in raw UTF-8 bytes, found by a small WebAssembly module (scripts/wasm/hits.as.ts,
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
  scan(input: number, n: number, out: number, cap: number): number;
  countNewlines(input: number, n: number): number;
}

/** The module's table layout; tableOffsets() must agree (checked at start). */
const FOLD = 1024, PAIRS = 2048, HEADS = 16384, LISTS = 147456, KEYWORDS = 163840;
const KEYWORD_BYTES = 172032, NIBBLES = 196608, FREE = 262144;
const PAGE = 65536;

let compiled: WebAssembly.Module | undefined;

function module(): WebAssembly.Module {
  // A cast: TypeScript 5.5 (Deno 1.46) has no generic Uint8Array, 5.9 wants an ArrayBuffer one.
  return compiled ??= new WebAssembly.Module(decodeBase64(WASM_BASE64) as unknown as BufferSource);
}

export interface Keyword {
  /** Bytes to find; ASCII letters match either case. */
  bytes: Uint8Array;
  /** Reported with each hit; below TRIGGER_ID. */
  id: number;
}

function pair(a: number, b: number): number {
  return (a << 8) | b;
}

function fold(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

export class HitScanner {
  readonly #x: Exports;
  #inputCap = 0;
  #outCap = 1 << 14;

  constructor(keywords: readonly Keyword[]) {
    const instance = new WebAssembly.Instance(module(), {});
    this.#x = instance.exports as unknown as Exports;
    const at = this.#x.tableOffsets();
    const seen = Array.from(new Uint32Array(this.#x.memory.buffer, at, 7));
    const want = [FOLD, PAIRS, HEADS, LISTS, KEYWORDS, KEYWORD_BYTES, NIBBLES];
    if (this.#x.freeOffset() !== FREE || seen.join() !== want.join()) {
      throw new Error(`hit scanner: table layout ${seen} is not ${want}`);
    }
    this.#writeTables(keywords);
    this.#reserve(0);
  }

  #writeTables(keywords: readonly Keyword[]): void {
    const mem = new Uint8Array(this.#x.memory.buffer);
    const view = new DataView(this.#x.memory.buffer);
    for (let c = 0; c < 256; c++) mem[FOLD + c] = fold(c);
    const byPair = new Map<number, number[]>();
    let bytesAt = KEYWORD_BYTES;
    keywords.forEach((k, index) => {
      if (k.bytes.length < 2) throw new Error("hit scanner: keywords need two bytes or more");
      if (k.id < 0 || k.id >= TRIGGER_ID) throw new Error(`hit scanner: id ${k.id} out of range`);
      const folded = k.bytes.map(fold);
      if (bytesAt + folded.length > NIBBLES) throw new Error("hit scanner: keywords too long");
      mem.set(folded, bytesAt);
      view.setUint32(KEYWORDS + index * 8, bytesAt - KEYWORD_BYTES, true);
      view.setUint16(KEYWORDS + index * 8 + 4, folded.length, true);
      view.setUint16(KEYWORDS + index * 8 + 6, k.id, true);
      bytesAt += folded.length;
      const p = pair(folded[0], folded[1]);
      (byPair.get(p) ?? byPair.set(p, []).get(p)!).push(index);
    });
    if (KEYWORDS + keywords.length * 8 > KEYWORD_BYTES) {
      throw new Error("hit scanner: too many keywords");
    }
    let listAt = LISTS;
    for (const [p, list] of byPair) {
      // Longest first: the first keyword that matches is the longest at that place.
      list.sort((a, b) => keywords[b].bytes.length - keywords[a].bytes.length);
      view.setUint16(HEADS + p * 2, (listAt - LISTS) / 2 + 1, true);
      for (const index of list) {
        view.setUint16(listAt, index, true);
        listAt += 2;
      }
      view.setUint16(listAt, 0xffff, true);
      listAt += 2;
      if (listAt > KEYWORDS) throw new Error("hit scanner: too many keywords");
      mem[PAIRS + (p >> 3)] |= 1 << (p & 7);
    }
    // Split-keyword shapes start `x` + marker, `xo` + marker or `xa` + marker (see the
    // module's trigger()); `xox` and `xap` open keywords already.
    const starts = keywords.map((k) => k.bytes);
    for (const m of "*_~`") {
      const c = m.charCodeAt(0);
      const p = pair(120, c);
      mem[PAIRS + (p >> 3)] |= 1 << (p & 7);
      starts.push(new Uint8Array([120, c]), new Uint8Array([120, 111, c]));
      starts.push(new Uint8Array([120, 97, c]));
    }
    for (const c of "oa") {
      const p = pair(120, c.charCodeAt(0));
      mem[PAIRS + (p >> 3)] |= 1 << (p & 7);
    }
    writeNibbles(mem, starts);
  }

  /** Makes room for `inputCap` input bytes and the hit list after them. */
  #reserve(inputCap: number): void {
    const needed = FREE + align(inputCap) + 8 + this.#outCap * 8;
    const have = this.#x.memory.buffer.byteLength;
    if (needed > have) this.#x.memory.grow(Math.ceil((needed - have) / PAGE));
    this.#inputCap = Math.max(this.#inputCap, inputCap);
  }

  /**
   * A view of `size` bytes of the module's memory where the next input goes, so a file can be
   * read straight into it. Valid until the next call of `input`.
   */
  input(size: number): Uint8Array {
    if (size > this.#inputCap) this.#reserve(size);
    return new Uint8Array(this.#x.memory.buffer, FREE, size);
  }

  /** Whether `bytes` is (a prefix of) the current input view. */
  holds(bytes: Uint8Array): boolean {
    return bytes.buffer === this.#x.memory.buffer && bytes.byteOffset === FREE;
  }

  /** Hits in the first `n` input bytes, flat: [start, id, start, id, …], starts ascending. */
  scan(n: number): Uint32Array {
    if (n > this.#inputCap) throw new Error("hit scanner: input larger than its buffer");
    while (true) {
      // Eight spare bytes before the hit list: the module's scratch word.
      const out = FREE + align(this.#inputCap) + 8;
      const count = this.#x.scan(FREE, n, out, this.#outCap);
      if (count <= this.#outCap) {
        return new Uint32Array(this.#x.memory.buffer, out, count * 2).slice();
      }
      this.#outCap = count;
      this.#reserve(this.#inputCap);
    }
  }

  /** Newlines among input bytes [from, to). */
  countNewlines(from: number, to: number): number {
    return to > from ? this.#x.countNewlines(FREE + from, to - from) : 0;
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
function writeNibbles(mem: Uint8Array, starts: Uint8Array[]): void {
  let groups = [...new Set(starts.map((b) => b[0] | 0x20))].sort((a, b) => a - b)
    .map((c) => [c]);
  while (groups.length > 16) {
    let best = 0;
    for (let g = 1; g + 1 < groups.length; g++) {
      const gap = (k: number) => groups[k + 1][0] - groups[k].at(-1)!;
      if (gap(g) < gap(best)) best = g;
    }
    groups = [
      ...groups.slice(0, best),
      [...groups[best], ...groups[best + 1]],
      ...groups.slice(best + 2),
    ];
  }
  for (const b of starts) {
    const g = groups.findIndex((members) => members.includes(b[0] | 0x20));
    const set = g >> 3, bucket = 1 << (g & 7);
    for (let k = 0; k < 3; k++) {
      const lo = NIBBLES + (set * 3 + k) * 32, hi = lo + 16;
      if (k >= b.length) {
        for (let x = 0; x < 16; x++) {
          mem[lo + x] |= bucket;
          mem[hi + x] |= bucket;
        }
        continue;
      }
      const c = b[k] | 0x20;
      mem[lo + (c & 15)] |= bucket;
      mem[hi + (c >> 4)] |= bucket;
    }
  }
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}
