// When a formatting marker (`*`, `_`, `~`, a backtick) formats: Slack pairs an opening marker
// (after a non-word character, before a word) with a closing one (after a word, before a
// non-word character) on the same line; an unpaired one is shown as typed. Shared by the
// normalizer (is this edge marker shown?) and the scanner's dedupe (is this marker around a
// secret formatting?).
import { isAlnum, isSpace } from "./chars.ts";

/**
 * Characters a marker after them cannot open a span at: a word's, and those that join a token's
 * parts (`-`, `_`, `.`, `/`, `+`, `%`), so `…q-_HHw…` in a key opens nothing.
 */
function joinsToken(c: number): boolean {
  return isAlnum(c) || c === 45 || c === 95 || c === 46 || c === 47 || c === 43 || c === 37;
}

/** Whether the marker at `p` may open a span (after a non-word character, before a word). */
export function canOpen(text: string, p: number, from: number): boolean {
  return p + 1 < text.length && !isSpace(text.charCodeAt(p + 1)) &&
    (p === from || !joinsToken(text.charCodeAt(p - 1)));
}

/** Whether the marker at `q` may close a span (after a word, before a non-word character). */
export function canClose(text: string, q: number, to: number): boolean {
  return q > 0 && !isSpace(text.charCodeAt(q - 1)) &&
    (q + 1 >= to || !isAlnum(text.charCodeAt(q + 1)));
}

/** Whether a span of marker `m` is still open at `to`, reading [from, to) left to right. */
export function openAt(text: string, from: number, to: number, m: number): boolean {
  let open = false;
  for (let p = from; p < to; p++) {
    if (text.charCodeAt(p) !== m) continue;
    if (open && canClose(text, p, to)) open = false;
    else if (!open && canOpen(text, p, from)) open = true;
  }
  return open;
}

/** Whether a span of marker `m` opened before `from` closes on [from, to). */
export function closesIn(text: string, from: number, to: number, m: number): boolean {
  for (let q = from; q < to; q++) {
    if (text.charCodeAt(q) === m && canClose(text, q, to)) return true;
  }
  return false;
}

/** How far along its line a marker's partner is looked for (keeps normalizing linear). */
const REACH = 1024;

/**
 * What the marker at `i` is at a word's edge: "formatting" when it pairs with another on its line
 * (it opens a span that closes later, or closes one open before it), "shown" when it could but
 * does not (a password ending in `*`, a key ending in `_`), "neither" when it cannot (blanks on
 * both sides).
 */
export function edgeMarker(text: string, i: number): "formatting" | "shown" | "neither" {
  const m = text.charCodeAt(i);
  const from = Math.max(text.lastIndexOf("\n", i - 1) + 1, i - REACH);
  let to = text.indexOf("\n", i + 1);
  if (to === -1 || to > i + REACH) to = Math.min(text.length, i + REACH);
  const opens = canOpen(text, i, from), closes = canClose(text, i, to);
  if (!opens && !closes) return "neither";
  if (closes && openAt(text, from, i, m)) return "formatting";
  if (opens && closesIn(text, i + 1, to, m)) return "formatting";
  return "shown";
}
