// Google credentials: API keys (`AIza` + 35 of [0-9A-Za-z_-], 39 in all), OAuth client secrets
// (`GOCSPX-` + 28) and OAuth access tokens (`ya29.` + a long base64url tail). Access tokens live an
// hour, but an hour of someone's Drive or Gmail is a leak; they are reported with medium
// confidence and only from 60 characters on (real ones run 150-250+), so truncated doc samples
// like `ya29.a0Af…` are not.
import type { Rule } from "../types.ts";
import { ALPHABET, hasFiller, isLowVariety, randomString, seededRandom } from "../entropy.ts";

const AIZA = ["AI", "za"].join("");
const GOCSPX = ["GOC", "SPX-"].join("");
const YA29 = ["ya", "29."].join("");

function randomTail(s: string): boolean {
  return !hasFiller(s) && !isLowVariety(s) && /[A-Z]/.test(s) && /[a-z]/.test(s);
}

export const rules: Rule[] = [
  {
    id: "google-api-key",
    family: "google",
    description: "Google API key",
    keywords: ["aiza"],
    exactKeywords: ["AIza"],
    pattern:
      /(?<![A-Za-z0-9_-](?<!%[0-9A-Fa-f]{2}))(?<secret>AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/g,
    validate: (secret) => randomTail(secret.slice(4)),
    confidence: "high",
    examples: {
      positives: () => {
        const rand = seededRandom(9101);
        const a = AIZA + "Sy" + randomString(ALPHABET.base64url, 33, rand);
        const b = AIZA + "Sy" + randomString(ALPHABET.base64url, 33, rand);
        return [
          { text: `GOOGLE_API_KEY=${a}`, secret: a },
          { text: `https://maps.googleapis.com/maps/api/js?key=${b}&callback=init`, secret: b },
        ];
      },
      negatives: () => {
        const rand = seededRandom(9102);
        return [
          `key=${AIZA}Sy${"X".repeat(33)}`,
          `key=${AIZA}${randomString(ALPHABET.base62, 20, rand)}`,
          `key=${AIZA}SyYOUR_API_KEY_HERE_${"x".repeat(14)}`,
          `key=${AIZA}Sy${randomString(ALPHABET.base62, 40, rand)}`,
        ];
      },
    },
  },
  {
    id: "google-oauth-client-secret",
    family: "google",
    description: "Google OAuth client secret",
    keywords: ["gocspx-"],
    exactKeywords: ["GOCSPX-"],
    pattern:
      /(?<![A-Za-z0-9_-](?<!%[0-9A-Fa-f]{2}))(?<secret>GOCSPX-[0-9A-Za-z_-]{28})(?![A-Za-z0-9_-])/g,
    validate: (secret) => randomTail(secret.slice(7)),
    confidence: "high",
    examples: {
      positives: () => {
        const rand = seededRandom(9201);
        const a = GOCSPX + randomString(ALPHABET.base64url, 26, rand) + "q7";
        return [
          { text: `"client_secret": "${a}",`, secret: a },
          { text: `secret is ${a} for the staging app`, secret: a },
        ];
      },
      negatives: () => [
        `"client_secret": "${GOCSPX}${"x".repeat(28)}"`,
        `"client_secret": "${GOCSPX}<your-secret>"`,
        `secrets created after 2022 start with ${GOCSPX}`,
      ],
    },
  },
  {
    id: "google-oauth-access-token",
    family: "google",
    description: "Google OAuth access token",
    keywords: [YA29],
    exactKeywords: [YA29],
    pattern:
      /(?<![A-Za-z0-9_.-](?<!%[0-9A-Fa-f]{2}))(?<secret>ya29\.[0-9A-Za-z_-]{55,2048})(?![A-Za-z0-9_-])/g,
    validate: (secret) => randomTail(secret.slice(5)),
    confidence: "medium",
    window: { before: 8, after: 2100 },
    examples: {
      positives: () => {
        const rand = seededRandom(9301);
        const a = YA29 + "a0A" + randomString(ALPHABET.base64url, 160, rand);
        return [{ text: `Authorization: Bearer ${a}`, secret: a }];
      },
      negatives: () => {
        const rand = seededRandom(9302);
        return [
          `Authorization: Bearer ${YA29}a0Af...`,
          `Authorization: Bearer ${YA29}${randomString(ALPHABET.base64url, 20, rand)}`,
          `token=${YA29}${"x".repeat(80)}`,
        ];
      },
    },
  },
];
