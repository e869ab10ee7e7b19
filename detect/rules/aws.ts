// AWS access keys. An access key id (`AKIA` long-term, `ASIA` temporary, `ABIA`, `ACCA`, then 16
// base32 characters) names a key but cannot sign a request alone: it is reported with medium
// confidence. The secret access key (40 base64 characters) is what signs, but 40 base64
// characters alone are everywhere (hashes, ids, blobs), so it is reported only beside evidence: a
// key id within 300 characters before it or 200 after it, or an `aws_secret_access_key`-like
// name in front of it. The finding is the secret alone, not the pair: its fingerprint is what
// identifies the leak (the id appears in CloudTrail and is not secret) and a pasted pair yields
// two findings, the id (medium) and the secret (high). AWS's documented example keys end in
// `EXAMPLE` (`…EXAMPLE`, `…EXAMPLEKEY`) and are treated as placeholders.
import type { Rule } from "../types.ts";
import { proseToValue } from "./prose.ts";
import {
  ALPHABET,
  hasFiller,
  isLowVariety,
  randomString,
  seededRandom,
  wordFraction,
} from "../entropy.ts";

const ID_PREFIXES = ["AK" + "IA", "AS" + "IA", "AB" + "IA", "AC" + "CA"];
const KEY_ID =
  /(?<![A-Za-z0-9](?<!%[0-9A-Fa-f]{2}))(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/;
/**
 * The secret's own name right before it: `aws_secret_access_key = `, `"SecretAccessKey": "`,
 * `AWS secret key: `, "the secret key is `", or in prose with what it belongs to ("the AWS secret key for staging is ",
 * "das AWS secret key für Staging ist ").
 */
const SECRET_NAME = new RegExp(
  String
    .raw`(?:secret[_ .-]?(?:access[_ .-]?)?key|aws[_ .-]?secret(?:[_ .-]?(?:access[_ .-]?)?key)?)` +
    String.raw`(?:["'${"`"}]?[ \t]{0,4}(?:=>|:=|=|:|[ \t])[ \t]{0,4}["'${"`"}]?` +
    String.raw`|[ \t](?:is|was)[ \t]{1,4}["'${"`"}]?|${proseToValue(40)})$`,
  "i",
);

/**
 * Upper-case base32 forms "words" by chance (FYEPXF, YSFOBPEJS): a random id scores 1.0 on
 * `wordFraction` one time in a thousand. Only a digit-free, word-made tail is a placeholder, and
 * not even that beside an AWS secret (its name, or 40 characters that look like one): a random
 * tail has no digit one time in 28, and a word-like one among those is a real key's chance.
 */
function keyIdPlausible(id: string, at?: { text: string; start: number; end: number }): boolean {
  const tail = id.slice(4);
  if (/EXAMPLE/i.test(id) || hasFiller(tail) || isLowVariety(tail)) return false;
  if (/[2-7]/.test(tail) || wordFraction(tail) < 0.85) return true;
  return at !== undefined && secretBeside(at.text, at.start, at.end);
}

const SECRET_KEY_RUN = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

/** An AWS secret's name, or a plausible secret key, within the window around a key id. */
function secretBeside(text: string, start: number, end: number): boolean {
  const around = text.slice(Math.max(0, start - 300), Math.min(text.length, end + 400));
  if (/secret[_ .-]?access[_ .-]?key|aws[_.-]?secret/i.test(around)) return true;
  return [...around.matchAll(SECRET_KEY_RUN)].some((m) => secretPlausible(m[0]));
}

function secretPlausible(secret: string): boolean {
  return !/EXAMPLE/i.test(secret) && !hasFiller(secret) && !isLowVariety(secret) &&
    /[A-Z]/.test(secret) && /[a-z]/.test(secret) &&
    // Random 40-char base64 scores over 0.63 on `wordFraction` 1 time in 1,000, 0.70 in 10,000.
    !/^[0-9a-fA-F]+$/.test(secret) && wordFraction(secret) < 0.75;
}

const TOKEN_CHAR = /[A-Za-z0-9_\-/+]/;
const URL_SAFE_CHAR = /[A-Za-z0-9_-]/;

/**
 * Whether the 40 characters sit in one segment of a dotted token (a JWT's signature holds `-`
 * and `_`, which end the pattern's run but not the segment): out to the segment's ends through
 * base64url characters, a dot joining more of them is there.
 */
function inDottedToken(text: string, start: number, end: number): boolean {
  let s = start, e = end;
  while (s > 0 && TOKEN_CHAR.test(text[s - 1])) s--;
  while (e < text.length && TOKEN_CHAR.test(text[e])) e++;
  return (text[s - 1] === "." && URL_SAFE_CHAR.test(text[s - 2] ?? "")) ||
    (text[e] === "." && URL_SAFE_CHAR.test(text[e + 1] ?? ""));
}

/**
 * Whether the 40 characters are the middle of a longer base64url token (between a `-` and a `_`
 * of an Anthropic or OpenAI key): out through `-`, `_` and what they join, more than a marker on
 * each side is there.
 */
function inLongerToken(text: string, start: number, end: number): boolean {
  let s = start, e = end;
  while (s > 0 && URL_SAFE_CHAR.test(text[s - 1])) s--;
  while (e < text.length && URL_SAFE_CHAR.test(text[e])) e++;
  return e - s > end - start + 2;
}

function secretNearEvidence(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 300), start);
  const after = text.slice(end, end + 200);
  if (SECRET_NAME.test(text.slice(Math.max(0, start - 100), start))) return true;
  // A word-like id and this secret are each other's evidence (keyIdPlausible).
  const ids = [KEY_ID.exec(before)?.[0], KEY_ID.exec(after)?.[0]];
  return ids.some((id) => id !== undefined && keyIdPlausible(id, { text, start, end }));
}

function keyId(rand: () => number, prefix = ID_PREFIXES[0]): string {
  return prefix + randomString(ALPHABET.base32Upper, 16, rand);
}

function secretKey(rand: () => number): string {
  return randomString(ALPHABET.base64, 40, rand);
}

const EXAMPLE = ["EXA", "MPLE"].join("");

export const rules: Rule[] = [
  {
    id: "aws-access-key-id",
    family: "aws",
    description: "AWS access key id",
    keywords: ID_PREFIXES.map((p) => p.toLowerCase()),
    exactKeywords: ID_PREFIXES,
    pattern:
      /(?<![A-Za-z0-9](?<!%[0-9A-Fa-f]{2}))(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])/g,
    validate: keyIdPlausible,
    confidence: "medium",
    // The validator looks for the secret beside a word-like id this far around it.
    window: { before: 300, after: 420 },
    examples: {
      positives: () => {
        const rand = seededRandom(10101);
        const a = keyId(rand);
        const b = keyId(rand, ID_PREFIXES[1]);
        return [
          { text: `AWS_ACCESS_KEY_ID=${a}`, secret: a },
          { text: `the session creds start with ${b}`, secret: b },
        ];
      },
      negatives: () => {
        const rand = seededRandom(10102);
        return [
          `aws_access_key_id = ${ID_PREFIXES[0]}IOSFODNN7${EXAMPLE}`,
          `aws_access_key_id = ${ID_PREFIXES[0]}${"X".repeat(16)}`,
          `${ID_PREFIXES[1]}PACIFIC region`,
          `id ${ID_PREFIXES[0]}${randomString(ALPHABET.base32Upper, 12, rand)}`,
          `ref ${ID_PREFIXES[0]}${randomString(ALPHABET.base32Upper, 16, rand)}abc`,
        ];
      },
    },
  },
  {
    id: "aws-secret-access-key",
    family: "aws",
    description: "AWS secret access key (next to its key id or an aws_secret_access_key name)",
    // Key ids are upper case; the names (AWS_SECRET_ACCESS_KEY, secretAccessKey) any case.
    exactKeywords: ID_PREFIXES,
    keywords: [
      ...ID_PREFIXES.map((p) => p.toLowerCase()),
      "secret_access_key",
      "secretaccesskey",
      "secret access key",
      // "the secret key is …": 40 characters of base64 in both cases after it are AWS's.
      "secret key",
      "secret-access-key",
      "aws_secret",
      "aws secret",
      "awssecret",
    ],
    // `=` may precede it (`AWS_SECRET_ACCESS_KEY=…`); base64 padding only ever follows; a `%`
    // before it makes it the middle of a URL-encoded token (`…%2F68ZX…`). A dot
    // joining it to more base64url makes it one segment of a longer token (a JWT's header is
    // often exactly 40 characters), not a key.
    pattern:
      /(?<![A-Za-z0-9/+%]|[A-Za-z0-9_-]\.)(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=]|\.[A-Za-z0-9_-])/g,
    validate: (secret, { text, start, end }) =>
      secretPlausible(secret) && !inDottedToken(text, start, end) &&
      !inLongerToken(text, start, end) && secretNearEvidence(text, start, end),
    confidence: "high",
    window: { before: 300, after: 400 },
    examples: {
      positives: () => {
        const rand = seededRandom(10201);
        const [s1, s2, s3, s4] = [
          secretKey(rand),
          secretKey(rand),
          secretKey(rand),
          secretKey(rand),
        ];
        const id = keyId(rand);
        return [
          { text: `aws_secret_access_key = ${s1}`, secret: s1 },
          { text: `AWS secret key: ${s1}`, secret: s1 },
          { text: `the AWS secret key for staging is ${s1}`, secret: s1 },
          { text: `the secret key is \`${s2}\` (key id is in the vault entry)`, secret: s2 },
          { text: `aws secret key is ${s3}`, secret: s3 },
          { text: `"SecretAccessKey": "${s2}",`, secret: s2 },
          { text: `key ${id} secret ${s3}`, secret: s3 },
          { text: `User,${id},${s4}\n`, secret: s4 },
          { text: `AWS_ACCESS_KEY_ID=${id}\nAWS_SECRET_ACCESS_KEY=${s1}`, secret: s1 },
        ];
      },
      negatives: () => {
        const rand = seededRandom(10202);
        const sha = randomString(ALPHABET.hexLower, 40, rand);
        return [
          `commit ${sha} fixed it`,
          `aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY\nblob ${secretKey(rand)}`,
          `blob ${secretKey(rand)} with no aws context at all`,
          `aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY${EXAMPLE}KEY`,
          `aws_secret_access_key = ${"x".repeat(40)}`,
          `aws_secret_access_key = \${AWS_SECRET_ACCESS_KEY}`,
        ];
      },
    },
  },
];
