// Shannon entropy and character-class helpers used by the rules' validators, plus a seeded
// generator the rules use to build their examples at run time (the repository holds no literal).

/** Shannon entropy of `s` in bits per character, from its own character frequencies. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let total = 0;
  for (const c of counts.values()) total += c;
  let h = 0;
  for (const c of counts.values()) {
    const p = c / total;
    h -= p * Math.log2(p);
  }
  return h;
}

export interface CharClasses {
  lower: boolean;
  upper: boolean;
  digit: boolean;
  symbol: boolean;
  /** How many of the four classes occur. */
  count: number;
}

/** Which of lower case, upper case, digits and other printable characters occur in `s`. */
export function charClasses(s: string): CharClasses {
  const lower = /[a-z]/.test(s);
  const upper = /[A-Z]/.test(s);
  const digit = /[0-9]/.test(s);
  const symbol = /[^A-Za-z0-9]/.test(s);
  return { lower, upper, digit, symbol, count: +lower + +upper + +digit + +symbol };
}

/** charClasses() for one character code, as one bit: lower 1, upper 2, digit 4, other 8. */
export function charClassBit(c: number): number {
  if (c >= 97 && c <= 122) return 1;
  if (c >= 65 && c <= 90) return 2;
  if (c >= 48 && c <= 57) return 4;
  return 8;
}

/** Set bits in `x` (a small mask). */
export function bitCount(x: number): number {
  let n = 0;
  for (; x !== 0; x &= x - 1) n++;
  return n;
}

/** Number of distinct characters in `s`. */
export function distinctChars(s: string): number {
  return new Set(s).size;
}

/**
 * True for strings no generator would produce: a single repeated character, a short unit repeated
 * (`abcabcabc`), or a run of consecutive characters (`abcdefgh`, `123456789`). Used to reject
 * documentation fillers in token-shaped slots.
 */
export function isLowVariety(s: string): boolean {
  if (s.length === 0) return true;
  // Few distinct characters for the length; capped, so long hex (16 symbols) stays varied.
  if (distinctChars(s) <= Math.max(2, Math.min(8, Math.floor(s.length / 8)))) return true;
  for (let unit = 1; unit <= 8 && unit * 2 <= s.length; unit++) {
    const head = s.slice(0, unit);
    if (head.repeat(Math.ceil(s.length / unit)).slice(0, s.length) === s) return true;
  }
  // Long ascending or descending runs (`0123456789`, `abcdefghijkl`, `zyxw`).
  let run = 1;
  let longest = 1;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    run = d === 1 || d === -1 ? run + 1 : 1;
    if (run > longest) longest = run;
  }
  return longest >= Math.max(6, Math.ceil(s.length * 0.5));
}

/**
 * A word as people write it: lower case, upper case or capitalized (`your`, `YOUR`, `Your` in
 * `yourToken`, `YOUR_KEY`, `xoxb-Your-Token`). Random base62 holds a word in some mixed case
 * (`yOuR`, `FAKe`) about once in 8,000 tokens of 40 characters; in these three forms five times
 * less often. (Words only: the forms of a regex source would change its escapes.)
 */
export function caseForms(word: string): string[] {
  return [...new Set([word, word.toUpperCase(), word[0].toUpperCase() + word.slice(1)])];
}

/** Forms of `name` + `_`/`-` + one of `kinds`, each part in the same case form. */
function phraseForms(name: string, kinds: string[]): string[] {
  return [0, 1, 2].map((form) => {
    const f = (w: string) => caseForms(w)[form] ?? w;
    return `${f(name)}[_-]?(?:${kinds.map(f).join("|")})`;
  });
}

/**
 * Matches filler words people put where a secret belongs (`your_token`, `xxxx`, `<token>`), in the
 * cases people write them: a long random token holds `FAKe` or `yOuR` by chance.
 */
const FILLER = new RegExp(
  [
    "x{4,}",
    "X{4,}",
    "\\*{3,}",
    "\\.{3}",
    "…",
    // `<…>` stands for a value unless letters or digits hold it on both sides (a password's own
    // brackets: `Bcta&1cEIO<TbLq>673`).
    "(?<![A-Za-z0-9])<[^>]*>",
    "<[^>]*>(?![A-Za-z0-9])",
    "0{8,}",
    ...[
      "your",
      "example",
      "sample",
      "dummy",
      "placeholder",
      "redacted",
      "changeme",
      "insert",
      "replace",
      "fake",
    ].flatMap(caseForms),
    ...phraseForms("my", ["token", "key", "secret", "pass"]),
    ...phraseForms("test", ["token", "key", "secret"]),
    ...caseForms("here").flatMap((w) => [`_${w}\\b`, `\\b${w}_`]),
  ].join("|"),
);

/** True when `s` contains a typical documentation filler (see FILLER). */
export function hasFiller(s: string): boolean {
  return FILLER.test(s);
}

export const ALPHABET = {
  base62: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
  base64: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
  base64url: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
  hexLower: "0123456789abcdef",
  base32Upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
  printable:
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~",
} as const;

/** A small deterministic PRNG (mulberry32), so rule examples are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` characters drawn from `alphabet` with `rand` (defaults to the platform's CSPRNG). */
export function randomString(alphabet: string, n: number, rand?: () => number): string {
  let out = "";
  if (rand) {
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(rand() * alphabet.length)];
    return out;
  }
  const bytes = new Uint32Array(n);
  crypto.getRandomValues(bytes);
  for (let i = 0; i < n; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

/**
 * Share of `s`'s characters that sit in word-like pieces: a capitalised or lower-case run of 3+
 * letters with a vowel and no 4 consonants in a row (`Your`, `Secret`, `token`). Random base62
 * scores 0.22 on average and under 0.75 for 99.9% of 24-char strings (0.65 at 40 chars);
 * placeholders made of words (`YourSecretKeyGoesHere`) and identifiers (`getUserToken`) score 0.85
 * to 1.
 */
export function wordFraction(s: string): number {
  if (s.length === 0) return 0;
  let inWords = 0;
  for (const piece of s.match(/[A-Z]?[a-z]+|[A-Z]{3,}(?![a-z])/g) ?? []) {
    if (piece.length < 3) continue;
    const lower = piece.toLowerCase();
    if (!/[aeiouy]/.test(lower) || /[^aeiouy]{4}/.test(lower)) continue;
    inWords += piece.length;
  }
  return inWords / s.length;
}
