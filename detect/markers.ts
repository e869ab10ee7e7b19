// Slack's formatting markers (`*bold*`, `~strike~`, `` `code` ``) around and inside words: where
// one may split a keyword (so the text is read as shown as well), and when markers around a
// secret are formatting a person does not see (so the secret is reported without them).
import { isFormatting } from "./normalize.ts";
import { isAlnum } from "./chars.ts";
import { closesIn, openAt } from "./marker_spans.ts";

/**
 * A marker inside a word (`GOCSPX*-Lf…*`, `sk-*ant-…`) may split any keyword: such a text is
 * read as shown as well. `_` is left out (identifiers hold it); the Slack split triggers
 * (engine.ts) cover `xox_b-`.
 */
const MARKER_CHARS = ["*", "~", "`"];

function isMarker(c: number): boolean {
  return c === 42 || c === 126 || c === 96; // * ~ `
}

/**
 * Whether `text` holds an inner marker: a run of `*~\`` after `[0-9A-Za-z_.-]` and before
 * `[0-9A-Za-z_-]`. Searching the rare marker characters with indexOf is several times faster
 * than a regex whose first class matches almost every character.
 */
export function hasInnerMarker(text: string): boolean {
  for (const ch of MARKER_CHARS) {
    let i = text.indexOf(ch);
    while (i !== -1) {
      // Only the first marker of a run can follow the word character.
      if (i > 0 && !isMarker(text.charCodeAt(i - 1))) {
        const b = text.charCodeAt(i - 1);
        if (isAlnum(b) || b === 95 || b === 46 || b === 45) {
          let e = i + 1;
          while (e < text.length && isMarker(text.charCodeAt(e))) e++;
          const a = e < text.length ? text.charCodeAt(e) : -1;
          if (isAlnum(a) || a === 95 || a === 45) return true;
        }
      }
      i = text.indexOf(ch, i + 1);
    }
  }
  return false;
}

/**
 * Whether raw candidate `raw` is normalized candidate `norm` of the same rule plus formatting
 * around it: the extra characters are markers, and each closes a span still open before the
 * secret on its line or opens one closed after it (`*pass: X*` reads `X*` raw, `X` as shown).
 * Slack shows those markers as bold, italic or strike, so they are not part of the secret; an
 * unpaired one (a value that ends in `*` with no span to close) is shown as typed and stays.
 */
/** A candidate's rule and span, as wrappedInMarkers compares them. */
export interface RuleSpan {
  rule: number;
  start: number;
  end: number;
}

export function wrappedInMarkers(text: string, raw: RuleSpan, norm: RuleSpan): boolean {
  if (raw.rule !== norm.rule || raw.start > norm.start || raw.end < norm.end) return false;
  if (raw.start === norm.start && raw.end === norm.end) return false;
  for (let i = raw.start; i < norm.start; i++) if (!isFormatting(text.charCodeAt(i))) return false;
  for (let i = norm.end; i < raw.end; i++) if (!isFormatting(text.charCodeAt(i))) return false;
  const lineStart = text.lastIndexOf("\n", norm.start - 1) + 1;
  let lineEnd = text.indexOf("\n", norm.end);
  if (lineEnd === -1) lineEnd = text.length;
  for (let i = norm.end; i < raw.end; i++) {
    if (!openAt(text, lineStart, norm.start, text.charCodeAt(i))) return false;
  }
  for (let i = raw.start; i < norm.start; i++) {
    if (!closesIn(text, norm.end, lineEnd, text.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * Whether raw candidate `c` starts or ends with markers that format it (they pair with a span on
 * its line, as in wrappedInMarkers): a person sees it without them, so that reading decides,
 * even when it is rejected (`*DB_PASSWORD=example.Value*` is no `example.Value*`).
 */
export function edgedByFormatting(text: string, c: RuleSpan): boolean {
  let start = c.start, end = c.end;
  while (end > start && isFormatting(text.charCodeAt(end - 1))) end--;
  while (start < end && isFormatting(text.charCodeAt(start))) start++;
  if (start === end || (start === c.start && end === c.end)) return false;
  return wrappedInMarkers(text, c, { rule: c.rule, start, end });
}
