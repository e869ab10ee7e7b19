// Random text for the gate property tests (detect/rules/generic_gate_test.ts,
// detect/hit_gates_test.ts): pieces of the shapes gates read, among random words.
import { ALPHABET, randomString } from "../detect/entropy.ts";

export interface PieceTextOptions {
  /** Up to this many pieces (at least 2). */
  pieces: number;
  /** Chance of a random base62 word of up to `wordLength` characters. */
  word: number;
  wordLength: number;
  /** Chance of a run of URL and assignment punctuation (up to 12 characters). */
  punctuation: number;
}

/** A text of 2 to `pieces + 1` pieces: random words, punctuation runs, or one of `groups`. */
export function pieceText(
  rand: () => number,
  groups: readonly (readonly string[])[],
  o: PieceTextOptions,
): string {
  let t = "";
  const n = 2 + Math.floor(rand() * o.pieces);
  for (let k = 0; k < n; k++) {
    const r = rand();
    if (r < o.word) t += randomString(ALPHABET.base62, 1 + Math.floor(rand() * o.wordLength), rand);
    else if (r < o.word + o.punctuation) {
      t += randomString("abc:/@.-_=", 1 + Math.floor(rand() * 12), rand);
    } else {
      const group = groups[Math.floor(rand() * groups.length)];
      t += group[Math.floor(rand() * group.length)];
    }
  }
  return t;
}

/** The scanner's word start (detect/scan.ts): back to a blank, at most `before` characters. */
export function wordStart(text: string, at: number, before: number): number {
  let ws = at;
  while (ws > Math.max(0, at - before) && !/\s/.test(text[ws - 1])) ws--;
  return ws;
}
