// One shape shared by most vendors' tokens: a fixed, published prefix (`glpat-`, `hf_`, `dop_v1_`)
// and a random body of a known alphabet and length. The prefix is what makes such a token
// findable in prose without a name beside it, so these rules need no keyword context and no
// entropy threshold: the body must only look generated (no filler words, no runs, enough
// variety), which is what separates a real token from `glpat-xxxxxxxxxxxxxxxxxxxx` or
// `hf_YourTokenGoesHere` in documentation.
import type { Confidence, Family, Rule } from "../types.ts";
import {
  ALPHABET,
  hasFiller,
  isLowVariety,
  randomString,
  seededRandom,
  wordFraction,
} from "../entropy.ts";

type Rand = () => number;
/** Example bodies for the vendor modules: `n` base62, base64url or lower-case hex characters. */
export const b62 = (n: number, rand: Rand) => randomString(ALPHABET.base62, n, rand);
export const b64url = (n: number, rand: Rand) => randomString(ALPHABET.base64url, n, rand);
export const hex = (n: number, rand: Rand) => randomString(ALPHABET.hexLower, n, rand);
/** An example version 4 UUID, and the regex source of any lower-case UUID (a body's part). */
export const uuid = (rand: Rand) =>
  [hex(8, rand), hex(4, rand), "4" + hex(3, rand), "a" + hex(3, rand), hex(12, rand)].join("-");
export const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

export interface PrefixedTokenSpec {
  id: string;
  family: Family;
  description: string;
  /** Prefixes as the vendor writes them; the first is used in the examples. */
  prefixes: string[];
  /** Regex source for what follows a prefix (bounded repetitions only). */
  body: string;
  /** Regex source for a part that stands before the prefix (Telegram's bot id). */
  lead?: string;
  /** The prefix occurs only in the case written (`SG.`, `ATATT3`): case-exact keywords. */
  exact?: boolean;
  /**
   * What the body's random characters must hold beyond variety: both letter cases (base62,
   * base64), or both digits and letters (hex). Omitted: variety alone.
   */
  classes?: "mixed-case" | "hex";
  /** A further check on the whole token (a checksum, a decodable part). */
  check?: (secret: string) => boolean;
  /** Characters that may not touch the token on either side (default `A-Za-z0-9_-`). */
  edge?: string;
  /** Regex source of text that may touch the token's start all the same (`bot` in a URL path). */
  after?: string;
  /**
   * Prefilter keywords, as written (in their case when `exact`), when the prefix's first bytes
   * are common in chat (`ops`, `lin`, `fig`): a later, rarer part of the token wakes the rule
   * instead, and the pattern reaches back to the prefix.
   */
  keywords?: string[];
  confidence?: Confidence;
  /** A valid body (and lead) for the examples, from a seeded generator. */
  sample: (rand: () => number) => { body: string; lead?: string };
  /** Seeds the examples; unique per rule. */
  seed: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The body with its punctuation (dots, underscores, dashes) taken out: the random part. */
function randomPart(body: string): string {
  return body.replace(/[^A-Za-z0-9+/=]/g, "");
}

/** Whether a token's random part looks generated (also for vendor_shapes.ts's unprefixed ones). */
export function looksGenerated(body: string, classes: PrefixedTokenSpec["classes"]): boolean {
  const part = randomPart(body);
  if (hasFiller(body) || isLowVariety(part)) return false;
  // Upper case and digits only (New Relic, Dynatrace): capitals hold vowels often enough that
  // the word test would reject real keys; their variety test is enough.
  if (/[a-z]/.test(part) && wordFraction(part) >= 0.85) return false;
  if (classes === "mixed-case") return /[A-Z]/.test(part) && /[a-z]/.test(part);
  if (classes === "hex") return /[0-9]/.test(part) && /[a-fA-F]/.test(part);
  return true;
}

export function prefixedTokenRule(spec: PrefixedTokenSpec): Rule {
  const edge = spec.edge ?? "A-Za-z0-9_-";
  const prefixes = spec.prefixes.map(escape).join("|");
  const lead = spec.lead ?? "";
  const start = `(?<![${edge}](?<!%[0-9A-Fa-f]{2}))`;
  const pattern = new RegExp(
    `${spec.after ? `(?:(?<=${spec.after})|${start})` : start}` +
      `(?<secret>${lead}(?:${prefixes})${spec.body})(?![${edge}])`,
    "g",
  );
  const bodyOf = (secret: string): string => {
    for (const p of spec.prefixes) {
      const at = secret.indexOf(p);
      if (at >= 0) return secret.slice(at + p.length);
    }
    return secret;
  };
  const written = spec.keywords ?? spec.prefixes;
  const keywords = written.map((k) => k.toLowerCase());
  return {
    id: spec.id,
    family: spec.family,
    description: spec.description,
    keywords,
    ...(spec.exact ? { exactKeywords: written } : {}),
    // A lead (Telegram's bot id) stands before the keyword; the default window reaches it.
    pattern,
    validate: (secret) =>
      looksGenerated(bodyOf(secret), spec.classes) && (spec.check?.(secret) ?? true),
    confidence: spec.confidence ?? "high",
    examples: {
      positives: () => {
        const rand = seededRandom(spec.seed);
        const token = (p: string) => {
          const s = spec.sample(rand);
          return (s.lead ?? "") + p + s.body;
        };
        const a = token(spec.prefixes[0]);
        const b = token(spec.prefixes[spec.prefixes.length - 1]);
        const c = token(spec.prefixes[0]);
        const name = spec.family.toUpperCase().replace(/[^A-Z0-9]/g, "_");
        return [
          { text: `${name}_TOKEN=${a}`, secret: a },
          { text: `here is the one for prod: \`${b}\` (rotate it friday)`, secret: b },
          { text: `"credentials": {"${spec.family}": "${c}"}`, secret: c },
        ];
      },
      negatives: () => {
        const rand = seededRandom(spec.seed + 1);
        const s = spec.sample(rand);
        const p = spec.prefixes[0];
        const lead = s.lead ?? "";
        const filler = s.body.replace(/[A-Za-z0-9]/g, "x");
        const zeros = s.body.replace(/[A-Za-z0-9]/g, "0");
        return [
          `${spec.family} token: ${lead}${p}${filler}`,
          `${spec.family} token: ${lead}${p}${zeros}`,
          `set it to ${lead}${p}<your-token> in the env file`,
          `${lead}${p}${s.body.slice(0, 6)}`,
          `tokens start with ${p} and are shown once`,
        ];
      },
    },
  };
}
