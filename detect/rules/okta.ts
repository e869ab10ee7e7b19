// Okta API tokens: 42 characters starting with `00`, sent as `Authorization: SSWS <token>`.
// Found after `SSWS`; under a secret's name (`OKTA_API_TOKEN=`) the generic rules find them. (A
// rule woken by "okta" itself is left out: no keyword starts with `o`, and a new first byte
// slows the byte filter for every input.)
import type { Rule } from "../types.ts";
import { ALPHABET, hasFiller, isLowVariety, randomString, seededRandom } from "../entropy.ts";

const SSWS = ["SS", "WS"].join("");

function randomToken(secret: string): boolean {
  const tail = secret.slice(2);
  // (Not a digit: 40 random characters hold none one time in 1,000.)
  return !hasFiller(tail) && !isLowVariety(tail) && /[A-Z]/.test(tail) && /[a-z]/.test(tail);
}

const token = (seed: number) =>
  "00" + randomString(ALPHABET.base62, 20, seededRandom(seed)) + "_" +
  randomString(ALPHABET.base62, 19, seededRandom(seed + 1));

export const rules: Rule[] = [
  {
    id: "okta-api-token",
    family: "okta",
    description: "Okta API token (SSWS 00…)",
    keywords: [SSWS.toLowerCase() + " "],
    exactKeywords: [SSWS + " "],
    pattern: /SSWS[ \t]{1,4}(?<secret>00[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/g,
    validate: randomToken,
    confidence: "high",
    examples: {
      positives: () => [
        { text: `-H "Authorization: ${SSWS} ${token(15201)}"`, secret: token(15201) },
        { text: `'Authorization': \`${SSWS} ${token(15203)}\`,`, secret: token(15203) },
      ],
      negatives: () => [
        `Authorization: ${SSWS} \${OKTA_API_TOKEN}`,
        `Authorization: ${SSWS} 00${"x".repeat(40)}`,
      ],
    },
  },
];
