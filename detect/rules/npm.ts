// npm access tokens. Since 2021 they are `npm_` + 30 random base62 characters + a 6-character
// base62 CRC32 of those 30, the same scheme as GitHub's (GitHub changelog, "npm has a new access
// token format"); the checksum is verified. Older tokens are UUIDs, recognisable only in an
// `.npmrc` key `_authToken=<uuid>` (usually `//registry/:_authToken=`), which the legacy rule requires.
import type { Rule } from "../types.ts";
import { hasBase62Crc32, withBase62Crc32 } from "../checksum.ts";
import { ALPHABET, isLowVariety, randomString, seededRandom } from "../entropy.ts";
import { base64Text, isSecretValue, plausibleUserPassword } from "./generic_value.ts";
import { UUID_RE } from "../placeholder.ts";

const PREFIX = ["np", "m_"].join("");

function token(rand: () => number): string {
  return PREFIX + withBase62Crc32(randomString(ALPHABET.base62, 30, rand));
}

function uuid(rand: () => number): string {
  const h = (n: number) => randomString(ALPHABET.hexLower, n, rand);
  return `${h(8)}-${h(4)}-4${h(3)}-a${h(3)}-${h(12)}`;
}

const AUTH = ["_auth", "Token="].join("");
const PASSWORD = ["_pass", "word="].join("");

/** The password an `.npmrc`'s `_password` holds in base64, when it decodes to one. */
function npmrcPassword(encoded: string): string | null {
  const decoded = base64Text(encoded);
  return decoded !== null && plausibleUserPassword(decoded, "") ? decoded : null;
}

export const rules: Rule[] = [
  {
    id: "npm-access-token",
    family: "npm",
    description: "npm access token",
    keywords: [PREFIX],
    pattern: /(?<![A-Za-z0-9_](?<!%[0-9A-Fa-f]{2}))(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g,
    validate: (secret) => hasBase62Crc32(secret.slice(4)),
    confidence: "high",
    examples: {
      positives: () => {
        const rand = seededRandom(8101);
        const a = token(rand);
        const b = token(rand);
        const c = token(rand);
        return [
          { text: `//registry.npmjs.org/:${AUTH}${a}`, secret: a },
          { text: `NPM_TOKEN=${b}`, secret: b },
          { text: `publish with ${c} please`, secret: c },
        ];
      },
      negatives: () => {
        const rand = seededRandom(8102);
        const good = token(rand);
        const bad = good.slice(0, -1) + (good.endsWith("z") ? "y" : "z");
        return [
          `NPM_TOKEN=${bad}`,
          `NPM_TOKEN=${PREFIX}${"0".repeat(36)}`,
          `run npm_config_cache=/tmp/x npm ci`,
          `my_npm_${randomString(ALPHABET.base62, 36, rand)}`,
        ];
      },
    },
  },
  {
    id: "npm-legacy-auth-token",
    family: "npm",
    description: "npm legacy (UUID) auth token in an .npmrc line",
    keywords: ["_authtoken"],
    pattern:
      /(?<![A-Za-z0-9])_authToken[ \t]{0,2}=[ \t]{0,2}["']?(?<secret>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![0-9A-Za-z-])/g,
    // The secret is the UUID itself (what npm checks, and what a fingerprint should identify
    // wherever it is pasted again). UUIDs alone are ids everywhere, so the global placeholder
    // filter drops them; here the `_authToken=` key says it is a token, hence the exemption.
    validate: (secret) => !isLowVariety(secret.replace(/-/g, "")),
    placeholderExempt: ["uuid"],
    confidence: "high",
    examples: {
      positives: () => {
        const rand = seededRandom(8201);
        const a = uuid(rand);
        const b = uuid(rand);
        return [
          { text: `//registry.npmjs.org/:${AUTH}${a}`, secret: a },
          { text: `cat ~/.npmrc\n//npm.acme.internal:4873/:${AUTH}"${b}"`, secret: b },
        ];
      },
      negatives: () => [
        `//registry.npmjs.org/:${AUTH}\${NPM_TOKEN}`,
        `//registry.npmjs.org/:${AUTH}00000000-0000-0000-0000-000000000000`,
        `//registry.npmjs.org/:${AUTH}<your-token>`,
      ],
    },
  },
  {
    id: "npm-registry-auth-token",
    family: "npm",
    description:
      "Registry token of another form in an .npmrc line (_authToken=: Artifactory, Verdaccio, Nexus)",
    keywords: ["_authtoken"],
    // `npm config set //registry/:_authToken <token>` sets it by a blank.
    pattern:
      /(?<![A-Za-z0-9])_authToken(?:[ \t]{0,2}=[ \t]{0,2}|[ \t]{1,2})["']?(?<secret>[^\s"'`]{8,400})/g,
    // UUIDs and `npm_` tokens are the rules above's (checked as such); the rest must look
    // generated, as any token does.
    validate: (secret, { text, start, end }) =>
      !UUID_RE.test(secret) && !secret.startsWith(PREFIX) &&
      (!/["']/.test(text[start - 1] ?? "") || text[end] === text[start - 1]) &&
      isSecretValue(secret, "secret"),
    confidence: "medium",
    examples: {
      positives: () => {
        const rand = seededRandom(8401);
        const a = randomString(ALPHABET.base62, 64, rand);
        const b = randomString(ALPHABET.base64url, 40, rand);
        return [
          { text: `//artifactory.acme.example/api/npm/npm/:${AUTH}${a}`, secret: a },
          { text: `npm config set //npm.acme.internal/:_authToken ${b}`, secret: b },
        ];
      },
      negatives: () => [
        `//registry.npmjs.org/:${AUTH}\${NPM_TOKEN}`,
        `//registry.npmjs.org/:${AUTH}YOUR_TOKEN_HERE`,
        `//registry.npmjs.org/:${AUTH}${PREFIX}${"x".repeat(36)}`,
      ],
    },
  },
  {
    id: "npm-password",
    family: "npm",
    description: "Registry password in an .npmrc line (_password=, base64)",
    // With the `:` of its registry's scope (`//host/:_password=`): `_password=` alone is in every
    // `DB_PASSWORD=` line, whose name = value gate it would bypass (dumps of config scanned 5x
    // slower), and a bare `_password` would take `mysql_native_password BY` from its rule.
    keywords: [":_password="],
    // npm keeps `_password` in base64 beside `username`; the leak is the password it decodes to.
    pattern:
      /(?<![A-Za-z0-9])_password[ \t]{0,2}=[ \t]{0,2}["']?(?<secret>[A-Za-z0-9+/]{8,400}={0,2})(?![A-Za-z0-9+/=])/g,
    validate: (secret) => npmrcPassword(secret) !== null,
    canonical: (secret) => npmrcPassword(secret) ?? secret,
    confidence: "medium",
    examples: {
      positives: () => {
        const rand = seededRandom(8301);
        const a = btoa("Qv7" + randomString(ALPHABET.base62, 13, rand) + "!");
        const b = btoa(randomString(ALPHABET.base62, 24, rand));
        return [
          {
            text: `//npm.acme.internal/:username=ci\n//npm.acme.internal/:${PASSWORD}${a}`,
            secret: a,
          },
          { text: `//npm.acme.internal/:${PASSWORD}"${b}"\nemail=ci@acme.example`, secret: b },
        ];
      },
      negatives: () => [
        `//registry.npmjs.org/:${PASSWORD}\${NPM_PASSWORD}`,
        `//registry.npmjs.org/:${PASSWORD}${btoa("password")}`,
        `//registry.npmjs.org/:${PASSWORD}${btoa("changeme")}`,
        // Not base64 of a password: bytes that are no text.
        `${PASSWORD}${btoa(String.fromCharCode(1, 200, 7, 99, 250, 3, 180, 42, 9))}`,
      ],
    },
  },
];
