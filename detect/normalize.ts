// Slack mrkdwn to the text a person sees, keeping a map back to the original offsets.
//
// Secrets are matched on what a reader would copy off the screen: entities decoded, invisible
// characters dropped, and formatting markers that Slack's renderer (or a reader) glues back
// together removed from inside a word, so `xoxb-123*456*789` or `xo<ZWJ>xb-…` read as one token.
// Markers at a word's edge that pair into a span become spaces rather than vanishing, so
// `<token>xoxb-…` or `*bold*xoxb` never glue a neighbouring word onto a token; an unpaired one is
// shown as typed and stays (marker_spans.ts). The output is never longer than the
// input, so the map is one Int32Array.
import { isAlnum } from "./chars.ts";
import { edgeMarker } from "./marker_spans.ts";

export interface NormalizedText {
  /** The visible text. */
  text: string;
  /**
   * `map[i]` is the offset in the original text of visible character `i`; `map[text.length]` is
   * the original length. `null` when nothing changed (identity map).
   */
  map: Int32Array | null;
}

/** Characters that render as nothing (or as nothing a reader would copy). */
export const INVISIBLE_CLASS =
  "\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180E\\u200B-\\u200F" +
  "\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0";

/** Each character of INVISIBLE_CLASS. */
export function invisibleCharacters(): string[] {
  const out: string[] = [];
  const re = /\\u([0-9A-Fa-f]{4})(?:-\\u([0-9A-Fa-f]{4}))?/g;
  for (const m of INVISIBLE_CLASS.matchAll(re)) {
    const from = parseInt(m[1], 16), to = m[2] ? parseInt(m[2], 16) : from;
    for (let c = from; c <= to; c++) out.push(String.fromCharCode(c));
  }
  return out;
}

const ANYTHING_TO_DO = new RegExp(`[${INVISIBLE_CLASS}&<*_~\`]`);
/** True when `text` holds characters normalize would change. */
export function mayNeedNormalizing(text: string): boolean {
  return ANYTHING_TO_DO.test(text);
}

function isInvisible(c: number): boolean {
  if (c < 0xad) return false;
  return c === 0xad || c === 0x34f || c === 0x61c || c === 0x115f || c === 0x1160 ||
    c === 0x17b4 || c === 0x17b5 || (c >= 0x180b && c <= 0x180e) ||
    (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206f) || c === 0x3164 ||
    (c >= 0xfe00 && c <= 0xfe0f) || c === 0xfeff || c === 0xffa0;
}

const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`);

/**
 * `text` without its invisible characters, and nothing else changed: plain text as a reader
 * copies it (a token with a zero-width space or a soft hyphen inside, pasted from a chat into a
 * file). `map` is null when there is none.
 */
export function withoutInvisibles(text: string): NormalizedText {
  if (!INVISIBLE.test(text)) return { text, map: null };
  const map = new Int32Array(text.length + 1);
  let out = "", j = 0, from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isInvisible(text.charCodeAt(i))) {
      map[j++] = i;
      continue;
    }
    out += text.slice(from, i);
    from = i + 1;
  }
  out += text.slice(from);
  map[j] = text.length;
  return { text: out, map: map.subarray(0, j + 1) };
}

/** An entity `withoutEntities` reads: the five that Slack, HTML and XML escape text with. */
export const ENTITY = /&(?:amp|lt|gt|quot|#39);/;

/**
 * `text` with its `&amp;` `&lt;` `&gt;` `&quot;` `&#39;` read as the characters they stand for,
 * and nothing else changed: a password in a file saved from Slack (`p&amp;ss`) or in an XML
 * attribute is the one typed. `map` is null when there is none.
 */
export function withoutEntities(text: string): NormalizedText {
  if (!ENTITY.test(text)) return { text, map: null };
  const map = new Int32Array(text.length + 1);
  let out = "", j = 0;
  for (let i = 0; i < text.length;) {
    const e = text.charCodeAt(i) === AMP ? entityAt(text, i) : null;
    map[j++] = i;
    if (e) {
      out += e[0];
      i += e[1];
    } else {
      out += text[i++];
    }
  }
  map[j] = text.length;
  return { text: out, map: map.subarray(0, j + 1) };
}

const STAR = 42, UNDERSCORE = 95, TILDE = 126, BACKTICK = 96, AMP = 38, LT = 60, GT = 62;
const PIPE = 124, NL = 10, SPACE = 32;

/** ASCII characters the loop must look at; everything else is copied as is. */
const SPECIAL = new Uint8Array(128);
for (const c of [STAR, UNDERSCORE, TILDE, BACKTICK, AMP, LT, GT, PIPE]) SPECIAL[c] = 1;

/** A formatting marker: `*`, `_`, `~` or a backtick. */
export function isFormatting(c: number): boolean {
  return c === STAR || c === UNDERSCORE || c === TILDE || c === BACKTICK;
}

/**
 * Characters a credential is made of: a marker between two of them is inside a token. An
 * underscore only reaches `last` when it was kept as part of an identifier (`ghp_`, base64url).
 */
function isTokenChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
    c === 45 || c === 46 || c === 37 || c === 43 || c === 47 || c === 61 || c === 95;
}

/** Decoded character and length of the entity at `i`, or null. Slack escapes only & < >. */
function entityAt(text: string, i: number): [string, number] | null {
  const c1 = text.charCodeAt(i + 1);
  if (c1 === 97 && text.startsWith("amp;", i + 1)) return ["&", 5];
  if (c1 === 108 && text.startsWith("lt;", i + 1)) return ["<", 4];
  if (c1 === 103 && text.startsWith("gt;", i + 1)) return [">", 4];
  if (c1 === 113 && text.startsWith("quot;", i + 1)) return ['"', 6];
  if (c1 === 35 && text.startsWith("39;", i + 2)) return ["'", 5];
  return null;
}

/** Longest Slack reference (`<https://…|label>`, `<@U…>`) looked for; longer `<` stay text. */
export const MAX_REF = 2048;

/** The next character after `i` that is neither a marker nor invisible (bounded look-ahead). */
function nextSignificant(text: string, i: number): number {
  const stop = Math.min(text.length, i + 16);
  for (let k = i; k < stop; k++) {
    const c = text.charCodeAt(k);
    if (!isFormatting(c) && !isInvisible(c)) return c;
  }
  return SPACE;
}

export interface NormalizeOptions {
  /**
   * Keep a formatting marker that sits inside a word (`Xk9*mP2`) instead of dropping it: for
   * values such as passwords, where `*` or `~` is a character, not a split.
   */
  keepInnerMarkers?: boolean;
  /**
   * The text this one is a slice of, and where the slice starts in it: a marker at a word's edge
   * pairs (or not) with another on its whole line, which may reach outside the slice.
   */
  within?: { text: string; offset: number };
}

/** Slack mrkdwn (or plain text) to visible text with an offset map. Never throws. */
export function normalize(text: string, options: NormalizeOptions = {}): NormalizedText {
  const keepInner = options.keepInnerMarkers === true;
  if (!mayNeedNormalizing(text)) return { text, map: null };
  const line = options.within?.text ?? text, offset = options.within?.offset ?? 0;
  const n = text.length;
  const map = new Int32Array(n + 1);
  const parts: string[] = [];
  let j = 0; // visible length so far
  let runStart = 0; // start of the pending unchanged run in the original
  let last = SPACE; // last visible character code
  let refEnd = -1; // index of the `>` closing the current `<…>` reference
  let refPipe = false; // the reference's first `|` was seen

  const flush = (end: number) => {
    if (end > runStart) {
      parts.push(text.slice(runStart, end));
      for (let k = runStart; k < end; k++) map[j++] = k;
    }
  };
  const emit = (s: string, at: number, next: number) => {
    flush(at);
    parts.push(s);
    map[j++] = at;
    runStart = next;
    last = s.charCodeAt(0);
  };
  const drop = (at: number, next: number) => {
    flush(at);
    runStart = next;
  };

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 ? SPECIAL[c] === 0 : !isInvisible(c)) {
      last = c;
      continue;
    }
    if (isInvisible(c)) {
      drop(i, i + 1);
      continue;
    }
    if (c === AMP) {
      const e = entityAt(text, i);
      if (e) {
        emit(e[0], i, i + e[1]);
        i += e[1] - 1;
      } else last = c;
      continue;
    }
    if (c === LT) {
      // The search stops at the next `<`, so a run of `<` costs linear time.
      if (refEnd < 0) {
        const stop = Math.min(n, i + MAX_REF);
        let k = i + 1;
        for (; k < stop; k++) {
          const d = text.charCodeAt(k);
          if (d === GT || d === LT || d === NL) break;
        }
        if (k < stop && text.charCodeAt(k) === GT && k > i + 1) {
          refEnd = k;
          refPipe = false;
          emit(" ", i, i + 1);
          continue;
        }
      }
      last = c;
      continue;
    }
    if (c === GT) {
      if (i === refEnd) {
        refEnd = -1;
        emit(" ", i, i + 1);
      } else last = c;
      continue;
    }
    if (c === PIPE) {
      if (refEnd > i && !refPipe) {
        refPipe = true;
        emit(" ", i, i + 1);
      } else last = c;
      continue;
    }
    if (isFormatting(c)) {
      const next = nextSignificant(text, i + 1);
      if (c === UNDERSCORE) {
        // Inside an identifier (SLACK_BOT_TOKEN, ghp_…) an underscore is a character.
        // `-` counts too: base64url keys hold `-_` (`sk-proj-_Zq…`).
        if (
          (isAlnum(last) || last === 45) && (isAlnum(next) || next === UNDERSCORE || next === 45)
        ) {
          // …but one closing italics before a dash (`_xoxb-123_-456…`, italic up to the dash)
          // formats, and the token reads on across it as it shows.
          if (next === 45 && isAlnum(last) && edgeMarker(line, offset + i) === "formatting") {
            drop(i, i + 1);
          } else last = c;
          continue;
        }
        if (last === UNDERSCORE && isAlnum(next)) {
          last = c;
          continue;
        }
        // At a word's edge: formatting when it pairs on its line; a key ending in `_` otherwise.
        if (edgeMarker(line, offset + i) === "shown") last = c;
        else emit(" ", i, i + 1);
        continue;
      }
      if (keepInner && last > SPACE && next > SPACE) {
        last = c; // inside a word: a character of the value
      } else if (isTokenChar(last) && isTokenChar(next)) drop(i, i + 1);
      else if (edgeMarker(line, offset + i) === "shown") last = c; // unpaired: shown as typed
      else emit(" ", i, i + 1);
      continue;
    }
    last = c;
  }
  if (runStart === 0 && parts.length === 0) return { text, map: null };
  flush(n);
  map[j] = n;
  return { text: parts.join(""), map: map.subarray(0, j + 1) };
}

/** Original offset of visible offset `i` (start of a span). */
export function originalStart(norm: NormalizedText, i: number): number {
  return norm.map === null ? i : norm.map[i];
}

/**
 * Original end (exclusive) of a visible span ending at `end` (exclusive): just past the original
 * of its last character, so trailing markers dropped after it are not included.
 */
export function originalEnd(norm: NormalizedText, original: string, end: number): number {
  if (norm.map === null) return end;
  if (end === 0) return norm.map[0];
  const o = norm.map[end - 1];
  if (original.charCodeAt(o) === AMP) {
    const e = entityAt(original, o);
    if (e) return o + e[1];
  }
  return o + 1;
}
