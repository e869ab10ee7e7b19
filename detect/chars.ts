// Character tests shared across the engine: UTF-16 code units, or bytes where only ASCII counts.

/** A blank or line end, U+00A0 included: a window stretches to one, a word ends at one. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11 || c === 0xa0;
}

/**
 * U+00A0: what the byte scanner and the export filter read around, like an invisible character,
 * for scanSync's reading of it as a blank (the rarer U+2007 and U+202F would cost the byte
 * scanner bytes of their own: a keyword around them finds them).
 */
export const NO_BREAK_SPACE = "\u00a0";
const NO_BREAKS = /[\u00a0\u2007\u202f]/g;

/**
 * `text` with its no-break spaces (U+00A0, U+2007, U+202F) as plain blanks, as they are shown:
 * French typography puts one before a colon (`mot de passe\u00a0: …`) and text copied from a web
 * page keeps them after one. One code unit for one, so every offset holds.
 */
export function withPlainBlanks(text: string): string {
  return text.replace(NO_BREAKS, " ");
}

export function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * The last place in hit `[hs, he)` where an anchored match may start: after the hit's last
 * character that is not a letter or digit, else `hs`. A keyword that holds another rule's keyword
 * as a later word wakes that rule too (`client secret` wakes the generic rules of `secret`), and
 * their name starts there.
 */
export function lastStartInHit(
  text: { charCodeAt(i: number): number },
  hs: number,
  he: number,
): number {
  for (let p = he - 1; p > hs; p--) if (!isAlnum(text.charCodeAt(p - 1))) return p;
  return hs;
}
