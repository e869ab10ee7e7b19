// Stripe secret (`sk_`) and restricted (`rk_`) keys, live and test, and webhook signing secrets.
// Test-mode keys are findings too: they authenticate as the account (its test data, webhooks,
// connected-account metadata) and people paste them far more often, but they move no money, so
// they carry medium confidence and live keys high. Publishable keys (`pk_`) are public by design
// and not reported. The test keys printed throughout Stripe's own documentation are public
// examples: they are recognised by the CRC32 of the whole key (the repository keeps no copy of
// them) and not reported.
import type { Confidence, Rule } from "../types.ts";
import { crc32 } from "../checksum.ts";
import {
  ALPHABET,
  hasFiller,
  isLowVariety,
  randomString,
  seededRandom,
  wordFraction,
} from "../entropy.ts";
import { b62, hex, prefixedTokenRule } from "./prefixed_token.ts";

/** CRC32 of test keys that appear in Stripe's public documentation. */
const DOC_KEYS = new Set([2003689584, 963477826, 1075794080]);

function plausible(secret: string): boolean {
  const body = secret.slice(8);
  return !DOC_KEYS.has(crc32(secret)) && !hasFiller(body) && !isLowVariety(body) &&
    /[A-Z]/.test(body) && /[a-z]/.test(body) && wordFraction(body) < 0.85;
}

function stripeRule(
  kind: "sk" | "rk",
  mode: "live" | "test",
  id: string,
  description: string,
  confidence: Confidence,
  seed: number,
): Rule {
  const prefix = [kind, "_", mode, "_"].join("");
  return {
    id,
    family: "stripe",
    description,
    keywords: [prefix],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_](?<!%[0-9A-Fa-f]{2}))(?<secret>${prefix}[0-9A-Za-z]{24,99})(?![A-Za-z0-9_])`,
      "g",
    ),
    validate: plausible,
    confidence,
    examples: {
      positives: () => {
        const rand = seededRandom(seed);
        const a = prefix + "51" + randomString(ALPHABET.base62, 97, rand);
        const b = prefix + "4e" + randomString(ALPHABET.base62, 22, rand) + "7d";
        return [
          { text: `STRIPE_SECRET_KEY=${a}`, secret: a },
          { text: `stripe.api_key = "${b}"`, secret: b },
        ];
      },
      negatives: () => {
        const rand = seededRandom(seed + 1);
        return [
          `STRIPE_SECRET_KEY=${prefix}${"x".repeat(24)}`,
          `STRIPE_SECRET_KEY=${prefix}your_key_here_${"0".repeat(12)}`,
          `STRIPE_SECRET_KEY=${prefix}ThisIsNotARealKeyJustForTheDocs`,
          `STRIPE_SECRET_KEY=${prefix}${randomString(ALPHABET.base62, 12, rand)}`,
          `keys that start with ${prefix} belong in the vault`,
          `pk_${mode}_${randomString(ALPHABET.base62, 30, rand)} is public`,
        ];
      },
    },
  };
}

export const rules: Rule[] = [
  stripeRule("sk", "live", "stripe-live-secret-key", "Stripe live secret key", "high", 9401),
  stripeRule(
    "rk",
    "live",
    "stripe-live-restricted-key",
    "Stripe live restricted key",
    "high",
    9411,
  ),
  stripeRule("sk", "test", "stripe-test-secret-key", "Stripe test-mode secret key", "medium", 9421),
  stripeRule(
    "rk",
    "test",
    "stripe-test-restricted-key",
    "Stripe test-mode restricted key",
    "medium",
    9431,
  ),
  // A webhook endpoint's signing secret forges events Stripe would send (a paid invoice, a
  // finished checkout). The dashboard's are 32 letters and digits, the Stripe CLI's 64 hex.
  // `hsec_` wakes it: `w` starts no other keyword, and a new first byte slows the byte filter.
  prefixedTokenRule({
    id: "stripe-webhook-secret",
    family: "stripe",
    description: "Stripe webhook signing secret (whsec_)",
    prefixes: ["wh" + "sec_"],
    keywords: ["hsec_"],
    body: "[A-Za-z0-9]{32,64}",
    seed: 9441,
    sample: (rand) => ({ body: rand() < 0.5 ? b62(32, rand) : hex(64, rand) }),
  }),
];
