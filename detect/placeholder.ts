// The global not-a-secret filter, applied to every rule's matches: documentation placeholders,
// templates and variable references, low-diversity or sequential filler, hashes, UUIDs, base64
// image data and Slack permalinks. A real credential's random part is long, diverse and
// patternless; these checks look only at that part, so a known type prefix never trips them.

import { fingerprintSync } from "./fingerprint.ts";
import { caseForms } from "./entropy.ts";
import { isAlnum } from "./chars.ts";

export interface PlaceholderContext {
  /** Text around the secret (the scanned window); `start`/`end` locate the secret in it. */
  text: string;
  start: number;
  end: number;
}

export interface PlaceholderOptions {
  /**
   * Skip the UUID, hash-context or filler checks (for formats that legitimately look like that:
   * a hook URL's short numeric id repeats its digits; the rule's own validator judges it).
   */
  exempt?: ReadonlyArray<"uuid" | "hash" | "filler">;
}

/** Words that only documentation, examples and redacted copies use. */
const WORDS = [
  "example",
  "sample",
  "dummy",
  "fake",
  "redacted",
  "your",
  "placeholder",
  "changeme",
  "change_me",
  "replace",
  "insert",
  "token_here",
  "secret_here",
  "xxxx",
  "****",
  "...",
  "…",
  "•••",
  "notreal",
  "not_real",
  "foobar",
  "lorem",
];
/**
 * Words short enough to turn up by chance inside a random token (`…ZQYOURA2…`: about one
 * GitHub token in 3,000 holds one of them): they count only where they start or end a segment
 * (`xoxb-your-token`, `AKIA…7EXAMPLE`, `myFakeToken`), never wedged between letters and digits.
 */
const SHORT_WORDS = new Set([
  "your",
  "fake",
  "xxxx",
  "dummy",
  "lorem",
  "sample",
  "insert",
  "foobar",
]);
const escaped = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const WORD_RE = new RegExp(
  WORDS.filter((w) => !SHORT_WORDS.has(w)).flatMap(caseForms).map(escaped).join("|"),
);
const SHORT_WORD_RE = new RegExp([...SHORT_WORDS].flatMap(caseForms).map(escaped).join("|"), "g");

/** Whether a short word starts or ends a segment of `secret` (see SHORT_WORDS). */
function hasShortWord(secret: string): boolean {
  SHORT_WORD_RE.lastIndex = 0;
  for (let m = SHORT_WORD_RE.exec(secret); m !== null; m = SHORT_WORD_RE.exec(secret)) {
    const before = secret.charCodeAt(m.index - 1), after = secret.charCodeAt(m.index + m[0].length);
    if (m.index === 0 || !isAlnum(before)) return true;
    if (m.index + m[0].length === secret.length || !isAlnum(after)) return true;
    // A capitalised word after a small letter, before a capital: a camelCase name's segment.
    const first = m[0].charCodeAt(0), second = m[0].charCodeAt(1);
    const camel = first >= 65 && first <= 90 && second >= 97 && second <= 122 &&
      before >= 97 && before <= 122 && after >= 65 && after <= 90;
    if (camel) return true;
    SHORT_WORD_RE.lastIndex = m.index + 1;
  }
  return false;
}
/** The same words, but only as whole segments (for long secrets such as PEM bodies). */
const DELIMITED_WORD_RE = new RegExp(
  `(?:^|[^A-Za-z])(?:example|sample|dummy|fake|redacted|your|placeholder|changeme)(?:$|[^A-Za-z])`,
  "i",
);

/**
 * Templates and references to a value kept elsewhere. A `$NAME` reference opens the value or
 * follows punctuation; inside a password (`Vu6$EX2!qo`) a `$` is just a character, and so is
 * a doubled one (`Qwerty$$XZNY`: `$$` is a shell's process id or Compose's escaped `$`, never
 * the start of a variable's name). A `<name>` is a template unless letters or digits hold it on both
 * sides (`Bcta&1cEIO<TbLq>673`, a password's own brackets).
 */
const TEMPLATE_RE =
  /\$\{|\{\{|\}\}|(?<![A-Za-z0-9])<[A-Za-z_ -]{1,40}>|<[A-Za-z_ -]{1,40}>(?![A-Za-z0-9])|%\(|%s\b|process\.env|os\.environ|getenv|ENV\[|secrets\.|(?:^|[^A-Za-z0-9$])\$[A-Z_][A-Z0-9_]{2,}(?![a-z])/;

/**
 * A Slack reference as Slack sends it and as normalize() keeps it (`<#C0123ABCD|general>`,
 * `<@U0123ABCD>`, `<!subteam^S0123ABCD>`): "the password is in <#C…|vault>" names a channel.
 */
const SLACK_REFERENCE_RE =
  /^(?:#[CGD][A-Z0-9]{6,12}|@[UWB][A-Z0-9]{6,12}|!subteam\^[A-Z0-9]{6,12})$/;

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_RE = /^[0-9a-f]+$/i;
const HASH_CONTEXT_RE =
  /(?:sha-?(?:1|224|256|384|512)|md5|hash|digest|checksum|commit|etag|integrity|blob|revision|\brev\b|object id|fingerprint)[^\n]{0,24}$/i;
const DATA_URI_RE = /data:[a-z]+\/[a-z0-9.+-]+;base64,[^\s"')]*$/i;
// (Up to the secret: a link's label after its `|` is no part of its URL.)
const PERMALINK_RE =
  /[a-z0-9-]+\.slack(?:-gov)?\.com\/(?:archives|files|team|apps|docs|services\/apps)\/[^\s|<>]*$/i;

/**
 * Digests everyone has seen: MD5, SHA-1, SHA-256 and SHA-512 of the empty string and of "\n",
 * and git's empty tree and empty blob ids. They look random but are the digest of nothing (a
 * default `etag`, an `api_key` left at a hash of ""). Kept as the SHA-256 of their lower-case hex,
 * so the repository holds no hex string a scanner could take for a key.
 */
const WELL_KNOWN_DIGESTS = new Set([
  // SHA-1 of "The quick brown fox jumps over the lazy dog", every hashing tutorial's sample.
  "e9210c9ec98b6a72e8c4834dcd4d1236062f03e790a981541c529d8985a20e1c",
  "f215faf9d88b7f0a881632ee22459ee452a296c808d261b6cc993d3a1fd0600e",
  "07e23ede2756aa3f5f7cc9759117c4910875e032c27b8556a1e20626224f10ec",
  "cd372fb85148700fa88095e3492d3f9f5beb43e555e5ff26d95f5a6adc36f8e6",
  "2a5049ed45b470054f963b922905d77ba7cbd0674ebf8a2639c571e7eb1c1974",
  "29af08cbe576f38fc22803a03d083b1228321a5b617935a024c678ff985225d2",
  "6c5deed6846f05b7d2ee930745ea97245ca17cfaa50b586fca86756394bf3970",
  "4ed993c7c28d18538eb6e42e6727f637e0021108f8901e616511a87671400468",
  "abe5b4848301d438e6a78ad4d8d689317228797e9f765a66cd9a50a0a1cc4a83",
  "b0b5f99c8bbca85879b864297bfb95e0896330b7d7b2b3b24c3ae92a2434dd23",
]);

/**
 * Tokens published in vendors' documentation and copied into SDK tests and tutorials (Slack's
 * `oauth.v2.access` example bot token): pasted in chat they quote the docs, not a workspace. Kept
 * as their SHA-256, so the repository holds none of them.
 */
const DOCUMENTED_TOKENS = new Set([
  "2ddc147f3a3b5a1722b8ed6be3c45c49a7156b17fca5d11410137a6d04def6eb",
  // RFC 6749's examples: access and refresh token, the Basic credential of client s6BhdRkqt3,
  // the authorization code.
  "6c96130f130ab0d6d158397e24d2bcc1c9a5e73ae081f6e983f1c7b545d24a4c",
  "00cf4c781dc37003f7c7dd7d4c9a6ef1e0f4c62d9a291aa8bc398774e3fefd32",
  "ca7459e2b26776de081b9a07e40227fd6cff232a1e3233ff6b6aa6d036ca9981",
  "a35b81a7d7927b70ec99270dd2362b88580a28574af812f2c02f56469579186f",
  // RFC 5849's (OAuth 1.0) example tokens and secrets, and oauthlib's own docstring ones.
  "9d03b692e941d5ace207a9f8048834439f6de98e5c6c1590c22c4f4577c88a42",
  "4c20e6f5cc11b93731e74cbe20739821d61c3563c9f50ecb884a27cd369f01fb",
  "bb9b1163338b2a51495834ad5c65420443d6327381cf0f94ebf92b117f209d72",
  "cb87c87e4a138d9a72259d2a01bab15623c9846e568c1509b287721645a6ea53",
  "649e1f5c769e718ba10d1a702a36499a731441d960b06da91c4c97786bf84595",
  "d167410a16865cd6463a00034dff5e571738b101e6a273d9fe3fe30f10db5bd5",
  "ea9bdfd02c0c412c8cc36ba67f6c17f9b314b2c518e63ff3776077d68245736d",
  // PyJWT's README token ({"some": "payload"}, signed with "secret").
  "bf145d9380bbe05bdc1a72525796b224f8a8c93ae0e9e102eafbc255ac1af9e8",
  // Development keys every install shares: the Azurite and Cosmos DB emulators' account keys,
  // Hardhat's first test account (with and without its 0x).
  "0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059",
  "aa6547439583c3a275d4542a0df6c1ad6a863971be9f2a2220f027cc02aef615",
  "60a09e4357868c1e9b801052726d061c370429f723db84523ed58ac354f6eb8a",
  "bc1a50966c9e6486bc4ebf880b51611a2a97fcb8e7a6976e9b81a9e3e8ca0e3c",
  // Documentation examples: Mailgun's API key, Google Maps' sample key, RFC 6749's client
  // secret, RFC 7617's Basic credential (Aladdin), the Kubernetes docs' Secret value.
  "9c846fdf0fa8955c377d0301542ee20ecd4585c5f359aa0a4cf15d44424f573d",
  "ac9265e56c79b234607ec72c53753cfea9f88c99eb713790ddf9be5593bb4465",
  "e9974c507d2a802143f614c878fcbb622a3800e05e6e0d329fee2c5b6b243329",
  "cf4d418ed3de92d71f767db5391d5a2dacd40e1ce49e75d1137e2ecf4982d844",
  "a7b580d711ef2807c7f11d881a1e7ff8a68c7e7d4e7c14e217bc9c522e3678ba",
  "a95c3cc2e3e2c66c96e00ddc5a72590aaef332aa00e0d3d79c987ce6677cbe5a",
]);

/** True when `secret` is one of the well-known digests of nothing (see WELL_KNOWN_DIGESTS). */
export function isWellKnownDigest(secret: string): boolean {
  const n = secret.length;
  if (n !== 32 && n !== 40 && n !== 64 && n !== 128) return false;
  if (!HEX_RE.test(secret)) return false;
  return WELL_KNOWN_DIGESTS.has(fingerprintSync(secret.toLowerCase()));
}

/** Shannon entropy in bits per character. */
export function entropyOf(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Alphanumeric runs of the secret, longest first. */
function segments(secret: string): string[] {
  return (secret.match(/[A-Za-z0-9]+/g) ?? []).sort((a, b) => b.length - a.length);
}

/**
 * Fraction of `s` made of runs: repeats (aaa), steps (abcd, 4321) and short cycles (abab), in
 * either case (`AbCdEfGh`, a documentation token's filler, is the alphabet too).
 */
function patternCoverage(raw: string): number {
  const s = raw.toLowerCase();
  const n = s.length;
  if (n < 4) return 1;
  const covered = new Uint8Array(n);
  // Runs of equal characters (3+) and of +1/-1 steps (4+).
  for (const [step, min] of [[0, 3], [1, 4], [-1, 4]]) {
    let start = 0;
    for (let i = 1; i <= n; i++) {
      const ok = i < n && s.charCodeAt(i) - s.charCodeAt(i - 1) === step;
      if (!ok) {
        if (i - start >= min) covered.fill(1, start, i);
        start = i;
      }
    }
  }
  // Short cycles: abab, 123123, abcabc (period 2..4, at least 3 periods).
  for (let p = 2; p <= 4; p++) {
    let start = 0;
    for (let i = p; i <= n; i++) {
      const ok = i < n && s.charCodeAt(i) === s.charCodeAt(i - p);
      if (!ok) {
        if (i - start >= 3 * p) covered.fill(1, start, i);
        start = i - p + 1 < start ? start : i - p + 1;
      }
    }
  }
  let c = 0;
  for (let i = 0; i < n; i++) c += covered[i];
  return c / n;
}

/** Too few distinct characters for its length to be random. */
function lowDiversity(s: string): boolean {
  const distinct = new Set(s.toLowerCase()).size;
  if (s.length >= 16) return distinct < Math.min(8, Math.ceil(s.length / 4));
  return distinct <= Math.ceil(s.length / 3);
}

/**
 * True when `secret`'s random part (its longest alphanumeric run) is filler: all one character,
 * a sequence, a repeated pattern, or too few distinct characters.
 */
export function looksLikeFiller(secret: string): boolean {
  const segs = segments(secret);
  if (segs.length === 0) return true;
  let main = segs[0];
  if (main.length < 6) {
    // Symbol-heavy values (`Xk9#mP2$vL`, URL-encoded passwords) have short alphanumeric runs:
    // from 8 characters on, judge the whole value instead.
    if (secret.length < 8) return true;
    main = secret;
  }
  if (lowDiversity(main)) return true;
  if (patternCoverage(main) >= 0.5) return true;
  // Runs of x, X or * stand for "fill in here" even inside otherwise random text, and so do
  // seven or more of any character. (Five zeros alone do not: random hex holds them one time in
  // a thousand, as a 64-hex app token's tail did.) Long secrets (keys) legitimately hold runs
  // such as AAAAAAAA (zero bytes in base64).
  // Numeric ids (Slack team and user numbers such as 1111000002…) hold such runs legitimately:
  // whole-number segments are left out of this test (all-zero ones fail the checks above).
  const subject = secret.replace(/(^|[^0-9A-Za-z])[0-9]+(?=$|[^0-9A-Za-z])/g, "$1#");
  if (
    subject.length <= 160 ? /([xX*])\1{4,}|(.)\2{6,}/.test(subject) : /([xX*])\1{7,}/.test(subject)
  ) {
    return true;
  }
  return false;
}

const MEDIA_TYPE_DATA_RE = /^[a-z]+\/[a-z0-9.+-]+;base64,/i;

/** True when `secret` (found at `context`) is a placeholder, template, hash or other non-secret. */
export function isPlaceholder(
  secret: string,
  context?: PlaceholderContext,
  options: PlaceholderOptions = {},
): boolean {
  const exempt = options.exempt ?? [];
  if (
    secret.length > 200
      ? DELIMITED_WORD_RE.test(secret)
      : WORD_RE.test(secret) || hasShortWord(secret)
  ) return true;
  if (TEMPLATE_RE.test(secret)) return true;
  // A data URI's body from its media type on (`image/png;base64,…`), a separator's `:` read
  // as the one after `data`.
  if (MEDIA_TYPE_DATA_RE.test(secret)) return true;
  if (SLACK_REFERENCE_RE.test(secret)) return true;
  if (isWellKnownDigest(secret)) return true;
  if (secret.length >= 12 && DOCUMENTED_TOKENS.has(fingerprintSync(secret))) return true;
  if (!exempt.includes("uuid") && UUID_RE.test(secret)) return true;
  if (
    !exempt.includes("filler") &&
    looksLikeFiller(exempt.includes("uuid") ? secret.replace(/-/g, "") : secret)
  ) return true;
  if (context) {
    const before = context.text.slice(Math.max(0, context.start - 64), context.start);
    if (!exempt.includes("hash") && HEX_RE.test(secret) && HASH_CONTEXT_RE.test(before)) {
      return true;
    }
    // Inside a data: URI (a base64 image) or a Slack permalink / file URL.
    const lineStart = Math.max(before.lastIndexOf("\n"), before.lastIndexOf(" ")) + 1;
    const lead = before.slice(lineStart);
    if (DATA_URI_RE.test(lead)) return true;
    if (PERMALINK_RE.test(lead)) return true;
    // A mask right after the secret: `xoxb-1234-5678-AbCdEfGhIjKlMnOpQrSt-XXXX`, `…****`. (An
    // ellipsis is not one: in chat it ends a sentence as often as it cuts a token, and a cut
    // token long enough to match still shows most of a live secret.)
    const after = context.text.slice(context.end, context.end + 12);
    if (/^[-_.…]{0,3}(?:x{3,}|X{3,}|\*{3,})/.test(after)) return true;
  }
  return false;
}
