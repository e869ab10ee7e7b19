// GitHub tokens. The classic formats (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) are the prefix, 30
// random base62 characters and a 6-character base62 CRC32 of those 30 (GitHub's blog, "Behind
// GitHub's new authentication token formats", 2021): the checksum is verified, so a look-alike
// with the right shape is not reported. Fine-grained PATs (`github_pat_` + 22 + `_` + 59) carry no
// public checksum; their shape and randomness are checked instead.
import type { Rule } from "../types.ts";
import { hasBase62Crc32, withBase62Crc32 } from "../checksum.ts";
import { ALPHABET, hasFiller, isLowVariety, randomString, seededRandom } from "../entropy.ts";

const CLASSIC: Array<{ kind: string; id: string; description: string }> = [
  { kind: "p", id: "github-classic-pat", description: "GitHub personal access token (classic)" },
  { kind: "o", id: "github-oauth-token", description: "GitHub OAuth access token" },
  { kind: "u", id: "github-user-to-server-token", description: "GitHub App user access token" },
  {
    kind: "s",
    id: "github-server-to-server-token",
    description: "GitHub App installation access token",
  },
  { kind: "r", id: "github-refresh-token", description: "GitHub App refresh token" },
];

function classicToken(prefix: string, rand: () => number): string {
  return prefix + withBase62Crc32(randomString(ALPHABET.base62, 30, rand));
}

function classicRule(kind: string, id: string, description: string, seed: number): Rule {
  const prefix = ["g", "h", kind, "_"].join("");
  return {
    id,
    family: "github",
    description,
    keywords: [prefix],
    pattern: new RegExp(
      `(?<![A-Za-z0-9](?<!%[0-9A-Fa-f]{2}))(?<secret>${prefix}[A-Za-z0-9]{36})(?![A-Za-z0-9_])`,
      "g",
    ),
    validate: (secret) => hasBase62Crc32(secret.slice(4)),
    confidence: "high",
    examples: {
      positives: () => {
        const rand = seededRandom(seed);
        const a = classicToken(prefix, rand);
        const b = classicToken(prefix, rand);
        const c = classicToken(prefix, rand);
        return [
          { text: `export GITHUB_TOKEN=${a}`, secret: a },
          { text: `try this one: ${b}, it has repo scope`, secret: b },
          { text: `git clone https://${c}@github.com/acme/api.git`, secret: c },
        ];
      },
      negatives: () => {
        const rand = seededRandom(seed + 1);
        const good = classicToken(prefix, rand);
        // Same shape, wrong checksum: flip the last character.
        const last = good.slice(-1) === "A" ? "B" : "A";
        return [
          `token ${good.slice(0, -1)}${last}`,
          `token ${prefix}${"x".repeat(36)}`,
          `token ${prefix}${randomString(ALPHABET.base62, 20, rand)}`,
          `the ${prefix}… prefix marks a ${description}`,
          `id ${good}${randomString(ALPHABET.base62, 4, rand)}`,
        ];
      },
    },
  };
}

const FINE_PREFIX = ["git", "hub_", "pat_"].join("");

function fineGrained(rand: () => number): string {
  return FINE_PREFIX + "11" + randomString(ALPHABET.base62, 20, rand) + "_" +
    randomString(ALPHABET.base62, 59, rand);
}

const fineGrainedRule: Rule = {
  id: "github-fine-grained-pat",
  family: "github",
  description: "GitHub fine-grained personal access token",
  keywords: [FINE_PREFIX],
  pattern:
    /(?<![A-Za-z0-9](?<!%[0-9A-Fa-f]{2}))(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/g,
  validate: (secret) => {
    const body = secret.slice(FINE_PREFIX.length);
    const [id, key] = body.split("_");
    return !hasFiller(body) && !isLowVariety(id) && !isLowVariety(key) &&
      /[A-Z]/.test(key) && /[a-z]/.test(key) && /[0-9]/.test(key);
  },
  confidence: "high",
  examples: {
    positives: () => {
      const rand = seededRandom(7101);
      const a = fineGrained(rand);
      const b = fineGrained(rand);
      return [
        { text: `GH_TOKEN=${a}`, secret: a },
        { text: `"token": "${b}"`, secret: b },
      ];
    },
    negatives: () => {
      const rand = seededRandom(7102);
      return [
        `${FINE_PREFIX}${"x".repeat(22)}_${"x".repeat(59)}`,
        `${FINE_PREFIX}${randomString(ALPHABET.base62, 22, rand)}`,
        `docs: tokens start with ${FINE_PREFIX} and are 93 characters long`,
        `${FINE_PREFIX}${"A".repeat(22)}_${"0123456789".repeat(6).slice(0, 59)}`,
      ];
    },
  },
};

export const rules: Rule[] = [
  ...CLASSIC.map((c, i) => classicRule(c.kind, c.id, c.description, 7000 + i * 10)),
  fineGrainedRule,
];
