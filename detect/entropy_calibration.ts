// Calibration of the generic rules' "looks machine-generated" test (rules/generic_value.ts):
// run `deno run detect/entropy_calibration.ts` to print, for the chosen constants and a few
// alternatives, the false-negative rate on random secrets of the usual alphabets and lengths and
// the false-positive rate on realistic non-secret values. Pure computation, no I/O; the numbers
// are deterministic (seeded) so the report and the test agree.
import { ALPHABET, randomString, seededRandom, shannonEntropy } from "./entropy.ts";
import {
  ENTROPY_CAP,
  ENTROPY_SLACK,
  isNonSecretValue,
  isSecretValue,
  looksGenerated,
  MAX_WORD_FRACTION,
  MIN_SECRET_LENGTH,
  shortGenerated,
} from "./rules/generic_value.ts";

/** Random secrets as services issue them: alphabet x length. */
export function secretSamples(perKind = 400, seed = 1): Array<{ kind: string; value: string }> {
  const rand = seededRandom(seed);
  const kinds: Array<[string, string, number]> = [
    ["hex-32", ALPHABET.hexLower, 32],
    ["hex-40", ALPHABET.hexLower, 40],
    ["hex-64", ALPHABET.hexLower, 64],
    ["base62-16", ALPHABET.base62, 16],
    ["base62-20", ALPHABET.base62, 20],
    ["base62-32", ALPHABET.base62, 32],
    ["base62-40", ALPHABET.base62, 40],
    ["base64-24", ALPHABET.base64, 24],
    ["base64-44", ALPHABET.base64, 44],
    ["base64url-43", ALPHABET.base64url, 43],
    ["base32-16", ALPHABET.base32Upper, 16],
    ["base32-32", ALPHABET.base32Upper, 32],
    ["printable-16", ALPHABET.printable, 16],
    ["printable-24", ALPHABET.printable, 24],
  ];
  const out: Array<{ kind: string; value: string }> = [];
  for (const [kind, alphabet, n] of kinds) {
    for (let i = 0; i < perKind; i++) out.push({ kind, value: randomString(alphabet, n, rand) });
  }
  return out;
}

const WORDS = (
  "the quick brown fox jumps over lazy dog deploy release staging production database server " +
  "client request response message channel workspace channel notification configuration " +
  "environment variable password secret token access refresh session account service " +
  "customer invoice payment settings internal external temporary permanent available"
).split(" ");

/** Values people assign to secret-sounding names that are not secrets. */
export function nonSecretSamples(seed = 2): Array<{ kind: string; value: string }> {
  const rand = seededRandom(seed);
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)];
  const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
  const out: Array<{ kind: string; value: string }> = [];
  const add = (kind: string, value: string) => out.push({ kind, value });
  for (let i = 0; i < 300; i++) {
    add("english-words", pick() + pick());
    add("camelCase", pick() + cap(pick()) + cap(pick()));
    add("snake_case", `${pick()}_${pick()}_${pick()}`.toUpperCase());
    add("path", `/${pick()}/${pick()}/${pick()}.json`);
    add("version", `v${1 + (i % 9)}.${i % 13}.${i % 7}-rc.${i % 4}`);
    add("word+digits", cap(pick()) + (1990 + (i % 40)) + (i % 2 ? "!" : ""));
    add("url", `https://${pick()}.example.org/${pick()}/${pick()}`);
    add("reference", `process.env.${pick().toUpperCase()}_${pick().toUpperCase()}`);
    add("template", `\${${pick().toUpperCase()}_TOKEN}`);
    add("dotted-identifier", `settings.${pick()}.${pick()}`);
  }
  for (
    const p of [
      "changeme",
      "password123",
      "P@ssw0rd",
      "hunter2",
      "letmein123",
      "correcthorsebatterystaple",
      "your-api-key-here",
      "xxxxxxxxxxxxxxxxxxxxxxxx",
      "0000000000000000",
      "1234567890abcdef",
      "abcdefghijklmnop",
      "REPLACE_WITH_YOUR_TOKEN",
      "<insert-token-here>",
      "********************",
      "supersecretpassword",
      "mySuperSecretApiKey",
      "prodDatabaseCredentials",
      "wordPieceTokenizerFast",
    ]
  ) add("example-password/placeholder", p);
  return out;
}

/** Random hex and UUIDs: indistinguishable from hex secrets by entropy (reported separately). */
export function idSamples(seed = 3): Array<{ kind: string; value: string }> {
  const rand = seededRandom(seed);
  const h = (n: number) => randomString(ALPHABET.hexLower, n, rand);
  const out: Array<{ kind: string; value: string }> = [];
  for (let i = 0; i < 300; i++) {
    out.push({ kind: "git-sha", value: h(40) });
    out.push({ kind: "uuid", value: `${h(8)}-${h(4)}-4${h(3)}-a${h(3)}-${h(12)}` });
  }
  return out;
}

export interface Rates {
  falseNegativeRate: number;
  falsePositiveRate: number;
  perKind: Record<string, number>;
}

/** Fraction of each kind the full value test (`isNonSecretValue` + `looksGenerated`) accepts. */
export function acceptRates(
  samples: Array<{ kind: string; value: string }>,
  accept: (v: string) => boolean,
): { rate: number; perKind: Record<string, number> } {
  const tally = new Map<string, [number, number]>();
  let hits = 0;
  for (const { kind, value } of samples) {
    const ok = accept(value);
    if (ok) hits++;
    const t = tally.get(kind) ?? [0, 0];
    t[0] += ok ? 1 : 0;
    t[1]++;
    tally.set(kind, t);
  }
  const perKind: Record<string, number> = {};
  for (const [k, [a, n]] of tally) perKind[k] = a / n;
  return { rate: hits / samples.length, perKind };
}

export function chosenTest(v: string): boolean {
  return !isNonSecretValue(v) && looksGenerated(v);
}

export function calibrate(): Rates {
  const fn = acceptRates(secretSamples(), chosenTest);
  const fp = acceptRates(nonSecretSamples(), chosenTest);
  const perKind: Record<string, number> = {};
  for (const [k, r] of Object.entries(fn.perKind)) perKind[`secret:${k}`] = 1 - r;
  for (const [k, r] of Object.entries(fp.perKind)) perKind[`non-secret:${k}`] = r;
  return { falseNegativeRate: 1 - fn.rate, falsePositiveRate: fp.rate, perKind };
}

function pct(x: number): string {
  return (x * 100).toFixed(2).padStart(6) + "%";
}

function quantiles(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(2);
  return `p1 ${q(0.01)}  p50 ${q(0.5)}  p99 ${q(0.99)}`;
}

if (import.meta.main) {
  const secrets = secretSamples();
  const non = nonSecretSamples();
  const ids = idSamples();
  console.log("Shannon entropy (bits/char) by kind:");
  for (const set of [secrets, non, ids]) {
    const kinds = [...new Set(set.map((s) => s.kind))];
    for (const k of kinds) {
      const vals = set.filter((s) => s.kind === k).map((s) => shannonEntropy(s.value));
      console.log(`  ${k.padEnd(30)} ${quantiles(vals)}`);
    }
  }
  console.log(
    `\nChosen: length >= ${MIN_SECRET_LENGTH}, entropy >= min(${ENTROPY_CAP}, log2(len) - ${ENTROPY_SLACK}), ` +
      `word fraction <= ${MAX_WORD_FRACTION}, 2+ classes, not a reference/path/placeholder`,
  );
  const r = calibrate();
  console.log(`  false negatives on random secrets: ${pct(r.falseNegativeRate)}`);
  console.log(`  false positives on non-secrets:    ${pct(r.falsePositiveRate)}`);
  for (const [k, v] of Object.entries(r.perKind)) {
    if (v > 0) console.log(`    ${k.padEnd(40)} ${pct(v)}`);
  }
  // The whole test for a secret-named value: generated, or a person's choice of 12+ characters
  // with all four character classes and no path or URL punctuation.
  const named = acceptRates(non, (v) => isSecretValue(v, "secret"));
  const namedSecrets = acceptRates(secrets, (v) => isSecretValue(v, "secret"));
  console.log(
    `\nUnder a secret name (isSecretValue, with the four-class path): FN ${
      pct(1 - namedSecrets.rate)
    }  FP ${pct(named.rate)}`,
  );
  // Short generated keys (12 to 15 characters) under a secret name: shortGenerated.
  const shortRand = seededRandom(5);
  for (const [kind, alphabet] of [["base62", ALPHABET.base62], ["base64", ALPHABET.base64]]) {
    for (const n of [12, 14]) {
      const vals = Array.from({ length: 1000 }, () => randomString(alphabet, n, shortRand));
      console.log(`  short ${kind}-${n} accepted: ${
        pct(
          acceptRates(
            vals.map((value) => ({ kind, value })),
            shortGenerated,
          ).rate,
        )
      }`);
    }
  }
  const shortNon = non.filter((s) => s.value.length >= 12 && s.value.length < MIN_SECRET_LENGTH);
  console.log(
    `  short non-secrets accepted: ${
      shortNon.filter((s) => shortGenerated(s.value)).length
    } of ${shortNon.length}`,
  );
  const idRate = acceptRates(ids, chosenTest);
  console.log(`  git SHAs / UUIDs accepted (value alone): ${JSON.stringify(idRate.perKind)}`);
  console.log("\nAlternatives (entropy cap / slack):");
  for (const [cap, slack] of [[3.0, 1.0], [3.5, 0.5], [3.5, 1.0], [4.0, 1.0], [4.5, 1.0]]) {
    const test = (v: string) =>
      !isNonSecretValue(v) && v.length >= MIN_SECRET_LENGTH &&
        shannonEntropy(v) >= Math.min(cap, Math.log2(v.length) - slack) && looksGenerated(v + "") ||
      false;
    const testOnly = (v: string) =>
      !isNonSecretValue(v) && v.length >= MIN_SECRET_LENGTH &&
      shannonEntropy(v) >= Math.min(cap, Math.log2(v.length) - slack);
    const fnr = 1 - acceptRates(secrets, testOnly).rate;
    const fpr = acceptRates(non, testOnly).rate;
    void test;
    console.log(`  cap ${cap} slack ${slack}: entropy alone FN ${pct(fnr)}  FP ${pct(fpr)}`);
  }
}
