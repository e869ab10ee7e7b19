// AssemblyScript source of detect/wasm/hits_wasm.ts (rebuild: `bash scripts/wasm/build.sh`).
//
// Finds keyword hits in UTF-8 bytes, leftmost-longest and non-overlapping, ASCII case folded:
// the same hits, at the same places, as detect/scan.ts's keyword regex finds in the decoded
// text. It knows no keyword itself: detect/hit_scanner.ts writes the tables (a filter for
// sixteen places at a time, and the keywords as a trie). A keyword id is the caller's; ids at
// or above TRIGGER_ID are reserved for the "keyword split by markers" shapes this module
// recognises itself.

// Table layout (byte offsets in linear memory). The caller writes the tables, then the input,
// then calls scan().
const CLASS: usize = 1024; // 256 x u8: byte -> its trie column (0: in no keyword)
// Sixteen places at a time: each keyword's first three bytes (OR 0x20, so both cases of a
// letter look alike) belong to one of 16 buckets, one per first byte where possible, in 2 sets
// of 8. For set s and byte k of a place, NIBBLES + (s * 3 + k) * 32 holds the buckets whose k-th
// byte may have that low nibble (16 bytes), then that high nibble (16 bytes). A place is a
// candidate when some bucket allows all three of its bytes: about 2 in 100 in chat text.
const NIBBLES: usize = 2048; // 2 sets x 3 bytes x (16 + 16) bytes
// u8 per byte: its character classes (CH_*), for the gates; then u8 per byte: 1 when a value
// prefix (PREFIXES) starts with it, in either case. The module fills both itself.
const CHARS: usize = 2304;
const PREFIX_FIRST: usize = 2560;
const BEFORE: usize = 3072; // u8 per gate kind: how far back a hit's word may start
// Value prefixes of references to a secret kept elsewhere (`vault:`, `process.env`, …, lower
// case): u8 count, then per prefix u8 length and its bytes. A value starting with one is never
// accepted by the name = value rules' validator.
const PREFIXES: usize = 3200;
const ACCEPT: usize = 4096; // u16 per trie node: 1 + the id of the keyword ending there, or 0
const GATES: usize = 12288; // u8 per keyword id: gates to pass (GATE_*), 0: always reported
const TRIE: usize = 16384; // 128 x u16 per node: column -> child node (0: none); node 0 is root
const FREE: usize = 1048576; // first byte the caller may use for output and input

const TRIGGER_ID: u32 = 0xfff0;
const GATE_NAME_VALUE: u32 = 1;
const GATE_URL: u32 = 2;
const GATE_HEX32: u32 = 4;

// scan() modes. SHOWN: the text is Slack mrkdwn, which the scanner also reads as a person sees
// it, so the gates say "maybe" at any character normalize() may change. JSON: the bytes are a
// JSON document whose string values hold the text: escapes are read as what they stand for
// (`\/` is `/`, `\n` and `\r` end a line, any other escape is "maybe"), a raw quote ends the
// text, and hits inside ZONES (near places where two strings' texts are joined) pass ungated.
const MODE_SHOWN: u32 = 1;
const MODE_JSON: u32 = 2;
let mode: u32 = 0;
/** What a gate reads for a byte it cannot vouch for: always "maybe". */
const CHANGE: u32 = 0x100;

export function freeOffset(): usize {
  return FREE;
}

export function tableOffsets(): usize {
  // The tables' offsets, written at `FREE` so the caller can check them against its own copy
  // of the layout.
  store<u32>(FREE, CLASS as u32);
  store<u32>(FREE + 4, NIBBLES as u32);
  store<u32>(FREE + 8, ACCEPT as u32);
  store<u32>(FREE + 12, TRIE as u32);
  store<u32>(FREE + 16, BEFORE as u32);
  store<u32>(FREE + 20, GATES as u32);
  store<u32>(FREE + 24, PREFIXES as u32);
  store<u32>(FREE + 28, CHARS as u32);
  store<u32>(FREE + 32, PREFIX_FIRST as u32);
  return FREE;
}

@inline
function isMarker(c: u32): bool {
  return c == 42 || c == 95 || c == 126 || c == 96; // * _ ~ `
}

@inline
function folded(input: usize, i: i32): u32 {
  const c = load<u8>(input + i) as u32;
  return c >= 65 && c <= 90 ? c | 32 : c;
}

/** End of a marker run starting at `i` (i itself when there is none). */
function markersEnd(input: usize, n: i32, i: i32): i32 {
  while (i < n && isMarker(load<u8>(input + i) as u32)) i++;
  return i;
}

/** Whether the folded bytes at `i` spell `word` (ASCII lower case, at most 3 bytes). */
@inline
function spells(input: usize, n: i32, i: i32, word: u32, len: i32): bool {
  if (i + len > n) return false;
  for (let k = 0; k < len; k++) {
    if (folded(input, i + k) != ((word >> ((k as u32) << 3)) & 0xff)) return false;
  }
  return true;
}

/**
 * Length of a split-keyword shape at `i` (an `x`), 0 when none: `x M+ ox`, `xo M+ x`,
 * `xox M+ [a-z]`, `xox [a-z] M+ [-.]`, `xap M+ p`, `xa M+ pp`, `x M+ app`, M = [*_~`]. These
 * are the scanner's SPLIT_TRIGGERS, tried in its order.
 */
function trigger(input: usize, n: i32, i: i32): i32 {
  const X: u32 = 0x78, O: u32 = 0x6f, A: u32 = 0x61, P: u32 = 0x70;
  // "x" + M+ + "ox" | "x" + M+ + "app"
  let e = markersEnd(input, n, i + 1);
  if (e > i + 1) {
    if (spells(input, n, e, O | (X << 8), 2)) return e + 2 - i;
    if (spells(input, n, e, A | (P << 8) | (P << 16), 3)) return e + 3 - i;
  }
  if (i + 1 < n && folded(input, i + 1) == O) {
    e = markersEnd(input, n, i + 2);
    if (e > i + 2 && e < n && folded(input, e) == X) return e + 1 - i;
    if (i + 2 < n && folded(input, i + 2) == X) {
      e = markersEnd(input, n, i + 3);
      if (e > i + 3 && e < n) {
        const c = folded(input, e);
        if (c >= 0x61 && c <= 0x7a) return e + 1 - i;
      }
      if (i + 3 < n) {
        const c = folded(input, i + 3);
        if (c >= 0x61 && c <= 0x7a) {
          e = markersEnd(input, n, i + 4);
          if (e > i + 4 && e < n) {
            const d = load<u8>(input + e) as u32;
            if (d == 45 || d == 46) return e + 1 - i;
          }
        }
      }
    }
  }
  if (i + 1 < n && folded(input, i + 1) == A) {
    if (i + 2 < n && folded(input, i + 2) == P) {
      e = markersEnd(input, n, i + 3);
      if (e > i + 3 && e < n && folded(input, e) == P) return e + 1 - i;
    }
    e = markersEnd(input, n, i + 2);
    if (e > i + 2 && spells(input, n, e, P | (P << 8), 2)) return e + 2 - i;
  }
  return 0;
}

/** Length of the longest keyword or split shape at `i` (0: none); its id goes to `found`. */
@inline
function matchAt(input: usize, n: i32, i: i32, found: usize): i32 {
  let node: u32 = 0;
  let best = 0;
  let j = i;
  while (j < n) {
    const c = load<u8>(CLASS + (load<u8>(input + j) as usize)) as usize;
    if (c == 0) break;
    node = load<u16>(TRIE + ((node as usize) << 8) + (c << 1)) as u32;
    if (node == 0) break;
    j++;
    const accept = load<u16>(ACCEPT + ((node as usize) << 1)) as u32;
    if (accept != 0) {
      best = j - i;
      store<u32>(found, accept - 1);
    }
  }
  if (best == 0 && folded(input, i) == 0x78) {
    store<u32>(found, TRIGGER_ID);
    return trigger(input, n, i);
  }
  return best;
}

/** Buckets allowing nibbles `lo`, `hi` by tables `lt`, `ht` (indexes are in range). */
@inline
function allowed(lt: v128, ht: v128, lo: v128, hi: v128): v128 {
  return v128.and(i8x16.relaxed_swizzle(lt, lo), i8x16.relaxed_swizzle(ht, hi));
}

// Gates: the rules' Rule.mayStart (detect/rules/generic_gate.ts; hex32: slack.ts) for raw text, read
// over bytes. Each answers "no" only where the TypeScript gate reading the decoded text raw would;
// any non-ASCII byte near a hit makes it answer "maybe" (detect/scan_bytes_test.ts checks both
// against each other and against the patterns).

@inline
function isBlank(c: u32): bool {
  return c == 32 || c == 9;
}

// Character classes (bits of CHARS), read with one load instead of a chain of compares: the
// gates read tens of characters per hit, and the compares' branches cost a quarter of their time.
const CH_SPACE: u8 = 1; // a blank or line end: 32, 9 to 13
const CH_NAME: u8 = 2; // a name character: letter, digit, _ . - [ ]
const CH_STOP: u8 = 4; // ends a value: a space, " ' ` , ; ) ] } >
const CH_ALNUM: u8 = 8;
const CH_HOST: u8 = 16; // letter, digit, . -
const CH_PLAIN: u8 = 32; // letter, digit, . [ ]
const CH_HEX: u8 = 64;
const CH_SCHEME: u8 = 128; // letter, digit, + . -
let charsReady = false;

/** Fills CHARS and PREFIX_FIRST (once per instance, after the caller wrote PREFIXES). */
function fillChars(): void {
  if (charsReady) return;
  memory.fill(PREFIX_FIRST, 0, 256);
  let at = PREFIXES + 1;
  for (let p = 0, count = load<u8>(PREFIXES) as i32; p < count; p++) {
    const len = load<u8>(at) as usize;
    if (len > 0) {
      const c = load<u8>(at + 1) as u32;
      store<u8>(PREFIX_FIRST + c, 1);
      if (c >= 97 && c <= 122) store<u8>(PREFIX_FIRST + c - 32, 1);
    }
    at += 1 + len;
  }
  for (let c: u32 = 0; c < 256; c++) {
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    const space = c == 32 || (c >= 9 && c <= 13);
    let k: u8 = 0;
    if (space) k |= CH_SPACE;
    if (alnum || c == 95 || c == 46 || c == 45 || c == 91 || c == 93) k |= CH_NAME;
    if (
      space || c == 34 || c == 39 || c == 96 || c == 44 || c == 59 || c == 41 || c == 93 ||
      c == 125 || c == 62
    ) k |= CH_STOP;
    if (alnum) k |= CH_ALNUM;
    if (alnum || c == 46 || c == 45) k |= CH_HOST;
    if (alnum || c == 46 || c == 91 || c == 93) k |= CH_PLAIN;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)) k |= CH_HEX;
    if (alnum || c == 43 || c == 46 || c == 45) k |= CH_SCHEME;
    store<u8>(CHARS + c, k);
  }
  charsReady = true;
}

/** Whether the byte (or read character: CHANGE and marks above 0xff have no class) is in `k`. */
@inline
function inClass(c: u32, k: u8): bool {
  return c < 256 && (load<u8>(CHARS + c) & k) != 0;
}

@inline
function isSpaceByte(c: u32): bool {
  return inClass(c, CH_SPACE);
}

@inline
function isNameByte(c: u32): bool {
  return inClass(c, CH_NAME);
}

@inline
function isValueStop(c: u32): bool {
  return inClass(c, CH_STOP);
}

/** The character an escape starting at byte `e` (a backslash) stands for; `\u`: CHANGE. */
function escapeChar(input: usize, e: i32): u32 {
  const d = load<u8>(input + e + 1) as u32;
  if (d == 34 || d == 92 || d == 47) return d;
  if (d == 110) return 10;
  if (d == 114) return 13;
  if (d == 116) return 9;
  if (d == 98) return 8;
  if (d == 102) return 12;
  return CHANGE;
}

/** Whether the run of backslashes ending at byte `p` is odd (the last one escapes). */
function oddBackslashes(input: usize, p: i32): bool {
  let r = 0;
  while (p - r >= 0 && load<u8>(input + p - r) == 92) r++;
  return (r & 1) == 1;
}

/**
 * The character a gate reads at byte `i` (the start of a character): ASCII as is, a JSON
 * escape as what it stands for, a raw quote in JSON as a line end (the text ends there),
 * anything uncertain as CHANGE.
 */
@inline
function byteAt(input: usize, i: i32): u32 {
  const c = load<u8>(input + i) as u32;
  if (c >= 0x80) return CHANGE;
  if (mode & MODE_JSON) {
    if (c == 34) return 10;
    if (c == 92) return escapeChar(input, i);
  }
  if ((mode & MODE_SHOWN) && (c == 42 || c == 95 || c == 126 || c == 96 || c == 38 || c == 60 ||
    c == 62 || c == 124)) {
    if (blanking && (isMarker(c) ? edgeMarker(input, i) : referenceBracket(input, i, c))) {
      blanked++;
      return 32;
    }
    return c | 0x200; // a marker, entity or link character: see changes()
  }
  return c;
}

// The name-value gate's shown reading (nameValueShown): what normalize() always makes blanks
// (a marker run at a word's edge, a reference's brackets) is read as blanks; `blanked` counts
// those reads.
let blanking = false;
let blanked = 0;
/** End of the input being read (for edgeMarker). */
let limit: i32 = 0;
/** The hit's word start (where normalize() starts reading) and how far a reference may end. */
let readFrom: i32 = 0;
let readReach: i32 = 0;
/** normalize()'s longest reference (MAX_REF) and how far past a hit its `>` may lie (REF_REACH). */
const MAX_REF: i32 = 2048;
const REF_REACH: i32 = 200;

/**
 * Whether `c` at `i` (`<`, `|` or `>`) is the `<`, the first `|` or the `>` of a reference
 * (`<#C…|name>`) in the hit's region, which normalize() shows as blanks. A backslash (an
 * escape, which could stand for a bracket or a line end) or, in JSON, a string's quote on the
 * way: not known, so no.
 */
function referenceBracket(input: usize, i: i32, c: u32): bool {
  let open = i;
  if (c != 60) {
    let pipes = 0;
    for (open = i - 1; ; open--) {
      if (open < readFrom) return false;
      const d = load<u8>(input + open) as u32;
      if (d == 60) break;
      if (d == 62 || d == 10 || d == 92 || ((mode & MODE_JSON) != 0 && d == 34)) return false;
      if (d == 124) pipes++;
    }
    if (c == 124 && pipes > 0) return false;
  }
  let stop = open + MAX_REF;
  if (readReach < stop) stop = readReach;
  if (limit < stop) stop = limit;
  let k = open + 1;
  for (; k < stop; k++) {
    const d = load<u8>(input + k) as u32;
    if (d == 62 || d == 60 || d == 10) break;
    if (d == 92 || ((mode & MODE_JSON) != 0 && d == 34)) return false;
  }
  return k < stop && load<u8>(input + k) == 62 && k > open + 1 && (c != 62 || k == i);
}

/**
 * Whether the marker at `i` is in a run with a blank or line end (a character up to U+0020)
 * or the text's edge on one side: normalize() shows such a run as blanks. In JSON, an escape
 * is the character it stands for and a string's quotes are its text's edges.
 */
function edgeMarker(input: usize, i: i32): bool {
  let a = i, b = i + 1;
  while (a > 0 && isMarker(load<u8>(input + a - 1) as u32)) a--;
  while (b < limit && isMarker(load<u8>(input + b) as u32)) b++;
  return blankBefore(input, a) || blankAt(input, b);
}

function blankBefore(input: usize, a: i32): bool {
  if (a == 0) return (mode & MODE_JSON) == 0;
  const p = load<u8>(input + a - 1) as u32;
  if (mode & MODE_JSON) {
    if (a >= 2 && oddBackslashes(input, a - 2)) return escapeChar(input, a - 2) <= 32;
    if (p == 34) return true; // the string's opening quote
  }
  return p <= 32;
}

function blankAt(input: usize, b: i32): bool {
  if (b >= limit) return true;
  const c = load<u8>(input + b) as u32;
  if (mode & MODE_JSON) {
    if (c == 34) return true; // the string's closing quote
    if (c == 92) return escapeChar(input, b) <= 32;
  }
  return c <= 32;
}

/** The start of the character after the one at `i` (a JSON escape is 2 or 6 bytes). */
@inline
function step(input: usize, i: i32): i32 {
  if ((mode & MODE_JSON) && load<u8>(input + i) == 92) {
    return load<u8>(input + i + 1) == 117 ? i + 6 : i + 2;
  }
  return i + 1;
}

/** Whether a read character may change as shown (normalize()), or is uncertain. */
@inline
function changes(c: u32): bool {
  return c >= 0x100;
}

/** The byte of a read character (markers keep theirs; CHANGE has none). */
@inline
function plain(c: u32): u32 {
  return c & 0xff;
}

@inline
function isSchemeByte(c: u32): bool {
  return inClass(c, CH_SCHEME);
}

/**
 * The pattern's "not a URL" look-ahead at `v` (a letter): 0 when the value is no
 * `scheme://` (at most 31 scheme characters), -1 when it is one, 2 when uncertain.
 */
function schemeAt(input: usize, n: i32, v: i32): i32 {
  let k = step(input, v);
  for (let count = 1; k < n && count <= 30; count++, k = step(input, k)) {
    const c = byteAt(input, k);
    if (changes(c)) return 2;
    if (!isSchemeByte(c)) break;
  }
  for (let i = 0; i < 3; i++, k = step(input, k)) {
    if (k >= n) return 0;
    const c = byteAt(input, k);
    if (changes(c)) return 2;
    if (c != (i == 0 ? 58 : 47)) return 0;
  }
  return -1;
}

/** 1: a value may start at `v`; 0: none can; 2: an uncertain character was read (maybe). */
function valueAt(input: usize, n: i32, v: i32): i32 {
  if (v >= n) return 0;
  let c = byteAt(input, v);
  if (changes(c)) return 2;
  if (c == 34 || c == 39 || c == 96) {
    v = step(input, v);
    if (v >= n) return 0;
    c = byteAt(input, v);
    if (changes(c)) return 2;
  }
  if (isValueStop(c) || c == 45 || c == 61 || c == 58 || c == 46 || c == 63) return 0;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    const scheme = schemeAt(input, n, v);
    if (scheme < 0) return 0;
    if (scheme == 2) return 2;
  }
  // The validator accepts a value only when it looks generated (16+ characters of 2+ classes)
  // or like a password (8+ of 3+): see valueMayStartAt in detect/rules/generic_gate.ts.
  // Templates never are: `${X}`, `$(cmd)`, `$X`, and `{{ x }}` anywhere.
  if (c == 36) {
    const s = step(input, v);
    if (s < n) {
      const d = byteAt(input, s);
      if (changes(d)) return 2;
      if (d == 123 || d == 40 || d == 95 || (d >= 65 && d <= 90) || (d >= 97 && d <= 122)) return 0;
    }
  }
  if (referencePrefix(input, n, v)) return 0;
  let chars = 0;
  let classes: u32 = 0;
  let last: u32 = 0;
  for (let k = v; k < n && chars < 200; k = step(input, k)) {
    const d = byteAt(input, k);
    if (changes(d)) return 2;
    if (isValueStop(d)) break;
    if (d == 123 && last == 123) return 0;
    classes |= classBit(d);
    last = d;
    chars++;
  }
  const kinds = popcnt(classes);
  return (chars >= 16 && kinds >= 2) || (chars >= 8 && kinds >= 3) ? 1 : 0;
}

/** Whether the value at `v` starts with one of PREFIXES (any case; uncertain: no). */
function referencePrefix(input: usize, n: i32, v: i32): bool {
  let first = byteAt(input, v);
  if (first >= 256 || load<u8>(PREFIX_FIRST + first) == 0) return false;
  if (first >= 65 && first <= 90) first |= 32;
  const count = load<u8>(PREFIXES) as i32;
  let at = PREFIXES + 1;
  for (let p = 0; p < count; p++) {
    const len = load<u8>(at) as i32;
    // Most values share no first character with any prefix: one compare each.
    if (len > 0 && (load<u8>(at + 1) as u32) != first) {
      at += 1 + len;
      continue;
    }
    let k = v, i = 0;
    for (; i < len && k < n; i++, k = step(input, k)) {
      let c = byteAt(input, k);
      if (c >= 65 && c <= 90) c |= 32;
      if (c != (load<u8>(at + 1 + i) as u32)) break;
    }
    if (i == len) return true;
    at += 1 + len;
  }
  return false;
}

/** charClasses() for one ASCII character: lower, upper, digit or other, one bit each. */
@inline
function classBit(c: u32): u32 {
  if (c >= 97 && c <= 122) return 1;
  if (c >= 65 && c <= 90) return 2;
  if (c >= 48 && c <= 57) return 4;
  return 8;
}

function valueAfterSeparator(input: usize, n: i32, k: i32): i32 {
  const c = byteAt(input, k);
  let s = step(input, k);
  if (s < n) {
    const d = byteAt(input, s);
    if (changes(d)) return 2;
    if ((c == 61 && d == 62) || (c == 58 && d == 61)) s = step(input, s);
    else if (c == 58 && d == 47) {
      // `https://`: a scheme, not a name and its separator.
      const t = step(input, s);
      if (t < n) {
        const e = byteAt(input, t);
        if (changes(e)) return 2;
        if (e == 47) return 0;
      }
    }
  }
  for (let b = 0; b < 4 && s < n && isBlank(byteAt(input, s)); b++) s = step(input, s);
  return valueAt(input, n, s);
}

function valueAfterIsWas(input: usize, n: i32, k: i32): i32 {
  const was = byteAt(input, k) == 119;
  const len = was ? 3 : 2;
  const word: u32 = was ? 0x736177 : 0x7369; // "was", "is" (little end first)
  let s = k;
  for (let i = 0; i < len; i++, s = step(input, s)) {
    if (s >= n) return 0;
    const c = byteAt(input, s);
    if (changes(c)) return 2;
    if (c != ((word >> ((i as u32) << 3)) & 0xff)) return 0;
  }
  let b = 0;
  while (b < 4 && s < n) {
    const c = byteAt(input, s);
    if (changes(c)) return 2;
    if (!isBlank(c) && c != 58) break;
    s = step(input, s);
    b++;
  }
  return b > 0 ? valueAt(input, n, s) : 0;
}

function valueAfterName(input: usize, n: i32, s: i32): i32 {
  let k = s, b = 0;
  while (b < 4 && k < n && isBlank(byteAt(input, k))) {
    k = step(input, k);
    b++;
  }
  if (k >= n) return 0;
  const d = byteAt(input, k);
  if (changes(d)) return 2;
  if (d == 61 || d == 58) return valueAfterSeparator(input, n, k);
  if (b > 0 && (d == 105 || d == 119)) return valueAfterIsWas(input, n, k);
  return 0;
}

@inline
function isAlnumByte(c: u32): bool {
  return inClass(c, CH_ALNUM);
}

/** An identifier's underscore (`SLACK_BOT_TOKEN`), which normalize() keeps as it is. */
function innerUnderscore(input: usize, n: i32, j: i32): bool {
  if (j == 0 || j + 1 >= n) return false;
  // In JSON, the byte before may end an escape (`\t_x`): not a letter of the text.
  if ((mode & MODE_JSON) && j >= 2 && oddBackslashes(input, j - 2)) return false;
  const a = load<u8>(input + j - 1) as u32, b = load<u8>(input + j + 1) as u32;
  return (isAlnumByte(a) || a == 45) && (isAlnumByte(b) || b == 95 || b == 45);
}

/**
 * nameValueMayStart over bytes. A name run holds no escape (an escaped character in one is
 * uncertain), so within a run bytes are characters and `hs + 64` bounds it as in the text.
 */
function nameValueGate(input: usize, n: i32, ws: i32, hs: i32, he: i32): bool {
  return nameValueFrom(input, n, ws, false, hs, he);
}

/**
 * nameValueGate read from `from` (in [ws, hs]) on, `dash` telling whether [ws, from) held a
 * `-`: before the hit, the reading only looks for one (and for uncertain characters).
 */
function nameValueFrom(input: usize, n: i32, from: i32, dash: bool, hs: i32, he: i32): bool {
  const longest = hs + 64;
  for (let j = from; j < n; j = step(input, j)) {
    let c = byteAt(input, j);
    if (changes(c)) {
      if (c != (95 | 0x200) || !innerUnderscore(input, n, j)) return true;
      c = 95;
    }
    if (isNameByte(c)) {
      if ((mode & MODE_JSON) && load<u8>(input + j) == 92) return true; // an escaped one
      if (c == 45) dash = true;
      if (j >= longest) return false;
      continue;
    }
    // Only the name run that holds the hit counts (nameValueMayStart).
    if (j < he) {
      if (j >= hs) return false;
      continue;
    }
    if (c == 34 || c == 39) {
      if (valueAfterName(input, n, step(input, j)) != 0) return true;
    } else if (c == 61 || c == 58) {
      if (valueAfterName(input, n, j) != 0) return true;
    } else if (isBlank(c)) {
      if (valueAfterName(input, n, j) != 0) return true;
      if (dash) {
        let k = j;
        for (let b = 0; b < 4 && k < n && isBlank(byteAt(input, k)); b++) k = step(input, k);
        if (valueAt(input, n, k) != 0) return true;
      }
    }
    if (j >= hs) return false;
  }
  return false;
}

@inline
function isHostByte(c: u32): bool {
  return inClass(c, CH_HOST);
}

/**
 * The URL gate's "no" for a plain link (`https://host/…`, in JSON `https:\/\/host\/…`), read
 * in a few steps: a scheme of letters, digits, `+`, `.`, `-` back to a blank, a line start or
 * (in JSON) its string's opening quote, then a host of letters, digits, `.`, `-` up to a `/`,
 * a blank, a line end or (in JSON) the string's end. No `:` on the way, so no password. False:
 * not that shape, ask the general gate.
 */
@inline
function plainLink(input: usize, n: i32, hs: i32, he: i32): bool {
  const floor = hs - (load<u8>(BEFORE + GATE_URL) as i32);
  let ws = hs;
  while (true) {
    if (ws == 0) return false;
    const c = load<u8>(input + ws - 1) as u32;
    if (c == 32 || c == 10) break;
    if (c == 34 && (mode & MODE_JSON) && !(ws >= 2 && oddBackslashes(input, ws - 2))) break;
    if (ws <= floor + 1 || !(isHostByte(c) || c == 43)) return false;
    ws--;
  }
  let j = he;
  while (j < n && j < he + 60 && isHostByte(load<u8>(input + j) as u32)) j++;
  if (j >= n || j >= he + 60) return false;
  const c = load<u8>(input + j) as u32;
  if (c == 47 || c == 32 || c == 10) return true;
  if (mode & MODE_JSON) {
    if (c == 34) return true; // the string's end
    if (c == 92 && j + 1 < n && load<u8>(input + j + 1) == 47) return true; // `\/`
  }
  return false;
}

/** urlMayStart over bytes (65 characters forward, counted as characters). */
function urlGate(input: usize, n: i32, ws: i32, hs: i32, he: i32): bool {
  for (let j = ws; j < hs; j = step(input, j)) {
    const c = byteAt(input, j);
    if (c == 58) return true;
    if (changes(c) && plain(c) != 60) {
      if (c != (95 | 0x200) || !innerUnderscore(input, n, j)) return true;
    }
  }
  let j = he;
  for (let k = 0; k < 65 && j < n; k++, j = step(input, j)) {
    const c = byteAt(input, j);
    if (c == 58) return true;
    if (changes(c) && plain(c) != 124) {
      if (c != (95 | 0x200) || !innerUnderscore(input, n, j)) return true;
      continue;
    }
    if (c == 47 || c == 64 || c == 34 || c == 39 || c == 60 || c == 62 || isSpaceByte(c)) {
      return false;
    }
  }
  return false;
}

/**
 * Whether the hit [hs, he) of a keyword with gates `gates` may lead to a match. The common
 * "no"s (a keyword in prose, a plain link) are read here in a few steps; the general reading is
 * a function of its own, so that this one stays small (V8 compiles a hot function with its
 * optimizing tier only after it ran a while, and a large one takes longer).
 */
function gatesPass(input: usize, n: i32, gates: u32, hs: i32, he: i32): bool {
  if (gates == 0) return true;
  if (gates == GATE_NAME_VALUE && proseWord(input, n, hs, he)) return false;
  if (gates == GATE_URL && plainLink(input, n, hs, he)) return false;
  return gatesRead(input, n, gates, hs, he);
}

/** A name character the gates read the same way in every mode (`_` is not: a marker). */
@inline
function isPlainNameByte(c: u32): bool {
  return inClass(c, CH_PLAIN);
}

/**
 * A character the name-value gate reads in no special way in any mode, and none a name, a
 * separator or a blank: after a name, it ends the gate's reading with "no".
 */
@inline
function isInert(c: u32): bool {
  return c < 0x80 && c != 34 && c != 39 && c != 61 && c != 58 && c != 32 && c != 9 &&
    c != 92 && !isPlainNameByte(c) && c != 45 && c != 95 && c != 42 && c != 126 && c != 96 &&
    c != 38 && c != 60 && c != 62 && c != 124;
}

/**
 * The name-value gate's "no" for a keyword in prose (`rotate the token first`), read in a few
 * steps: the hit's word is plain name characters from a blank (or the input's start) through
 * the hit and on to a character that ends the reading (`,`, a line end), or to one blank and a
 * word that is not `is`, `was` or a separator. False: not that shape, ask the general gate.
 */
@inline
function proseWord(input: usize, n: i32, hs: i32, he: i32): bool {
  const floor = hs - (load<u8>(BEFORE + GATE_NAME_VALUE) as i32);
  let ws = hs;
  while (ws > 0) {
    const c = load<u8>(input + ws - 1) as u32;
    if (c == 32 || c == 10) break;
    if (ws <= floor + 1 || !isPlainNameByte(c)) return false;
    ws--;
  }
  let j = he;
  while (j < n && j < hs + 48 && isPlainNameByte(load<u8>(input + j) as u32)) j++;
  if (j >= n || j >= hs + 48) return false;
  const c = load<u8>(input + j) as u32;
  if (c == 10 || isInert(c)) return true;
  if (c != 32 || j + 1 >= n) return false;
  const d = load<u8>(input + j + 1) as u32;
  return d != 105 && d != 119 && (isInert(d) || isPlainNameByte(d));
}

/** gatesPass for a given mode (tests). */
export function gatesPassMode(
  input: usize,
  n: i32,
  gates: u32,
  hs: i32,
  he: i32,
  scanMode: u32,
): bool {
  fillChars();
  mode = scanMode;
  return gatesPass(input, n, gates, hs, he);
}

/** The gates' general reading: the hit's word, then each gate over it. */
function gatesRead(input: usize, n: i32, gates: u32, hs: i32, he: i32): bool {
  if (mode == 0) return plainGatesRead(input, n, gates, hs, he);
  let pass = false;
  for (let g: u32 = 1; g <= GATE_HEX32; g <<= 1) {
    if ((gates & g) == 0) continue;
    // The hit's word: back to a blank, at most BEFORE[g] characters. Uncertain characters on
    // the way (non-ASCII: U+00A0 is a blank; a \u escape): maybe. Markers are the gate's.
    const before = load<u8>(BEFORE + g) as i32;
    let ws = hs;
    for (let chars = 0; chars < before && ws > 0; chars++) {
      let q = ws - 1;
      let c: u32;
      if ((mode & MODE_JSON) && q > 0 && oddBackslashes(input, q - 1)) {
        q--; // a two-byte escape
        c = escapeChar(input, q);
      } else if ((mode & MODE_JSON) && q >= 5 && oddBackslashes(input, q - 5) &&
        load<u8>(input + q - 4) == 117) {
        return true; // the end of a \u escape
      } else c = byteAt(input, q);
      if (c == CHANGE) return true;
      if (isSpaceByte(c)) break;
      ws = q;
    }
    if (g == GATE_NAME_VALUE) {
      if (nameValueShown(input, n, ws, hs, he)) pass = true;
    } else if (g == GATE_URL) {
      if (urlGate(input, n, ws, hs, he)) pass = true;
    } else if (hexGate(input, n, ws, hs)) pass = true;
  }
  return pass;
}

/**
 * gatesRead for plain text (no mode): a byte is its character, so the way back to the hit's
 * word start also notes what the gates would read there again (a `-` for the name-value gate,
 * a `:` for the URL gate), and each gate reads on from the hit.
 */
function plainGatesRead(input: usize, n: i32, gates: u32, hs: i32, he: i32): bool {
  for (let g: u32 = 1; g <= GATE_HEX32; g <<= 1) {
    if ((gates & g) == 0) continue;
    const before = load<u8>(BEFORE + g) as i32;
    let ws = hs;
    let dash = false, colon = false;
    while (ws > 0 && hs - ws < before) {
      const c = load<u8>(input + ws - 1) as u32;
      if (c >= 0x80) return true;
      if (isSpaceByte(c)) break;
      if (c == 45) dash = true;
      if (c == 58) colon = true;
      ws--;
    }
    if (g == GATE_NAME_VALUE) {
      if (nameValueFrom(input, n, hs, dash, hs, he)) return true;
    } else if (g == GATE_URL) {
      if (colon || plainUrlAfter(input, n, he)) return true;
    } else if (hexGate(input, n, ws, hs)) return true;
  }
  return false;
}

/** urlGate's reading after the hit, for plain text: a `:` before the URL's end: maybe. */
function plainUrlAfter(input: usize, n: i32, he: i32): bool {
  const stop = he + 65 < n ? he + 65 : n;
  for (let j = he; j < stop; j++) {
    const c = load<u8>(input + j) as u32;
    if (c == 58 || c >= 0x80) return true;
    if (c == 47 || c == 64 || c == 34 || c == 39 || c == 60 || c == 62 || isSpaceByte(c)) {
      return false;
    }
  }
  return false;
}

/**
 * How far (characters) after a hit's start the secret of a keyword secret rule may start: at
 * least each rule's own reach (detect/rules/slack.ts, hexSecretMayStart; a test checks).
 */
const HEX_REACH: i32 = 40;

@inline
function isHexByte(c: u32): bool {
  return inClass(c, CH_HEX);
}

/**
 * hexSecretMayStart over bytes: a run of exactly 32 hex digits (after a character that is none)
 * that starts at most HEX_REACH characters after the hit's start and ends before a character
 * that is no letter or digit, or the text's end. Any character that may change: maybe.
 */
function hexGate(input: usize, n: i32, ws: i32, hs: i32): bool {
  let run = 0;
  // Characters from the hit's start (counted once it is reached: escapes are one each).
  let rel: i32 = -(1 << 20);
  for (let j = ws; j < n; j = step(input, j)) {
    if (j >= hs && rel < 0) rel = 0;
    if (rel > HEX_REACH + 32) return false;
    let c = byteAt(input, j);
    if (changes(c)) {
      if (c != (95 | 0x200) || !innerUnderscore(input, n, j)) return true;
      c = 95;
    }
    rel++;
    if (isHexByte(c)) {
      run++;
      continue;
    }
    if (run == 32 && rel - 1 - 32 <= HEX_REACH && !isAlnumByte(c)) return true;
    // No match crosses a line: none starts on the next one.
    if (c == 10 || c == 13) return false;
    run = 0;
  }
  return run == 32 && rel - 32 <= HEX_REACH;
}

/**
 * nameValueGate; as shown, over the reading with marker runs at a word's edge as blanks, and
 * when some were, over the raw reading too (detect/rules/generic_gate.ts, nameValueMayStart).
 */
function nameValueShown(input: usize, n: i32, ws: i32, hs: i32, he: i32): bool {
  if ((mode & MODE_SHOWN) == 0) return nameValueGate(input, n, ws, hs, he);
  limit = n;
  readFrom = ws;
  readReach = hs + REF_REACH;
  blanking = true;
  blanked = 0;
  const shown = nameValueGate(input, n, ws, hs, he);
  blanking = false;
  if (shown) return true;
  if (blanked == 0) return false;
  const saved = mode;
  mode = saved & ~MODE_SHOWN;
  const raw = nameValueGate(input, n, ws, hs, he);
  mode = saved;
  return raw;
}

/** Zones (u32 start, u32 end, ascending) where hits pass ungated; the next one not passed. */
let zoneAt: usize = 0;
let zoneEnd: usize = 0;

@inline
function inZone(at: i32): bool {
  while (zoneAt < zoneEnd && (load<u32>(zoneAt + 4) as i32) < at) zoneAt += 8;
  return zoneAt < zoneEnd && (load<u32>(zoneAt) as i32) <= at;
}

@inline
function passes(input: usize, n: i32, found: usize, at: i32, len: i32): bool {
  const id = load<u32>(found);
  if (id >= TRIGGER_ID) return true;
  const gates = load<u8>(GATES + id) as u32;
  if (gates == 0 || inZone(at)) return true;
  return gatesPass(input, n, gates, at, at + len);
}

/**
 * Scans `n` bytes at `input`; writes each hit its gates pass (see GATES) as (u32 start,
 * u32 keyword id) at `out`, at most
 * `cap` hits, and returns how many there are (more than `cap` means the output was cut: the
 * caller scans again with room for all).
 */
export function scan(
  input: usize,
  n: i32,
  out: usize,
  cap: i32,
  scanMode: u32,
  zones: usize,
  zoneCount: i32,
): i32 {
  fillChars();
  mode = scanMode;
  zoneAt = zones;
  zoneEnd = zones + ((zoneCount as usize) << 3);
  const found = out - 4; // scratch word for matchAt's id (the caller leaves it free)
  let count = 0;
  let next = 0; // hits do not overlap: none starts before the end of the previous one
  let i = 0;
  // The tables, loaded once: twelve vectors.
  const a0 = v128.load(NIBBLES), a1 = v128.load(NIBBLES + 16);
  const a2 = v128.load(NIBBLES + 32), a3 = v128.load(NIBBLES + 48);
  const a4 = v128.load(NIBBLES + 64), a5 = v128.load(NIBBLES + 80);
  const c0 = v128.load(NIBBLES + 96), c1 = v128.load(NIBBLES + 112);
  const c2 = v128.load(NIBBLES + 128), c3 = v128.load(NIBBLES + 144);
  const c4 = v128.load(NIBBLES + 160), c5 = v128.load(NIBBLES + 176);
  while (i + 18 <= n) {
    const p = input + i;
    const low = i8x16.splat(15), fold = i8x16.splat(0x20);
    const b0 = v128.or(v128.load(p), fold);
    const b1 = v128.or(v128.load(p + 1), fold);
    const b2 = v128.or(v128.load(p + 2), fold);
    const l0 = v128.and(b0, low), h0 = i8x16.shr_u(b0, 4);
    const l1 = v128.and(b1, low), h1 = i8x16.shr_u(b1, 4);
    const l2 = v128.and(b2, low), h2 = i8x16.shr_u(b2, 4);
    const m = v128.or(
      v128.and(
        v128.and(allowed(a0, a1, l0, h0), allowed(a2, a3, l1, h1)),
        allowed(a4, a5, l2, h2),
      ),
      v128.and(
        v128.and(allowed(c0, c1, l0, h0), allowed(c2, c3, l1, h1)),
        allowed(c4, c5, l2, h2),
      ),
    );
    if (v128.any_true(m)) {
      let bits = i8x16.bitmask(i8x16.ne(m, i8x16.splat(0)));
      while (bits != 0) {
        const at = i + ctz(bits);
        bits &= bits - 1;
        if (at < next) continue;
        const len = matchAt(input, n, at, found);
        if (len == 0) continue;
        next = at + len;
        if (!passes(input, n, found, at, len)) continue;
        if (count < cap) {
          store<u32>(out + ((count as usize) << 3), at as u32);
          store<u32>(out + ((count as usize) << 3) + 4, load<u32>(found));
        }
        count++;
      }
    }
    i += 16;
  }
  // The last few places, one by one.
  if (next > i) i = next;
  while (i < n - 1) {
    const len = matchAt(input, n, i, found);
    if (len == 0) {
      i++;
      continue;
    }
    if (!passes(input, n, found, i, len)) {
      i += len;
      continue;
    }
    if (count < cap) {
      store<u32>(out + ((count as usize) << 3), i as u32);
      store<u32>(out + ((count as usize) << 3) + 4, load<u32>(found));
    }
    count++;
    i += len;
  }
  return count;
}

// JSON day files: the top-level array's elements, and where two string values' texts may be
// joined (rich-text leaves are concatenated: a keyword, or a gate's reading, may cross).

@inline
function isJsonSpace(c: u32): bool {
  return c == 32 || c == 10 || c == 13 || c == 9;
}

function skipJsonSpace(input: usize, n: i32, i: i32): i32 {
  while (i < n && isJsonSpace(load<u8>(input + i) as u32)) i++;
  return i;
}

/** Whether the string at [s, e) (quotes excluded) is `text` or `url`. */
@inline
function isTextKey(input: usize, s: i32, e: i32): bool {
  if (e - s == 4) return load<u32>(input + s) == 0x74786574; // "text"
  if (e - s == 3) return load<u16>(input + s) == 0x7275 && load<u8>(input + s + 2) == 0x6c;
  return false;
}

/**
 * Splits a JSON array into its elements: writes (u32 start, u32 end) per element at `out`
 * (at most `cap`) and, at `joins`, (u32 end of a text, u32 start of the next) for each pair of
 * consecutive `text`/`url` string values of objects in one array (rich-text leaves of one
 * container: no bracket between them), at most `joinCap`; the count goes to `joins - 4`.
 * Returns the element count, or -1 when the document is not an array or its structure is
 * malformed (unbalanced brackets, an unterminated string, a raw control character in one).
 * Only the structure is checked: JSON.parse reads the messages that matter.
 */
export function jsonElements(
  input: usize,
  n: i32,
  out: usize,
  cap: i32,
  joins: usize,
  joinCap: i32,
): i32 {
  const first = skipJsonSpace(input, n, 0);
  if (first >= n || load<u8>(input + first) != 91) return -1;
  let count = 0, joinCount = 0;
  let depth = 0; // 0: inside the top-level array
  let epoch: u32 = 0; // brackets seen: leaves of one container have no bracket between them
  let start = skipJsonSpace(input, n, first + 1); // the current element's first byte
  let keyIsText = false; // the last key read was "text" or "url": its value comes next
  let lastTextEnd = -1; // closing quote of the element's last text/url value
  let lastTextAt: u32 = 0; // where that value sat: (epoch << 8) | depth
  let strStart = -1, strEnd = -1; // the last string, until what follows it says key or value
  // The last opening and closing quotes of the blocks before, and the last structural byte.
  let lastOpen = -1, lastClose = -1, lastEvent = first;
  // Carried from one 64-byte block to the next: the block starts inside a string (all ones),
  // its first byte is escaped (1).
  let inside: u64 = 0, escapedFirst: u64 = 0;
  for (let base = first + 1; base < n; base += 64) {
    // Bit k of each mask: byte base + k is a quote, a backslash, one of `{}[],:`, a control.
    let quote: u64 = 0, slash: u64 = 0, structural: u64 = 0, control: u64 = 0;
    for (let k = 0; k < 4; k++) {
      const v = v128.load(input + base + k * 16);
      const f = v128.or(v, i8x16.splat(0x20)); // `[` `]` fold onto `{` `}`
      const shift = (k * 16) as u64;
      quote |= (i8x16.bitmask(i8x16.eq(v, i8x16.splat(34))) as u64) << shift;
      slash |= (i8x16.bitmask(i8x16.eq(v, i8x16.splat(92))) as u64) << shift;
      control |= (i8x16.bitmask(i8x16.lt_u(v, i8x16.splat(0x20))) as u64) << shift;
      const s = v128.or(
        v128.or(i8x16.eq(f, i8x16.splat(0x7b)), i8x16.eq(f, i8x16.splat(0x7d))),
        v128.or(i8x16.eq(v, i8x16.splat(44)), i8x16.eq(v, i8x16.splat(58))),
      );
      structural |= (i8x16.bitmask(s) as u64) << shift;
    }
    if (n - base < 64) {
      // The last block reads past the input (into the lists after it): those bytes are none.
      const valid = ((1 as u64) << ((n - base) as u64)) - 1;
      quote &= valid;
      slash &= valid;
      structural &= valid;
      control &= valid;
    }
    // A backslash escapes the byte after it (which, if a backslash, escapes nothing).
    let escaped: u64 = escapedFirst;
    let escapers = slash & ~escapedFirst;
    escapedFirst = 0;
    while (escapers != 0) {
      const k = ctz(escapers);
      escapers &= escapers - 1;
      if (k == 63) {
        escapedFirst = 1;
        break;
      }
      const next = (1 as u64) << (k + 1);
      escaped |= next;
      escapers &= ~next;
    }
    const quotes = quote & ~escaped;
    // Inside a string: from its opening quote up to (not including) its closing one.
    let x = quotes;
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    const strings = x ^ inside;
    inside = (strings >> 63) != 0 ? ~(0 as u64) : 0;
    if ((control & strings) != 0) return -1; // a raw control character in a string
    const opening = quotes & strings, closing = quotes & ~strings;
    // Only the structural bytes are walked; a string's quotes are looked up when the byte after
    // it comes (in JSON, a structural one: `:` after a key, `,` `}` `]` after a value).
    let events = structural & ~strings;
    while (events != 0) {
      const k = ctz(events);
      events &= events - 1;
      const i = base + (k as i32);
      const c = load<u8>(input + i) as u32;
      // The string that ended since the last structural byte, if one did.
      const closes = closing & (((1 as u64) << (k as u64)) - 1);
      const close = closes != 0 ? base + 63 - (clz(closes) as i32) : lastClose;
      if (close > lastEvent) {
        let open = lastOpen;
        if (close >= base) {
          const opens = opening & (((1 as u64) << ((close - base) as u64)) - 1);
          if (opens != 0) open = base + 63 - (clz(opens) as i32);
        }
        if (open < close) {
          strStart = open;
          strEnd = close;
        }
      }
      lastEvent = i;
      if (strStart >= 0) {
        // The string before this byte: a key if `:` follows, else a value.
        if (c == 58) {
          keyIsText = isTextKey(input, strStart + 1, strEnd);
        } else {
          if (keyIsText) {
            const at = (epoch << 8) | (depth as u32);
            if (lastTextEnd >= 0 && lastTextAt == at) {
              if (joinCount < joinCap) {
                store<u32>(joins + ((joinCount as usize) << 3), lastTextEnd as u32);
                store<u32>(joins + ((joinCount as usize) << 3) + 4, (strStart + 1) as u32);
              }
              joinCount++;
            }
            lastTextEnd = strEnd;
            lastTextAt = at;
          }
          keyIsText = false;
        }
        strStart = -1;
      }
      if (c == 123 || c == 91) {
        depth++;
        if (c == 91) epoch++;
      } else if (c == 125 || c == 93) {
        if (depth == 0) {
          if (c != 93) return -1;
          // The array's end: the last element, unless the array is empty.
          let end = i;
          while (end > start && isJsonSpace(load<u8>(input + end - 1) as u32)) end--;
          if (end > start) {
            if (count < cap) {
              store<u32>(out + ((count as usize) << 3), start as u32);
              store<u32>(out + ((count as usize) << 3) + 4, end as u32);
            }
            count++;
          } else if (count > 0) return -1; // `[1,]`
          store<u32>(joins - 4, joinCount as u32);
          return skipJsonSpace(input, n, i + 1) == n ? count : -1;
        }
        depth--;
        if (c == 93) epoch++;
      } else if (c == 44 && depth == 0) {
        let end = i;
        while (end > start && isJsonSpace(load<u8>(input + end - 1) as u32)) end--;
        if (end == start) return -1; // an empty element
        if (count < cap) {
          store<u32>(out + ((count as usize) << 3), start as u32);
          store<u32>(out + ((count as usize) << 3) + 4, end as u32);
        }
        count++;
        start = skipJsonSpace(input, n, i + 1);
        lastTextEnd = -1;
        keyIsText = false;
      }
    }
    if (closing != 0) lastClose = base + 63 - (clz(closing) as i32);
    if (opening != 0) lastOpen = base + 63 - (clz(opening) as i32);
  }
  return -1; // the input ended inside the array
}

@inline
function isWordByte(c: u32): bool {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 ||
    c == 45;
}

@inline
function isMarkerByte(c: u32): bool {
  return c == 42 || c == 126 || c == 96;
}

/**
 * Markers inside a word (`pass*word`): a run of `*~\`` after a word character or `.` and
 * before a word character, where the scanner reads a mrkdwn text as shown. Writes the position
 * of each run's first marker at `out` (at most `cap`); returns how many there are.
 */
export function innerMarkers(input: usize, n: i32, out: usize, cap: i32): i32 {
  let count = 0;
  const star = i8x16.splat(42), tilde = i8x16.splat(126), tick = i8x16.splat(96);
  let i = 1;
  while (i < n) {
    if (i + 16 <= n) {
      const v = v128.load(input + i);
      const m = v128.or(v128.or(i8x16.eq(v, star), i8x16.eq(v, tilde)), i8x16.eq(v, tick));
      const bits = i8x16.bitmask(m);
      if (bits == 0) {
        i += 16;
        continue;
      }
      i += ctz(bits);
    }
    const c = load<u8>(input + i) as u32;
    if (!isMarkerByte(c)) {
      i++;
      continue;
    }
    const before = load<u8>(input + i - 1) as u32;
    let e = i + 1;
    while (e < n && isMarkerByte(load<u8>(input + e) as u32)) e++;
    if ((isWordByte(before) || before == 46) && e < n && isWordByte(load<u8>(input + e) as u32)) {
      if (count < cap) store<u32>(out + ((count as usize) << 2), i as u32);
      count++;
    }
    i = e;
  }
  return count;
}

/** How many of the `n` bytes at `input` come before the first non-ASCII one. */
export function asciiPrefix(input: usize, n: i32): i32 {
  let i = 0;
  const high = i8x16.splat(-128);
  while (i + 16 <= n) {
    const bits = i8x16.bitmask(v128.and(v128.load(input + i), high));
    if (bits != 0) return i + ctz(bits);
    i += 16;
  }
  while (i < n && load<u8>(input + i) < 0x80) i++;
  return i;
}

/** Newlines in `n` bytes at `input`, sixteen bytes at a time. */
export function countNewlines(input: usize, n: i32): i32 {
  let count = 0;
  let i = 0;
  const nl = i8x16.splat(10);
  while (i + 16 <= n) {
    const v = v128.load(input + i);
    count += popcnt<i32>(i8x16.bitmask(i8x16.eq(v, nl)));
    i += 16;
  }
  while (i < n) {
    if (load<u8>(input + i) == 10) count++;
    i++;
  }
  return count;
}
