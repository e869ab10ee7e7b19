// Gates: the rules' Rule.mayStart (detect/rules/generic_gate.ts; hex32: slack.ts) for raw text,
// read over bytes. Each answers "no" only where the TypeScript gate reading the decoded text raw
// would; any non-ASCII byte near a hit makes it answer "maybe" (detect/scan_bytes_test.ts checks
// both against each other and against the patterns).
import { CH_HEX, CH_HOST, CH_PLAIN, fillChars, inClass, isBlank, isSpaceByte } from "./chars.as";
import {
  BEFORE,
  CHANGE,
  GATE_DELIMITED,
  GATE_HEX32,
  GATE_NAME_VALUE,
  GATE_PHRASE,
  GATE_SENTENCE,
  GATE_URL,
  MODE_JSON,
  MODE_SHOWN,
} from "./layout.as";
import { byteAt, changes, escapeChar, mode, oddBackslashes, plain, setMode, step } from "./read.as";
import {
  classBit,
  innerUnderscore,
  isAlnumByte,
  nameValueFrom,
  nameValueShown,
} from "./name_value.as";
import { isMarker } from "./match.as";

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
  let at = false;
  for (let k = 0; k < 65 && j < n; k++, j = step(input, j)) {
    const c = byteAt(input, j);
    if (c == 58) return true;
    if (c == 64 && !at) {
      at = true; // a mailbox's `@` in the user
      continue;
    }
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
export function gatesPass(input: usize, n: i32, gates: u32, hs: i32, he: i32): bool {
  if (gates == 0) return true;
  if (gates == GATE_NAME_VALUE && proseWord(input, n, hs, he)) return false;
  // The name = value keywords also wake the delimited-cell rule: a word in prose is no cell.
  if (
    gates == (GATE_NAME_VALUE | GATE_DELIMITED) && proseWord(input, n, hs, he) &&
    !delimitedGate(input, n, hs, he)
  ) return false;
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
  setMode(scanMode);
  return gatesPass(input, n, gates, hs, he);
}

/** The gates' general reading: the hit's word, then each gate over it. */
function gatesRead(input: usize, n: i32, gates: u32, hs: i32, he: i32): bool {
  if (mode == 0) return plainGatesRead(input, n, gates, hs, he);
  let pass = false;
  for (let g: u32 = 1; g <= GATE_PHRASE; g <<= 1) {
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
    } else if (g == GATE_HEX32) {
      if (hexGate(input, n, ws, hs)) pass = true;
    } else if (g == GATE_DELIMITED) {
      if (delimitedGate(input, n, hs, he)) pass = true;
    } else if (g == GATE_PHRASE) {
      if (phraseGate(input, n, he)) pass = true;
    } else if (sentenceGate(input, n, hs, he)) pass = true;
  }
  return pass;
}

/**
 * gatesRead for plain text (no mode): a byte is its character, so the way back to the hit's
 * word start also notes what the gates would read there again (a `-` for the name-value gate,
 * a `:` for the URL gate), and each gate reads on from the hit.
 */
function plainGatesRead(input: usize, n: i32, gates: u32, hs: i32, he: i32): bool {
  for (let g: u32 = 1; g <= GATE_PHRASE; g <<= 1) {
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
    } else if (g == GATE_HEX32) {
      if (hexGate(input, n, ws, hs)) return true;
    } else if (g == GATE_DELIMITED) {
      if (delimitedGate(input, n, hs, he)) return true;
    } else if (g == GATE_PHRASE) {
      if (phraseGate(input, n, he)) return true;
    } else if (sentenceGate(input, n, hs, he)) return true;
  }
  return false;
}

/** urlGate's reading after the hit, for plain text: a `:` before the URL's end: maybe. */
function plainUrlAfter(input: usize, n: i32, he: i32): bool {
  const stop = he + 65 < n ? he + 65 : n;
  let at = false;
  for (let j = he; j < stop; j++) {
    const c = load<u8>(input + j) as u32;
    if (c == 58 || c >= 0x80) return true;
    if (c == 64 && !at) {
      at = true;
      continue;
    }
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
const HEX_REACH: i32 = 72;

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
  let breaks = 0;
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
    // A match crosses two line breaks at most (hexSecretMayStart).
    if (c == 10 && ++breaks > 2) return false;
    run = 0;
  }
  return run == 32 && rel - 32 <= HEX_REACH;
}

/** The verbs sentenceMayFollow knows (generic_sentence.ts VERBS), lower case, packed. */
@inline
function isVerb(word: u64, len: i32): bool {
  if (len == 2) {
    return word == 0x6973 || word == 0x6573 || word == 0x746f || word == 0x6a65; // is es to je
  }
  if (len == 3) {
    return word == 0x697374 || word == 0x657374 || word == 0x657261 || word == 0x776172 ||
      word == 0x776173; // ist, est, era, war, was
  }
  return len == 6 && word == 0x6c6175746574; // lautet
}

/**
 * sentenceMayFollow (detect/rules/generic_sentence.ts) over bytes: the name word's verb or colon
 * on its line within 48 characters after the hit, then a value of 6 or more characters. A
 * character that is not ASCII, a marker, or one that may change as shown: maybe.
 */
function sentenceGate(input: usize, n: i32, hs: i32, he: i32): bool {
  // "with password …": the value right after the name word.
  if ((withBefore(input, hs) || commaBefore(input, hs)) && valueFollows(input, n, he)) return true;
  // The keyword itself may end in its colon (a full-width one too: EF BC 9A), `=` or verb
  // (`api key:`, `pw：`, `api key =`, `api key is`).
  const last = load<u8>(input + he - 1) as u32;
  const fullWidthColon = last == 0x9a && he - hs > 3 &&
    (load<u8>(input + he - 2) as u32) == 0xbc && (load<u8>(input + he - 3) as u32) == 0xef;
  if (
    last == 58 || last == 61 || fullWidthColon || ((last | 0x20) == 115 && he - hs > 2 &&
      ((load<u8>(input + he - 2) as u32) | 0x20) == 105 &&
      isBlank(load<u8>(input + he - 3) as u32))
  ) {
    if (valueFollows(input, n, he)) return true;
  }
  // `password` or `passwort` alone before its colon or verb is the name = value rules' (the
  // validator): here a blank follows it, and words come before the verb or colon.
  const alone = he - hs == 8 && ((load<u8>(input + hs) as u32) | 0x20) == 112;
  if (alone && he < n) {
    const c = byteAt(input, he);
    if (!changes(c) && !isBlank(c) && !isMarker(c)) return false;
  }
  let word: u64 = 0;
  let len = 0;
  let afterBlank = true; // the first word starts at the hit's end
  let content = false; // something not blank before the current word
  let j = he;
  for (let k = 0; k <= 48; k++) {
    let c: u32 = 32; // past the 48th character or the input's end: a blank
    if (k < 48 && j < n) c = byteAt(input, j);
    // An underscore inside an identifier (`request_id`) joins two words (the pattern's verb
    // follows a blank); any other marker may hide a blank as shown.
    if (plain(c) == 95 && (c == 95 || c == (95 | 0x200)) && innerUnderscore(input, n, j)) {
      word = 0x5f;
      len = 1;
      j = step(input, j);
      continue;
    }
    // A marker at a word's edge reads as the blank it may show as; one between two letters (it
    // may join them into a verb as shown): maybe. (In JSON a neighbour may be an escape: a
    // letter or digit before (`\n`, `\u0061`) and one or a backslash after count as letters.)
    if (c < 0x400 && isMarker(plain(c)) && (c == plain(c) || c == (plain(c) | 0x200))) {
      const before = j > 0 ? load<u8>(input + j - 1) as u32 : 32;
      const after = j + 1 < n ? load<u8>(input + j + 1) as u32 : 32;
      if ((mode & MODE_JSON) != 0) {
        if (isAlnumByte(before) && (isAlnumByte(after) || after == 92)) return true;
      } else if (isLetterByte(before) && isLetterByte(after)) return true;
      c = 32; // as shown; raw, it is something before the verb
      content = true;
    } else if (c == (60 | 0x200) || c == (62 | 0x200) || c == (124 | 0x200)) {
      // A reference's bracket or pipe (`<@U1>`, `<https://…|label>`): a blank as shown.
      c = 32;
      content = true;
    } else if (c == (38 | 0x200)) c = 38; // an entity shows as one character, no letter or blank
    if (changes(c) || c >= 0x80) return true;
    // An arrow (`->`, `-&gt;`) may point at the value: maybe.
    if (c == 45 && j + 1 < n) {
      const d = load<u8>(input + j + 1) as u32;
      if (d == 62 || d == 38) return true;
    }
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (len < 8) word = (word << 8) | ((c | 0x20) as u64);
      len++;
      j = step(input, j);
      continue;
    }
    const next = j < n ? step(input, j) : j + 1;
    const colon = c == 58 && (!alone || content || len > 0);
    // (A verb other than `is`/`was` after a lone name: generic_sentence.ts.)
    const verb = isBlank(c) && afterBlank && isVerb(word, len) &&
      (!alone || content || !((len == 2 && word == 0x6973) || (len == 3 && word == 0x776173)));
    if ((colon || verb) && valueFollows(input, n, next)) return true;
    if (c == 10 || c == 13 || k == 48 || j >= n) return false;
    if (len > 0 || !isBlank(c)) content = true;
    // French `c'est`: after its apostrophe, `est` is read as after a blank.
    afterBlank = isBlank(c) || (c == 39 && len == 1 && word == 0x63 && afterBlank);
    word = 0;
    len = 0;
    j = next;
  }
  return false;
}

/**
 * phraseMayFollow (detect/rules/generic_passphrase.ts) over bytes: a quote or a colon within the
 * 48 characters after the hit, before a line end, then (markers read as blanks) a word of 3-12
 * lower-case letters, a blank and a lower-case letter; an uncertain character on the way, or a
 * marker in the words: maybe.
 */
function phraseGate(input: usize, n: i32, he: i32): bool {
  let j = he;
  for (let k = 0; k < 48 && j < n; k++) {
    const c = byteAt(input, j);
    j = step(input, j);
    if (isMarker(plain(c))) continue; // no quote or colon, as shown or raw
    if (changes(c)) return true;
    if (c == 10 || c == 13) return false;
    if ((c == 34 || c == 39 || c == 58) && phraseWordsAt(input, n, j)) return true;
  }
  return false;
}

/** A character that may change, or a formatting marker (phraseMayFollow's maybe in any mode). */
@inline
function uncertain(c: u32): bool {
  return changes(c) || isMarker(plain(c));
}

@inline
function isLowerByte(c: u32): bool {
  return c >= 97 && c <= 122;
}

/** wordsAt in generic_passphrase.ts: blanks, markers and a quote (at most 5), a word, a blank, a letter. */
function phraseWordsAt(input: usize, n: i32, at: i32): bool {
  let k = at;
  for (let b = 0; b < 5 && k < n; b++) {
    const c = byteAt(input, k);
    if (!isMarker(plain(c))) {
      if (changes(c)) return true;
      if (c != 32 && c != 9 && c != 34 && c != 39) break;
    }
    k = step(input, k);
  }
  let len = 0;
  while (k < n) {
    const c = byteAt(input, k);
    if (uncertain(c)) return true;
    if (!isLowerByte(c)) break;
    len++;
    k = step(input, k);
  }
  if (len < 3 || len > 12 || k >= n) return false;
  const blank = byteAt(input, k);
  const next = step(input, k);
  if (next >= n) return uncertain(blank);
  const c = byteAt(input, next);
  if (uncertain(blank) || uncertain(c)) return true;
  return blank == 32 && isLowerByte(c);
}

/** commaBefore in generic_sentence.ts over raw bytes: a comma and at most 4 blanks before `at`. */
function commaBefore(input: usize, at: i32): bool {
  let k = at;
  while (k > 0 && at - k < 4 && isBlank(load<u8>(input + k - 1) as u32)) k--;
  return k > 0 && load<u8>(input + k - 1) == 44;
}

/**
 * withBefore in generic_sentence.ts over raw bytes: "with" and 1-8 blanks or markers right
 * before `at`; a backslash (an escape in JSON) or a byte that is not ASCII among them: maybe.
 */
function withBefore(input: usize, at: i32): bool {
  let k = at, b = 0;
  for (; k > 0 && b <= 8; k--, b++) {
    const c = load<u8>(input + k - 1) as u32;
    if (c == 92 || c >= 0x80 || escapedAt(input, k - 1)) return true;
    if (!isBlank(c) && !isMarker(c)) break;
  }
  if (b == 0 || b > 8 || k < 4) return false;
  // "with", little end first.
  const word: u32 = 0x68746977;
  for (let i = 0; i < 4; i++) {
    const c = load<u8>(input + k - 4 + i) as u32;
    if (c == 92 || c >= 0x80 || escapedAt(input, k - 4 + i)) return true;
    if ((c | 0x20) != ((word >> ((i as u32) << 3)) & 0xff)) return false;
  }
  if (k == 4) return true;
  return !isLetterByte(load<u8>(input + k - 5) as u32) || escapedAt(input, k - 5);
}

/** In JSON, whether the byte at `p` ends an escape (`\t`, `\u0041`): its character is another. */
function escapedAt(input: usize, p: i32): bool {
  if ((mode & MODE_JSON) == 0) return false;
  if (p >= 1 && oddBackslashes(input, p - 1)) return true;
  for (let q = p - 5; q <= p - 1 && q >= 1; q++) {
    if (load<u8>(input + q) == 117 && oddBackslashes(input, q - 1)) return true;
  }
  return false;
}

@inline
function isLetterByte(c: u32): bool {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}


/** valueAfter in generic_sentence.ts: 6 or more non-blank characters after blanks and a quote. */
function valueFollows(input: usize, n: i32, v: i32): bool {
  let k = v;
  // A marker before the value may show as a blank: maybe.
  for (let b = 0; b <= 4 && k < n; b++) {
    const c = byteAt(input, k);
    if (changes(c) || isMarker(plain(c))) return true;
    if (!isBlank(c) || b == 4) break;
    k = step(input, k);
  }
  if (k < n) {
    const q = byteAt(input, k);
    if (changes(q)) return true;
    // A `<` opens a placeholder or a reference the validator never takes (`<token>`,
    // `<#C024BE91L|ops>` read raw).
    if (q == 60) return false;
    if (q == 34 || q == 39 || q == 96) k = step(input, k);
  }
  // valueAfter's reading: 8 or more characters of two classes or more, no `name=`.
  let count = 0;
  let classes: u32 = 0;
  let name = true, field = false;
  for (; k < n && count < 128; count++) {
    const c = byteAt(input, k);
    if (changes(c) || c >= 0x80) return true;
    if (isBlank(c) || c == 10 || c == 13 || c == 34 || c == 39) break;
    classes |= classBit(c);
    if (name && !field) {
      // `name=value` is a field; a trailing `=` (base64's padding) is not.
      if (c == 61 && count > 0) {
        const d = k + 1 < n ? load<u8>(input + k + 1) as u32 : 32;
        if (d != 61 && !isBlank(d) && d != 10 && d != 13 && d != 34 && d != 39) field = true;
        else name = false;
      } else if (
        !(isLetterByte(c) || c == 95 || (count > 0 && (isAlnumByte(c) || c == 46 || c == 45)))
      ) name = false;
    }
    k = step(input, k);
  }
  return !field && count >= 8 && popcnt(classes) >= 2;
}

/** A character of a cell's name (delimitedMayFollow in detect/rules/generic_delimited.ts). */
@inline
function isCellNameByte(c: u32): bool {
  return isAlnumByte(c) || c == 95 || c == 45 || c == 46;
}

/** Whether `c` (raw) may read otherwise: JSON's escapes, mrkdwn's markers and entities. */
@inline
function rawUncertain(c: u32): bool {
  if (c >= 0x80 || c == 92) return true;
  return (mode & MODE_SHOWN) != 0 &&
    (isMarker(c) || c == 38 || c == 60 || c == 62 || c == 124);
}

/**
 * delimitedMayFollow's first part over bytes: the name that holds the hit is a whole cell, a
 * tab or a comma on one side and a delimiter or a line's edge on the other (its block of rows
 * is the TypeScript gate's to read). Anything uncertain: maybe.
 */
function delimitedGate(input: usize, n: i32, hs: i32, he: i32): bool {
  let s = hs;
  for (let k = 0; k < 64 && s > 0; k++) {
    const c = load<u8>(input + s - 1) as u32;
    // An identifier's underscore is read as it is in every mode (innerUnderscore).
    if (c == 95 && innerUnderscore(input, n, s - 1)) {
      s--;
      continue;
    }
    if (rawUncertain(c)) return true;
    if (!isCellNameByte(c)) break;
    s--;
  }
  let before: u32 = 10;
  if (s > 0) {
    before = load<u8>(input + s - 1) as u32;
    if (rawUncertain(before)) return true;
    // In JSON, a raw quote starts the text.
    if ((mode & MODE_JSON) != 0 && before == 34) before = 10;
  }
  let after: u32 = 10;
  let e = he;
  for (let k = 0; e < n; k++) {
    if (k == 64) return true;
    const c = byteAt(input, e);
    if (c == (95 | 0x200) && innerUnderscore(input, n, e)) {
      e = step(input, e);
      continue;
    }
    if (changes(c)) return true;
    if (!isCellNameByte(c)) {
      after = c;
      break;
    }
    e = step(input, e);
  }
  const delim = before == 9 || before == 44 ? before : after;
  if (delim != 9 && delim != 44) return false;
  return (before == delim || before == 10 || before == 13) &&
    (after == delim || after == 10 || after == 13);
}
