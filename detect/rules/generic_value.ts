// What makes a generic secret (detect/rules/generic.ts): a name that says its value should be
// secret (classifyName), and a value that is one (isSecretValue): not a reference to a secret
// kept elsewhere, not a placeholder, path, URL, number or plain word, and random enough for its
// kind. The validator reads back which name a match's value was given to.
import { charClasses, hasFiller, isLowVariety, shannonEntropy, wordFraction } from "../entropy.ts";
import { isAlnum } from "../chars.ts";
import { ENTITY, withoutEntities } from "../normalize.ts";
import { UUID_RE } from "../placeholder.ts";

/** Name segments that make a value a password. */
const PASSWORD_WORDS = new Set([
  "password",
  "passwd",
  "passphrase",
  "pwd",
  "pass",
  "passwort",
  // A Wi-Fi network's pre-shared key (wpa_supplicant's `psk="…"`).
  "psk",
  // A passcode, and the misspellings and clippings people type (`pswd`, `pword`, `passwrd`).
  "passcode",
  "pswd",
  "pword",
  "passw",
  "passwrd",
  "pssword",
  "pasword",
  "passwrt",
  // Redis: `--requirepass`, `masterauth`.
  "requirepass",
  "masterauth",
  // Java's keytool and jarsigner: `-storepass`, `-keypass`.
  "storepass",
  "keypass",
  "srcstorepass",
  "deststorepass",
]);
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
  "bearer",
  "clientsecret",
  "credential",
  "credentials",
  "creds",
]);
/**
 * A segment that runs a word into one (`PGPASSWORD`, `dbpasswd`, `GHTOKEN`, `jwtsecret`): its
 * end says what it holds. (`tokenizer`, `passwordless` end in something else.)
 */
const PASSWORD_END = /.(?:password|passwd|passphrase)$/;
const SECRET_END = /.(?:token|secret|apikey)$/;
/** `<word> key` pairs that name a secret key. */
export const KEY_QUALIFIERS = new Set([
  "api",
  "access",
  "auth",
  "private",
  "priv",
  "secret",
  "signing",
  "encryption",
  "master",
  "license",
  "session",
  "service",
  "app",
  "client",
  "account",
  "storage",
  "admin",
  // Datadog's application key (`DD_APPLICATION_KEY`, `DD-APPLICATION-KEY`).
  "application",
  // WireGuard's `PresharedKey = …` beside a peer's `PrivateKey`.
  "preshared",
  // An HMAC signing key, ASP.NET's machineKey `validationKey`. (`deploy`, `jwt` and
  // `decryption` would give the byte filter first bytes of their own: 10% slower on chat.)
  "hmac",
  "validation",
]);
/** A last name segment that makes the value *about* a secret rather than the secret itself. */
const META_SUFFIX =
  /^(?:hash|hashed|digest|md5|sha1|sha256|sha512|bcrypt|salt|file|path|dir|url|uri|endpoint|host|length|len|size|policy|regex|pattern|field|label|type|name|id|ids|expiry|expires|expiration|ttl|count|limit|prompt|hint|header|param|format|mode|version|enabled|required|min|max|rotation|manager|store|helper|provider|ref|arn|env|var|variable|placeholder|reset|input|confirm|confirmation|strength|validator|validation|error|changed|updated|at|by|location|kind|scope|scopes|usage|stdin|command|cmd|accessor|arg|args|argument|arguments|through|thru|prefix|suffix|encryption|algorithm|algo|method|scheme|cipher|sha|rev|revision|commit|serial|uuid|guid|job|build|run|image|icon|badge|username|user|owner|contact|subject|complexity|rule|rules|zone|region|server|hostname|issuer|link|ticket|thread|channel|milestone|release|module|backend|impl|curve|crypt|checksum|fingerprint|in|pipeline|project)$/i;

/**
 * Words before `token` that make it a page marker an API hands out with a list (`nextPageToken`,
 * AWS `NextToken`, Azure `continuationToken`, `syncToken`, `resumeToken`): it opens the next
 * page for whoever already holds the credential, and logs and chat are full of them.
 */
const PAGINATION = new Set([
  "page",
  "next",
  "prev",
  "previous",
  "continuation",
  "sync",
  "resume",
  "delta",
  "skip",
  "pagination",
  "cursor",
]);

function isPaginationToken(segs: string[]): boolean {
  const last = segs.length - 1;
  return last > 0 && segs[last] === "token" && PAGINATION.has(segs[last - 1]);
}

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
  // Vault's AppRole login is a role id and a `secret_id` (a UUID that is the secret). Only the
  // snake and kebab spellings: AWS's `SecretId` and Azure's "Secret ID" name a secret, not hold it.
  // (An app's `client_secret_id` is the id of its client secret.)
  if (/secret[_-]id$/i.test(name) && segs.at(-2) === "secret" && !segs.includes("client")) {
    return "secret";
  }
  if (META_SUFFIX.test(segs[segs.length - 1]) && segs.length > 1) return null;
  // A signed URL's credential scope (`X-Goog-Credential`, `X-Amz-Credential`): an account and a
  // date, public in every link it signs.
  if (segs.length === 3 && segs[0] === "x" && segs[2] === "credential") return null;
  if (isPaginationToken(segs)) return null;
  // Pusher's app key is its public client key (every page that subscribes ships it); its
  // secret is `PUSHER_APP_SECRET`.
  if (segs.includes("pusher") && segs.at(-1) === "key") return null;
  // A CSRF token guards one form or session against forgery; it unlocks nothing elsewhere.
  // (Django's cookie runs the words together: `csrftoken`.)
  if (segs.some((s) => s.startsWith("csrf") || s.startsWith("xsrf"))) return null;
  // So do Rails' `authenticity_token`, ASP.NET's `__RequestVerificationToken` and antiforgery
  // token, and a form's token (Drupal's `form_token`). (Slack's own verification token is a
  // credential: `request` must come before it.)
  if (
    segs.some((s) => s === "authenticity" || s.startsWith("antiforgery") || s === "forgery") ||
    /(?:^|_)request_?verification_?token$|(?:^|_)form_?token$/.test(segs.join("_"))
  ) {
    return null;
  }
  // A test double says so in its name: `FAKE_PASSWORD`, `dummyToken`, `mock_api_key`.
  if (segs.some((s) => s === "fake" || s === "dummy" || s === "mock")) return null;
  // A number glued to the word counts one of several (`PASSWORD2`, `token1`, `api_key2`).
  const words = segs.map((s) => s.replace(/(?<=[a-z])\d{1,3}$/, ""));
  if (words.some((s) => PASSWORD_WORDS.has(s) || PASSWORD_END.test(s))) return "password";
  if (words.some((s) => SECRET_WORDS.has(s) || SECRET_END.test(s))) return "secret";
  for (let i = 1; i < words.length; i++) {
    if (words[i] === "key" && KEY_QUALIFIERS.has(words[i - 1])) return "secret";
  }
  return null;
}

/**
 * Prefixes owned by a specific rule (which validates them better), and publishable keys that are
 * public by design (Stripe `pk_…`, Mapbox `pk.eyJ…`, Supabase `sb_publishable_…`, PostHog's
 * project key `phc_…`).
 */
const OWNED_PREFIX =
  /^(?:pk\.eyJ|pypi-AgE|xox[a-z]?[-.]|xapp-|xwfp-|gh[pousr]_|github_pat_|AKIA|ASIA|ABIA|ACCA|AIza|GOCSPX-|ya29\.|[sr]k_(?:live|test)_|pk_(?:live|test)_|sb_publishable_|phc_|sk-|npm_|eyJ|-----BEGIN)/;

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
  "env:",
  "ssm:",
  "arn:",
  "!ref",
  "!sub",
];
/** Characters of a value that decide whether it starts with a reference prefix. */
export const REFERENCE_HEAD = Math.max(...REFERENCE_PREFIXES.map((p) => p.length));
export const REFERENCE = new RegExp(
  `^(?:${REFERENCE_PREFIXES.map((p) => p.replace(/[.[]/g, "\\$&")).join("|")})`,
  "i",
);

/** Base64 of a placeholder or a well-known example password (`cGFzc3dvcmQ=`, "password"). */
/**
 * The text `v` is the base64 of, when it is printable ASCII (a Kubernetes Secret's `data:`, a
 * `.dockerconfigjson`): random base64 decodes to such text one time in a trillion. Else null.
 */
export function base64Text(v: string): string | null {
  if (v.length % 4 !== 0 || v.length < 8 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return null;
  let plain: string;
  try {
    plain = atob(v);
  } catch {
    return null;
  }
  return /^[\x20-\x7e]+$/.test(plain) ? plain : null;
}

/**
 * A value a finding reports: the secret a base64 value encodes (so that a password in a
 * Kubernetes Secret and the same password pasted as is are one leak, with one fingerprint).
 */
export function decodedValue(v: string): string {
  const plain = base64Text(v);
  return plain !== null && !/\s/.test(plain) ? plain : entityDecoded(v);
}

function isEncodedPlaceholder(v: string): boolean {
  if (v.length > 64) return false;
  const plain = base64Text(v);
  if (plain === null) return false;
  return EXAMPLE_PASSWORDS.has(plain.toLowerCase()) || NOT_A_VALUE.test(plain) ||
    hasFiller(plain) || /^(?:pass|password|changeme|secret|admin|root|test)$/i.test(plain) ||
    isEncodedWordOrHost(plain);
}

/**
 * What a Kubernetes Secret's `data:` also holds beside its secrets: one lower-case word
 * (`production`) or a host name (`db.internal`), base64-encoded like the rest. Judged as written,
 * they are no password.
 */
function isEncodedWordOrHost(plain: string): boolean {
  if (/^[a-z]{3,24}$/.test(plain)) return wordFraction(plain) >= 0.9;
  return /^[a-z][a-z0-9-]{0,40}(?:\.[a-z][a-z0-9-]{0,40}){1,6}(?::\d{2,5})?$/.test(plain) &&
    /\.[a-z]{2,12}(?::\d{2,5})?$/.test(plain) && wordFraction(plain.replace(/:\d+$/, "")) >= 0.6;
}

/**
 * `$NAME`, `$dbPassword`, `$request->input(…)`, `$env:TOKEN`: a variable, not a secret. A `$`
 * before random letters and digits (`$gcW4Lq…`) is a password that starts with a dollar sign.
 */
function isDollarReference(v: string): boolean {
  const m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(v);
  if (m === null) return false;
  const name = m[1], rest = v.slice(m[0].length);
  if (/^[-.[(:{/>]/.test(rest)) return true;
  return /^[A-Z0-9_]+$|^[a-z0-9_]+$/.test(name) || wordFraction(name) >= 0.5;
}

/** Where a value is a reference to a secret kept elsewhere, or not a secret-shaped thing at all. */
export function isNonSecretValue(value: string): boolean {
  const v = value;
  if (v.length < 8) return true;
  if (NOT_A_VALUE.test(v)) return true;
  if (OWNED_PREFIX.test(v)) return true;
  // Variable references and templates: ${X}, $X, $(cmd), %X%, {{ x }}, <x>, process.env.X, …
  if (/^\$[{(]|^%[A-Za-z_]+%$|\{\{|\}\}|^<.*>$|^&lt;.*&gt;$|^\[.*\]$/.test(v)) return true;
  // A version (`1:4.13+dfsg1-1+deb12u1`, `2.10.1-1`, `0.8.2.dev1`, `v0.40.0`), a Perl regex
  // (`qr/[…]/`).
  if (/^v?\d+(?:[.:]\d+)+(?:[-+~.][0-9A-Za-z.+~-]*)?$/.test(v) || /^qr[/{(]/.test(v)) return true;
  // A content digest with its algorithm (`sha256:9f86…`, as registries and lockfiles write one).
  if (/^(?:sha(?:1|224|256|384|512)|md5|blake2[bs]?|sha3-\d{3}):[0-9a-fA-F]{32,}$/.test(v)) {
    return true;
  }
  // A password's hash, not the password: bcrypt (`$2b$12$…`), Argon2, crypt(3)'s SHA and MD5
  // (in italics as written, too).
  if (
    /^[_*~]?\$(?:2[abxy]?|argon2(?:id|i|d)|[156y]|sha(?:1|256|512)|pbkdf2(?:-sha\d+)?|scrypt)\$/
      .test(v)
  ) {
    return true;
  }
  // Django's (`pbkdf2_sha256$600000$salt$hash`).
  if (/^(?:pbkdf2_sha(?:1|256|512)|argon2|bcrypt_sha256|scrypt)\$/.test(v)) return true;
  // A secret store's reference in place of the value: Azure App Service's Key Vault reference,
  // an AWS ARN (`arn:` may be read as the name's separator), a config's `env(NAME)`, and SOPS's
  // encrypted value cut at its first comma (`ENC[AES256_GCM`).
  if (/^@Microsoft\.KeyVault\(|^(?:arn:)?aws[\w-]*:[a-z0-9-]+:[a-z0-9-]*:\d{12}:/.test(v)) {
    return true;
  }
  if (/^env\([A-Za-z_]\w*\)$/.test(v) || /^ENC\[[A-Z0-9_]+(?:,|\]|$)/.test(v)) return true;
  // Values encrypted in place: Jasypt's `ENC(…)`, Vault transit's `vault:v1:…`.
  if (/^ENC\(|^vault:v\d+:/.test(v)) return true;
  // Ids and references of other shapes: a URN's UUID (`urn:uuid:…`), an image pinned to its
  // digest (`ghcr.io/acme/app@sha256:…`), a commit range
  // (`3f2a9c1..8be41d0`), an Azure resource id (`/subscriptions/…`), an ISO 8601 duration
  // (`P1Y2M10DT2H30M`), a host name in lower case under a top-level domain or a cluster's
  // (`iris-prod-3.svc.cluster.local`; a passphrase of dotted words ends in no such word), a regex
  // anchored at its start (`^(?=.{12,})(?=.*[!@#$&*]).*$`: a policy, not a password).
  if (
    /^urn:uuid:|^\/subscriptions\/|@sha256:[0-9a-f]{64}$|^[0-9a-f]{7,40}\.\.\.?[0-9a-f]{7,40}$|^P(?:\d+[YMWD])+(?:T(?:\d+[HMS])+)?$|^PT(?:\d+[HMS])+$/
      .test(v) ||
    /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){2,}(?:com|net|org|io|dev|app|cloud|local|internal|lan|corp|svc|co|us|uk|de|fr|eu|ai|gov|edu|info|biz|xyz|tech|site|me|sh|so|example|test|localhost)$/
      .test(v) ||
    /^\^.*(?:\(\?[=!]|\.[*+]|\\[dwsDWS]|\[\^?[\w-]+\])/.test(v)
  ) {
    return true;
  }
  if (isDollarReference(v)) return true;
  if (REFERENCE.test(v)) return true;
  // A Kubernetes Secret's `data:` holds base64: `cGFzc3dvcmQ=` is the word "password".
  if (isEncodedPlaceholder(v)) return true;
  // A PowerShell cmdlet (`$pw = Read-Host`, `ConvertTo-SecureString`): Verb-Noun, no digits.
  if (/^[A-Z][a-z]+(?:To)?-[A-Z][A-Za-z]+$/.test(v)) return true;
  // Encrypted in place (SOPS `ENC[AES256_GCM,data:…]`): safe to commit, which is its point;
  // after a vendor's prefix too (`glpat-ENC[…]`), as a variable is (`dop_v1_%TOKEN%`).
  if (isPrefixedPlaceholder(v)) return true;
  if (isTemplateSlot(v) || isRegexPattern(v)) return true;
  // A URL with any scheme (`jdbc:postgresql://…`), an AWS region (`us-east-1`), Apache's
  // variable syntax (`%{HTTP_AUTHORIZATION}e`).
  if (/^[A-Za-z][A-Za-z0-9+.-]{0,20}:(?:[A-Za-z][A-Za-z0-9+.-]{0,20}:)?\/\//.test(v)) return true;
  if (/^[a-z]{2}(?:-gov)?-[a-z]{4,9}-\d$/.test(v) || /^%\{[A-Za-z_][\w-]{0,60}\}/.test(v)) {
    return true;
  }
  // Datadog's browser client token (`pub…`): public by design, shipped in every page.
  if (/^pub[0-9a-f]{32}$/.test(v)) return true;
  // A port and a path (`postgres:5432/auth`, `ldap:636/ou=people`), the end of a host named
  // before it.
  if (/^\d{2,5}\/[\w./=,-]*$/.test(v)) return true;
  // A text encoding (`utf-16le`), a rotation period (`rotated-90d`), a word and the acronym of
  // its algorithm (`chiffré-AES`): how a secret is stored or kept, not the secret.
  if (/^(?:utf|ucs|iso|latin|windows|cp)-?\d/i.test(v) || /^[a-z]+-\d{1,4}[smhdwy]$/i.test(v)) {
    return true;
  }
  if (/^\p{Ll}+-[A-Z][A-Z0-9]{1,7}$/u.test(v)) return true;
  // One word in a script with accents (`Zapomněli`, `¿Olvidaste`): an accent is no symbol.
  if (/^[¿¡]?\p{L}+$/u.test(v) && /[\u0080-\uffff]/.test(v)) return true;
  // Resource names that point at a secret: an AWS ARN (Secrets Manager's ends in 6 random
  // characters), an Oracle Cloud OCID.
  if (/^arn:aws[\w-]*:|^ocid1\./.test(v)) return true;
  // How a password is handled, not the password: "the password is SSO-only", "MFA-protected",
  // "AES256-encrypted", "Vault-managed", "HS256-signed".
  if (isHandlingAdjective(v)) return true;
  // The word "password" in another language: a UI label (`"password": "Lösenord"`).
  if (v.length <= 40 && PASSWORD_TRANSLATIONS.has(uiLabel(v))) return true;
  // An identifier made of words, one of them "password": a selector, a test id, a policy or
  // variable name (`#Password-Field`, `LoginPage-PasswordInput`, `PasswordPolicyV3`).
  if (isPasswordIdentifier(v)) return true;
  // Algorithm names (`PBKDF2-SHA256`, `AES256-GCM`, `HMAC-SHA512`): how, not what.
  if (
    /^(?:(?:PBKDF2|HMAC|SHA(?:1|224|256|384|512)?|SHA3|MD5|AES(?:128|192|256)?|GCM|CBC|CTR|RSA|ECDSA|EdDSA|Ed25519|X25519|bcrypt|scrypt|Argon2(?:id|i|d)?|[HRE]S(?:256|384|512)|PS256|ChaCha20|Poly1305)[-_/]?){2,4}$/i
      .test(v)
  ) {
    return true;
  }
  // A label and a date (`rotated-2024-09-18`).
  if (/^[a-z]+-\d{4}-\d{2}-\d{2}$/i.test(v)) return true;
  // Maven's encrypted server password (`{…=}` in settings.xml): base64 in braces, decrypted with
  // the master password kept elsewhere, and written to be committed.
  if (/^\{[A-Za-z0-9+/]{22,}={0,2}\}$/.test(v) && /=\}$|[+/]/.test(v)) return true;
  // Dotted identifiers and calls: self.password, args.token, req.body.password, getToken().
  // Random dotted keys (`SG.<id>.<secret>`) are not made of words; nor are passwords made of
  // words and a number (`Harbor.Quartz6316`, `Orbit.Meadow247$`: attributes seldom hold three
  // digits in a row), nor passphrases of three or more words and a number (`juniper.orbit.walnut23`,
  // `River.Sunset.Horse11`).
  if (
    /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(.*\))?[);,*]*$/.test(v) &&
    wordFraction(v) >= 0.5 &&
    !/[A-Za-z]\d{3,}|^[a-z]+(?:\.[a-z]+){2,}\d{2,}$|^[A-Z][a-z]+(?:\.[A-Z][a-z]+){2,}\d+$/.test(
      v,
    ) &&
    !isPassphrase(v)
  ) return true;
  // A call's name is made of words (`getPassword(`, `os.getenv(`) and its arguments hold none of
  // the symbols generated keys do (a format's `%` and a pointer's `*` are code's); a generated
  // value holding a `(` (quoted: `"T4EJgfFzVJ(cmX3…"`, a Django key `k3(x9#v!…`) is no call.
  const call = /^([A-Za-z_$][\w$.]*)\((.*)$/.exec(v);
  if (call !== null && isWordyName(call[1]) && !/[!@#^&+~|?]/.test(call[2])) return true;
  // An indexer cut at its quote: `Configuration["ConnectionStrings:Password"]`, `data.x.data[`.
  if (/^[A-Za-z_$][\w$.]*\[$/.test(v)) return true;
  // A regex literal (`/^(?:pass|pwd)$/i`): code that looks for secrets.
  if (/^\/.*(?:\(\?[:=!<]|\\[dswbDSWB.]|\[\^?\w-\w)/.test(v)) return true;
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

/**
 * A short generated key, 12 to 15 base62 or base64 characters under a secret's name (a
 * `SECRET_KEY=` of 12): upper case, lower case and digits, digits between letters (a word and a
 * year have them at the end), near the entropy of random text, and few dictionary words. On
 * 1,000 random values each, this takes 75-79% of base62 and 74-80% of base64 at 12 and 14
 * characters, and none of the calibration's 490 non-secrets of those lengths.
 */
export function shortGenerated(v: string): boolean {
  if (v.length < 12 || v.length >= MIN_SECRET_LENGTH || !/^[A-Za-z0-9+/_=-]+$/.test(v)) {
    return false;
  }
  if (!/[A-Z]/.test(v) || !/[a-z]/.test(v) || !/[A-Za-z][0-9]+[A-Za-z]/.test(v)) return false;
  return shannonEntropy(v) >= Math.log2(v.length) - SHORT_ENTROPY_SLACK &&
    wordFraction(v) <= SHORT_MAX_WORD_FRACTION;
}
export const SHORT_ENTROPY_SLACK = 0.6;
export const SHORT_MAX_WORD_FRACTION = 0.5;

/**
 * Words that make a run of words an identifier, a resource name or a placeholder rather than a
 * passphrase (`db-password-value`, `prod-cluster-admin`, `ask-the-team`).
 */
/** "Password" in the languages a UI is translated into (a label's text, not a password). */
const PASSWORD_TRANSLATIONS = new Set(
  ("lösenord lösenordet contraseña contrasenya wachtwoord hasło heslo slaptažodis lykilorð " +
    "passwort kennwort kennwörter passwörter mot-de-passe senha parola salasana adgangskode " +
    "kodeord passord jelszó geslo lozinka parolă şifre şifreniz пароль парола κωδικός " +
    "sisma סיסמה كلمة-المرور 密码 密碼 パスワード 비밀번호 pasahitza contrasinal wagwoord " +
    "passkey pin-code").split(" "),
);

/** A label as a UI shows it: escapes decoded (`Has\u0142o`), without its `*` or `:`. */
function uiLabel(v: string): string {
  return v.replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16)))
    .replace(/[*:]+$/, "").toLowerCase();
}

/**
 * A compound adjective that says how a password or token is handled (`SSO-only`,
 * `MFA-protected`, `1Password-managed`, `TOTP-based`, `base64-encoded`, `AES-256-encrypted`,
 * `HMAC-SHA256-signed`, `TLS1.3-only`, `v2-format`): one to three technical parts (an acronym, a
 * capitalised word, or a word holding a digit: `k8s`, `sha256`, `x509`), a hyphen, then a
 * lower-case word ending the way such adjectives do; or any lower-case word after an acronym
 * (two or more capitals or digits). Plain words before it (`river-faded`) are a passphrase's.
 */
function isHandlingAdjective(v: string): boolean {
  const parts = v.split("-");
  if (parts.length < 2 || parts.length > 4 || v.length > 40) return false;
  const last = parts.pop()!;
  if (!/^[a-z]{2,16}$/.test(last) || !parts.every((p) => /^[A-Za-z0-9#.]{1,16}$/.test(p))) {
    return false;
  }
  if (HANDLING_END.test(last)) return parts.some((p) => /^[A-Z0-9]|\d/.test(p));
  return parts.length === 1 && (parts[0].match(/[A-Z0-9]/g) ?? []).length >= 2 &&
    !/\d{3,}/.test(v);
}

const HANDLING_END =
  /(?:ed|only|based|backed|bound|side|wide|free|less|aware|safe|ready|format|style|compatible|compliant|specific|friendly|proof)$/;

/** Words of an identifier: camelCase and PascalCase humps, and runs between `-`, `_`, `.`. */
function identifierWords(v: string): string[] {
  return v.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(/[-_. ]+/).filter((w) => w !== "");
}

function isPasswordIdentifier(v: string): boolean {
  // (One separator between runs, never optional: an optional one nests two unbounded runs.)
  if (v.length > 64 || !/^[#.]?[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*$/.test(v)) return false;
  const words = identifierWords(v.replace(/^[#.]/, ""));
  return words.length >= 2 && words.some((w) => /^pass(?:word|wd)$/i.test(w)) &&
    words.every((w) => /^[A-Za-z]{2,}\d{0,2}$|^[A-Z]?\d{1,2}$/.test(w));
}

export const NOT_PASSPHRASE_WORDS = new Set(
  ("password passwd pass secret secrets token tokens key keys apikey credential credentials " +
    "auth login user username admin root account value values data config configs settings " +
    "setting env environment variable var vars self this request body params param args " +
    "options props state app application service server host local cloud cluster prod " +
    "production staging stage dev development test testing demo sample example dummy fake " +
    "placeholder default change changeme your here there from with into vault manager " +
    "stored store generated random rotated managed secure insecure database table field " +
    "column record client api http https www com net org internal external public private " +
    "none null empty unset todo missing required optional hidden masked redacted " +
    // Words of a sentence: "ask the team", "see our wiki".
    "the and for ask see use our not are was has you get set new old one team wiki docs").split(
      " ",
    ),
);

/**
 * A passphrase of dictionary words (`river.violin.correct.battery`, `pencil-battery-tunnel`):
 * three or more lower-case words of 3-12 letters, one separator between them (or capitalised
 * words run together), perhaps a number at the end, and no word that makes it a name or a
 * placeholder.
 */
export function isPassphrase(value: string): boolean {
  // Or capitalised and run together: `ViolinCorrectCactusPencil`.
  const camel = /^(?:[A-Z][a-z]{2,11}){3,7}\d{0,4}$/.test(value)
    ? value.match(/[A-Z][a-z]+/g)!
    : null;
  if (camel !== null) {
    return value.length >= 16 && camel.every((w) => !NOT_PASSPHRASE_WORDS.has(w.toLowerCase()));
  }
  const m = /^[a-z]{3,12}([-_.])[a-z]{3,12}(?:\1[a-z]{3,12}){1,6}(?:\1?\d{1,4})?$/.exec(value);
  // 16 or more characters: the name = value gates pass two classes from that length on.
  if (m === null || value.length < 16) return false;
  return value.split(m[1]).every((w) => !NOT_PASSPHRASE_WORDS.has(w.replace(/\d+$/, "")));
}

/** A password from the examples of documentation and tutorials, however it is separated. */
export function isExamplePassword(value: string): boolean {
  const lower = value.toLowerCase();
  return EXAMPLE_PASSWORDS.has(lower) || EXAMPLE_PASSWORDS.has(lower.replace(/[-_. ]/g, ""));
}

/** A human-chosen password: 8+ characters, 3+ classes, not a famous example, not one word. */
export function looksLikePassword(value: string): boolean {
  if (value.length < 8) return false;
  // Kana, kanji or hangul: a sentence ("社内Wikiを参照", see the wiki), not a typed password.
  if (/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(value)) return false;
  if (isExamplePassword(value)) return false;
  if (isPassphrase(value)) return true;
  const classes = charClasses(value);
  if (classes.count < 3 && !isWordsAndNumber(value)) return false;
  // "Password1!", "Welcome2024": an example word and a trivial decoration (a year, a count from
  // 1, one repeated digit) is an example's shape. With other digits ("Welcome132#", a helpdesk's
  // temporary password) it is a password.
  const core = value.toLowerCase().replace(/[^a-z]/g, "");
  if (
    /^(?:password|passwd|pass|admin|welcome|secret|letmein|qwerty|changeme|test|demo|root|user|guest|default)$/
      .test(core) && isTrivialDecoration(value.replace(/\D/g, ""))
  ) {
    return false;
  }
  // Eight characters of four classes hold few repeats at most (`Zoe2000$` is 2.4 bits).
  return shannonEntropy(value) >= (classes.count >= 4 ? 2.25 : 2.5);
}

/** The shortest value of two character classes the validator may accept (isWordsAndNumber). */
export const MIN_PASSWORD_PAIR = 10;

/** Digits that decorate an example password: none, a year, a count from 0 or 1, one repeated. */
function isTrivialDecoration(digits: string): boolean {
  return digits === "" || /^(?:19|20)\d\d$/.test(digits) || "1234567890".startsWith(digits) ||
    "0123456789".startsWith(digits) || /^(\d)\1*$/.test(digits);
}

/**
 * Letters and digits only, 10 or more (`pandaorbit29`, `maplevelvet92`): told after a password's
 * name, a person's password, though of two classes. Four letters or more, two digits or more,
 * not one repeated run, not a hex digest's shape.
 */
function isWordsAndNumber(value: string): boolean {
  if (value.length < MIN_PASSWORD_PAIR || !/^[A-Za-z0-9]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, "").length;
  // Hex in one case is a digest's shape when short of 12 (a short commit id); from 12 under a
  // password's name it is a password (`openssl rand -hex 6`).
  const hex = /^[0-9a-f]+$|^[0-9A-F]+$/.test(value);
  return digits >= 2 && value.length - digits >= (hex ? 2 : 4) && (!hex || value.length >= 12) &&
    shannonEntropy(value) >= 3.0;
}

export function isSecretValue(value: string, kind: NameKind): boolean {
  if (kind === null || isNonSecretValue(value)) return false;
  // A key named as one, with no digit: `OpenWeather-API-KEY`, `MY_SECRET_TOKEN` (a placeholder;
  // Notion's `secret_…` tokens hold digits).
  if (
    kind === "secret" && !/\d/.test(value) &&
    /(?:^|[-_.])(?:api[-_]?key|token|secret)(?![A-Za-z0-9])/i.test(value)
  ) {
    return false;
  }
  if (looksGenerated(value) || shortGenerated(value)) return true;
  if (kind === "password") return looksLikePassword(value);
  // A secret a person chose in a password's shape (`Maple2024!x`, `RiverStone42`): from 10
  // characters with both cases and a digit, no path or URL punctuation, no word that makes it a
  // placeholder or an example (`MySecretToken1`, `TestKey2024`) and no version (`v2.10.3-Beta`).
  if (
    value.length >= 10 && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) &&
    !/[/:\\]/.test(value) && !CHOSEN_NOT_SECRET.test(value) && looksLikePassword(value)
  ) return true;
  // A session secret a person chose (Cedar^Tundra8590) reads like a password; with all four
  // character classes, a symbol inside it (not a word and a year with `!` after: the
  // calibration's non-secrets), 12 or more characters and no path or URL punctuation it is no
  // identifier, path or sentence either.
  return value.length >= 12 && charClasses(value).count >= 4 && !/[/:\\]/.test(value) &&
    /[^A-Za-z0-9][A-Za-z0-9]/.test(value) && looksLikePassword(value);
}

/**
 * Words and shapes that make a person's value under a secret's name no secret: a placeholder's or
 * an example's word, a version, brackets (code: `ValueType<0`, `Tuple[int]`).
 */
const CHOSEN_NOT_SECRET =
  /secret|token|key|pass|pwd|auth|example|sample|dummy|fake|test|demo|your|mine|change|replace|insert|placeholder|default|redact|xxx|^v?\d+\.\d+|[<>(){}[\]]/i;

const PLACEHOLDER_PASSWORD =
  /^(?:pass|password|passwd|pwd|secret|pw|pass123|password123|changeme|xxx+|\.\.\.|token|apikey|api_key|key|x-oauth-basic)$/i;

/**
 * A template's slot for a value, in the many syntaxes that fill one in (`{password}`,
 * `#{db_password}`, `%{password}`, `&{password}`, `((db_password))`, `«password»`, Python's
 * `{password!s}`, `{self.password}`): brackets around a name. Between like delimiters
 * (`!PASSWORD!`, `__PASSWORD__`, `%DB_PASS%`) only a name in capitals or one that names a secret:
 * `!Summer2024!` is a password.
 */
export function isTemplateSlot(v: string): boolean {
  if (/^(?:[#%&$]?\{|\(\(|«)[ \t]?[A-Za-z_][\w.!:\-]{0,60}[ \t]?(?:\}|\)\)|»)$/.test(v)) {
    return true;
  }
  const m = /^(!|__|%)([A-Za-z_][\w.\-]{0,60})\1$/.exec(v);
  return m !== null && (/^[A-Z][A-Z0-9_]*$/.test(m[2]) || /pass|pwd|secret|token|key/i.test(m[2]));
}

/**
 * A vendor's prefix and a placeholder where its body goes (`dop_v1_%TOKEN%`, `sq0atp-[TOKEN]`,
 * `ATATT3x__TOKEN__`, `pat-na1-@TOKEN@`, `glpat-<TOKEN>`), or a value encrypted in place after
 * one (`glpat-ENC[…]`, `oauth2:ENC[…]`). A closing `]`, `}` or `>` may be cut off (a value stops
 * there).
 */
export function isPrefixedPlaceholder(v: string): boolean {
  const m = /^[A-Za-z0-9]{0,12}(?:[_:-][A-Za-z0-9]{1,12}){0,3}[_:-]?(ENC\[|__|@|%|\{|<|\[)/.exec(v);
  if (m === null) return false;
  const open = m[1];
  if (open === "ENC[") return true;
  const rest = v.slice(m[0].length);
  if (open === "__" || open === "@" || open === "%") {
    return rest.endsWith(open) &&
      /^[A-Za-z][A-Za-z0-9_]{2,40}$/.test(rest.slice(0, -open.length)) &&
      !rest.slice(0, -open.length).endsWith("_");
  }
  const closer = ({ "{": "}", "<": ">", "[": "]" } as Record<string, string>)[open];
  return /^(?:[A-Z][A-Z0-9_]{2,40}|[a-z][a-z0-9_]{2,40})$/.test(
    rest.endsWith(closer) ? rest.slice(0, -1) : rest,
  );
}

/**
 * A pattern that describes a value rather than being one (`[A-Za-z0-9_-]{40}`,
 * `^[A-Za-z0-9+/]{40}$`, `[[:alnum:]]{24}`): code that validates or generates secrets.
 */
export function isRegexPattern(v: string): boolean {
  if (
    /\[[^\]\s]{1,40}\]\]?(?:\{\d{1,3}(?:,\d{0,3})?\}|[+*])/.test(v) &&
    /^[\^\[(]|\$$|\{\d{1,3}(?:,\d{0,3})?\}$/.test(v)
  ) return true;
  // Cut at the class's `]` (a value stops there): a class of ranges, or a POSIX class's name.
  return /^\^?\[[^\]]*(?:A-Z|a-z|0-9)/.test(v) ||
    /(?:^|\[:)(?:alnum|alpha|digit|xdigit|upper|lower|punct|graph|print|space):\]/.test(v);
}

/**
 * A password written after a user name (`user:password` in a URL, `-u`, Basic auth): not a
 * template or mask, not a well-known example, not the user name again (`admin:admin`).
 */
export function plausibleUserPassword(password: string, user: string): boolean {
  // (and a secret store's reference: SOPS's `ENC[…`, `env(NAME)`, Azure's Key Vault reference;
  // a variable URL-encoded in a URL's userinfo: `%24PASS`)
  if (
    /^\$[{(]|\{\{|^<|^&lt;|^\*+$|%7B|^\[|^ENC\[|^env\(|^@Microsoft\.KeyVault\(|^%24[A-Za-z_]\w*$/
      .test(password) ||
    isDollarReference(password)
  ) {
    return false;
  }
  if (PLACEHOLDER_PASSWORD.test(password) || isTemplateSlot(password)) return false;
  if (user.toLowerCase() === password.toLowerCase()) return false;
  if (hasFiller(password)) return false;
  return password.length >= 6 && !isLowVariety(password);
}

/**
 * A password given without a name that asks for one (a command's flag, a login's second half, a
 * configuration line): plausible beside `user`, and one by the name = value test.
 */
export function isGivenPassword(password: string, user = ""): boolean {
  return plausibleUserPassword(password, user) && isSecretValue(password, "password");
}

/**
 * A password its line calls an example (`e.g. password: …`, `Example: password: …`, `… (this is an
 * EXAMPLE, do not use)`, `<- what NOT to do`): documentation and training, not a leak.
 */
export function saidToBeExample(text: string, start: number, end: number): boolean {
  const line = text.slice(lineStartNear(text, start, 160), lineEndNear(text, end, 80));
  return EXAMPLE_CONTEXT.test(line);
}

/**
 * Where the line holding `at` starts, looked for at most `reach` characters back (the farthest
 * point when it starts before): validators read a value's line, and reading a minified file's one
 * long line to its start at each of its values made a scan quadratic in the line's length.
 */
export function lineStartNear(text: string, at: number, reach: number): number {
  const floor = Math.max(0, at - reach);
  for (let i = at - 1; i >= floor; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return floor;
}

/** Where the line holding `at` ends (its `\n`), looked for at most `reach` characters on. */
export function lineEndNear(text: string, at: number, reach: number): number {
  const ceil = Math.min(text.length, at + reach);
  for (let i = at; i < ceil; i++) if (text.charCodeAt(i) === 10) return i;
  return ceil;
}

/** Words after a hex value that say what it is: a commit or a digest, not a secret. */
const HEX_CALLED_DIGEST = /^.{0,24}\b(?:commit|sha(?:1|256)?|hash|digest|checksum)\b/i;

/**
 * A test log's verdict line (DejaGnu's and automake's, pasted from CI): a verdict in capitals
 * starting its line (`PASS`, `FAIL`, `XFAIL`…, then a colon), then a test's path, file name or
 * flag, or any name when the line before or after is a verdict too (a login written as a `USER`
 * line over a `PASS` line has one). Its `PASS` and the `pass` in test names (`pass-by-ref.exp`)
 * are no password's.
 */
const VERDICT = "[ \\t]*(?:X?PASS|X?FAIL|K(?:PASS|FAIL)|UNSUPPORTED|UNTESTED|UNRESOLVED):[ \\t]+";
const TEST_VERDICT = new RegExp(
  `^${VERDICT}(?:[\\w.+-]*/|[\\w+-]+\\.[a-z]{1,4}(?=[:\\s]|$)|-[A-Za-z])`,
);
const ANY_VERDICT = new RegExp(`^${VERDICT}\\S`);

function onTestVerdictLine(text: string, start: number): boolean {
  const from = lineStartNear(text, start, 400);
  if (from > 0 && text.charCodeAt(from - 1) !== 10) return false; // no test log's line is so long
  const line = text.slice(from, Math.min(text.length, from + 160));
  if (!ANY_VERDICT.test(line)) return false;
  if (TEST_VERDICT.test(line)) return true;
  const before = lineStartNear(text, from - 1, 400);
  const after = lineEndNear(text, start, 400);
  return (from > 0 && ANY_VERDICT.test(text.slice(before, from))) ||
    (after < text.length && ANY_VERDICT.test(text.slice(after + 1, after + 161)));
}

/** The rest of the line after `end`, at most 80 characters. */
function lineAfter(text: string, end: number): string {
  const rest = text.slice(end, end + 80);
  const nl = rest.indexOf("\n");
  return nl === -1 ? rest : rest.slice(0, nl);
}

/**
 * A Slack emoji's shortcode between its colons (`:white_check_mark:`, `:+1::skin-tone-3:`): what a
 * message ends with after a name, never a value.
 */
export function isEmojiShortcode(
  secret: string,
  ctx: { text: string; start: number; end: number },
): boolean {
  return ctx.text[ctx.start - 1] === ":" && ctx.text[ctx.end] === ":" &&
    /^[a-z0-9_+-]{1,60}(?:::skin-tone-[2-6])?$/.test(secret);
}

const EXAMPLE_CONTEXT =
  /\b(?:e\.g\.|for example|for instance|an example|as an example|bad example|example:|examples:|is an example|do not use|don't use|never use|not to do|beispiel|ejemplo|exemple)(?![A-Za-z.])/i;

/** A value under a name of `kind`: a password is judged as a given one, a secret as usual. */
export function isNamedSecret(value: string, kind: NameKind): boolean {
  return kind === "password" ? isGivenPassword(value) : isSecretValue(value, kind);
}

// name, optional closing quote (or a bold label's markers), separator, optional opening quote. Anchored at the end of the
// text before the value, so the validator can read back which name the value was given to.
export const NAME_BEFORE_VALUE =
  /(?<![A-Za-z0-9_.]|[^\s>]-)(-{1,2}[A-Za-z][A-Za-z0-9_.\-]{0,60}(?:[ \t]{1,4}|=)|[A-Za-z][A-Za-z0-9_.\-\[\]]{0,60}[\\"'\]*]{0,3}(?:[ \t]{0,32}(?:=>|:=|:-|=|:)\*{0,2}[ \t]{0,32}|[ \t]{1,4}(?:is|was)[ \t:]{1,4}))\*?(?:\\?["'`]|```|[“‘])?$/;

/** NAME_BEFORE_VALUE without its look-behind, tried (sticky) only where a name may start. */
const NAME_BEFORE_STICKY = new RegExp(
  NAME_BEFORE_VALUE.source.replace("(?<![A-Za-z0-9_.]|[^\\s>]-)", ""),
  "y",
);

function isNameStartCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}

/**
 * NAME_BEFORE_VALUE's leftmost match in the characters before a value (a name and the blanks that
 * align it fit in 128). The regex would try every position; only those after a non-name
 * character that hold a letter or `-` can match, so only those are tried, left to right (the
 * same leftmost match, a few tries instead of one per position).
 */
export function nameBeforeMatch(slice: string): RegExpExecArray | null {
  for (let p = 0; p < slice.length; p++) {
    if (!isNameStartCode(slice.charCodeAt(p))) continue;
    if (p > 0) {
      const b = slice.charCodeAt(p - 1);
      if (isAlnum(b) || b === 95 || b === 46) continue;
      // After a `-` only where that `-` starts its line's text (a removed line of a diff).
      if (b === 45 && p > 1 && !/[\s>]/.test(slice[p - 2])) continue;
    }
    NAME_BEFORE_STICKY.lastIndex = p;
    const m = NAME_BEFORE_STICKY.exec(slice);
    if (m) return m;
  }
  return null;
}

function nameBefore(text: string, start: number): string | null {
  // Quoted-printable's `=3D` is the `=` of `name=` (the value was read without its `3D`).
  if (start >= 3 && text.startsWith("=3D", start - 3)) start -= 2;
  const m = nameBeforeMatch(text.slice(Math.max(0, start - 128), start));
  if (!m) return null;
  return m[1].replace(/(?:[ \t*]*(?:=>|:=|:-|=|:|\bis\b|\bwas\b)?[ \t:*]*)$/, "").replace(
    /\\?["'\]]$/,
    "",
  );
}

/**
 * A video meeting link's passcode (`zoom.us/j/…?pwd=…`): an invitation carries it so that anyone
 * invited can join; it unlocks that one meeting, not an account. Reporting every pasted invite
 * would drown the real leaks.
 */
function isMeetingPasscode(text: string, start: number, name: string): boolean {
  if (name.toLowerCase() !== "pwd") return false;
  const before = text.slice(Math.max(0, start - 200), start);
  return /(?:^|[\s<(|])https?:\/\/(?:[\w-]+\.)*(?:zoom\.us|zoomgov\.com)\/[^\s<>|]*[?&]pwd=$/i.test(
    before,
  );
}

/** A character that ends a NAME_VALUE value. */
const VALUE_STOP = /[\s"'`,;)\]}>]/;

/** The most a name = value value may hold; NAME_VALUE takes 200 and `valueEnd` the rest. */
export const MAX_VALUE = 1000;

/**
 * Where a value NAME_VALUE cut at 200 characters ends: at the next character that ends a value,
 * at most MAX_VALUE characters in, and not on the `.`, `:` or `?` of a sentence.
 */
/**
 * A quoted value keeps its last `.`, `?` or `:` (Rule.extendEnd): prose punctuation stays outside
 * a value only when no quote closes it.
 */
export function quotedValueEnd(text: string, start: number, end: number): number {
  const open = text[start - 1];
  if (open === '"' || open === "'" || open === "`") {
    const tail = /^[.:?]{1,3}/.exec(text.slice(end, end + 4));
    if (tail && text[end + tail[0].length] === open) return end + tail[0].length;
  }
  return end;
}

/**
 * A quoted value holds what stops a bare one (`"Xk3)p,Q9;v]"`, `"ab'cd"`): it ends at its closing
 * quote on the same line, when no blank comes first (a blank inside quotes makes words, which
 * the passphrase rules read). None: `end`.
 */
function quotedRunEnd(text: string, start: number, end: number): number {
  const open = text[start - 1];
  if ((open !== '"' && open !== "'" && open !== "`") || text[end] === open) return end;
  // An escaped opening quote (`\"`, a JSON string inside a JSON string) is closed by one.
  const escaped = text[start - 2] === "\\";
  const stop = Math.min(text.length, start + MAX_VALUE);
  for (let k = end; k < stop; k++) {
    const c = text.charCodeAt(k);
    if (escaped && c === 92 && text[k + 1] === open) return k;
    if (text[k] === open) return escaped ? end : k;
    if (c <= 32 || c === 0xa0 || (open !== "`" && c === 0x60)) return end;
  }
  return end;
}

/**
 * A value stops at `>` (a Slack link's end), but one that opened a `<` and goes on right after
 * the `>` holds a pair of brackets (`Bcta&1cEIO<2TbL>673`): it ends where the rest ends.
 */
function bracketedValueEnd(text: string, start: number, end: number): number {
  if (text[end] !== ">" || !/[A-Za-z0-9]/.test(text[end + 1] ?? "")) return end;
  const open = text.lastIndexOf("<", end - 1);
  if (open <= start || text.indexOf(">", open) < end) return end;
  const rest = /^[^\s"'`,;)\]}<>]{1,100}/.exec(text.slice(end + 1, end + 101));
  let e = end + 1 + (rest ? rest[0].length : 0);
  while (e > end + 1 && /[.:?]/.test(text[e - 1])) e--;
  return e;
}

/** A value read raw with its entities decoded (`Tiger&gt;9229summer` is `Tiger>9229summer`). */
export function entityDecoded(v: string): string {
  return withoutEntities(v).text;
}

/** The entities withoutEntities reads, ending right before a `;`. */
const ENTITY_BEFORE_SEMICOLON = new RegExp(ENTITY.source.replace(/;$/, "$"));

/**
 * A value's last `.` is read as the sentence's full stop, except where no sentence goes on:
 * before a connection string's `;` (`Password=….;Encrypt=True`), or at the end of a
 * line that holds the assignment alone (`DB_PASSWORD=….`, `export X=….`).
 */
function finalDotEnd(text: string, start: number, end: number): number {
  if (text[end] !== "." || /[.:?]/.test(text[end - 1])) return end;
  const after = text[end + 1];
  if (after === ";") return end + 1;
  if (after !== undefined && after !== "\n" && after !== "\r") return end;
  const lineStart = lineStartNear(text, start, 400);
  return /^[ \t]*(?:export[ \t]+)?[^\s]+$/.test(text.slice(lineStart, start)) ? end + 1 : end;
}

/**
 * Where a value the pattern stopped at `;` or `>` goes on right after it, what it holds: read
 * raw, an entity's `;` (Slack stores `&`, `<` and `>` as `&amp;`, `&lt;`, `&gt;`:
 * `Tiger&gt;9229summer`; its canonical form decodes them, entityDecoded); decoded, a `>`
 * (`uqte>ldIIYc!714`; the pattern's value may be as short as 4 characters before it). The value
 * then ends where the rest ends.
 */
function readOnEnd(text: string, start: number, end: number): number {
  let e = end;
  const stop = Math.min(text.length, start + MAX_VALUE);
  while (e + 1 < stop && !VALUE_STOP.test(text[e + 1]) && goesOnAt(text, start, e)) {
    e++;
    while (e < stop && !VALUE_STOP.test(text[e])) e++;
  }
  if (e === end) return end;
  while (e > end + 1 && /[.:?]/.test(text[e - 1])) e--;
  return e;
}

/** Whether the `;` at `e` ends an entity the value holds (`…&amp;gt` before it). */
function entitySemicolonAt(text: string, start: number, e: number): boolean {
  return text[e] === ";" && ENTITY_BEFORE_SEMICOLON.test(text.slice(Math.max(start, e - 5), e));
}

/** A value that stopped before an entity's `;` (`…&amp;gt`), with it. */
export function entityEnd(text: string, start: number, end: number): number {
  return entitySemicolonAt(text, start, end) ? end + 1 : end;
}

/** Whether the stop at `e` is an entity's `;` or a `>` with no `<` right after it. */
function goesOnAt(text: string, start: number, e: number): boolean {
  if (text[e] === ">") return text[e + 1] !== "<";
  return entitySemicolonAt(text, start, e);
}

/**
 * Where a name = value match ends (Rule.extendEnd): read on past what its pattern stops at, and
 * with a last `?` that is the value's (keptQuestionMark).
 */
export function valueEnd(text: string, start: number, end: number): number {
  const e = readValueEnd(text, start, end);
  return keptQuestionMark(text, start, e) ? e + 1 : e;
}

/**
 * A `?` right after a value, at the end of its line or before a blank, after a colon, `=` or a
 * command-line flag (`Passwort: …?`, `--password …?`): a label or a flag asks
 * no question, so the `?` is the password's own. After a verb (`the password is …?`) it ends a
 * question, and prose punctuation stays outside.
 */
function keptQuestionMark(text: string, start: number, end: number): boolean {
  if (text[end] !== "?" || (end + 1 < text.length && !/\s/.test(text[end + 1]))) return false;
  return /(?:[:=]\*{0,2}|(?:^|\s)--?[A-Za-z][\w.-]{0,60})[ \t]{0,4}$/.test(
    text.slice(Math.max(0, start - 80), start),
  );
}

function readValueEnd(text: string, start: number, end: number): number {
  const dot = finalDotEnd(text, start, end);
  if (dot !== end) return dot;
  // (quotedRunEnd reads a quoted value's last `.`, `?` or `:` as quotedValueEnd does, and more.)
  const quoted = quotedRunEnd(text, start, end);
  if (quoted !== end) return quoted;
  const bracketed = bracketedValueEnd(text, start, end);
  if (bracketed !== end) return bracketed;
  const readOn = readOnEnd(text, start, end);
  if (readOn !== end) return readOn;
  if (end - start < 200) return end;
  const stop = Math.min(text.length, start + MAX_VALUE);
  let e = end;
  while (e < stop && !VALUE_STOP.test(text[e])) e++;
  while (e > end && /[.:?]/.test(text[e - 1])) e--;
  return e;
}

/**
 * A value in a query string ends before the next parameter (`&format=json`, `&amp;ssl=1`, or
 * the `&amp` a raw reading stops at, since a value stops at `;`); one in a code string before a
 * `\n`, `\r` or `\t` escape (the string's next line).
 */
export function beforeNextParameter(value: string): number {
  const m = /&(?:amp;)?[A-Za-z_][\w.-]{0,40}=|&amp$|\\[nrt]/.exec(value);
  return m ? m.index : value.length;
}

/** Where a value opened by a bold marker (`password: *…*`, read as written) ends: before its
 * closing one. */
export function boldValueEnd(value: string, at: { text: string; start: number }): number {
  return at.text[at.start - 1] === "*" && value.endsWith("*") ? value.length - 1 : value.length;
}

/** A value between two bold markers (Rule.unwrap), read as written: the value inside them. */
export function unwrapBold(text: string, start: number, end: number): [number, number] {
  const bold = end - start > 2 && text[start] === "*" && text[end - 1] === "*" &&
    text[start + 1] !== "*";
  return bold ? [start + 1, end - 1] : [start, end];
}

/**
 * Code where a value would be (source files and binaries scanned as text): a value right after a
 * backslash (inside an escape: `pass: \\0StringLifting`), a type (`password: Optional[bytes]`,
 * `typing.Optional[bytes]`, `IsEmptyObject<{}>`, `<Buffer|TypedArray>`, `ed25519.Ed25519PrivateKey`),
 * an index (`Passwd=credentials[1]`), a cast or an argument in brackets (`(base64String) =>`,
 * `(GnomeKeyringPasswordData *)`), or the name itself in another case
 * (`"Cryptography_HAS_PSK": cryptography_has_psk`).
 */
/**
 * Whether a name before `(` or `[` reads as code's (`getPassword`, `k.toLowerCase`,
 * `DefineWorkflow`, `getV2Token`): short, without a digit, or made of few pieces (cased words,
 * capitals, numbers, separators) of 3 or more characters on average. A generated value holding a
 * bracket (`"T4EJgfFzVJ(cmX3…"`: `T`, `4`, `E`, `Jgf`, `Fz`, `VJ`) mixes digits into many short
 * pieces.
 */
function isWordyName(name: string): boolean {
  if (name.length < 8 || !/[0-9]/.test(name)) return true;
  const pieces = name.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+|[^A-Za-z0-9]/g)?.length ?? 1;
  return name.length / pieces >= 3;
}

export function looksLikeCode(
  secret: string,
  name: string,
  ctx: { text: string; start: number; end: number },
): boolean {
  if (ctx.text[ctx.start - 1] === "\\") return true;
  const indexed = /^([A-Za-z_][\w.]*)\[[\w"'.]/.exec(secret);
  if (indexed !== null && isWordyName(indexed[1])) return true;
  if (/^[A-Z][A-Za-z0-9]*<[{[A-Z]/.test(secret) || /^<[^>]*\|/.test(secret)) return true;
  if (/^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*\.[A-Z][A-Za-z0-9_]*$/.test(secret)) return true;
  // A path, a member or a call: `std::move(Pass)`, `Resolver->getAnalysis`, `getenv(NAME)`.
  if (/^[A-Za-z_]\w*(?:::|->)[A-Za-z_]|^[a-z_][\w.]*\([A-Za-z_]/.test(secret)) return true;
  // A placeholder in angle brackets (`<truststore-password>`), or a member cut at its arrow
  // (`Resolver->…`: a value ends before `>`).
  if ((secret[0] === "<" || secret.endsWith("-")) && ctx.text[ctx.end] === ">") return true;
  if (/^\([A-Za-z_$][\w$]*$/.test(secret) && /^[ \t]*\**\)/.test(ctx.text.slice(ctx.end))) {
    return true;
  }
  const bare = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  return bare(secret).length >= 8 && bare(secret) === bare(name);
}

/**
 * A name = value match's end (Rule.trimEnd): before the next query parameter, and before the
 * closing marker of a bold value.
 */
export function valueEndInText(value: string, at: { text: string; start: number }): number {
  const end = Math.min(
    beforeNextParameter(value),
    beforeLinkLabel(value, at),
    beforeClosingMarks(value, at),
  );
  return boldValueEnd(value.slice(0, end), at);
}

/**
 * Where a value ends before what closes it as it reads: full-width punctuation (`。，：」）`), a
 * table cell's `|`, `&gt;`/`&lt;` as Slack stores `>` and `<` (the pattern stops at its `;`), or
 * the "(edited)" Slack shows after a message, glued to it when the message is copied.
 */
function beforeClosingMarks(value: string, at: { text: string; start: number }): number {
  const m = CLOSING_MARKS.exec(value);
  if (m === null || m.index === 0) return value.length;
  if (m[0].startsWith("&") && at.text[at.start + value.length] !== ";") return value.length;
  return m.index;
}

const CLOSING_MARKS =
  /(?:[\u3001\u3002\u300D\u300F\uFF01\uFF09\uFF0C\uFF1A\uFF1B\uFF1F]+|\|+|&[gl]t|\(edited)$/;

/**
 * Inside a Slack link (`<https://…?token=…|label>`), where the URL ends: at the `|` before its
 * label (or the value's end when there is none).
 */
function beforeLinkLabel(value: string, at: { text: string; start: number }): number {
  const bar = value.indexOf("|");
  if (bar < 0) return value.length;
  const { text, start } = at;
  const open = start > 0 ? text.lastIndexOf("<", start - 1) : -1;
  const lineStart = lineStartNear(text, start, 2048) - 1;
  const inLink = open >= 0 && text.lastIndexOf(">", start - 1) < open && lineStart < open &&
    /^<[A-Za-z][\w+.-]{0,20}:/.test(text.slice(open, open + 24));
  // A long URL's `<` may lie before the text read (a window of it): a URL's `//` on the line or
  // a query's `&name=`, and a label after the bar that the link's `>` closes, tell the same.
  const labelled = !inLink && /\/\/|[?&;][\w.-]+=$/.test(text.slice(lineStart + 1, start)) &&
    /^[^<>\n]{0,200}>/.test(text.slice(start + bar + 1, start + bar + 202));
  return inLink || labelled ? bar : value.length;
}

export function genericValidate(
  want: NameKind | "either",
  readName: (text: string, start: number) => string | null = nameBefore,
) {
  return (secret: string, ctx: { text: string; start: number; end: number }): boolean => {
    const name = readName(ctx.text, ctx.start);
    if (name === null) return false;
    const kind = classifyName(name);
    // "either": a password under a password's name, a secret under a secret's.
    if (kind === null || (want !== "either" && kind !== want)) return false;
    if (isMeetingPasscode(ctx.text, ctx.start, name)) return false;
    // Vault's AppRole `secret_id` is a UUID; other values under that name are ids.
    if (/secret[_-]id$/i.test(name) && !UUID_RE.test(secret)) return false;
    // Hex its line calls a commit or a digest (`token: 3f78… (commit)`, `# git sha of …`).
    if (/^[0-9a-f]{7,64}$/i.test(secret) && HEX_CALLED_DIGEST.test(lineAfter(ctx.text, ctx.end))) {
      return false;
    }
    // `username/password: deploy/…`: the labelled login rule's, which reads the user apart.
    if (
      secret.includes("/") &&
      /user(?:name)?[ \t]{0,2}\/[ \t]{0,2}pass(?:word)?["'*]{0,3}[ \t]{0,4}[:=][ \t]{0,4}["'`]?$/i
        .test(ctx.text.slice(Math.max(0, ctx.start - 48), ctx.start))
    ) return false;
    if (onTestVerdictLine(ctx.text, ctx.start)) return false;
    // A Slack emoji after the name (`password :white_check_mark:`): its shortcode, no value.
    if (isEmojiShortcode(secret, ctx)) return false;
    // `credentials: deploy:…`: a login, the labelled login rule's (it reads the user apart).
    if (/^cred(?:ential)?s?$/i.test(name) && /^[\w.@-]{1,64}[:/]/.test(secret)) return false;
    // `…:secret:name-AbCdEf` inside an ARN: a resource type and name, not a name and a value.
    if (/arn:aws[\w-]*:[^\s"'`]*$/.test(ctx.text.slice(Math.max(0, ctx.start - 160), ctx.start))) {
      return false;
    }
    // A value longer than MAX_VALUE was cut: it would be reported with a fingerprint of nothing.
    // A "password" over 200 characters is a blob (a SealedSecret's ciphertext, an encrypted
    // value): typed or generated passwords are far shorter.
    if (
      secret.length >= MAX_VALUE - 1 && !VALUE_STOP.test(ctx.text[ctx.end] ?? " ")
    ) return false;
    if (kind === "password" && secret.length > 200) return false;
    if (kind === "password" && saidToBeExample(ctx.text, ctx.start, ctx.end)) return false;
    if (looksLikeCode(secret, name, ctx)) return false;
    // kubeseal's ciphertext (`AgA…`–`AgD…`, hundreds of characters) under any name.
    if (secret.length >= 199 && /^Ag[A-D][A-Za-z0-9+/]{196}/.test(secret)) {
      return false;
    }
    // A closing quote must not be missing when an opening one was there.
    const open = ctx.text[ctx.start - 1];
    if (open === '"' || open === "'" || open === "`") {
      // An escaped quote (`\"`) is closed by one.
      const escaped = ctx.text[ctx.start - 2] === "\\";
      const close = ctx.text.slice(ctx.end, ctx.end + (escaped ? 2 : 1));
      if (close !== (escaped ? "\\" + open : open)) return false;
    }
    return isSecretValue(secret, kind);
  };
}
