// Fake credentials for tests, examples and benches, built at run time from parts so the repository
// itself never holds a string that a scanner (ours included) would flag. Shapes follow the formats
// Slack issues today, so detection rules, redaction and verification see realistic input.
// Deterministic from a seed (same seed, same value), random without one.

/** Every Slack token family the factory knows. Kinds are bare prefixes; the dash is added here. */
export type SlackTokenKind =
  | "xoxb"
  | "xoxp"
  | "xoxa"
  | "xoxr"
  | "xoxs"
  | "xapp"
  | "xoxe.xoxp"
  | "xoxe.xoxb"
  | "xoxe"
  | "xoxc"
  | "xoxd"
  | "xwfp";

export const SLACK_TOKEN_KINDS: readonly SlackTokenKind[] = [
  "xoxb",
  "xoxp",
  "xoxa",
  "xoxr",
  "xoxs",
  "xapp",
  "xoxe.xoxp",
  "xoxe.xoxb",
  "xoxe",
  "xoxc",
  "xoxd",
  "xwfp",
];

export type Seed = string | number;

/** A source of random integers in [0, n). Seeded sources are reproducible across runs. */
export interface Rng {
  int(n: number): number;
}

// xmur3 string hash feeding mulberry32: tiny, fast, and good enough to spread test values.
function hashSeed(seed: Seed): number {
  const s = String(seed);
  let h = 1779033703 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^= h >>> 16) >>> 0;
}

/** A reproducible random source for `seed`, or a crypto-random one without. */
export function rngFor(seed?: Seed): Rng {
  if (seed === undefined) {
    return {
      int(n) {
        const buf = new Uint32Array(1);
        crypto.getRandomValues(buf);
        return buf[0] % n;
      },
    };
  }
  let a = hashSeed(seed);
  return {
    int(n) {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      return Math.floor(r * n);
    },
  };
}

const DIGITS = "0123456789";
const HEX = "0123456789abcdef";
const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function pick(rng: Rng, alphabet: string, len: number): string {
  let out = "";
  for (let i = 0; i < len; i++) out += alphabet[rng.int(alphabet.length)];
  return out;
}

function between(rng: Rng, min: number, max: number): number {
  return min + rng.int(max - min + 1);
}

/** Digits that do not start with 0, like Slack's numeric ids. */
function number(rng: Rng, min: number, max: number): string {
  const len = between(rng, min, max);
  return String(1 + rng.int(9)) + pick(rng, DIGITS, len - 1);
}

/** "xo" + "xb" + "-": the prefix, assembled so no literal prefix-plus-dash sits in this file. */
function prefix(kind: SlackTokenKind): string {
  return kind.split("").join("") + "-";
}

/**
 * A fake Slack token of `kind`, in the shape Slack issues:
 * bot `xoxb-<10-13 digits>-<10-13 digits>-<24 alnum>`, user `xoxp-<d>-<d>-<d>-<32 hex>`,
 * app-level `xapp-1-A<10 upper>-<13 digits>-<64 hex>`, rotating `xoxe.xoxp-1-<164 upper alnum>`,
 * refresh `xoxe-1-<146 upper alnum>`, browser `xoxc-…-<64 hex>` and cookie `xoxd-…`.
 */
export function fakeSlackToken(kind: SlackTokenKind, seed?: Seed): string {
  const rng = rngFor(seed === undefined ? undefined : `${kind}:${seed}`);
  const p = prefix(kind);
  switch (kind) {
    case "xoxb":
      return p + [number(rng, 10, 13), number(rng, 10, 13), pick(rng, ALNUM, 24)].join("-");
    case "xoxp":
      return p + [
        number(rng, 10, 13),
        number(rng, 10, 13),
        number(rng, 10, 13),
        pick(rng, HEX, 32),
      ].join("-");
    case "xoxa":
    case "xoxr":
      return p + ["2", number(rng, 10, 13), number(rng, 10, 13), pick(rng, HEX, 64)].join("-");
    case "xoxs":
    case "xoxc":
      return p + [
        number(rng, 10, 13),
        number(rng, 10, 13),
        number(rng, 10, 13),
        pick(rng, HEX, 64),
      ].join("-");
    case "xapp":
      return p + ["1", "A" + pick(rng, UPPER_ALNUM, 10), number(rng, 13, 13), pick(rng, HEX, 64)]
        .join("-");
    case "xoxe.xoxp":
    case "xoxe.xoxb":
      return p + "1-" + pick(rng, UPPER_ALNUM, 164);
    case "xoxe":
      return p + "1-" + pick(rng, UPPER_ALNUM, 146);
    case "xoxd":
      // Browser session cookies are URL-encoded base64.
      return p + pick(rng, ALNUM, 120) + ["%", "2B"].join("") + pick(rng, ALNUM, 20) + "%3D";
    case "xwfp":
      return p + [number(rng, 10, 13), number(rng, 10, 13), pick(rng, ALNUM, 24)].join("-");
  }
}

/** A Slack-style id: prefix letter(s) and upper alphanumerics, e.g. T…, C…, U…, B…, A…. */
export function fakeSlackId(letter: string, seed?: Seed, length = 10): string {
  const rng = rngFor(seed === undefined ? undefined : `id:${letter}:${seed}`);
  return letter + pick(rng, UPPER_ALNUM, length);
}

/** The three parts of an incoming-webhook path, each as Slack shapes them. */
export interface WebhookParts {
  teamId: string;
  botId: string;
  secret: string;
}

export function fakeWebhookParts(seed?: Seed): WebhookParts {
  const rng = rngFor(seed === undefined ? undefined : `hook:${seed}`);
  return {
    teamId: "T" + pick(rng, UPPER_ALNUM, between(rng, 8, 10)),
    botId: "B" + pick(rng, UPPER_ALNUM, between(rng, 8, 10)),
    secret: pick(rng, ALNUM, 24),
  };
}

/**
 * A fake incoming-webhook URL `https://hooks.slack.com/services/T…/B…/<24 alnum>`.
 * `base` replaces the origin (for example a fake server's `webhookBase`).
 */
export function fakeWebhookUrl(seed?: Seed, base?: string): string {
  const { teamId, botId, secret } = fakeWebhookParts(seed);
  const origin = base ?? ["https://hooks", "slack", "com/services/"].join(".");
  const root = origin.endsWith("/") ? origin : origin + "/";
  return root + [teamId, botId, secret].join("/");
}

/** Random hex of `length`, for fake signing secrets, client secrets and the like. */
export function fakeHex(length: number, seed?: Seed): string {
  return pick(rngFor(seed === undefined ? undefined : `hex:${seed}`), HEX, length);
}

/** Random alphanumerics of `length`. */
export function fakeAlnum(length: number, seed?: Seed): string {
  return pick(rngFor(seed === undefined ? undefined : `alnum:${seed}`), ALNUM, length);
}
