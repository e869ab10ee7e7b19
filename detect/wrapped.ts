// A token wrapped onto the next line reads as one: a terminal at 80 columns, an email at 76 (or
// quoted at 72, `> ` before each line), a phone's soft wrap, quoted-printable's soft break (`=`
// at a line's end). A line break is read through only where the line before ends in a token
// character and the line after begins with what can only be more of a token: at least 8 token
// characters that look random, not starting with a keyword (which would start a token of its
// own: the next line of a list of tokens). After a soft break any piece continues.
import type { NormalizedText } from "./normalize.ts";
import { isAlnum } from "./chars.ts";

/** Letters, digits and the `_-+/.` of base64, base64url, JWTs and URL paths. */
function isTokenChar(c: number): boolean {
  return isAlnum(c) || c === 95 || c === 45 || c === 43 || c === 47 || c === 46;
}

const EQUALS = 61, CR = 13, LF = 10, GT = 62, SPACE = 32;
const MIN_PIECE = 8;
/** The shortest line a soft break ends: quoted-printable fills lines to 76 characters. */
const SOFT_LINE = 60;
/** Lines one token may be wrapped over (a 2 KB JWT at 64 columns). */
const MAX_JOINS = 32;

/** Where a line's text starts after its quote markers (`> `, `>> `, `> > `, `&gt; `). */
function afterQuote(text: string, at: number): number {
  let p = at;
  while (true) {
    if (text.charCodeAt(p) === GT) p++;
    else if (text.startsWith("&gt;", p)) p += 4;
    else break;
    if (text.charCodeAt(p) === SPACE) p++;
  }
  return p;
}

/** End of the token characters from `at`, with base64's `=` padding. */
function pieceEnd(text: string, at: number): number {
  let p = at;
  while (p < text.length && isTokenChar(text.charCodeAt(p))) p++;
  while (text.charCodeAt(p) === EQUALS) p++;
  return p;
}

/**
 * Random-looking: small letters with a digit or a capital after a small letter. Slack ids and
 * codes in capitals, and words (`Tomorrow`), stay lines of their own.
 */
function looksLikeTokenPiece(piece: string): boolean {
  return piece.length >= MIN_PIECE && /[a-z]/.test(piece) && /[0-9]|[a-z][A-Z]/.test(piece);
}

function endsLine(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return at >= text.length || c === LF || c === CR;
}

/** Letters alone, a capital only first: a word, where a token's rest mixes them or holds digits. */
function isWord(piece: string): boolean {
  return /^[A-Za-z][a-z]*$/.test(piece);
}

/** The first line break (`\n`, or the `\r` of `\r\n`) at or after `at`, or -1. */
function lineBreakFrom(text: string, at: number): number {
  const nl = text.indexOf("\n", at);
  return nl > at && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
}

/** The line break at `at` (`\n` or `\r\n`): the index after it, or -1. */
function breakEnd(text: string, at: number): number {
  if (text.charCodeAt(at) === CR) at++;
  return text.charCodeAt(at) === LF ? at + 1 : -1;
}

/**
 * `text[from, to)` with the line breaks read through that wrapped a token in it (or at its end:
 * the reading may run on to `end`, over the pieces), or null when there is none; its map is
 * relative to `from`. `startsToken` tells whether a piece starts with a keyword.
 */
export function joinWrapped(
  text: string,
  from: number,
  to: number,
  startsToken: (piece: string) => boolean,
): (NormalizedText & { end: number }) | null {
  // Gaps to drop, flat [start, end, …]: a soft break's `=`, the line break, quote markers.
  const gaps: number[] = [];
  let end = to;
  let nl = lineBreakFrom(text, from);
  // The width of a wrap in progress: a piece that filled a line as long as the one before.
  let width = -1;
  while (nl !== -1 && nl <= end && gaps.length < 2 * MAX_JOINS) {
    const after = breakEnd(text, nl);
    const next = lineBreakFrom(text, after);
    const lineLength = nl - (text.lastIndexOf("\n", nl - 1) + 1);
    let joined = false;
    if (nl > from) {
      const before = text.charCodeAt(nl - 1);
      // Quoted-printable breaks lines of 76 characters with a lone `=` (base64 pads with one too,
      // but only at its end, on a line of its own length).
      const soft = before === EQUALS && text.charCodeAt(nl - 2) !== EQUALS &&
        lineLength >= SOFT_LINE;
      if (soft || isTokenChar(before)) {
        const s = afterQuote(text, after);
        const e = pieceEnd(text, s);
        const piece = text.slice(s, e);
        // Within a wrap of one width, the last piece may be short, when it ends its line and is
        // no word (`Regards,`, `> Done`, `echo …` after a token that filled its line).
        const sure = soft || (lineLength === width && endsLine(text, e) && !isWord(piece));
        if ((sure ? piece.length > 0 : looksLikeTokenPiece(piece)) && !startsToken(piece)) {
          gaps.push(soft ? nl - 1 : nl, s);
          joined = true;
          // A piece that fills its line reaches the next break: it may go on over it.
          if (e > end) end = e;
          width = e === next ? lineLength : -1;
        }
      }
    }
    if (!joined) width = -1;
    nl = next;
  }
  if (gaps.length === 0) return null;
  let out = "";
  const map = new Int32Array(end - from + 1);
  let j = 0, at = from;
  for (let g = 0; g <= gaps.length; g += 2) {
    const stop = g < gaps.length ? gaps[g] : end;
    out += text.slice(at, stop);
    for (let i = at; i < stop; i++) map[j++] = i - from;
    if (g < gaps.length) at = gaps[g + 1];
  }
  map[j] = end - from;
  return { text: out, map: map.subarray(0, j + 1), end };
}

/**
 * Whether the line that ends at `at` reads as wrapped: at a width mail and tools wrap at, or as
 * long as the full line after it (a wrap of any width over three lines or more).
 */
export function readsAsWrapped(text: string, at: number): boolean {
  const length = at - (text.lastIndexOf("\n", at - 1) + 1);
  if (WRAP_WIDTHS.has(length)) return true;
  const from = at + (text.charCodeAt(at) === 13 ? 2 : 1);
  let to = text.indexOf("\n", from);
  if (to === -1) return false;
  if (text.charCodeAt(to - 1) === 13) to--;
  return to - from === length && !/\s/.test(text.slice(from, to).replace(/^(?:>|&gt;)+ ?/, ""));
}

/** Widths text is wrapped at: PEM and base64 (64, 76), mail (72, 76, 78), terminals (80). */
const WRAP_WIDTHS = new Set([64, 72, 76, 78, 80]);
