// The name = value gate over bytes (nameValueMayStart in detect/rules/generic_gate.ts): the
// name run that holds the hit, what follows it (a quote, `=`, `:`, `is`, `was`, blanks), and
// whether a value the validator may accept starts there.
import { CH_ALNUM, CH_SCHEME, inClass, isBlank, isNameByte, isValueStop } from "./chars.as";
import { MODE_JSON, MODE_SHOWN, PREFIX_FIRST, PREFIXES } from "./layout.as";
import {
  beginShownReading,
  byteAt,
  changes,
  endShownReading,
  mode,
  oddBackslashes,
  REF_REACH,
  setMode,
  step,
} from "./read.as";

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

/** `r`, `b`, `u`, `f` (any case) or `@`: the letters a string's quote may follow. */
@inline
function isStringPrefix(c: u32): bool {
  const l = c | 32;
  return l == 114 || l == 98 || l == 117 || l == 102 || c == 64;
}

@inline
function isQuote(c: u32): bool {
  return c == 34 || c == 39;
}

/** angleGoesOn in generic_gate.ts: a character after the `>` at `k` that is no stop and no `<`. */
function angleGoesOn(input: usize, n: i32, k: i32): bool {
  const w = step(input, k);
  if (w >= n) return false;
  const d = byteAt(input, w);
  return changes(d) || (!isValueStop(d) && d != 60);
}

/** 1: a value may start at `v`; 0: none can; 2: an uncertain character was read (maybe). */
function valueAt(input: usize, n: i32, v: i32): i32 {
  if (v >= n) return 0;
  let c = byteAt(input, v);
  if (changes(c)) return 2;
  // An escaped opening quote (`\"`, a JSON string inside a JSON string).
  if (c == 92) {
    const w = step(input, v);
    if (w < n) {
      const d = byteAt(input, w);
      if (d == 34 || d == 39) {
        v = w;
        c = d;
      }
    }
  }
  // A raw, bytes or verbatim string's prefix (`r"`, `rb'`, `@"`) before its opening quote.
  if (isStringPrefix(c)) {
    let k = step(input, v);
    if (k < n && isStringPrefix(byteAt(input, k))) k = step(input, k);
    if (k < n && isQuote(byteAt(input, k))) {
      v = k;
      c = byteAt(input, v);
    }
  }
  let open: u32 = 0;
  if (c == 34 || c == 39 || c == 96) {
    open = c;
    // A triple quote (`"""…"""`) opens as one.
    const q = c;
    v = step(input, v);
    if (v < n && byteAt(input, v) == q) {
      const w = step(input, v);
      if (w < n && byteAt(input, w) == q) v = step(input, w);
    }
    if (v >= n) return 0;
    c = byteAt(input, v);
    if (changes(c)) return 2;
  }
  // A value may start with `-` or `.` before a letter or digit (random base64url does; a
  // password may), never `--` or `..`.
  if (c == 45 || c == 46) {
    const w = step(input, v);
    if (w >= n) return 0;
    const d = byteAt(input, w);
    return changes(d) || inClass(d, CH_ALNUM) ? 2 : 0;
  }
  if (isValueStop(c) || c == 61 || c == 58 || c == 46 || c == 63) return 0;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    const scheme = schemeAt(input, n, v);
    if (scheme < 0) return 0;
    if (scheme == 2) return 2;
  }
  // The validator accepts a value only when it looks generated (16+ characters of 2+ classes)
  // or like a password (8+ of 3+, or 10+ letters and digits): see valueMayStartAt in
  // detect/rules/generic_gate.ts.
  // Templates never are: `${X}`, `$(cmd)`, and `{{ x }}` anywhere (`$X`: the validator says).
  if (c == 36) {
    const s = step(input, v);
    if (s < n) {
      const d = byteAt(input, s);
      if (changes(d)) return 2;
      if (d == 123 || d == 40) return 0;
    }
  }
  if (referencePrefix(input, n, v)) return 0;
  let chars = 0;
  let classes: u32 = 0;
  let last: u32 = 0;
  for (let k = v; k < n && chars < 200; k = step(input, k)) {
    const d = byteAt(input, k);
    if (changes(d)) return 2;
    // A `>` with more of the value right after it is inside the value (valueEnd reads on).
    // A quoted value reads on to its closing quote past any stop but a blank (valueEnd).
    if (isValueStop(d) && !(d == 62 && angleGoesOn(input, n, k)) && !quotedGoesOn(open, d)) break;
    if (d == 123 && last == 123) return 0;
    classes |= classBit(d);
    last = d;
    chars++;
  }
  // A run longer than that is judged whole by the validator: maybe.
  if (chars >= 200) return 2;
  const kinds = popcnt(classes);
  // (10: a password of letters and digits only, generic_value.ts MIN_PASSWORD_PAIR.)
  return (chars >= 10 && kinds >= 2) || (chars >= 8 && kinds >= 3) ? 1 : 0;
}

/** quotedGoesOn in generic_gate.ts: a value opened by `open` (0: none) goes on at the stop `d`. */
@inline
function quotedGoesOn(open: u32, d: u32): bool {
  return open != 0 && d != open && d > 32 && d < 128 && (open == 96 || d != 96);
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
export function classBit(c: u32): u32 {
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
    // `=>`, `:=`, and a shell default's `:-` (`${DB_PASSWORD:-…}`).
    if ((c == 61 && d == 62) || (c == 58 && (d == 61 || d == 45))) s = step(input, s);
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
  // A bold label's closing markers (`**Password:** …`).
  if (s < n && byteAt(input, s) == 42) {
    s = step(input, s);
    if (s < n && byteAt(input, s) == 42) s = step(input, s);
  }
  // Up to 32 blanks (values padded into a column).
  for (let b = 0; b < 32 && s < n && isBlank(byteAt(input, s)); b++) s = step(input, s);
  if (c == 58 && s < n) {
    const e = blockScalarEnd(input, n, s);
    if (e < 0) return 2;
    if (e < n) {
      const f = byteAt(input, e);
      if (f == 10 || f == 13) return valueBelow(input, n, e);
    }
  }
  return valueAt(input, n, s);
}

/** blockScalarEnd in generic_gate.ts: after a YAML block scalar's `|`/`>`, `-`/`+` and blanks. */
function blockScalarEnd(input: usize, n: i32, s: i32): i32 {
  let k = s;
  for (let i = 0; i < 6 && k < n; i++, k = step(input, k)) {
    const c = byteAt(input, k);
    if (isBlank(c)) continue;
    if (c != 124 && c != 62 && c != 43 && c != 45) break;
    if (changes(c)) return -1;
  }
  return k;
}

function skipBlanks(input: usize, n: i32, k: i32, max: i32): i32 {
  for (let b = 0; b < max && k < n && isBlank(byteAt(input, k)); b++) k = step(input, k);
  return k;
}

/** After the line end at `k` (`\r\n` or `\n`), where the next line starts; -1 when none is. */
function lineEndAt(input: usize, n: i32, k: i32): i32 {
  if (k < n && byteAt(input, k) == 13) k = step(input, k);
  return k < n && byteAt(input, k) == 10 ? step(input, k) : -1;
}

/**
 * valueBelowMayStart in generic_gate.ts: a label's value on the next line, after up to 8
 * blanks, a code block's opening backticks, blanks and its line end, and blanks.
 */
function valueBelow(input: usize, n: i32, s: i32): i32 {
  let k = lineEndAt(input, n, s);
  if (k < 0) return 0;
  let i = k;
  for (let count = 0; count < 16 && i < n; count++, i = step(input, i)) {
    if (changes(byteAt(input, i))) return 2;
  }
  k = skipBlanks(input, n, k, 8);
  if (k < n && byteAt(input, k) == 96) {
    const t1 = step(input, k);
    const t2 = t1 < n ? step(input, t1) : n;
    if (t2 < n && byteAt(input, t1) == 96 && byteAt(input, t2) == 96) {
      k = skipBlanks(input, n, step(input, t2), 4);
    }
  }
  const next = lineEndAt(input, n, k);
  if (next >= 0) k = skipBlanks(input, n, next, 4);
  return valueAt(input, n, k);
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
  while (b < 32 && k < n && isBlank(byteAt(input, k))) {
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
export function isAlnumByte(c: u32): bool {
  return inClass(c, CH_ALNUM);
}

/** An identifier's underscore (`SLACK_BOT_TOKEN`), which normalize() keeps as it is. */
export function innerUnderscore(input: usize, n: i32, j: i32): bool {
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
export function nameValueFrom(input: usize, n: i32, from: i32, dash: bool, hs: i32, he: i32): bool {
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
    // Only the name run that holds the hit (or its last word) counts (nameValueMayStart); a
    // separator inside the hit is read, and the rest of the hit after a failed reading.
    if (j < hs) continue;
    if (c == 34 || c == 39) {
      if (valueAfterName(input, n, step(input, j)) != 0) return true;
    } else if (c == 92) {
      // An escaped closing quote (`{\"password\":\"…\"}`).
      const k = step(input, j);
      if (k < n) {
        const d = byteAt(input, k);
        if ((d == 34 || d == 39) && valueAfterName(input, n, step(input, k)) != 0) return true;
      }
    } else if (c == 42) {
      // A bold label's closing markers (`*Password*: …`).
      let k = step(input, j);
      if (k < n && byteAt(input, k) == 42) k = step(input, k);
      if (valueAfterName(input, n, k) != 0) return true;
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
    if (j >= he) return false;
  }
  return false;
}


/**
 * nameValueGate; as shown, over the reading with marker runs at a word's edge as blanks, and
 * when some were, over the raw reading too (detect/rules/generic_gate.ts, nameValueMayStart).
 */
export function nameValueShown(input: usize, n: i32, ws: i32, hs: i32, he: i32): bool {
  if ((mode & MODE_SHOWN) == 0) return nameValueGate(input, n, ws, hs, he);
  beginShownReading(n, ws, hs + REF_REACH);
  const shown = nameValueGate(input, n, ws, hs, he);
  const blanked = endShownReading();
  if (shown) return true;
  if (blanked == 0) return false;
  const saved = mode;
  setMode(saved & ~MODE_SHOWN);
  const raw = nameValueGate(input, n, ws, hs, he);
  setMode(saved);
  return raw;
}
