// Credentials written in base64: a Kubernetes Secret's `data:` values, `kubectl get secret -o
// yaml` output, Helm values and env files that carry a token encoded once. Base64 at the start
// of a value encodes a token's fixed prefix the same way every time (`xox` is always `eG94`), so
// that encoded prefix is the keyword; the validator decodes the value and asks the rules of the
// token's own family whether it is one of theirs. The finding covers the base64 text; its secret
// (fingerprint, preview, what verify reads) is the decoded token, so a token pasted encoded and
// plain is the same leak.
//
// GitHub tokens are left out: base64 of `gh` starts with `Z`, which no other keyword starts with,
// and a new first byte cost the byte filter's scan 12% (measured on 20 MB of chat).
import type { Rule } from "../types.ts";
import { isPlaceholder } from "../placeholder.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { rules as slackRules } from "./slack.ts";
import { rules as aiRules } from "./ai.ts";
import { rules as stripeRules } from "./stripe.ts";
import { rules as genericRules } from "./generic.ts";
import { rules as googleRules } from "./google.ts";

/**
 * The base64 characters that `prefix` at the start of a value always encodes to: each holds 6
 * bits, so the prefix's first 4n/3 (rounded down) are fixed whatever follows it.
 */
export function encodedPrefix(prefix: string): string {
  return btoa(prefix).slice(0, Math.floor((prefix.length * 4) / 3));
}

/** `text` decoded from base64 (standard or URL-safe, padded or not) as UTF-8, or null. */
export function decodeBase64Text(text: string): string | null {
  const std = text.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (std.length % 4 === 1) return null;
  try {
    const binary = atob(std + "=".repeat((4 - (std.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A family's rule and its pattern, global with indices, compiled once. */
interface InnerRule {
  rule: Rule;
  re: RegExp;
}

/**
 * The secret one of `inner` finds in `decoded`, a single token (an encoded value never holds a
 * blank or a control character inside; `echo` may add a line end), or null.
 */
function innerSecret(inner: readonly InnerRule[], decoded: string): string | null {
  const token = decoded.replace(/[\r\n]+$/, "");
  if (token.length === 0 || [...token].some((c) => c <= " " || c === "\x7f")) return null;
  for (const { rule, re } of inner) {
    re.lastIndex = 0;
    for (let m = re.exec(token); m !== null; m = re.exec(token)) {
      const [matched, end] = m.indices?.groups?.secret ?? [m.index, m.index + m[0].length];
      const start = rule.extendStart ? rule.extendStart(token, matched) : matched;
      const secret = token.slice(start, end);
      const at = { text: token, start, end };
      if (rule.validate && !rule.validate(secret, at)) continue;
      if (isPlaceholder(secret, at)) continue;
      return rule.canonical ? rule.canonical(secret) : secret;
    }
  }
  return null;
}

export interface EncodedSpec {
  id: string;
  family: Rule["family"];
  description: string;
  /** What the decoded token starts with, as its family's rules know it. */
  prefixes: string[];
  inner: readonly Rule[];
  /** Tokens of the family (`text`) and the secret its rules find in each (encoded_test.ts). */
  samples: () => Array<{ text: string; secret: string }>;
}

export function encodedRule(spec: EncodedSpec): Rule {
  const written = [...new Set(spec.prefixes.map(encodedPrefix))];
  const lead = written.map((w) => w.replace(/[+/]/g, "\\$&")).join("|");
  const inner = spec.inner.map((rule) => ({
    rule,
    re: new RegExp(rule.pattern.source, rule.pattern.flags.replace(/[gyd]/g, "") + "gd"),
  }));
  // The validator and the canonical form ask about the same value, one after the other.
  let last: { secret: string; inner: string | null } | undefined;
  const decode = (secret: string) => {
    if (last?.secret !== secret) {
      const decoded = decodeBase64Text(secret);
      last = { secret, inner: decoded === null ? null : innerSecret(inner, decoded) };
    }
    return last.inner;
  };
  return {
    id: spec.id,
    family: spec.family,
    description: spec.description,
    keywords: written.map((w) => w.toLowerCase()),
    exactKeywords: written,
    pattern: new RegExp(
      `(?<![A-Za-z0-9+/_-])(?<secret>(?:${lead})[A-Za-z0-9+/_-]{12,1400}={0,2})(?![A-Za-z0-9+/=_-])`,
      "g",
    ),
    validate: (secret) => decode(secret) !== null,
    // The decoded token: its fingerprint is the plain token's.
    canonical: (secret) => decode(secret) ?? secret,
    confidence: "high",
    window: { before: 0, after: 1420 },
    examples: {
      positives: () =>
        spec.samples().flatMap(({ text }) => {
          // `echo` without -n: the line end is encoded too.
          const [a, b] = [btoa(text), btoa(text + "\n")];
          return [
            { text: `  API_TOKEN: ${a}`, secret: a },
            { text: `{"data":{"TOKEN":"${b}"}}`, secret: b },
          ];
        }),
      negatives: () => [
        ...spec.samples().map(({ text }) => btoa(text.slice(0, 12) + "x".repeat(40))),
        ...spec.samples().map(({ text }) => btoa(`${text} is the token`)),
        ...written.map((w) => w + randomString(ALPHABET.base64, 60, seededRandom(15001))),
      ],
    },
  };
}

/** The first positive example of rule `id` in `rules`: a token of its shape, built at run time. */
function sample(rules: readonly Rule[], id: string, lead = ""): { text: string; secret: string } {
  const secret = rules.find((r) => r.id === id)!.examples.positives()[0].secret!;
  return { text: lead + secret, secret };
}

const password = randomString(ALPHABET.base62, 20, seededRandom(15002));

/** The encoded families: each spec is one rule. */
export const SPECS: EncodedSpec[] = [
  {
    id: "slack-token-base64",
    family: "slack",
    description: "Slack token or webhook URL encoded in base64 (a Kubernetes Secret's data)",
    prefixes: ["xox", "xapp-", "xwfp-", "https://hooks.slack", "hooks.slack"],
    // Not the 32-hex secrets: they are known by the name beside them, which base64 hides.
    inner: slackRules.filter((r) => !r.mayStart),
    samples: () => [
      sample(slackRules, "slack-bot-token"),
      sample(slackRules, "slack-app-token"),
      sample(slackRules, "slack-webhook-url"),
    ],
  },
  {
    id: "openai-key-base64",
    family: "openai",
    description: "OpenAI API key encoded in base64 (a Kubernetes Secret's data)",
    prefixes: ["sk-"],
    inner: aiRules.filter((r) => r.family === "openai"),
    samples: () => [sample(aiRules, "openai-project-key")],
  },
  {
    id: "anthropic-key-base64",
    family: "anthropic",
    description: "Anthropic API key encoded in base64 (a Kubernetes Secret's data)",
    prefixes: ["sk-ant-"],
    inner: aiRules.filter((r) => r.family === "anthropic"),
    samples: () => [sample(aiRules, "anthropic-api-key")],
  },
  {
    id: "stripe-key-base64",
    family: "stripe",
    description: "Stripe secret or restricted key encoded in base64 (a Kubernetes Secret's data)",
    prefixes: ["sk_live_", "sk_test_", "rk_live_", "rk_test_"],
    inner: stripeRules,
    samples: () => [sample(stripeRules, stripeRules[0].id)],
  },
  {
    id: "google-key-base64",
    family: "google",
    description:
      "Google API key or OAuth client secret encoded in base64 (a Kubernetes Secret's data)",
    prefixes: ["AIza", "GOCSPX-"],
    inner: googleRules.filter((r) =>
      r.id === "google-api-key" || r.id === "google-oauth-client-secret"
    ),
    samples: () => [
      sample(googleRules, "google-api-key"),
      sample(googleRules, "google-oauth-client-secret"),
    ],
  },
  {
    id: "database-url-base64",
    family: "generic",
    description: "Database or broker URL with its password, encoded in base64 (DATABASE_URL)",
    prefixes: ["postgres://", "postgresql://", "redis://", "rediss://", "amqp://", "amqps://"],
    inner: genericRules.filter((r) => r.id === "generic-url-credentials"),
    samples: () => [{ text: `postgres://app:${password}@db.internal:5432/app`, secret: password }],
  },
];

export const rules: Rule[] = SPECS.map(encodedRule);
