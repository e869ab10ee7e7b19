// Characters as the gates (Rule.mayStart) read them: a gate says "no match can start here" only
// when that holds for the raw text and for the text as normalize() shows it, so any character
// normalize() may change makes it say "maybe".
import type { CharReader } from "../types.ts";
import { isAlnum } from "../chars.ts";

/** Characters normalize() may change or drop (markers, entities, link brackets, invisibles). */
export function mayChange(c: number): boolean {
  return c === 42 || c === 95 || c === 126 || c === 96 || c === 38 || c === 60 || c === 62 ||
    c === 124 || c >= 0xad;
}

export function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * An underscore between a letter or digit (or `-`) and a letter, digit, `_` or `-`: normalize()
 * keeps it (an identifier's: SLACK_BOT_TOKEN), so it reads the same raw and as shown.
 */
export function innerUnderscore(text: CharReader, j: number): boolean {
  if (j === 0 || j + 1 >= text.length) return false;
  const a = text.charCodeAt(j - 1), b = text.charCodeAt(j + 1);
  return (isAlnum(a) || a === 45) && (isAlnum(b) || b === 95 || b === 45);
}
