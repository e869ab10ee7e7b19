// Generic secrets: a value assigned to a secret-sounding name, in env files, JSON, YAML, code,
// CLI flags (`--password X`) or prose (`the password is X`), and credentials inside URLs
// (`scheme://user:pass@host`). The name decides that a value *should* be secret; the value decides
// whether it *is* one: variable references, placeholders, paths, URLs, booleans, numbers, plain
// words and identifiers are not. Values named like API keys/tokens must look machine-generated
// (entropy and length thresholds calibrated in detect/entropy_calibration.ts); values named like
// passwords may be human-made but must be 8+ characters, mix 3 character classes and not be a
// well-known example password. Values that start with another family's prefix are left to that
// family's rule (which checks them properly), so a bad-checksum `ghp_` is not reported here.
import type { CharReader, Rule } from "../types.ts";
import {
  ALPHABET,
  bitCount,
  charClassBit,
  charClasses,
  hasFiller,
  isLowVariety,
  randomString,
  seededRandom,
  shannonEntropy,
  wordFraction,
} from "../entropy.ts";
import { isFormatting, MAX_REF } from "../normalize.ts";
import { innerUnderscore, isAlnumCode, mayChange } from "./gate_chars.ts";

/** Name segments that make a value a password. */
const PASSWORD_WORDS = new Set(["password", "passwd", "passphrase", "pwd", "pass", "passwort"]);
/** Name segments (alone) that make a value an API secret. */
const SECRET_WORDS = new Set([
  "secret",
  "token",
  "apikey",
  "secretkey",
  "accesstoken",
  "authtoken",
  "refreshtoken",
  "bearertoken",
  "clientsecret",
  "credential",
  "credentials",
]);
/** `<word> key` pairs that name a secret key. */
const KEY_QUALIFIERS = new Set([
  "api",
  "access",
  "auth",
  "private",
  "secret",
  "signing",
  "encryption",
  "master",
  "license",
  "session",
  "service",
  "app",
  "client",
]);
/** A last name segment that makes the value *about* a secret rather than the secret itself. */
const META_SUFFIX =
  /^(?:hash|hashed|digest|salt|file|path|dir|url|uri|endpoint|host|length|len|size|policy|regex|pattern|field|label|type|name|id|ids|expiry|expires|expiration|ttl|count|limit|prompt|hint|header|param|format|mode|version|enabled|required|min|max|rotation|manager|store|helper|provider|ref|arn|env|var|variable|placeholder|reset|input|confirm|confirmation|strength|validator|validation|error|changed|updated|at|by|location|kind|scope|scopes|usage)$/i;

function nameSegments(name: string): string[] {
  return name
    .replace(/^[-]+/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[_.\-\[\]]+/)
    .filter((s) => s.length > 0);
}

export type NameKind = "password" | "secret" | null;

/** Whether an assignment's name asks for a password, an API secret, or neither. */
export function classifyName(name: string): NameKind {
  const segs = nameSegments(name);
  if (segs.length === 0 || segs.length > 8) return null;
  if (META_SUFFIX.test(segs[segs.length - 1]) && segs.length > 1) return null;
  if (segs.some((s) => PASSWORD_WORDS.has(s))) return "password";
  if (segs.some((s) => SECRET_WORDS.has(s))) return "secret";
  for (let i = 1; i < segs.length; i++) {
    if (segs[i] === "key" && KEY_QUALIFIERS.has(segs[i - 1])) return "secret";
  }
  return null;
}

/** Prefixes owned by a specific rule (which validates them better). */
const OWNED_PREFIX =
  /^(?:xox[a-z]?[-.]|xapp-|xwfp-|gh[pousr]_|github_pat_|AKIA|ASIA|ABIA|ACCA|AIza|GOCSPX-|ya29\.|[sr]k_(?:live|test)_|pk_(?:live|test)_|sk-|npm_|eyJ|-----BEGIN)/;

const NOT_A_VALUE =
  /^(?:true|false|null|nil|none|undefined|yes|no|on|off|empty|string|str|text|value|required|optional|secret|password|token|hidden|masked|unset|todo|tbd|n\/a)$/i;

/** Common example and default passwords people quote in docs and chat. */
const EXAMPLE_PASSWORDS = new Set([
  "password",
  "password1",
  "password12",
  "password123",
  "password1234",
  "passw0rd",
  "p@ssw0rd",
  "p@ssword",
  "p@ssw0rd1",
  "p@ssw0rd123",
  "p@ssw0rd!",
  "passw0rd!",
  "password!",
  "password1!",
  "password123!",
  "admin123",
  "admin1234",
  "admin@123",
  "administrator",
  "letmein",
  "letmein1",
  "letmein123",
  "welcome1",
  "welcome123",
  "welcome@123",
  "qwerty123",
  "qwerty12345",
  "abc12345",
  "abcd1234",
  "1q2w3e4r",
  "1qaz2wsx",
  "iloveyou",
  "trustno1",
  "hunter2",
  "hunter22",
  "secret123",
  "secret1234",
  "s3cr3t",
  "s3cret",
  "mypassword",
  "mypassword1",
  "mypassword123",
  "changeit",
  "changeme1",
  "changeme123",
  "default",
  "default123",
  "root1234",
  "toor1234",
  "test1234",
  "test12345",
  "testing123",
  "pa55word",
  "pa$$word",
  "pa$$w0rd",
  "correcthorsebatterystaple",
  "tr0ub4dor&3",
  "postgres",
  "mysecretpassword",
  "supersecret",
  "supersecret1",
  "supersecretpassword",
  "topsecret",
  "s3cr3tp4ss",
]);

/**
 * How a value that refers to a secret kept elsewhere starts (any case): never a secret itself.
 * The name = value gates read them too (valueMayStartAt; the byte scanner gets this list).
 */
export const REFERENCE_PREFIXES = [
  "process.env",
  "os.environ",
  "os.getenv",
  "env.",
  "env[",
  "system.getenv",
  "getenv",
  "import.meta",
  "deno.env",
  "config.",
  "settings.",
  "secrets.",
  "vault:",
  "ssm:",
  "arn:",
  "!ref",
  "!sub",
];
/** Characters of a value that decide whether it starts with a reference prefix. */
const REFERENCE_HEAD = Math.max(...REFERENCE_PREFIXES.map((p) => p.length));
const REFERENCE = new RegExp(
  `^(?:${REFERENCE_PREFIXES.map((p) => p.replace(/[.[]/g, "\\$&")).join("|")})`,
  "i",
);

/** Where a value is a reference to a secret kept elsewhere, or not a secret-shaped thing at all. */
export function isNonSecretValue(value: string): boolean {
  const v = value;
  if (v.length < 8) return true;
  if (NOT_A_VALUE.test(v)) return true;
  if (OWNED_PREFIX.test(v)) return true;
  // Variable references and templates: ${X}, $X, $(cmd), %X%, {{ x }}, <x>, process.env.X, …
  if (/^\$[{(A-Za-z_]|^%[A-Za-z_]+%$|\{\{|\}\}|^<.*>$|^\[.*\]$/.test(v)) return true;
  if (REFERENCE.test(v)) return true;
  // Dotted identifiers and calls: self.password, args.token, req.body.password, getToken().
  // Random dotted keys (`SG.<id>.<secret>`) are not made of words.
  if (
    /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(.*\))?[);,]*$/.test(v) && wordFraction(v) >= 0.5
  ) return true;
  if (/^[A-Za-z_$][\w$.]*\(.*\)?[);,]*$/.test(v)) return true;
  // Paths and URLs (a URL with a password is the URL rule's business).
  if (/^(?:~|\.{1,2})\/|^[A-Za-z]:\\/.test(v)) return true;
  // Other slash-separated values are paths only when made of words: base64 secrets hold "/" too.
  if (/^\/?[\w.@%+~-]+(?:\/[\w.@%+~-]*)+$/.test(v) && wordFraction(v) >= 0.5) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return true;
  if (/\.(?:pem|key|p12|pfx|json|ya?ml|txt|env|cfg|conf|ini|crt|cer|jks|keystore)$/i.test(v)) {
    return true;
  }
  // Numbers, versions, dates, times.
  if (/^[-+]?[\d.,_:]+$|^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/.test(v)) return true;
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?$/.test(v)) return true;
  if (hasFiller(v) || isLowVariety(v)) return true;
  return false;
}

/**
 * The calibrated test for a machine-generated secret (API keys, tokens, client secrets):
 * at least 16 characters, at least 2 character classes, Shannon entropy at least
 * `min(ENTROPY_CAP, log2(len) - ENTROPY_SLACK)` bits/char and at most 60% of its characters in
 * word-like pieces. See detect/entropy_calibration.ts for the numbers behind each constant.
 */
export const MIN_SECRET_LENGTH = 16;
export const ENTROPY_CAP = 3.5;
export const ENTROPY_SLACK = 1.0;
export const MAX_WORD_FRACTION = 0.6;
export const MAX_WORD_FRACTION_INTERLEAVED = 0.8;
const INTERLEAVED_DIGITS = /[A-Za-z][0-9]+[A-Za-z][^]*[A-Za-z][0-9]+[A-Za-z]/;

/** Hex strings top out at 4 bits/char, so they get their own, lower bar. */
export const HEX_ENTROPY_CAP = 3.0;

export function entropyThreshold(length: number, hex = false): number {
  return Math.min(hex ? HEX_ENTROPY_CAP : ENTROPY_CAP, Math.log2(length) - ENTROPY_SLACK);
}

export function looksGenerated(value: string): boolean {
  if (value.length < MIN_SECRET_LENGTH) return false;
  if (charClasses(value).count < 2) return false;
  const hex = /^[0-9a-fA-F]+$/.test(value);
  if (shannonEntropy(value) < entropyThreshold(value.length, hex)) return false;
  // Random base62 forms word-like pieces by chance (1 in 1,000 40-char keys scores 0.63); digits
  // inside letters at two places or more are what identifiers lack, so such values get more room.
  const limit = INTERLEAVED_DIGITS.test(value) ? MAX_WORD_FRACTION_INTERLEAVED : MAX_WORD_FRACTION;
  return wordFraction(value) <= limit;
}

/** A human-chosen password: 8+ characters, 3+ classes, not a famous example, not one word. */
export function looksLikePassword(value: string): boolean {
  if (value.length < 8) return false;
  if (EXAMPLE_PASSWORDS.has(value.toLowerCase())) return false;
  if (charClasses(value).count < 3) return false;
  // "Password1!", "Welcome2024": one word plus decoration is still a guessable example shape;
  // only reject it when the word itself is one people use as an example.
  const core = value.toLowerCase().replace(/[^a-z]/g, "");
  if (
    /^(?:password|passwd|pass|admin|welcome|secret|letmein|qwerty|changeme|test|demo|root|user|guest|default)$/
      .test(core)
  ) {
    return false;
  }
  return shannonEntropy(value) >= 2.5;
}

export function isSecretValue(value: string, kind: NameKind): boolean {
  if (kind === null || isNonSecretValue(value)) return false;
  if (looksGenerated(value)) return true;
  return kind === "password" && looksLikePassword(value);
}

// name, optional closing quote, separator, optional opening quote. Anchored at the end of the
// text before the value, so the validator can read back which name the value was given to.
export const NAME_BEFORE_VALUE =
  /(?<![A-Za-z0-9_.\-])(-{1,2}[A-Za-z][A-Za-z0-9_.\-]{0,60}(?:[ \t]{1,4}|=)|[A-Za-z][A-Za-z0-9_.\-\[\]]{0,60}["'\]]?(?:[ \t]{0,4}(?:=>|:=|=|:)[ \t]{0,4}|[ \t]{1,4}(?:is|was)[ \t:]{1,4}))["'`]?$/;

/** NAME_BEFORE_VALUE without its look-behind, tried (sticky) only where a name may start. */
const NAME_BEFORE_STICKY = new RegExp(
  NAME_BEFORE_VALUE.source.replace("(?<![A-Za-z0-9_.\\-])", ""),
  "y",
);

function isNameStartCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}

/**
 * NAME_BEFORE_VALUE's leftmost match in the 96 characters before `start`. The regex would try
 * every position; only those after a non-name character that hold a letter or `-` can match,
 * so only those are tried, left to right (the same leftmost match, a few tries instead of 96).
 */
export function nameBeforeMatch(slice: string): RegExpExecArray | null {
  for (let p = 0; p < slice.length; p++) {
    if (!isNameStartCode(slice.charCodeAt(p))) continue;
    if (p > 0) {
      const b = slice.charCodeAt(p - 1);
      if (isAlnumCode(b) || b === 95 || b === 46 || b === 45) continue;
    }
    NAME_BEFORE_STICKY.lastIndex = p;
    const m = NAME_BEFORE_STICKY.exec(slice);
    if (m) return m;
  }
  return null;
}

function nameBefore(text: string, start: number): string | null {
  const m = nameBeforeMatch(text.slice(Math.max(0, start - 96), start));
  if (!m) return null;
  return m[1].replace(/(?:[ \t]*(?:=>|:=|=|:|\bis\b|\bwas\b)?[ \t:]*)$/, "").replace(/["'\]]$/, "");
}

function genericValidate(want: NameKind) {
  return (secret: string, ctx: { text: string; start: number; end: number }): boolean => {
    const name = nameBefore(ctx.text, ctx.start);
    if (name === null) return false;
    const kind = classifyName(name);
    if (kind !== want) return false;
    // A closing quote must not be missing when an opening one was there.
    const open = ctx.text[ctx.start - 1];
    if (open === '"' || open === "'" || open === "`") {
      const close = ctx.text[ctx.end];
      if (close !== open) return false;
    }
    return isSecretValue(secret, kind);
  };
}

// Proven free of catastrophic backtracking by detect/redos_test.ts: the name, its closing quote,
// the separator and the value's first character use disjoint classes. The value stops at
// brackets and its last character is never ".", ":" or "?", so prose punctuation stays outside.
// Two shapes are left out because the validator rejects every one of them, and chat is full of
// them (`API_TOKEN_URL=https://…`, `<https://…/secret/…>`): a value that is a URL (`scheme://`,
// isNonSecretValue) and a name that is a URL's scheme (`https:` before `//`).
const NAME_VALUE =
  /(?<![A-Za-z0-9_.\-])(?:-{1,2}[A-Za-z][A-Za-z0-9_.\-]{0,60}(?:[ \t]{1,4}|=)|[A-Za-z][A-Za-z0-9_.\-\[\]]{0,60}["']?(?:[ \t]{0,4}(?:=>|:=|=|:(?!\/\/))[ \t]{0,4}|[ \t]{1,4}(?:is|was)[ \t:]{1,4}))["'`]?(?<secret>(?![A-Za-z][A-Za-z0-9+.\-]{0,30}:\/\/)[^\s"'`,;\-=:.?)\]}>][^\s"'`,;)\]}>]{6,198}[^\s"'`,;.:?)\]}>])/g;

// Gates (Rule.mayStart): the anchored patterns run at every `token`, `pass` or `://` of a text,
// and in chat nearly all of them are plain words or links. A gate reads a few characters around
// the hit and says "no match can start here" only when that is certain for the raw text and for
// the text as normalize() shows it: any character normalize() may change makes it say "maybe".

/** NAME_VALUE's name characters, `_` aside (normalize() may turn it into a blank). */
function isNameCode(c: number): boolean {
  return isAlnumCode(c) || c === 46 || c === 45 || c === 91 || c === 93;
}

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9;
}

/** Which characters make a gate say "maybe" (the scanner may read them otherwise). */
type Changes = (c: number) => boolean;
const never: Changes = () => false;

/** Characters that end NAME_VALUE's value (`\s` and `"'\`,;)]}>`), U+00A0 included. */
function isValueStop(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 34 || c === 39 || c === 96 ||
    c === 44 || c === 59 || c === 41 || c === 93 || c === 125 || c === 62;
}

function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A URL scheme's characters after its first letter. */
function isSchemeCode(c: number): boolean {
  return isAlnumCode(c) || c === 43 || c === 46 || c === 45;
}

/**
 * NAME_VALUE's "not a URL" look-ahead at `v` (a letter): the end of `scheme://` when the value
 * is one (> 0), 0 when it is not, -1 when a character normalize() may change was read.
 */
function schemeEnd(text: CharReader, v: number, changes: Changes): number {
  let k = v + 1;
  for (; k < text.length && k <= v + 30; k++) {
    const c = text.charCodeAt(k);
    if (changes(c)) return -1;
    if (!isSchemeCode(c)) break;
  }
  for (let i = 0; i < 3; i++, k++) {
    if (k >= text.length) return 0;
    const c = text.charCodeAt(k);
    if (changes(c)) return -1;
    if (c !== (i === 0 ? 58 : 47)) return 0;
  }
  return k;
}

/**
 * Whether NAME_VALUE's value (an optional quote, then 8 or more characters it allows, the first
 * not one of `-=:.?`) that the validator may accept starts at `v`. Any character normalize()
 * may change: maybe.
 */
function valueMayStartAt(text: CharReader, v: number, changes: Changes): boolean {
  if (v >= text.length) return false;
  let c = text.charCodeAt(v);
  if (changes(c)) return true;
  if (c === 34 || c === 39 || c === 96) {
    if (++v >= text.length) return false;
    c = text.charCodeAt(v);
    if (changes(c)) return true;
  }
  if (isValueStop(c) || c === 45 || c === 61 || c === 58 || c === 46 || c === 63) return false;
  if (isLetterCode(c)) {
    const scheme = schemeEnd(text, v, changes);
    if (scheme < 0) return true;
    if (scheme > 0) return false;
  }
  // The value runs to a stop (at most 200 characters in the pattern). The validator accepts it
  // only when it looks generated (MIN_SECRET_LENGTH+ characters of 2+ classes) or, for a
  // password, like one (8+ characters of 3+ classes): a run that is neither (`********`,
  // `changeme1`, `<redacted`) cannot be accepted, and a match's value is a prefix of the run.
  // Templates never are (isNonSecretValue): `${X}`, `$(cmd)`, `$X`, and `{{ x }}` anywhere;
  // nor references (REFERENCE_PREFIXES).
  if (c === 36 && v + 1 < text.length) {
    const d = text.charCodeAt(v + 1);
    if (changes(d)) return true;
    if (d === 123 || d === 40 || d === 95 || isLetterCode(d)) return false;
  }
  let head = "";
  for (let k = v; k < text.length && head.length < REFERENCE_HEAD; k++) {
    const d = text.charCodeAt(k);
    if (changes(d) || isValueStop(d)) break;
    head += String.fromCharCode(d);
  }
  if (REFERENCE.test(head)) return false;
  let n = 0, classes = 0;
  for (let k = v; k < text.length && n < 200; k++, n++) {
    const d = text.charCodeAt(k);
    if (changes(d)) return true;
    if (isValueStop(d)) break;
    if (d === 123 && k > v && text.charCodeAt(k - 1) === 123) return false;
    classes |= charClassBit(d);
  }
  const count = bitCount(classes);
  return (n >= MIN_SECRET_LENGTH && count >= 2) || (n >= 8 && count >= 3);
}

/** After `=`/`:` at `k` (or `=>`, `:=`) and up to 4 blanks: a value? */
function valueAfterSeparator(text: CharReader, k: number, changes: Changes): boolean {
  const c = text.charCodeAt(k);
  let s = k + 1;
  // `=` alone before `>` (or `:` before `=`) would leave a value starting with it: never one.
  if (s < text.length) {
    const d = text.charCodeAt(s);
    if (changes(d)) return true;
    if ((c === 61 && d === 62) || (c === 58 && d === 61)) s++;
    // `https://`: a scheme, not a name and its separator.
    else if (c === 58 && d === 47 && s + 1 < text.length) {
      const e = text.charCodeAt(s + 1);
      if (changes(e)) return true;
      if (e === 47) return false;
    }
  }
  for (let b = 0; b < 4 && s < text.length && isBlankCode(text.charCodeAt(s)); b++) s++;
  return valueMayStartAt(text, s, changes);
}

/** After `is`/`was` at `k`, 1-4 of `[ \t:]` and a value? */
function valueAfterIsWas(text: CharReader, k: number, changes: Changes): boolean {
  const word = text.charCodeAt(k) === 119 ? "was" : "is";
  let s = k;
  for (let i = 0; i < word.length; i++, s++) {
    if (s >= text.length) return false;
    const c = text.charCodeAt(s);
    if (changes(c)) return true;
    if (c !== word.charCodeAt(i)) return false;
  }
  let b = 0;
  while (b < 4 && s < text.length) {
    const c = text.charCodeAt(s);
    if (changes(c)) return true;
    if (!isBlankCode(c) && c !== 58) break;
    s++;
    b++;
  }
  return b > 0 && valueMayStartAt(text, s, changes);
}

/**
 * What may follow a name that ends at `s` (after its closing quote, if any): up to 4 blanks and
 * `=`, `:`, `=>` or `:=`, or 1-4 blanks and `is`/`was`; then a value.
 */
function valueAfterName(text: CharReader, s: number, changes: Changes): boolean {
  let k = s, b = 0;
  while (b < 4 && k < text.length && isBlankCode(text.charCodeAt(k))) {
    k++;
    b++;
  }
  if (k >= text.length) return false;
  const d = text.charCodeAt(k);
  if (changes(d)) return true;
  if (d === 61 || d === 58) return valueAfterSeparator(text, k, changes);
  if (b > 0 && (d === 105 || d === 119)) return valueAfterIsWas(text, k, changes);
  return false;
}

/** How far a reference's `>` may lie past the hit to count: well inside a region's reach. */
const REF_REACH = 200;

/**
 * `text` as normalize() shows, in the region from `from` (a hit's word), two things it always
 * turns into blanks: a marker run (`*`, `_`, `~`, backtick) with a blank or line end (any
 * character up to U+0020) or the text's edge on one side (normalize() keeps or drops a marker
 * only between two characters of a word), and the `<`, first `|` and `>` of a reference
 * (`<#C…|name>`, `<@U…>`, `<https://…|label>`) that ends within `REF_REACH` of the hit. Other
 * characters read as they are; `mapped` tells whether something was read as a blank.
 */
class ShownReading implements CharReader {
  mapped = false;
  constructor(readonly text: CharReader, readonly from: number, readonly hitStart: number) {}

  get length(): number {
    return this.text.length;
  }

  charCodeAt(i: number): number {
    const c = this.text.charCodeAt(i);
    const blank = isFormatting(c)
      ? this.#edgeMarker(i)
      : (c === 60 || c === 124 || c === 62) && this.#referenceBracket(i, c);
    if (!blank) return c;
    this.mapped = true;
    return 32;
  }

  #edgeMarker(i: number): boolean {
    const t = this.text;
    let a = i, b = i + 1;
    while (a > 0 && isFormatting(t.charCodeAt(a - 1))) a--;
    while (b < t.length && isFormatting(t.charCodeAt(b))) b++;
    return a === 0 || t.charCodeAt(a - 1) <= 32 || b === t.length || t.charCodeAt(b) <= 32;
  }

  /** Whether `c` at `i` is the `<`, the first `|` or the `>` of a reference in the region. */
  #referenceBracket(i: number, c: number): boolean {
    const t = this.text;
    let open = i;
    if (c !== 60) {
      // Back to the reference's `<` (a reference holds no `<`, `>` or line end).
      let pipes = 0;
      for (open = i - 1; open >= this.from; open--) {
        const d = t.charCodeAt(open);
        if (d === 60) break;
        if (d === 62 || d === 10) return false;
        if (d === 124) pipes++;
      }
      if (open < this.from || (c === 124 && pipes > 0)) return false;
    }
    // normalize(): the first `<`, `>` or line end after the `<` is a `>`, not right after it.
    const stop = Math.min(t.length, open + MAX_REF, this.hitStart + REF_REACH);
    let k = open + 1;
    while (k < stop) {
      const d = t.charCodeAt(k);
      if (d === 62 || d === 60 || d === 10) break;
      k++;
    }
    return k < stop && t.charCodeAt(k) === 62 && k > open + 1 && (c !== 62 || k === i);
  }
}

/**
 * NAME_VALUE's gate. A match's name is a run of name characters (at most 63) followed by a
 * quote, `=`, `:`, or 1-4 blanks and then `=`, `:`, `is`, `was`, or, for a `--flag`, the value;
 * then comes a value of 8 or more characters. The validator accepts a match only when its name
 * holds one of the rule's keywords (classifyName), which is then a hit of its own: so only the
 * name run that holds this hit `[hitStart, hitEnd)` counts, and what follows its end decides.
 */
export function nameValueMayStart(
  text: CharReader,
  wordStart: number,
  hitStart: number,
  hitEnd = hitStart,
  asShown = true,
): boolean {
  if (!asShown) return nameValueReading(text, wordStart, hitStart, hitEnd, never);
  // As shown, with what normalize() always makes blanks read as blanks (any other character
  // it may change: maybe); when something was, the raw reading is another.
  const shown = new ShownReading(text, wordStart, hitStart);
  if (nameValueReading(shown, wordStart, hitStart, hitEnd, mayChange)) return true;
  return shown.mapped && nameValueReading(text, wordStart, hitStart, hitEnd, never);
}

/** nameValueMayStart over one reading of the text (`changes`: characters read as "maybe"). */
function nameValueReading(
  text: CharReader,
  wordStart: number,
  hitStart: number,
  hitEnd: number,
  changes: Changes,
): boolean {
  // `_` is a name character raw, and as shown inside an identifier (else a marker: maybe).
  let dash = false;
  const longest = hitStart + 64;
  for (let j = wordStart; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (changes(c) && !(c === 95 && innerUnderscore(text, j))) return true;
    if (isNameCode(c) || c === 95) {
      if (c === 45) dash = true;
      if (j >= longest) return false; // the run through the hit is longer than any name
      continue;
    }
    // Only a name that holds the hit counts: an accepted match's name holds a keyword of its
    // rule (classifyName), which is a hit of its own and gated on its own.
    if (j < hitEnd) {
      if (j >= hitStart) return false;
      continue;
    }
    if (c === 34 || c === 39) {
      if (j + 1 < text.length && changes(text.charCodeAt(j + 1))) return true;
      if (valueAfterName(text, j + 1, changes)) return true;
    } else if (c === 61 || c === 58) {
      if (valueAfterName(text, j, changes)) return true;
    } else if (isBlankCode(c)) {
      if (valueAfterName(text, j, changes)) return true;
      if (dash) {
        // `--flag value`: 1-4 blanks, then the value.
        let k = j;
        for (let b = 0; b < 4 && k < text.length && isBlankCode(text.charCodeAt(k)); b++) k++;
        if (valueMayStartAt(text, k, changes)) return true;
      }
    }
    if (j >= hitStart) return false;
  }
  return false;
}

/**
 * The URL rule's gate: a match needs a `:` (before the password) within 65 characters after
 * `://`, before any blank, `/`, `@`, quote or bracket; and no other `://` earlier in the word.
 */
export function urlMayStart(
  text: CharReader,
  wordStart: number,
  hitStart: number,
  hitEnd: number,
  asShown = true,
): boolean {
  const changes = asShown ? mayChange : never;
  for (let j = wordStart; j < hitStart; j++) {
    const c = text.charCodeAt(j);
    // `<` before a scheme is a blank as shown (a link) or itself: neither is a scheme character.
    // An identifier's `_` (TOKEN_URL=) stays as shown too.
    if (c === 58 || (c !== 60 && changes(c) && !(c === 95 && innerUnderscore(text, j)))) {
      return true;
    }
  }
  const stop = Math.min(text.length, hitEnd + 65);
  for (let j = hitEnd; j < stop; j++) {
    const c = text.charCodeAt(j);
    if (c === 58) return true;
    if (
      c === 47 || c === 64 || c === 34 || c === 39 || c === 60 || c === 62 || c === 32 ||
      c === 10 || c === 13 || c === 9 || c === 12 || c === 11 || c === 0xa0
    ) return false;
    // `|` in a link is a blank as shown (the end) and a character raw: go on reading raw.
    if (c !== 124 && changes(c) && !(c === 95 && innerUnderscore(text, j))) return true;
  }
  return false;
}

function variants(words: string[]): string[] {
  const out = new Set<string>();
  for (const w of words) out.add(w);
  for (const q of KEY_QUALIFIERS) for (const sep of ["", "_", "-", "."]) out.add(q + sep + "key");
  return [...out];
}

const b62 = (n: number, rand: () => number) => randomString(ALPHABET.base62, n, rand);

/** What the two name = value rules share; they differ in the names they accept. */
function nameValueRule(kind: "password" | "secret") {
  return {
    pattern: NAME_VALUE,
    validate: genericValidate(kind),
    confidence: "medium" as const,
    // The name holds the keyword and is at most 62 characters; the value ends within 280.
    anchor: "word" as const,
    mayStart: nameValueMayStart,
    byteGate: "name-value" as const,
    literalMarkers: true,
    window: { before: 64, after: 280 },
  };
}

export const rules: Rule[] = [
  {
    id: "generic-password",
    family: "generic",
    description: "Password assigned in config, code, a command line or a sentence",
    keywords: ["pass", "pwd"],
    ...nameValueRule("password"),
    examples: {
      positives: () => {
        const rand = seededRandom(13101);
        const a = "Kx9" + b62(9, rand);
        const b = "Tq7" + b62(11, rand) + "!";
        const c = "Vb3" + b62(13, rand);
        const d = "Summer2024!Rk" + b62(2, rand);
        return [
          { text: `DB_PASSWORD=${a}`, secret: a },
          { text: `  "password": "${b}",`, secret: b },
          { text: `mysql -u app --password ${c} -h db1`, secret: c },
          { text: `the wifi password is ${d}`, secret: d },
        ];
      },
      negatives: () => [
        "DB_PASSWORD=${DB_PASSWORD}",
        "password: process.env.DB_PASSWORD",
        'password = os.environ["DB_PASSWORD"]',
        "password: {{ vault_db_password }}",
        "password=<your password>",
        "password: hunter2",
        "password: P@ssw0rd",
        "PASSWORD_FILE=/run/secrets/db_password",
        "password_hash: $2b$12$abcdefghijklmnopqrstuv",
        "password: required",
        "the password is incorrect, try again",
        "pass the tests before merging",
        "password: changeme",
        "password=********",
        "password: true",
        "pwd: /home/deploy/app",
        "password reset link: https://example.com/reset?t=abc",
      ],
    },
  },
  {
    id: "generic-secret",
    family: "generic",
    description: "API key, token or secret assigned in config, code or a command line",
    keywords: variants(["secret", "token", "apikey", "credential"]),
    ...nameValueRule("secret"),
    examples: {
      positives: () => {
        const rand = seededRandom(13201);
        const a = b62(32, rand);
        const b = randomString(ALPHABET.hexLower, 40, rand);
        const c = b62(24, rand);
        const d = randomString(ALPHABET.base64url, 43, rand);
        const e = b62(40, rand);
        return [
          { text: `API_KEY=${a}`, secret: a },
          { text: `client_secret: "${b}"`, secret: b },
          { text: `config.token => "${c}"`, secret: c },
          { text: `curl https://api.acme.io --token ${d}`, secret: d },
          { text: `{"accessToken":"${e}"}`, secret: e },
        ];
      },
      negatives: () => [
        "token: ${{ secrets.GITHUB_TOKEN }}",
        "API_KEY=$API_KEY",
        "api_key = settings.API_KEY",
        "secret: getSecretFromVault()",
        "token_url: https://oauth2.googleapis.com/token",
        "api_key: your-api-key-here",
        "token: 0123456789abcdef",
        "secret: null",
        "the token bucket refills every second",
        "access_token_expires_in: 3600",
        "tokenizer: wordPieceTokenizerFast",
        "secretName: prodDatabaseCredentials",
        "api_key=YOUR_API_KEY",
        "token: abc",
      ],
    },
  },
  {
    id: "generic-url-credentials",
    family: "generic",
    description: "Password embedded in a URL (scheme://user:password@host)",
    keywords: ["://"],
    pattern:
      /(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]{1,20}:\/\/[^\s:\/@"'<>]{0,64}:(?<secret>[^\s:\/@"'<>]{3,128})@[A-Za-z0-9.\-]{1,253}/g,
    validate: (secret, { text, start }) => {
      if (/^\$|\{\{|^<|^\*+$|%7B|^\[/.test(secret)) return false;
      const lower = secret.toLowerCase();
      if (
        /^(?:pass|password|passwd|pwd|secret|pw|pass123|password123|changeme|xxx+|\.\.\.|token|apikey|api_key|key)$/
          .test(lower)
      ) return false;
      const user = text.slice(text.lastIndexOf("//", start) + 2, start - 1);
      if (user.toLowerCase() === lower) return false; // postgres:postgres, admin:admin
      if (hasFiller(secret)) return false;
      return secret.length >= 6 ? !isLowVariety(secret) : false;
    },
    confidence: "medium",
    // The scheme (at most 21 characters) ends at the `://` hit.
    anchor: "word",
    mayStart: urlMayStart,
    byteGate: "url",
    literalMarkers: true,
    window: { before: 24, after: 480 },
    examples: {
      positives: () => {
        const rand = seededRandom(13301);
        const a = b62(16, rand);
        const b = "Zr8" + b62(11, rand);
        return [
          { text: `DATABASE_URL=postgres://app:${a}@db.internal:5432/app`, secret: a },
          { text: `try redis://:${b}@cache.acme.io:6379`, secret: b },
        ];
      },
      negatives: () => [
        "postgres://user:password@localhost:5432/db",
        "postgres://postgres:postgres@localhost/db",
        "mongodb://admin:${MONGO_PASSWORD}@mongo:27017",
        "https://user:<password>@git.acme.io/repo.git",
        "see https://acme.io:8443/docs",
        "amqp://guest:guest@rabbit:5672",
        "https://user:****@host.io",
      ],
    },
  },
];
