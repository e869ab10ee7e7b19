// How a gate reads the text at a byte: as it is (plain), through JSON escapes (a day file's
// strings), or as a person sees Slack mrkdwn (markers, entities and link brackets are "maybe",
// except where normalize() always shows a blank). The reading mode and the shown reading's state
// live here; scan() and the gates set them.
import { CHANGE, MODE_JSON, MODE_SHOWN } from "./layout.as";
import { isMarker } from "./match.as";

export let mode: u32 = 0;

/** The character an escape starting at byte `e` (a backslash) stands for; `\u`: CHANGE. */
export function escapeChar(input: usize, e: i32): u32 {
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
export function oddBackslashes(input: usize, p: i32): bool {
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
export function byteAt(input: usize, i: i32): u32 {
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
  // Plain text is read again with its entities decoded (withoutEntities): `&` may start one.
  if (c == 38) return c | 0x200;
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
export const REF_REACH: i32 = 200;

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
export function step(input: usize, i: i32): i32 {
  if ((mode & MODE_JSON) && load<u8>(input + i) == 92) {
    return load<u8>(input + i + 1) == 117 ? i + 6 : i + 2;
  }
  return i + 1;
}

/** Whether a read character may change as shown (normalize()), or is uncertain. */
@inline
export function changes(c: u32): bool {
  return c >= 0x100;
}

/** The byte of a read character (markers keep theirs; CHANGE has none). */
@inline
export function plain(c: u32): u32 {
  return c & 0xff;
}


/** Sets the reading mode (scan(), the tests' gatesPassMode(), the shown reading's raw retry). */
@inline
export function setMode(m: u32): void {
  mode = m;
}

/**
 * Starts the name-value gate's shown reading of the hit's word from `from`, in an input of
 * `end` bytes, with references ending before `reach`.
 */
@inline
export function beginShownReading(end: i32, from: i32, reach: i32): void {
  limit = end;
  readFrom = from;
  readReach = reach;
  blanking = true;
  blanked = 0;
}

/** Ends the shown reading: how many characters it read as blanks. */
@inline
export function endShownReading(): i32 {
  blanking = false;
  return blanked;
}
