// Google credentials: API keys (`AIza` + 35 of [0-9A-Za-z_-], 39 in all), OAuth client secrets
// (`GOCSPX-` + 28) and OAuth access tokens (`ya29.` + a long base64url tail). Access tokens live an
// hour, but an hour of someone's Drive or Gmail is a leak; they are reported with medium
// confidence and only from 60 characters on (real ones run 150-250+), so truncated doc samples
// like `ya29.a0Af…` are not. A service account's token (`ya29.c.…`) has dots inside.
import type { Rule } from "../types.ts";
import { ALPHABET, hasFiller, isLowVariety, randomString, seededRandom } from "../entropy.ts";
import { canonicalKey, pem, serviceAccountKey } from "./private_key.ts";

const AIZA = ["AI", "za"].join("");
const GOCSPX = ["GOC", "SPX-"].join("");
const YA29 = ["ya", "29."].join("");

/** How a service account key file starts in base64: compact JSON, and as gcloud writes it. */
const SA_COMPACT = btoa('{"type":"service_account"').slice(0, 32);
const SA_PRETTY = btoa('{\n  "type": "service_account",').slice(0, 40);

function randomTail(s: string): boolean {
  return !hasFiller(s) && !isLowVariety(s) && /[A-Z]/.test(s) && /[a-z]/.test(s);
}

export const rules: Rule[] = [
  {
    id: "google-service-account-key-base64",
    family: "google",
    description:
      "Google service account key file encoded in base64 (one environment variable), with its private key",
    keywords: [SA_COMPACT.toLowerCase(), SA_PRETTY.toLowerCase()],
    exactKeywords: [SA_COMPACT, SA_PRETTY],
    pattern: /(?<![A-Za-z0-9+/])(?<secret>e[wy][A-Za-z0-9+/]{200,16000}={0,2})(?![A-Za-z0-9+/=])/g,
    validate: (secret) => serviceAccountKey(secret) !== null,
    // The key it holds: the same key in the file pasted as JSON is the same leak.
    canonical: (secret) => canonicalKey(serviceAccountKey(secret) ?? secret),
    confidence: "high",
    window: { before: 0, after: 16100 },
    examples: {
      positives: () => {
        const rand = seededRandom(11801);
        const key = pem(
          "",
          "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC" + randomString(ALPHABET.base64, 1600, rand),
        );
        const file = { type: "service_account", project_id: "acme-prod", private_key: key + "\n" };
        const compact = btoa(JSON.stringify(file));
        const pretty = btoa(JSON.stringify(file, null, 2));
        return [
          { text: `GOOGLE_CREDENTIALS_BASE64=${compact}`, secret: compact },
          { text: `gcp_sa_b64: "${pretty}"`, secret: pretty },
        ];
      },
      negatives: () => [
        btoa(JSON.stringify({ type: "service_account", project_id: "acme-prod" })),
        btoa(
          JSON.stringify({
            type: "service_account",
            private_key: pem("", "...") + "\n",
          }),
        ),
      ],
    },
  },
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
      /(?<![A-Za-z0-9_.-](?<!%[0-9A-Fa-f]{2}))(?<secret>ya29\.[0-9A-Za-z_-]{1,2048}(?:\.{1,64}[0-9A-Za-z_-]{1,2048}){0,4})(?![A-Za-z0-9_-])/g,
    // A service account's token has dots inside (`ya29.c.b0A…`, runs of dots near its end): the
    // longest dot-free part is judged.
    validate: (secret) => {
      if (secret.length < 60) return false;
      const parts = secret.slice(5).split(/\.+/);
      const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
      return longest.length >= 40 && randomTail(longest);
    },
    confidence: "medium",
    window: { before: 8, after: 2100 },
    examples: {
      positives: () => {
        const rand = seededRandom(9301);
        const a = YA29 + "a0A" + randomString(ALPHABET.base64url, 160, rand);
        // A service account's token (gcloud auth print-access-token under one).
        const c = YA29 + "c.b0A" + randomString(ALPHABET.base64url, 180, rand) + "." +
          randomString(ALPHABET.base64url, 12, rand);
        return [
          { text: `Authorization: Bearer ${a}`, secret: a },
          { text: `--set app.googleAccessToken=${c} \\`, secret: c },
        ];
      },
      negatives: () => {
        const rand = seededRandom(9302);
        return [
          `Authorization: Bearer ${YA29}a0Af...`,
          `Authorization: Bearer ${YA29}${randomString(ALPHABET.base64url, 20, rand)}`,
          `token=${YA29}${"x".repeat(80)}`,
          `token=${YA29}c.${"x".repeat(80)}`,
          `see ${YA29}c.${randomString(ALPHABET.base64url, 30, rand)}...`,
        ];
      },
    },
  },
];
