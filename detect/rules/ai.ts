// OpenAI and Anthropic API keys. Every OpenAI key carries `T3BlbkFJ` (base64 of "OpenAI") in its
// middle; the legacy `sk-` + 48 format is reported with high confidence only with it. Without
// it, `sk-` + 48 random letters and digits is still a key (OpenAI's shape as people write it, or
// one of the OpenAI-compatible providers that copied it): reported with medium. Project, service-account and admin
// keys (`sk-proj-`, `sk-svcacct-`, `sk-admin-`) have prefixes distinctive enough to stand alone.
// Anthropic keys are `sk-ant-api03-` (or `sk-ant-admin01-`) + 93 base64url characters + `AA`;
// Claude OAuth tokens use `sk-ant-oat01-`/`sk-ant-ort01-`. `sk_` (Stripe) and words such as
// `sk-learn` never match: every pattern needs a long random tail after a specific prefix.
import type { Rule } from "../types.ts";
import {
  ALPHABET,
  hasFiller,
  isLowVariety,
  randomString,
  seededRandom,
  wordFraction,
} from "../entropy.ts";

const MARK = ["T3Blbk", "FJ"].join("");
const SK = ["s", "k-"].join("");
const ANT = SK + "ant-";

function random(tail: string): boolean {
  return !hasFiller(tail) && !isLowVariety(tail) && /[A-Z]/.test(tail) && /[a-z]/.test(tail) &&
    wordFraction(tail) < 0.85;
}

export const rules: Rule[] = [
  {
    id: "openai-project-key",
    family: "openai",
    description: "OpenAI project, service-account or admin API key",
    keywords: [SK + "proj-", SK + "svcacct-", SK + "admin-"],
    pattern:
      /(?<![A-Za-z0-9_-](?<!%[0-9A-Fa-f]{2}))(?<secret>sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250})(?![A-Za-z0-9_-])/g,
    validate: (secret) => random(secret.slice(secret.indexOf("-", 3) + 1)),
    confidence: "high",
    examples: {
      positives: () => {
        const rand = seededRandom(9501);
        const t = (n: number) => randomString(ALPHABET.base64url, n, rand);
        const a = SK + "proj-" + t(74) + MARK + t(74);
        const b = SK + "svcacct-" + t(58) + MARK + t(58);
        const c = SK + "proj-" + t(20) + MARK + t(20);
        return [
          { text: `OPENAI_API_KEY=${a}`, secret: a },
          { text: `client = OpenAI(api_key="${b}")`, secret: b },
          { text: `old project key ${c} still works`, secret: c },
        ];
      },
      negatives: () => [
        `OPENAI_API_KEY=${SK}proj-${"x".repeat(48)}`,
        `OPENAI_API_KEY=${SK}proj-...`,
        `OPENAI_API_KEY=${SK}proj-your-api-key-goes-here-and-nowhere-else-ok`,
        `pip install scikit-learn (${SK}learn is the import name people mistype)`,
      ],
    },
  },
  {
    id: "openai-legacy-key",
    family: "openai",
    description: "OpenAI API key (legacy user key)",
    keywords: [MARK.toLowerCase()],
    exactKeywords: [MARK],
    pattern:
      /(?<![A-Za-z0-9_-](?<!%[0-9A-Fa-f]{2}))(?<secret>sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![A-Za-z0-9_-])/g,
    validate: (secret) => random(secret.slice(3, 23)) && random(secret.slice(31)),
    confidence: "high",
    examples: {
      positives: () => {
        const rand = seededRandom(9601);
        const t = () => randomString(ALPHABET.base62, 20, rand);
        const a = SK + t() + MARK + t();
        return [
          { text: `openai.api_key = '${a}'`, secret: a },
          { text: `here ${a}`, secret: a },
        ];
      },
      negatives: () => {
        const rand = seededRandom(9602);
        return [
          `${SK}${"x".repeat(20)}${MARK}${"x".repeat(20)}`,
          `sk_${randomString(ALPHABET.base62, 20, rand)}${MARK}${
            randomString(ALPHABET.base62, 20, rand)
          }`,
        ];
      },
    },
  },
  {
    id: "openai-style-key",
    family: "openai",
    description:
      "sk- and 48 letters and digits: OpenAI's legacy key shape, or a compatible provider's",
    keywords: [SK],
    pattern:
      /(?<![A-Za-z0-9_-](?<!%[0-9A-Fa-f]{2}))(?<secret>sk-[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/g,
    validate: (secret) => !secret.includes(MARK) && random(secret.slice(3)) && /\d/.test(secret),
    confidence: "medium",
    examples: {
      positives: () => {
        const rand = seededRandom(9651);
        const a = SK + randomString(ALPHABET.base62, 48, rand);
        const b = SK + randomString(ALPHABET.base62, 48, rand);
        return [
          { text: `OPENAI_API_KEY=${a}`, secret: a },
          { text: `try this one: ${b}`, secret: b },
        ];
      },
      negatives: () => [
        `OPENAI_API_KEY=${SK}${"x".repeat(48)}`,
        `OPENAI_API_KEY=${SK}${"abcdefghijklmnopqrstuvwxyz".repeat(2).slice(0, 48)}`,
        `${SK}${"YourOpenAIKeyGoesHereReplaceThisWithTheRealKey12".slice(0, 48)}`,
      ],
    },
  },
  {
    id: "anthropic-api-key",
    family: "anthropic",
    description: "Anthropic API key",
    keywords: [ANT + "api"],
    pattern:
      /(?<![A-Za-z0-9_-](?<!%[0-9A-Fa-f]{2}))(?<secret>sk-ant-api\d\d-[A-Za-z0-9_-]{80,120})(?![A-Za-z0-9_-])/g,
    validate: (secret) => random(secret.slice(13)),
    confidence: "high",
    examples: {
      positives: () => {
        const rand = seededRandom(9701);
        const a = ANT + "api03-" + randomString(ALPHABET.base64url, 93, rand) + "AA";
        const b = ANT + "api03-" + randomString(ALPHABET.base64url, 93, rand) + "AA";
        return [
          { text: `ANTHROPIC_API_KEY=${a}`, secret: a },
          { text: `curl -H "x-api-key: ${b}" https://api.anthropic.com/v1/messages`, secret: b },
        ];
      },
      negatives: () => [
        `ANTHROPIC_API_KEY=${ANT}api03-...`,
        `ANTHROPIC_API_KEY=${ANT}api03-${"x".repeat(93)}AA`,
        `ANTHROPIC_API_KEY=${ANT}api03-${"A".repeat(40)}`,
      ],
    },
  },
  {
    id: "anthropic-admin-key",
    family: "anthropic",
    description: "Anthropic Admin API key",
    keywords: [ANT + "admin"],
    pattern:
      /(?<![A-Za-z0-9_-](?<!%[0-9A-Fa-f]{2}))(?<secret>sk-ant-admin\d\d-[A-Za-z0-9_-]{80,120})(?![A-Za-z0-9_-])/g,
    validate: (secret) => random(secret.slice(15)),
    confidence: "high",
    examples: {
      positives: () => {
        const rand = seededRandom(9801);
        const a = ANT + "admin01-" + randomString(ALPHABET.base64url, 93, rand) + "AA";
        return [{ text: `admin key: ${a}`, secret: a }];
      },
      negatives: () => [`${ANT}admin01-<admin-key>`, `${ANT}admin01-${"0".repeat(95)}`],
    },
  },
  {
    id: "anthropic-oauth-token",
    family: "anthropic",
    description: "Anthropic (Claude) OAuth access or refresh token",
    keywords: [ANT + "oat", ANT + "ort"],
    pattern:
      /(?<![A-Za-z0-9_-](?<!%[0-9A-Fa-f]{2}))(?<secret>sk-ant-o[ar]t\d\d-[A-Za-z0-9_-]{80,120})(?![A-Za-z0-9_-])/g,
    validate: (secret) => random(secret.slice(13)),
    confidence: "high",
    examples: {
      positives: () => {
        const rand = seededRandom(9901);
        const a = ANT + "oat01-" + randomString(ALPHABET.base64url, 93, rand) + "AA";
        return [{ text: `CLAUDE_CODE_OAUTH_TOKEN=${a}`, secret: a }];
      },
      negatives: () => [`CLAUDE_CODE_OAUTH_TOKEN=${ANT}oat01-xxxxxxxx`],
    },
  },
];
