// Character tests shared across the engine: UTF-16 code units, or bytes where only ASCII counts.

/** A blank or line end, U+00A0 included: a window stretches to one, a word ends at one. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11 || c === 0xa0;
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
