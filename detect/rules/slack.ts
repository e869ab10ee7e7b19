// Slack credentials. Shapes follow Slack's token-types documentation and what public scanners
// (gitleaks, trufflehog) observe: a fixed lower-case prefix, numeric id segments, then a random
// part. Patterns are linear (every repetition is delimited by `-` or `/`), the window-bounded
// scanner never runs them on more than a few hundred characters, and a validator asks the random
// part to look random. Example tokens are assembled at run time from parts, so this file holds no
// string any scanner would flag.

import type { CharReader, Rule } from "../types.ts";
import { entropyOf } from "../placeholder.ts";
import { hasFiller, isLowVariety, wordFraction } from "../entropy.ts";
import { innerUnderscore, isHexCode, mayChange } from "./gate_chars.ts";
import { isAlnum } from "../chars.ts";

/** Deterministic pseudo-random text for the examples (a tiny LCG; tests stay stable). */
export function fakeChars(alphabet: string, n: number, seed: number): string {
  let x = (seed * 2654435761) >>> 0 || 1;
  let s = "";
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += alphabet[(x >>> 16) % alphabet.length];
  }
  return s;
}
const DIGITS = "0123456789";
const HEX = "0123456789abcdef";
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_ID = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const digits = (n: number, seed: number) =>
  fakeChars("123456789", 1, seed) + fakeChars(DIGITS, n - 1, seed + 7);
const hex = (n: number, seed: number) => fakeChars(HEX, n, seed);
const alnum = (n: number, seed: number) => fakeChars(ALNUM, n, seed);
const slackId = (lead: string, n: number, seed: number) => lead + fakeChars(UPPER_ID, n, seed);

/** `xo` + `x` + kind + `-`, assembled so no literal prefix sits in the source. */
const px = (kind: string) => ["x", "o", "x", kind, "-"].join("");
const HOOKS = ["hooks", "slack", "com"].join(".");

/**
 * The random tail (last alphanumeric run) is long and diverse enough to be a real secret. A hex
 * tail tops out at 4 bits/char: 1 in 100 random 32-hex strings is under 3.27 and 1 in 10,000
 * under 2.99, so hex tails need only 2.9.
 */
function randomTail(min: number, minEntropy: number) {
  return (secret: string): boolean => {
    const m = /[0-9A-Za-z]+$/.exec(secret);
    if (!m || m[0].length < min) return false;
    const need = /^[0-9a-f]+$/i.test(m[0]) ? Math.min(minEntropy, 2.9) : minEntropy;
    return entropyOf(m[0]) >= need;
  };
}

/** Wrappers a chat message puts around a token, for the positives. */
function contexts(secret: string): Array<{ text: string; secret: string }> {
  return [
    { text: secret, secret },
    { text: `here is the token ${secret} please rotate`, secret },
    { text: `SLACK_TOKEN=${secret}\nOTHER=1`, secret },
    { text: `{"token": "${secret}", "ok": true}`, secret },
    { text: "`" + secret + "`", secret },
    { text: "```\nexport T=" + secret + "\n```", secret },
    { text: `> quoted: '${secret}'`, secret },
    { text: `curl 'https://slack.com/api/auth.test?token=${secret}&pretty=1'`, secret },
    { text: `*${secret}*`, secret },
  ];
}

/** Placeholders every Slack token rule must ignore (the issue's list and friends). */
function commonNegatives(kind: string): string[] {
  const p = px(kind);
  return [
    `${p}111-222-xxxxx`,
    `${p}abc-123`,
    `${p}xxxxxxxxx-xxxx`,
    `${p}your-token`,
    `${p}YOUR-TOKEN-HERE`,
    `token: <token>`,
    "token = ${SLACK_BOT_TOKEN}",
    `token = os.environ["SLACK_BOT_TOKEN"]`,
    `const t = process.env.SLACK_BOT_TOKEN`,
    `${p}0000000000-0000000000-000000000000000000000000`,
    `${p}1234567890-1234567890-abcdefghijklmnopqrstuvwx`,
    `${p}123456789012-123456789012-XXXXXXXXXXXXXXXXXXXXXXXX`,
    `${p}...`,
    `tokens start with ${p} and are secret`,
    `${p}12345678901-EXAMPLEexampleEXAMPLEexample`,
  ];
}

function tokenRule(
  spec: Omit<Rule, "family" | "examples" | "confidence"> & {
    confidence?: Rule["confidence"];
    kind: string;
    make: (seed: number) => string;
    extraNegatives?: () => string[];
  },
): Rule {
  const { kind, make, extraNegatives, ...rest } = spec;
  return {
    family: "slack",
    confidence: spec.confidence ?? "high",
    ...rest,
    examples: {
      positives: () => [1, 2, 3].flatMap((seed) => contexts(make(seed))),
      negatives: () => [...commonNegatives(kind), ...(extraNegatives?.() ?? [])],
    },
  };
}

const rotating = (inner: string) => ["x", "o", "x", "e", ".", px(inner)].join("");

/**
 * How far after its word (`signing`, `client`) a keyword secret may start: `_secret`, then the
 * longer of two quotes, blanks, `value=` and blanks, or a prose qualifier (` under ` and 40
 * characters, ` is `); then a quote. The byte gate's HEX_REACH (scripts/wasm/gates.as.ts) covers
 * it.
 */
const KEYWORD_SECRET_GAP = 7 + Math.max(2 + 12 + 6 + 12, 1 + 5 + 1 + 40 + 4) + 1;

/** The same reach after a hit of `signing` + `_secret`, the longer word (slack_prose.ts's gate). */
export const KEYWORD_SECRET_REACH = "signing".length + KEYWORD_SECRET_GAP;

/** A slash in a webhook URL: as written, escaped in JSON (`\\/`), or URL-encoded (`%2F`). */
const S = String.raw`(?:\\?\/|%2[Ff])`;
/**
 * A slash as written or escaped in JSON: in a path with a repeated part (workflows, triggers),
 * where redos-detector cannot bound the encoded form too (that one has its usual segments only).
 */
const J = String.raw`\\?\/`;

/** A webhook URL after its scheme, which `withScheme` adds (an optional lead is not bounded). */
function webhookPattern(path: string, slash = S): RegExp {
  return new RegExp(String.raw`(?<secret>hooks\.slack(?:-gov)?\.com${slash}${path})`, "g");
}

/** A scheme as written before a URL: plain, JSON-escaped, or URL-encoded in another's query. */
const SCHEME_BEFORE = /https?(?::\/\/|:\\\/\\\/|%3A%2F%2F)$/i;

/** The start of the URL at `start` with its scheme, when one is written: the URL as pasted. */
function withScheme(text: string, start: number): number {
  const m = SCHEME_BEFORE.exec(text.slice(Math.max(0, start - 14), start));
  return m ? start - m[0].length : start;
}

/** A webhook URL as written in JSON or inside another URL's query, read as plain text. */
function unescapedUrl(secret: string): string {
  return secret.replaceAll("\\/", "/").replace(/%2F/gi, "/").replace(/%3A/gi, ":");
}

export const rules: Rule[] = [
  tokenRule({
    id: "slack-rotating-user-token",
    kind: "e.xoxp",
    description: "Slack rotating user token or app configuration access token (xoxe.xoxp-1-)",
    keywords: ["xoxe.xoxp-"],
    pattern: /xoxe\.xoxp-\d-[0-9A-Za-z]{40,300}/g,
    validate: randomTail(40, 4.0),
    verifyAs: "xoxp",
    make: (s) => rotating("p") + "1-" + alnum(163, s),
  }),
  tokenRule({
    id: "slack-rotating-bot-token",
    kind: "e.xoxb",
    description: "Slack rotating bot token (xoxe.xoxb-1-)",
    keywords: ["xoxe.xoxb-"],
    pattern: /xoxe\.xoxb-\d-[0-9A-Za-z]{40,300}/g,
    validate: randomTail(40, 4.0),
    verifyAs: "xoxb",
    make: (s) => rotating("b") + "1-" + alnum(160, s + 10),
  }),
  tokenRule({
    id: "slack-refresh-token",
    kind: "e",
    description: "Slack refresh token for rotating or configuration tokens (xoxe-1-)",
    keywords: ["xoxe-"],
    pattern: /xoxe-\d-[0-9A-Za-z]{40,300}/g,
    validate: randomTail(40, 4.0),
    make: (s) => px("e") + "1-" + alnum(146, s + 20),
  }),
  tokenRule({
    id: "slack-bot-token",
    kind: "b",
    description: "Slack bot token (xoxb-)",
    keywords: ["xoxb-"],
    pattern: /xoxb-(?:\d{4,15}-){1,3}[0-9A-Za-z]{16,64}/g,
    validate: randomTail(16, 3.3),
    verifyAs: "xoxb",
    make: (s) =>
      s === 3
        ? px("b") + digits(12, s) + "-" + alnum(24, s) // legacy two-part shape
        : px("b") + digits(12, s) + "-" + digits(13, s + 1) + "-" + alnum(24, s + 2),
    extraNegatives: () => [
      `${px("b")}`,
      `${px("b")}123456789012-short`,
      `see ${px("b")}* tokens in the docs`,
    ],
  }),
  tokenRule({
    id: "slack-user-token",
    kind: "p",
    description: "Slack user token (xoxp-)",
    keywords: ["xoxp-"],
    pattern: /xoxp-(?:\d{4,15}-){1,4}[0-9A-Za-z]{20,64}/g,
    validate: randomTail(20, 3.3),
    verifyAs: "xoxp",
    make: (s) =>
      px("p") + digits(12, s) + "-" + digits(12, s + 1) + "-" + digits(13, s + 2) + "-" +
      hex(32, s + 3),
  }),
  tokenRule({
    id: "slack-workspace-token",
    kind: "a",
    description: "Slack workspace app token (xoxa-, xoxa-2-), legacy",
    keywords: ["xoxa-"],
    pattern: /xoxa-(?:2-)?(?:\d{4,15}-){0,4}[0-9A-Za-z]{20,80}/g,
    validate: randomTail(20, 3.5),
    verifyAs: "xoxa",
    make: (s) =>
      s === 2
        ? px("a") + alnum(40, s)
        : px("a") + "2-" + digits(12, s) + "-" + digits(12, s + 1) + "-" + digits(13, s + 2) +
          "-" + hex(64, s + 3),
  }),
  tokenRule({
    id: "slack-legacy-token",
    kind: "s",
    description: "Slack legacy user or session token (xoxs-, xoxo-)",
    keywords: ["xoxs-", "xoxo-"],
    pattern: /xox[so]-(?:\d{4,15}-){1,4}[0-9A-Za-z]{20,80}/g,
    validate: randomTail(20, 3.3),
    verifyAs: "xoxs",
    make: (s) =>
      px(s === 2 ? "o" : "s") + digits(11, s) + "-" + digits(11, s + 1) + "-" +
      digits(12, s + 2) + "-" + hex(64, s + 3),
  }),
  tokenRule({
    id: "slack-legacy-refresh-token",
    kind: "r",
    description: "Slack refresh token (xoxr-)",
    keywords: ["xoxr-"],
    pattern: /xoxr-(?:\d{1,15}-){0,4}[0-9A-Za-z]{20,160}/g,
    validate: randomTail(20, 3.5),
    make: (s) => px("r") + digits(12, s) + "-" + alnum(48, s + 1),
  }),
  tokenRule({
    id: "slack-client-token",
    kind: "c",
    description: "Slack client session token (xoxc-), used with the d cookie",
    keywords: ["xoxc-"],
    pattern: /xoxc-(?:\d{4,15}-){1,4}[0-9A-Za-z]{20,128}/g,
    validate: randomTail(20, 3.3),
    make: (s) =>
      px("c") + digits(12, s) + "-" + digits(12, s + 1) + "-" + digits(13, s + 2) + "-" +
      hex(64, s + 3),
  }),
  tokenRule({
    id: "slack-session-cookie",
    kind: "d",
    description: "Slack session cookie d (xoxd-), pairs with a client token",
    keywords: ["xoxd-"],
    // The value is URL-encoded base64: %2B, %2F and %3D appear in it.
    pattern: /xoxd-[0-9A-Za-z%+/=_-]{40,400}/g,
    validate: (secret) => {
      const body = decodeURIComponentSafe(secret.slice(5));
      const alnums = body.replace(/[^0-9A-Za-z]/g, "");
      return alnums.length >= 32 && entropyOf(alnums) >= 4.2;
    },
    make: (s) =>
      px("d") + alnum(60, s) + "%2B" + alnum(40, s + 1) + "%2F" + alnum(30, s + 2) + "%3D%3D",
  }),
  tokenRule({
    id: "slack-app-token",
    kind: "app",
    description: "Slack app-level token (xapp-)",
    keywords: ["xapp-"],
    pattern: /xapp-\d-[0-9A-Za-z]{6,15}-\d{6,15}-[0-9A-Za-z]{24,96}/g,
    validate: randomTail(24, 3.3),
    verifyAs: "xapp",
    make: (s) =>
      ["x", "a", "p", "p", "-"].join("") + "1-" + slackId("A", 10, s) + "-" + digits(13, s + 1) +
      "-" + hex(64, s + 2),
  }),
  tokenRule({
    id: "slack-workflow-token",
    kind: "wfp",
    description: "Slack workflow platform token (xwfp-)",
    keywords: ["xwfp-"],
    pattern: /xwfp-(?:[0-9A-Za-z]{1,20}-){0,5}[0-9A-Za-z]{20,128}/g,
    validate: randomTail(20, 3.5),
    make: (s) =>
      ["x", "w", "f", "p", "-"].join("") + "1-" + digits(12, s) + "-" + digits(13, s + 1) + "-" +
      alnum(40, s + 2),
  }),
  webhookRule({
    id: "slack-webhook-url",
    description: "Slack incoming webhook URL (hooks.slack.com/services/…)",
    pattern: webhookPattern(
      String.raw`services${S}[TE][0-9A-Z]{6,12}${S}B[0-9A-Z]{6,12}${S}[0-9A-Za-z]{18,40}`,
    ),
    verifyAs: "webhook",
    make: (s) =>
      `${HOOKS}/services/${slackId("T", 10, s)}/${slackId("B", 10, s + 1)}/${alnum(24, s + 2)}`,
  }),
  webhookRule({
    id: "slack-workflow-webhook-url",
    description: "Slack Workflow Builder webhook URL (hooks.slack.com/workflows/…)",
    pattern: webhookPattern(
      String.raw`(?:${J}workflows${J}[TE][0-9A-Z]{6,12}${J}(?:[0-9A-Z]{6,24}${J}){1,3}` +
        // URL-encoded inside another URL's query: its usual segments, no more.
        String.raw`|%2Fworkflows%2F[TE][0-9A-Z]{6,12}%2F[0-9A-Z]{6,24}%2F[0-9A-Z]{6,24}%2F)` +
        String.raw`[0-9A-Za-z]{18,64}`,
      "",
    ),
    make: (s) =>
      `${HOOKS}/workflows/${slackId("T", 10, s)}/${slackId("A", 10, s + 1)}/${digits(18, s + 2)}/${
        alnum(24, s + 3)
      }`,
  }),
  webhookRule({
    id: "slack-trigger-webhook-url",
    description: "Slack workflow trigger webhook URL (hooks.slack.com/triggers/…)",
    pattern: webhookPattern(
      String.raw`(?:${J}triggers${J}[TE][0-9A-Z]{6,12}${J}(?:[0-9A-Z]{6,24}${J}){1,3}` +
        String.raw`|%2Ftriggers%2F[TE][0-9A-Z]{6,12}%2F[0-9A-Z]{6,24}%2F)[0-9A-Za-z]{20,64}`,
      "",
    ),
    make: (s) => `${HOOKS}/triggers/${slackId("T", 10, s)}/${digits(13, s + 1)}/${hex(32, s + 2)}`,
  }),
  keywordSecretRule({
    id: "slack-signing-secret",
    description: "Slack app signing secret (32 hex) next to a signing_secret keyword",
    word: "signing",
  }),
  keywordSecretRule({
    id: "slack-client-secret",
    description: "Slack app client secret (32 hex) next to a client_secret keyword",
    word: "client",
  }),
  verificationTokenRule(),
];

/**
 * The app's Verification Token (Basic Information, deprecated but still shown and still checked
 * by apps that never moved to signing secrets): 24 letters and digits, findable only beside its
 * name, as the signing secret is.
 */
function verificationTokenRule(): Rule {
  const name = (sep: string, upper = false) => {
    const s = `verification${sep}token`;
    return upper ? s.toUpperCase() : s;
  };
  return {
    id: "slack-verification-token",
    family: "slack",
    description: "Slack app verification token (24 characters) next to a verification_token name",
    keywords: ["_", "-", " ", ".", ""].map((sep) => name(sep)),
    pattern: new RegExp(
      String
        .raw`(?<![A-Za-z0-9])(?:slack)?verification[ _.-]?token(?:["'${"`"}\]*_]{0,2}[ \t]{0,12}` +
        String.raw`(?:(?:[:=]{1,2}>?|->|[|,\u2013\u2014\u2192]|(?:is|was)[ \t])[ \t]{0,12}` +
        String.raw`(?:\*{1,2}[ \t]{1,12})?)?["'${"`"}*]?|\n)` +
        String.raw`(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9])`,
      "gi",
    ),
    validate: (secret) =>
      /[A-Z]/.test(secret) && /[a-z]/.test(secret) && !isLowVariety(secret) &&
      !hasFiller(secret) && wordFraction(secret) < 0.85,
    confidence: "medium",
    window: { before: 16, after: 96 },
    examples: {
      positives: () =>
        [1, 2].flatMap((seed) => {
          const secret = alnum(24, seed + 90);
          return [
            { text: `SLACK_${name("_", true)}=${secret}`, secret },
            { text: `*Verification Token*: ${secret}`, secret },
            { text: `**Verification Token:** ${secret}`, secret },
            { text: `Signing Secret\n${hex(32, seed)}\nVerification Token\n${secret}`, secret },
            { text: `Verification Token \u2192 ${secret}`, secret },
            { text: `our ${name(" ")} is ${secret}`, secret },
            { text: `{"${name("_")}": "${secret}"}`, secret },
          ];
        }),
      negatives: () => [
        `${name("_")}=${"x".repeat(24)}`,
        `the ${name(" ")} is deprecated, use the signing secret`,
        `${name("_")} = os.environ["SLACK_${name("_", true)}"]`,
        `${name("_")}=YourVerificationTokenHere`,
      ],
    },
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function webhookRule(spec: {
  id: string;
  description: string;
  pattern: RegExp;
  verifyAs?: string;
  make: (seed: number) => string;
}): Rule {
  return {
    id: spec.id,
    family: "slack",
    description: spec.description,
    keywords: ["hooks.slack.com", "hooks.slack-gov.com"],
    pattern: spec.pattern,
    validate: randomTail(18, 3.3),
    // Slack's own JSON (an OAuth answer's incoming_webhook.url) escapes the slashes, and a URL
    // passed in another's query (`?target=https%3A%2F%2F…`) is encoded.
    canonical: unescapedUrl,
    extendStart: withScheme,
    confidence: "high",
    ...(spec.verifyAs ? { verifyAs: spec.verifyAs } : {}),
    examples: {
      positives: () =>
        [1, 2, 3].flatMap((seed) => {
          const secret = spec.make(seed);
          const url = `https://${secret}`;
          const encoded = encodeURIComponent(url);
          return [
            { text: url, secret: url },
            { text: `post to <${url}> from CI`, secret: url },
            { text: `WEBHOOK_URL="${url}"`, secret: url },
            { text: `{"url":"${url}"}`, secret: url },
            { text: `<${url}|our webhook>`, secret: url },
            { text: `curl -X POST -d @msg.json http://${secret}`, secret: `http://${secret}` },
            { text: `the hook is ${secret}, keep it private`, secret },
            {
              text: `{"incoming_webhook":{"url":"${url.replaceAll("/", "\\/")}"}}`,
              secret: url.replaceAll("/", "\\/"),
            },
            // Passed in another URL's query, or in a form body.
            { text: `<https://ci.acme.io/notify?target=${encoded}&amp;retry=3>`, secret: encoded },
            {
              text: `curl -d "channel=ops&webhook_url=${encoded}" https://ci.acme.io`,
              secret: encoded,
            },
          ];
        }),
      negatives: () => [
        `https://${HOOKS}/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`,
        `https://${HOOKS}/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX`,
        `https://${HOOKS}/services/T123/B456/your-webhook`,
        `https://${HOOKS}/services/...`,
        `https://${HOOKS}/workflows/T00000000/A00000000/000000000000000000/xxxxxxxxxxxxxxxxxxxxxxxx`,
        `https://${HOOKS}/triggers/T00000000/0000000000000/00000000000000000000000000000000`,
        `the webhook lives at ${HOOKS}/services/<your-path>`,
        `https://${HOOKS}/services/${"T"}ABCDEFGH/BABCDEFGH/abcdefghijklmnopqrstuvwx`,
      ],
    },
  };
}

/**
 * The keyword secret rules' gate (Rule.mayStart): a match starts at its keyword, in
 * [wordStart, hitStart], and its 32 hex start at most `gap` characters after that start, right
 * after a character that is no hex digit (the keyword's `t`, a quote, a blank or a separator), and
 * end before one that is no letter or digit: a run of exactly 32. Logs are full of `client_secret=xxxx (masked)`
 * and `client_secret: ${CLIENT_SECRET}`: a few reads rule them out instead of a pattern try.
 * As shown, any character normalize() may change on the way: maybe.
 */
export function hexSecretMayStart(gap: number) {
  return (
    text: CharReader,
    wordStart: number,
    hitStart: number,
    _hitEnd: number,
    asShown = true,
  ): boolean => {
    // The last place the secret may start, and the character after it at most.
    const last = hitStart + gap;
    const stop = Math.min(text.length, last + 33);
    let run = 0, breaks = 0;
    for (let j = wordStart; j < stop; j++) {
      const c = text.charCodeAt(j);
      if (asShown && mayChange(c) && !(c === 95 && innerUnderscore(text, j))) return true;
      if (isHexCode(c)) {
        run++;
        continue;
      }
      if (run === 32 && j - 32 <= last && !isAlnum(c)) return true;
      // A match crosses two line breaks at most (a label copied from the settings page, its
      // value on the line under it or after a blank line): none starts on a line after that.
      if (c === 10 && ++breaks > 2) return false;
      run = 0;
    }
    return stop === text.length && run === 32 && stop - 32 <= last;
  };
}

/** Title case, as a settings page writes its labels: `Client Secret`. */
const cap = (s: string) => s.replace(/\b[a-z]/g, (c) => c.toUpperCase());

function keywordSecretRule(spec: { id: string; description: string; word: string }): Rule {
  const w = spec.word;
  const keywords = ["_", "-", " ", ".", ""].map((sep) => `${w}${sep}secret`);
  // The name, then a separator (`=`, `?=`, `??=`, a dash, `|` of a table, `,` of a CSV row, `value=` of
  // an XML entry, `is`) after blanks that may align a table or `vault kv get` output, or what it
  // belongs to in prose (`signing secret from Basic Information is …`); then the secret. A
  // label copied from the app's settings page is often bold, in Slack (`*Client Secret*: …`) or
  // in Markdown (`**Client Secret:** …`), and files are read as they are: the markers may stand
  // after the name and after the separator. Copied from that page as it is laid out, the value
  // is on the line under its label.
  const pattern = new RegExp(
    `(?<![A-Za-z0-9])(?:slack)?${w}[ _.-]?secret(?:["'\`\\]*_]{0,2}[ \\t]{0,12}` +
      `(?:(?:[:=]{1,2}>?|->|\\?{1,2}=|[|,\u2013\u2014\u2192-]|value=|(?:is|was|to)[ \\t]|\\n)` +
      `[ \\t]{0,12}` +
      `(?:\\*{1,2}[ \\t]{1,12})?)?` +
      `|[ \\t](?:from|for|of|in|on|under)[ \\t][^\\n:=|,"'\`[(«]{1,40}?(?:[ \\t]is[ \\t]|:[ \\t]?))` +
      `["'\`[(«]?(?<secret>[0-9a-fA-F]{32})(?![0-9A-Za-z])`,
    "gi",
  );
  const kw = (sep: string, upper = false) => {
    const s = `${w}${sep}secret`;
    return upper ? s.toUpperCase() : s;
  };
  return {
    id: spec.id,
    family: "slack",
    description: spec.description,
    keywords,
    pattern,
    validate: (secret) => entropyOf(secret) >= 3.0,
    confidence: "medium",
    // The match starts at the keyword: tried there (a line that mentions the keyword without 32
    // hex after it costs a sticky try, not a window search).
    anchor: "word",
    // The keyword, a separator (`"] := `, ` is `), then the secret: at most this far in.
    mayStart: hexSecretMayStart(w.length + KEYWORD_SECRET_GAP),
    byteGate: "hex32",
    window: { before: 16, after: 96 },
    examples: {
      positives: () =>
        [1, 2, 3].flatMap((seed) => {
          const secret = hex(32, seed + 40);
          return [
            { text: `SLACK_${kw("_", true)}=${secret}`, secret },
            { text: `slack_${kw("_")}: "${secret}"`, secret },
            { text: `{"${w}Secret": "${secret}"}`, secret },
            { text: `our ${kw(" ")} is ${secret}`, secret },
            { text: `--${kw("-")} ${secret}`, secret },
            { text: `const slack${w[0].toUpperCase()}${w.slice(1)}Secret = "${secret}";`, secret },
            { text: `${kw("_")} = '${secret}'`, secret },
            { text: `${kw(" ")} from Basic Information is ${secret}`, secret },
            { text: `*${cap(kw(" "))}*: ${secret}`, secret },
            { text: `**${cap(kw(" "))}:** ${secret}`, secret },
            { text: `_slack ${kw(" ")}_: ${secret}`, secret },
            { text: `SLACK_${kw("_", true)} ?= ${secret}`, secret },
            { text: `process.env.SLACK_${kw("_", true)} ??= "${secret}";`, secret },
            { text: `| SLACK_${kw("_", true)} | \`${secret}\` |`, secret },
            { text: `SLACK_${kw("_", true)},${secret},prod`, secret },
            { text: `${kw("_")}           ${secret}`, secret },
            // A dash between the label and its value, as a list item sets it apart.
            { text: `• ${cap(kw(" "))} - ${secret}`, secret },
            { text: `${cap(kw(" "))} \u2014 ${secret}`, secret },
            // Bracketed (`[…]`, `(…)`, `«…»`), as a message sets a value apart.
            { text: `${cap(kw(" "))}: [${secret}]`, secret },
            { text: `${cap(kw(" "))}: «${secret}»`, secret },
            // Copied from Basic Information: the label, its value on the line under it.
            { text: `App ID\nA0CVJY19E6J\n${cap(kw(" "))}\n${secret}\n`, secret },
            { text: `*${cap(kw(" "))}* \u2192 \`${secret}\``, secret },
            {
              text: `<add key="Slack${w[0].toUpperCase()}${w.slice(1)}Secret" value="${secret}" />`,
              secret,
            },
          ];
        }),
      negatives: () => [
        `${kw("_")}=${"0".repeat(32)}`,
        `${kw("_")}=abcdef0123456789abcdef0123456789`,
        `the ${kw(" ")} is 32 hex characters, find it under Basic Information`,
        `the ${kw(" ")} for build ${hex(40, 7)} is rotated`,
        `${kw(" ")} of the app: see ${hex(32, 8).slice(0, 31)}`,
        `${kw("_")}=\${SLACK_${kw("_", true)}}`,
        `${kw("_")} = os.environ["SLACK_${kw("_", true)}"]`,
        `the commit ${hex(32, 5)} changed the ${kw(" ")} handling`,
        `md5 ${hex(32, 6)}`,
      ],
    },
  };
}
