// The generic rules' gates (Rule.mayStart): the anchored patterns run at every `token`, `pass`
// or `://` of a text, and in chat nearly all of them are plain words or links. A gate reads a few
// characters around the hit and says "no match can start here" only when that is certain for the
// raw text and for the text as normalize() shows it: any character normalize() may change makes
// it say "maybe". The byte scanner (scripts/wasm/gates.as.ts) reads the same gates over bytes.
import type { CharReader } from "../types.ts";
import { bitCount, charClassBit } from "../entropy.ts";
import { isFormatting, MAX_REF } from "../normalize.ts";
import { innerUnderscore, mayChange } from "./gate_chars.ts";
import { MIN_PASSWORD_PAIR, REFERENCE, REFERENCE_HEAD } from "./generic_value.ts";
import { isAlnum } from "../chars.ts";

/** NAME_VALUE's name characters, `_` aside (normalize() may turn it into a blank). */
function isNameCode(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45 || c === 91 || c === 93;
}

function isQuoteCode(c: number): boolean {
  return c === 34 || c === 39;
}

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9;
}

/** Which characters make a gate say "maybe" (the scanner may read them otherwise). */
type Changes = (c: number) => boolean;
/**
 * Plain text's: the scanner reads a line again with its entities decoded (withoutEntities), so
 * an `&` may be the start of another character (`=&gt;`, `p&amp;ss`).
 */
const entityMayChange: Changes = (c) => c === 38;
const never: Changes = () => false;

/** Characters that end NAME_VALUE's value (`\s` and `"'\`,;)]}>`), U+00A0 included. */
function isValueStop(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 34 || c === 39 || c === 96 ||
    c === 44 || c === 59 || c === 41 || c === 93 || c === 125 || c === 62;
}

function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A URL scheme's characters after its first letter. */
function isSchemeCode(c: number): boolean {
  return isAlnum(c) || c === 43 || c === 46 || c === 45;
}

/**
 * NAME_VALUE's "not a URL" look-ahead at `v` (a letter): the end of `scheme://` when the value
 * is one (> 0), 0 when it is not, -1 when a character normalize() may change was read.
 */
function schemeEnd(text: CharReader, v: number, changes: Changes): number {
  let k = v + 1;
  for (; k < text.length && k <= v + 30; k++) {
    const c = text.charCodeAt(k);
    if (changes(c)) return -1;
    if (!isSchemeCode(c)) break;
  }
  for (let i = 0; i < 3; i++, k++) {
    if (k >= text.length) return 0;
    const c = text.charCodeAt(k);
    if (changes(c)) return -1;
    if (c !== (i === 0 ? 58 : 47)) return 0;
  }
  return k;
}

/** `r`, `b`, `u`, `f` (any case, one or two) or `@`: the letters a quote may follow. */
function isStringPrefixCode(c: number): boolean {
  const l = c | 32;
  return l === 114 || l === 98 || l === 117 || l === 102 || c === 64;
}

/**
 * Where the quote of a prefixed string at `v` stands (`r"`, `rb'`, `@"`), or `v` when there is
 * none.
 */
function stringPrefixEnd(text: CharReader, v: number): number {
  for (let k = v; k < v + 2 && k + 1 < text.length; k++) {
    if (!isStringPrefixCode(text.charCodeAt(k))) return v;
    if (isQuoteCode(text.charCodeAt(k + 1))) return k + 1;
  }
  return v;
}

/**
 * Whether NAME_VALUE's value (an optional quote, then 8 or more characters it allows, the first
 * not one of `-=:.?`) that the validator may accept starts at `v`. Any character normalize()
 * may change: maybe.
 */
function valueMayStartAt(text: CharReader, v: number, changes: Changes): boolean {
  if (v >= text.length) return false;
  let c = text.charCodeAt(v);
  if (changes(c)) return true;
  // An escaped opening quote (`\"`, a JSON string inside a JSON string).
  if (c === 92 && v + 1 < text.length && isQuoteCode(text.charCodeAt(v + 1))) {
    c = text.charCodeAt(++v);
  }
  // A raw, bytes or verbatim string's prefix (`r"`, `rb'`, `@"`) before its opening quote.
  const quoted = stringPrefixEnd(text, v);
  if (quoted > v) {
    v = quoted;
    c = text.charCodeAt(v);
  }
  let open = 0;
  if (c === 34 || c === 39 || c === 96) {
    open = c;
    // A triple quote (`"""…"""`) opens as one.
    if (v + 2 < text.length && text.charCodeAt(v + 1) === c && text.charCodeAt(v + 2) === c) {
      v += 2;
    }
    if (++v >= text.length) return false;
    c = text.charCodeAt(v);
    if (changes(c)) return true;
  }
  // A value may start with `-` or `.` before a letter or digit (random base64url does; a
  // password may), never `--` or `..`.
  if (c === 45 || c === 46) {
    if (v + 1 >= text.length) return false;
    const d = text.charCodeAt(v + 1);
    return changes(d) || isAlnum(d);
  }
  if (isValueStop(c) || c === 61 || c === 58 || c === 46 || c === 63) return false;
  if (isLetterCode(c)) {
    const scheme = schemeEnd(text, v, changes);
    if (scheme < 0) return true;
    if (scheme > 0) return false;
  }
  // The value runs to a stop (at most 200 characters in the pattern). The validator accepts it
  // only when it looks generated (16+ characters of 2+ classes, 12+ of three) or, for a password, like one
  // (8+ characters of 3+ classes, or MIN_PASSWORD_PAIR+ letters and digits): a run that is
  // neither (`********`, `changeme1`, `<redacted`) cannot be accepted, and a match's value is a
  // prefix of the run.
  // Templates never are (isNonSecretValue): `${X}`, `$(cmd)`, and `{{ x }}` anywhere; nor
  // references (REFERENCE_PREFIXES). (`$X` may be a variable or a password: the validator says.)
  if (c === 36 && v + 1 < text.length) {
    const d = text.charCodeAt(v + 1);
    if (changes(d)) return true;
    if (d === 123 || d === 40) return false;
  }
  let head = "";
  for (let k = v; k < text.length && head.length < REFERENCE_HEAD; k++) {
    const d = text.charCodeAt(k);
    if (changes(d) || isValueStop(d)) break;
    head += String.fromCharCode(d);
  }
  if (REFERENCE.test(head)) return false;
  let n = 0, classes = 0;
  for (let k = v; k < text.length && n < 200; k++, n++) {
    const d = text.charCodeAt(k);
    if (changes(d)) return true;
    // A `>` with more of the value right after it is inside the value (valueEnd reads on).
    // A quoted value reads on to its closing quote past any stop but a blank (valueEnd).
    if (isValueStop(d) && !(d === 62 && angleGoesOn(text, k)) && !quotedGoesOn(open, d)) break;
    if (d === 123 && k > v && text.charCodeAt(k - 1) === 123) return false;
    classes |= charClassBit(d);
  }
  // A run longer than that is judged whole by the validator: maybe.
  if (n >= 200) return true;
  const count = bitCount(classes);
  // (A password of letters and digits only is one from 10: looksLikePassword's words and number.)
  return (n >= MIN_PASSWORD_PAIR && count >= 2) || (n >= 8 && count >= 3);
}

/** Whether a value opened by the quote `open` (0: none) goes on at the stop `d`. */
function quotedGoesOn(open: number, d: number): boolean {
  return open !== 0 && d !== open && d > 32 && d !== 0xa0 && (open === 96 || d !== 96);
}

/** Whether the value goes on after the `>` at `k` (no stop and no `<` right after it). */
function angleGoesOn(text: CharReader, k: number): boolean {
  if (k + 1 >= text.length) return false;
  const d = text.charCodeAt(k + 1);
  return !isValueStop(d) && d !== 60;
}

/** After `=`/`:` at `k` (or `=>`, `:=`) and up to 32 blanks: a value? */
function valueAfterSeparator(text: CharReader, k: number, changes: Changes): boolean {
  const c = text.charCodeAt(k);
  let s = k + 1;
  // `=` alone before `>` (or `:` before `=`) would leave a value starting with it: never one.
  if (s < text.length) {
    const d = text.charCodeAt(s);
    if (changes(d)) return true;
    // `=>`, `:=`, and a shell default's `:-` (`${DB_PASSWORD:-…}`).
    if ((c === 61 && d === 62) || (c === 58 && (d === 61 || d === 45))) s++;
    // `https://`: a scheme, not a name and its separator.
    else if (c === 58 && d === 47 && s + 1 < text.length) {
      const e = text.charCodeAt(s + 1);
      if (changes(e)) return true;
      if (e === 47) return false;
    }
  }
  // A bold label's closing markers (`**Password:** …`; as shown, `*` is a "maybe" already).
  if (s < text.length && text.charCodeAt(s) === 42 && !changes(42)) {
    s++;
    if (s < text.length && text.charCodeAt(s) === 42) s++;
  }
  // Up to 32 blanks: `heroku config` and other tables pad their values into a column.
  for (let b = 0; b < 32 && s < text.length && isBlankCode(text.charCodeAt(s)); b++) s++;
  if (c === 58 && s < text.length) {
    const e = blockScalarEnd(text, s, changes);
    if (e < 0) return true;
    if (e < text.length && isLineEndCode(text.charCodeAt(e))) {
      return valueBelowMayStart(text, e, changes);
    }
  }
  return valueMayStartAt(text, s, changes);
}

/**
 * After a YAML block scalar's indicator at `s` (`|`, `>`, `|-`, `>+`: VALUE_BELOW_LABEL takes up
 * to 6 of them and blanks), where the line goes on; -1 when a character there may read otherwise
 * as shown.
 */
function blockScalarEnd(text: CharReader, s: number, changes: Changes): number {
  let k = s;
  for (let i = 0; i < 6 && k < text.length; i++, k++) {
    const c = text.charCodeAt(k);
    if (isBlankCode(c)) continue;
    if (c !== 124 && c !== 62 && c !== 43 && c !== 45) break;
    if (changes(c)) return -1;
  }
  return k;
}

function isLineEndCode(c: number): boolean {
  return c === 10 || c === 13;
}

/** `k` after up to `max` blanks. */
function skipBlanks(text: CharReader, k: number, max: number): number {
  for (let b = 0; b < max && k < text.length && isBlankCode(text.charCodeAt(k)); b++) k++;
  return k;
}

/** After the line end at `k` (`\r\n` or `\n`), where the next line starts; -1 when none is. */
function lineEndAt(text: CharReader, k: number): number {
  if (k < text.length && text.charCodeAt(k) === 13) k++;
  return k < text.length && text.charCodeAt(k) === 10 ? k + 1 : -1;
}

/**
 * A label's value on the next line (VALUE_BELOW_LABEL), from the line end at `s`: up to 8
 * blanks, a code block's opening backticks, blanks and its line end, blanks, then a value.
 */
function valueBelowMayStart(text: CharReader, s: number, changes: Changes): boolean {
  let k = lineEndAt(text, s);
  if (k < 0) return false;
  for (let i = k; i < text.length && i < k + 16; i++) if (changes(text.charCodeAt(i))) return true;
  k = skipBlanks(text, k, 8);
  if (
    k + 2 < text.length && text.charCodeAt(k) === 96 && text.charCodeAt(k + 1) === 96 &&
    text.charCodeAt(k + 2) === 96
  ) k = skipBlanks(text, k + 3, 4);
  // The block's line end (as shown, its backticks were blanks).
  const next = lineEndAt(text, k);
  if (next >= 0) k = skipBlanks(text, next, 4);
  return valueMayStartAt(text, k, changes);
}

/** After `is`/`was` at `k`, 1-4 of `[ \t:]` and a value? */
function valueAfterIsWas(text: CharReader, k: number, changes: Changes): boolean {
  const word = text.charCodeAt(k) === 119 ? "was" : "is";
  let s = k;
  for (let i = 0; i < word.length; i++, s++) {
    if (s >= text.length) return false;
    const c = text.charCodeAt(s);
    if (changes(c)) return true;
    if (c !== word.charCodeAt(i)) return false;
  }
  let b = 0;
  while (b < 4 && s < text.length) {
    const c = text.charCodeAt(s);
    if (changes(c)) return true;
    if (!isBlankCode(c) && c !== 58) break;
    s++;
    b++;
  }
  return b > 0 && valueMayStartAt(text, s, changes);
}

/**
 * What may follow a name that ends at `s` (after its closing quote, if any): up to 4 blanks and
 * `=`, `:`, `=>` or `:=`, or 1-4 blanks and `is`/`was`; then a value.
 */
function valueAfterName(text: CharReader, s: number, changes: Changes): boolean {
  let k = s, b = 0;
  // Up to 32 blanks align a block's `=` (`terraform fmt`, INI files).
  while (b < 32 && k < text.length && isBlankCode(text.charCodeAt(k))) {
    k++;
    b++;
  }
  if (k >= text.length) return false;
  const d = text.charCodeAt(k);
  if (changes(d)) return true;
  if (d === 61 || d === 58) return valueAfterSeparator(text, k, changes);
  if (b > 0 && (d === 105 || d === 119)) return valueAfterIsWas(text, k, changes);
  return false;
}

/** How far a reference's `>` may lie past the hit to count: well inside a region's reach. */
const REF_REACH = 200;

/**
 * `text` as normalize() shows, in the region from `from` (a hit's word), two things it always
 * turns into blanks: a marker run (`*`, `_`, `~`, backtick) with a blank or line end (any
 * character up to U+0020) or the text's edge on one side (normalize() keeps or drops a marker
 * only between two characters of a word), and the `<`, first `|` and `>` of a reference
 * (`<#C…|name>`, `<@U…>`, `<https://…|label>`) that ends within `REF_REACH` of the hit. Other
 * characters read as they are; `mapped` tells whether something was read as a blank.
 */
class ShownReading implements CharReader {
  mapped = false;
  constructor(readonly text: CharReader, readonly from: number, readonly hitStart: number) {}

  get length(): number {
    return this.text.length;
  }

  charCodeAt(i: number): number {
    const c = this.text.charCodeAt(i);
    const blank = isFormatting(c)
      ? this.#edgeMarker(i)
      : (c === 60 || c === 124 || c === 62) && this.#referenceBracket(i, c);
    if (!blank) return c;
    this.mapped = true;
    return 32;
  }

  #edgeMarker(i: number): boolean {
    const t = this.text;
    let a = i, b = i + 1;
    while (a > 0 && isFormatting(t.charCodeAt(a - 1))) a--;
    while (b < t.length && isFormatting(t.charCodeAt(b))) b++;
    return a === 0 || t.charCodeAt(a - 1) <= 32 || b === t.length || t.charCodeAt(b) <= 32;
  }

  /** Whether `c` at `i` is the `<`, the first `|` or the `>` of a reference in the region. */
  #referenceBracket(i: number, c: number): boolean {
    const t = this.text;
    let open = i;
    if (c !== 60) {
      // Back to the reference's `<` (a reference holds no `<`, `>` or line end).
      let pipes = 0;
      for (open = i - 1; open >= this.from; open--) {
        const d = t.charCodeAt(open);
        if (d === 60) break;
        if (d === 62 || d === 10) return false;
        if (d === 124) pipes++;
      }
      if (open < this.from || (c === 124 && pipes > 0)) return false;
    }
    // normalize(): the first `<`, `>` or line end after the `<` is a `>`, not right after it.
    const stop = Math.min(t.length, open + MAX_REF, this.hitStart + REF_REACH);
    let k = open + 1;
    while (k < stop) {
      const d = t.charCodeAt(k);
      if (d === 62 || d === 60 || d === 10) break;
      k++;
    }
    return k < stop && t.charCodeAt(k) === 62 && k > open + 1 && (c !== 62 || k === i);
  }
}

/**
 * NAME_VALUE's gate. A match's name is a run of name characters (at most 63) followed by a
 * quote, `=`, `:`, or 1-4 blanks and then `=`, `:`, `is`, `was`, or, for a `--flag`, the value;
 * then comes a value of 8 or more characters. The validator accepts a match only when its name
 * holds one of the rule's keywords (classifyName), which is then a hit of its own: so only the
 * name run that holds this hit `[hitStart, hitEnd)` counts, and what follows its end decides.
 */
export function nameValueMayStart(
  text: CharReader,
  wordStart: number,
  hitStart: number,
  hitEnd = hitStart,
  asShown = true,
): boolean {
  if (!asShown) return nameValueReading(text, wordStart, hitStart, hitEnd, entityMayChange);
  // As shown, with what normalize() always makes blanks read as blanks (any other character
  // it may change: maybe); when something was, the raw reading is another.
  const shown = new ShownReading(text, wordStart, hitStart);
  if (nameValueReading(shown, wordStart, hitStart, hitEnd, mayChange)) return true;
  return shown.mapped && nameValueReading(text, wordStart, hitStart, hitEnd, entityMayChange);
}

/** nameValueMayStart over one reading of the text (`changes`: characters read as "maybe"). */
function nameValueReading(
  text: CharReader,
  wordStart: number,
  hitStart: number,
  hitEnd: number,
  changes: Changes,
): boolean {
  // `_` is a name character raw, and as shown inside an identifier (else a marker: maybe).
  let dash = false;
  const longest = hitStart + 64;
  for (let j = wordStart; j < text.length; j++) {
    const c = text.charCodeAt(j);
    // An entity before the hit decodes to no name character (`&`, `<`, `>`, a quote): the name
    // run that holds the hit is the same either way.
    const entityBefore = c === 38 && j < hitStart && changes === entityMayChange;
    if (changes(c) && !(c === 95 && innerUnderscore(text, j)) && !entityBefore) return true;
    if (isNameCode(c) || c === 95) {
      if (c === 45) dash = true;
      if (j >= longest) return false; // the run through the hit is longer than any name
      continue;
    }
    // Only a name that holds the hit counts: an accepted match's name holds a keyword of its
    // rule (classifyName), which is a hit of its own and gated on its own. A hit of two words
    // (`client secret`) holds the name in its last one; a hit may also hold the separator
    // (another rule's `credentials:`), which is read, but a reading inside the hit that fails
    // leaves the rest of it to read.
    if (j < hitStart) continue;
    if (c === 34 || c === 39) {
      if (j + 1 < text.length && changes(text.charCodeAt(j + 1))) return true;
      if (valueAfterName(text, j + 1, changes)) return true;
    } else if (c === 92 && j + 1 < text.length && isQuoteCode(text.charCodeAt(j + 1))) {
      // An escaped closing quote (`{\"password\":\"…\"}`).
      if (valueAfterName(text, j + 2, changes)) return true;
    } else if (c === 42) {
      // A bold label's closing markers (`*Password*: …`; as shown, `*` was a "maybe" above).
      const k = j + 1 < text.length && text.charCodeAt(j + 1) === 42 ? j + 2 : j + 1;
      if (valueAfterName(text, k, changes)) return true;
    } else if (c === 61 || c === 58) {
      if (valueAfterName(text, j, changes)) return true;
    } else if (isBlankCode(c)) {
      if (valueAfterName(text, j, changes)) return true;
      if (dash) {
        // `--flag value`: 1-4 blanks, then the value.
        let k = j;
        for (let b = 0; b < 4 && k < text.length && isBlankCode(text.charCodeAt(k)); b++) k++;
        if (valueMayStartAt(text, k, changes)) return true;
      }
    }
    if (j >= hitEnd) return false;
  }
  return false;
}

/**
 * The URL rule's gate: a match needs a `:` (before the password) within 65 characters after
 * `://`, before any blank, `/`, second `@` (the user may be a mailbox), quote or bracket; and no
 * other `://` earlier in the word.
 */
export function urlMayStart(
  text: CharReader,
  wordStart: number,
  hitStart: number,
  hitEnd: number,
  asShown = true,
): boolean {
  // Raw, an entity decodes to a stop or to `&`, never to a `:`: it cannot make a match.
  const changes = asShown ? mayChange : never;
  for (let j = wordStart; j < hitStart; j++) {
    const c = text.charCodeAt(j);
    // `<` before a scheme is a blank as shown (a link) or itself: neither is a scheme character.
    // An identifier's `_` (TOKEN_URL=) stays as shown too.
    if (c === 58 || (c !== 60 && changes(c) && !(c === 95 && innerUnderscore(text, j)))) {
      return true;
    }
  }
  const stop = Math.min(text.length, hitEnd + 65);
  let at = false;
  for (let j = hitEnd; j < stop; j++) {
    const c = text.charCodeAt(j);
    if (c === 58) return true;
    if (c === 64 && !at) {
      at = true;
      continue;
    }
    if (
      c === 47 || c === 64 || c === 34 || c === 39 || c === 60 || c === 62 || c === 32 ||
      c === 10 || c === 13 || c === 9 || c === 12 || c === 11 || c === 0xa0
    ) return false;
    // `|` in a link is a blank as shown (the end) and a character raw: go on reading raw.
    if (c !== 124 && changes(c) && !(c === 95 && innerUnderscore(text, j))) return true;
  }
  return false;
}
