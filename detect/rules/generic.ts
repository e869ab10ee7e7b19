// Generic secrets: a value assigned to a secret-sounding name, in env files, JSON, YAML, code,
// CLI flags (`--password X`) or prose (`the password is X`), and credentials inside URLs
// (`scheme://user:pass@host`). The name decides that a value *should* be secret; the value decides
// whether it *is* one: variable references, placeholders, paths, URLs, booleans, numbers, plain
// words and identifiers are not. Values named like API keys/tokens must look machine-generated
// (entropy and length thresholds calibrated in detect/entropy_calibration.ts); values named like
// passwords may be human-made but must be 8+ characters, mix 3 character classes and not be a
// well-known example password. Values that start with another family's prefix are left to that
// family's rule (which checks them properly), so a bad-checksum `ghp_` is not reported here.
// Names and values are judged in generic_value.ts, hits are gated in generic_gate.ts.
import type { Rule } from "../types.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import {
  base64Text,
  decodedValue,
  genericValidate,
  isSecretValue,
  KEY_QUALIFIERS,
  plausibleUserPassword,
  valueEnd,
  valueEndInText,
} from "./generic_value.ts";
import { nameValueMayStart, urlMayStart } from "./generic_gate.ts";
import { uuid } from "./prefixed_token.ts";

// Proven free of catastrophic backtracking by detect/redos_test.ts: the name, its closing quote,
// the separator and the value's first character use disjoint classes. The value stops at
// brackets and its last character is never ".", ":" or "?", so prose punctuation stays outside.
// Two shapes are left out because the validator rejects every one of them, and chat is full of
// them (`API_TOKEN_URL=https://…`, `<https://…/secret/…>`): a value that is a URL (`scheme://`,
// isNonSecretValue) and a name that is a URL's scheme (`https:` before `//`).
// A bold label's markers may close the name or follow its separator (`*Password*: …` in Slack,
// `**Password:** …` in Markdown), so that files read as they are find them too; a value never
// starts with `*` (a mask, or those markers), and a bold value leaves both (`password is *…*`;
// after a colon, GENERIC_BOLD_VALUE's: redos-detector proves no bound for a pattern that holds
// both shapes). In a JSON string inside a JSON string (a logged
// request body: `{\"password\":\"…\"}`) the quotes are escaped: a backslash may stand before
// each, and a value neither starts nor ends with one. A value's leading `-` or `.` is read with the
// character after it (a letter or digit): a look-ahead there kept redos-detector from proving the
// bound.
const NAME_VALUE =
  /(?<![A-Za-z0-9_.]|[^\s>]-)(?:-{1,2}[A-Za-z][A-Za-z0-9_.\-]{0,60}(?:[ \t]{1,4}|=)|[A-Za-z][A-Za-z0-9_.\-\[\]]{0,60}[\\"'*]{0,3}(?:[ \t]{0,32}(?:=>|:=|:-|=|:(?!\/\/))\*{0,2}[ \t]{0,32}|[ \t]{1,4}(?:is|was)[ \t:]{1,4}\*?))(?:\\?["'`]|```)?(?<secret>(?![A-Za-z][A-Za-z0-9+.\-]{0,30}:\/\/)(?:[-.][A-Za-z0-9]|[^\s"'`,;\-=:.?)\]}>*\\])[^\s"'`,;)\]}>]{2,198}[^\s"'`,;.:?)\]}>\\])/g;

/**
 * A bold value after a colon or `=`, read as it is written (`password: *…*`, a Slack message
 * saved to a file): the name, the separator, a blank, then the value between two markers.
 */
const GENERIC_BOLD_VALUE =
  /(?<![A-Za-z0-9_.\-])[A-Za-z][A-Za-z0-9_.\-\[\]]{0,60}[\\"'*]{0,3}[ \t]{0,4}[:=][ \t]{1,4}\*(?<secret>[^\s*"'`]{7,198})\*(?![A-Za-z0-9*])/g;

/**
 * A value alone on the line under its label (`Password:`, then the value, bare, in backticks or
 * in a code block: chat puts a password where its copy button is), or a YAML block scalar's first
 * line (`password: |`). The validator reads the label back (labelAbove) and wants the value to
 * end its line.
 */
const VALUE_BELOW_LABEL =
  /(?<![A-Za-z0-9_.\-])[A-Za-z][A-Za-z0-9_.\-\[\]]{0,60}[\\"'*]{0,3}[ \t]{0,4}:\*{0,2}[ \t|>+\-]{0,6}\r?\n[ \t]{0,8}(?:```[ \t]{0,4}(?:\r?\n[ \t]{0,4})?|`)?(?<secret>[^\s"'`,;\-=:.?)\]}>*\\][^\s"'`,;)\]}>]{6,198}[^\s"'`,;.:?)\]}>\\])/g;

/** VALUE_BELOW_LABEL's label, read back from the value's start. */
const LABEL_ABOVE =
  /(?:^|[^A-Za-z0-9_.\-])([A-Za-z][A-Za-z0-9_.\-\[\]]{0,60})[\\"'*]{0,3}[ \t]{0,4}:\*{0,2}[ \t|>+\-]{0,6}\r?\n[ \t]{0,8}(?:```[ \t]{0,4}(?:\r?\n[ \t]{0,4})?|`)?$/;

function labelAbove(text: string, start: number): string | null {
  return LABEL_ABOVE.exec(text.slice(Math.max(0, start - 110), start))?.[1] ?? null;
}

const labelledValue = genericValidate("either", labelAbove);

/** After a value, its code's closing backticks and blanks, then the line's end. */
const LINE_END_AFTER = /(?:```|`)?[ \t]{0,8}(?:\r?\n|$)/y;

/**
 * What a line under a label holds when it is no secret: a host or a build (`jenkins-ci-04`,
 * `db02-staging.internal`, `build-88731`), a ticket (`OPS-88213`): one case of letters, digits and
 * `-`/`.`; or base64 a document shows (it decodes to words: `Hello, World!`, `foo:bar`). A password
 * there mixes cases or holds another symbol, or looks generated (16 or more characters).
 */
function looksLikeNameOrId(v: string): boolean {
  const plain = base64Text(v);
  if (plain !== null && (/\s|^[A-Za-z]+:[A-Za-z]+$/.test(plain) || plain.length < 12)) return true;
  if (v.length >= 16 && !/[-.]/.test(v)) return false;
  return /^[a-z0-9]+(?:[-.][a-z0-9]+)+$|^[A-Z0-9]+(?:[-.][A-Z0-9]+)+$|^[A-Z][A-Za-z]*-\d+$/.test(v);
}

function endsItsLine(text: string, end: number): boolean {
  LINE_END_AFTER.lastIndex = end;
  return LINE_END_AFTER.test(text);
}

/** [start, end) without the typographic quotes around it (`“…”`, `‘…’`), when it has both. */
function withoutCurlyQuotes(text: string, start: number, end: number): [number, number] {
  const open = text[start], close = text[end - 1];
  const paired = (open === "“" && close === "”") || (open === "‘" && close === "’");
  return paired && end - start > 2 ? [start + 1, end - 1] : [start, end];
}

/**
 * [start, end) without quoted-printable's `3D` after the name's `=` (`password=3D…`: an email
 * forwarded into chat encodes `=` as `=3D`), when the text is quoted-printable elsewhere too.
 */
function withoutQuotedPrintableEquals(text: string, start: number, end: number): [number, number] {
  if (end - start <= 2 || text[start - 1] !== "=" || !text.startsWith("3D", start)) {
    return [start, end];
  }
  QUOTED_PRINTABLE.lastIndex = 0;
  for (let m = QUOTED_PRINTABLE.exec(text); m !== null; m = QUOTED_PRINTABLE.exec(text)) {
    if (m.index !== start - 1) return [start + 2, end];
  }
  return [start, end];
}

/** Quoted-printable's marks: a soft line break, `=3D`, `=20`, a UTF-8 lead in hex. */
const QUOTED_PRINTABLE = /=(?:\r?\n|3D|20|0A|E2|C3)/g;

function unwrapValue(text: string, start: number, end: number): [number, number] {
  const [s, e] = withoutCurlyQuotes(text, start, end);
  return withoutQuotedPrintableEquals(text, s, e);
}

/** `value` with its percent-escapes decoded, when they are well-formed UTF-8. */
function percentDecoded(value: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function variants(words: string[]): string[] {
  const out = new Set<string>();
  for (const w of words) out.add(w);
  for (const q of KEY_QUALIFIERS) for (const sep of ["", "_", "-", "."]) out.add(q + sep + "key");
  return [...out];
}

const b62 = (n: number, rand: () => number) => randomString(ALPHABET.base62, n, rand);
const PASS = ["PA", "SS"].join("");

/** What the two name = value rules share; they differ in the names they accept. */
/** How the name = value rules are tried: at their keyword's word, behind the name = value gate. */
const NAME_VALUE_READING = {
  confidence: "medium" as const,
  // The name holds the keyword and is at most 62 characters; the value ends within 280.
  anchor: "word" as const,
  mayStart: nameValueMayStart,
  byteGate: "name-value" as const,
  literalMarkers: true,
  window: { before: 64, after: 280 },
};

// (`pswd`, `pword`, `pssword`: misspellings that hold no `pass`.)
export const PASSWORD_KEYWORDS = ["pass", "pwd", "psk", "pswd", "pword", "pssword"];
export const SECRET_KEYWORDS = variants(["secret", "token", "apikey", "credential", "creds"]);

function nameValueRule(kind: "password" | "secret") {
  return {
    pattern: NAME_VALUE,
    // Typographic quotes around a value (`the password is “…”`) are no part of it, nor is
    // quoted-printable's `3D`.
    unwrap: unwrapValue,
    extendEnd: valueEnd,
    trimEnd: valueEndInText,
    validate: genericValidate(kind),
    canonical: decodedValue,
    ...NAME_VALUE_READING,
    // Heroku's and other services' API keys are UUIDs, and so are generated passwords
    // (`POSTGRES_PASSWORD=$(uuidgen)`).
    placeholderExempt: ["uuid" as const],
  };
}

export const rules: Rule[] = [
  {
    id: "generic-quoted-secret-key",
    family: "generic",
    description: "SECRET_KEY = '…' (Django, Flask), whose quoted value may hold brackets",
    // Longer than the generic rules' `secret_key`: the prefilter's hit takes them both.
    keywords: ["secret_key = '", 'secret_key = "', "secret_key='", 'secret_key="'],
    pattern: /(?<![A-Za-z0-9_])secret_key[ \t]{0,4}=[ \t]{0,4}["'](?<secret>[^"'\s]{16,200})["']/gi,
    validate: (secret, { text, start, end }) =>
      text[start - 1] === text[end] && isSecretValue(secret, "secret"),
    confidence: "medium",
    literalMarkers: true,
    window: { before: 8, after: 220 },
    examples: {
      positives: () => {
        const rand = seededRandom(13001);
        const django = "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)";
        const a = randomString(django, 50, rand).replace(/^(.{10})./, "$1)");
        const b = "django-insecure-" + randomString(django, 50, rand);
        // A `(` after its first characters: no call (`k3(x9#v!…`).
        const c = randomString(django, 50, rand).replace(/^(.{2})./, "$1(").replace(
          /^(.{5})./,
          "$1#",
        );
        return [
          { text: `SECRET_KEY = '${a}'`, secret: a },
          { text: `SECRET_KEY = "${c}"`, secret: c },
          { text: `+SECRET_KEY = '${b}'`, secret: b },
        ];
      },
      negatives: () => [
        "SECRET_KEY = 'change-me-to-a-long-random-string'",
        "SECRET_KEY = os.environ['SECRET_KEY']",
        "SECRET_KEY = '${DJANGO_SECRET_KEY}'",
      ],
    },
  },
  {
    id: "generic-bold-value",
    family: "generic",
    description: "Password, API key or token written bold after its name (password: *…*)",
    keywords: [...PASSWORD_KEYWORDS, ...SECRET_KEYWORDS],
    pattern: GENERIC_BOLD_VALUE,
    validate: genericValidate("either"),
    ...NAME_VALUE_READING,
    examples: {
      positives: () => {
        const rand = seededRandom(13251);
        const a = "Tq7" + b62(11, rand) + "!";
        const b = b62(40, rand);
        return [
          { text: `password: *${a}*`, secret: a },
          { text: `API_TOKEN = *${b}*`, secret: b },
        ];
      },
      negatives: () => ["password: *hunter2*", "password: *required*", "token: *${API_TOKEN}*"],
    },
  },
  {
    id: "generic-value-below-label",
    family: "generic",
    description: "Password, API key or token alone on the line under its label (Password: ⏎ …)",
    keywords: [...PASSWORD_KEYWORDS, ...SECRET_KEYWORDS],
    pattern: VALUE_BELOW_LABEL,
    validate: (secret, at) =>
      endsItsLine(at.text, at.end) && !looksLikeNameOrId(secret) && labelledValue(secret, at),
    canonical: decodedValue,
    ...NAME_VALUE_READING,
    examples: {
      positives: () => {
        const rand = seededRandom(13261);
        const a = "Tq7" + b62(11, rand) + "!";
        const b = b62(40, rand);
        return [
          { text: `staging db\nPassword:\n${a}`, secret: a },
          { text: `Password:\n\`\`\`${a}\`\`\``, secret: a },
          { text: `here you go\nAPI_TOKEN:\n\`\`\`\n${b}\n\`\`\`\nthanks`, secret: b },
          { text: `*Password:*\n\`${a}\``, secret: a },
          { text: `[staging]\n  password:\n    ${a}\n`, secret: a },
          // YAML block scalars: literal and folded, with a chomping indicator.
          { text: `  password: |\n    ${a}\n  user: app`, secret: a },
          { text: `secrets:\n  api_key: >-\n    ${b}\n`, secret: b },
        ];
      },
      negatives: () => [
        "password:\n  description: the user's password",
        "password:\n  type: string\n  minLength: 12",
        `token:\n  ${b62(40, seededRandom(13262))} was revoked yesterday`,
        "Password:\n********",
        "secret:\n  name: db-credentials\n  key: password",
        "if password:\n    return hash_password(password)",
        "password:\n${DB_PASSWORD}",
        // Hosts, builds and tickets under a label, base64 samples from a document.
        "Password:\n`jenkins-ci-04`",
        "Access token:\nk8s-node-17.prod",
        "password:\nJIRA-1234",
        `Auth token:\n\`${btoa("Hello, World!")}\``,
        `secret:\n${btoa("username:password")}`,
      ],
    },
  },
  {
    id: "generic-password",
    family: "generic",
    description: "Password assigned in config, code, a command line or a sentence",
    keywords: PASSWORD_KEYWORDS,
    ...nameValueRule("password"),
    examples: {
      positives: () => {
        const rand = seededRandom(13101);
        const a = "Kx9" + b62(9, rand);
        const b = "Tq7" + b62(11, rand) + "!";
        const c = "Vb3" + b62(13, rand);
        const d = "Summer2024!Rk" + b62(2, rand);
        const e = "$gW4" + b62(16, rand);
        const u = uuid(rand);
        const passphrase = ["juniper", "orbit", "copper", "walnut"].join(".") +
          randomString("0123456789", 2, rand);
        return [
          { text: `DB_PASSWORD=${a}`, secret: a },
          // A login block in capitals: no test log's verdict.
          { text: `USER: admin\n${PASS}: ${a}\nthanks`, secret: a },
          { text: `postgres_password = "${e}"`, secret: e },
          { text: `jdbc:postgresql://db1/app?password=${c}&user=shop&useSSL=true`, secret: c },
          { text: `  "password": "${b}",`, secret: b },
          { text: `mysql -u app --password ${c} -h db1`, secret: c },
          { text: `the wifi password is ${d}`, secret: d },
          // Typographic quotes are no part of it; letters and digits alone from 10; an example
          // word with digits that are no year or count; a misspelled name.
          { text: `The password is “${c}” without the quotes`, secret: c },
          { text: `password: ${["panda", "orbit", "29"].join("")}`, secret: "pandaorbit29" },
          {
            text: `Temporary password: ${["Qwerty", "+", "5083"].join("")}`,
            secret: ["Qwerty", "+", "5083"].join(""),
          },
          { text: `pswd: ${b}`, secret: b },
          // A leading `.` before a letter or digit is the password's.
          { text: `password=.${a}`, secret: `.${a}` },
          // A last `?` after a label or a flag is the password's; after a verb, the question's.
          { text: `docker login --username deploy --password ${a}?`, secret: `${a}?` },
          { text: `Benutzer admin, Passwort: ${a}?`, secret: `${a}?` },
          { text: `so the db password is ${a}?`, secret: a },
          // Bold labels, as Slack (`*…*`) and Markdown (`**…**`) write them.
          { text: `*Password*: ${b}`, secret: b },
          { text: `**DB password:** ${a}`, secret: a },
          // A logged request body: a JSON string inside a JSON string.
          { text: `{"body":"{\\"password\\":\\"${b}\\",\\"ok\\":true}"}`, secret: b },
          { text: `command: redis-server --requirepass ${c}`, secret: c },
          { text: `keytool -importcert -keystore ts.jks -storepass '${b}' -noprompt`, secret: b },
          // A quoted value keeps its last `?` or `.`; a passphrase of words and a number is one.
          { text: `DB_PASSWORD='${a}?'`, secret: `${a}?` },
          { text: `PASSWORD = "${passphrase}"`, secret: passphrase },
          // `terraform plan` aligns a block's `=` with many blanks.
          { text: `      + password              = "${b}"`, secret: b },
          // A generated password may be a UUID (`POSTGRES_PASSWORD=$(uuidgen)`).
          { text: `RABBITMQ_PASSWORD=${u}`, secret: u },
          // What closes a value as it reads: a table cell's `|`, full-width punctuation, `&gt;`.
          { text: `|password=${a}|`, secret: a },
          { text: `密码：password=${c}。`, secret: c },
          { text: `&lt;password=${a}&gt; in the ticket`, secret: a },
          { text: `password=${a}(edited)`, secret: a },
          // A forwarded email in quoted-printable: `=3D` is its `=`.
          {
            text: `Hi team,=20\nthe new login is user=3Ddeploy password=3D${c}\nThanks`,
            secret: c,
          },
          // A Slack link's label after the URL, its `<` far before the value.
          {
            text: `see <https://svc.corp.example.com/v1/login?lang=en&amp;user=deploy&amp;` +
              `password=${a}|this link> returns 403`,
            secret: a,
          },
          // A removed line of a diff: the `-` that starts it is no part of the name.
          { text: `@@ -1,2 +1,2 @@\n-password: ${b}\n+password: \${DB_PASSWORD}`, secret: b },
        ];
      },
      negatives: () => [
        // A policy's regex, a duration, a revision under a password's name.
        'admin_password_complexity: "^(?=.{12,})(?=.*[!@#$&*]).*$"',
        "--passwd-expires-in P1Y2M10DT2H30M",
        '"redis_password_rev": "3f2a9c1..8be41d0",',
        "DB_PASSWORD=${DB_PASSWORD}",
        // Test logs' verdicts (DejaGnu, automake), pasted from CI (built: the repository's own
        // lines hold them inside quotes, where they would read as passwords).
        `${PASS}: gdb.threads/pthreads.exp: after startup: set var common_routine::hits=0`,
        `${PASS}: ld-elf/pr14156c\n${PASS}: t0001-init.sh\n${PASS}: -Bno-symbolic`,
        `${PASS}: rgn-over1\n${PASS}: rgn-over1 (map check)\nFAIL: rgn-over2`,
        // A Slack emoji after the name is no value; a bcrypt hash is no password.
        "DB password: vault:secret/data/prod/db#password :white_check_mark:",
        "password = var.db_password :+1::skin-tone-3:",
        // Hashes under a hash's name (Django's too), and secret stores' references in place of a
        // value: Azure's Key Vault reference, an ARN, `env(…)`, SOPS's encrypted value.
        `password_md5: pbkdf2_sha256$600000$${b62(22, seededRandom(13157))}$${
          randomString(ALPHABET.base64, 43, seededRandom(13158))
        }=`,
        "Pwd=@Microsoft.KeyVault(SecretUri=https://kv-prod.vault.azure.net/secrets/db-password/);",
        ':mysql_root_password => "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-k1bbjJ"',
        "conn: mongodb+srv://admin:env(DB_PASS)@db.internal.example.com/app",
        `mysql -u root -p'ENC[AES256_GCM,data:${
          randomString(ALPHABET.base64, 28, seededRandom(13159))
        }=,type:str]' -h db.internal app`,
        "passwd: files systemd :heavy_check_mark:",
        `password_hash: $2b$12$${randomString(ALPHABET.base64, 53, seededRandom(13151))}`,
        `_new password hash_ -> _$2b$12$${randomString(ALPHABET.base62, 53, seededRandom(13152))}_`,
        // A flag that reads the password from standard input: what follows is the registry.
        "docker login --username AWS --password-stdin 307714006797.dkr.ecr.eu-west-1.amazonaws.com",
        "DB_PASSWORD=$POSTGRES_PASSWORD",
        'password = "$dbPassword"',
        "$password = $request->input('password');",
        "password: process.env.DB_PASSWORD",
        'password = os.environ["DB_PASSWORD"]',
        "password: {{ vault_db_password }}",
        "password=<your password>",
        "password: hunter2",
        "password: P@ssw0rd",
        '"password": "env:DB_PASSWORD"',
        "*Password*: hunter2",
        `{"body":"{\\"password\\":\\"\${DB_PASSWORD}\\"}"}`,
        `"{\\"password\\":\\"Kx9abcdEFG12"`,
        "**password:** ********",
        "PASSWORD_FILE=/run/secrets/db_password",
        "password_hash: $2b$12$abcdefghijklmnopqrstuv",
        "password: required",
        "the password is incorrect, try again",
        "pass the tests before merging",
        "password: changeme",
        "password=********",
        "password: true",
        "pwd: /home/deploy/app",
        // A SealedSecret's ciphertext: encrypted for the cluster, safe to share.
        `  encryptedData:\n    password: AgB${
          randomString(ALPHABET.base64, 400, seededRandom(13104))
        }`,
        // Meeting invitations carry their passcode (for the invited): not a leak.
        ...[13102, 13103].map((seed) => {
          const rand = seededRandom(seed);
          const id = randomString("0123456789", 11, rand);
          return `join <https://acme.zoom.us/j/${id}?pwd=${b62(32, rand)}.1|the call>`;
        }),
        "password reset link: https://example.com/reset?t=abc",
      ],
    },
  },
  {
    id: "generic-secret",
    family: "generic",
    description: "API key, token or secret assigned in config, code or a command line",
    keywords: SECRET_KEYWORDS,
    ...nameValueRule("secret"),
    examples: {
      positives: () => {
        const rand = seededRandom(13201);
        const a = b62(32, rand);
        const b = randomString(ALPHABET.hexLower, 40, rand);
        const c = b62(24, rand);
        const d = randomString(ALPHABET.base64url, 43, rand);
        const e = b62(40, rand);
        const f = "Cedar^Tundra" + b62(3, rand) + "7";
        const g = randomString(ALPHABET.base64, 86, rand) + "==";
        const x = (n: number) => randomString(ALPHABET.hexLower, n, rand);
        const h = `${x(8)}-${x(4)}-4${x(3)}-a${x(3)}-${x(12)}`;
        const short = "Mv4Tq" + b62(7, rand);
        const chosen = "Maple" + randomString("0123456789", 4, rand) + "!Rk";
        const bracket = `${c.slice(0, 10)})${c.slice(10)}`;
        return [
          { text: `API_KEY=${a}`, secret: a },
          // 12 to 15 random characters: a short generated key (shortGenerated).
          { text: `export SECRET_KEY=${short}`, secret: short },
          { text: `client_secret: "${b}"`, secret: b },
          { text: `config.token => "${c}"`, secret: c },
          { text: `curl https://api.acme.io --token ${d}`, secret: d },
          { text: `{"accessToken":"${e}"}`, secret: e },
          { text: `SESSION_SECRET="${f}"`, secret: f },
          { text: `HEROKU_API_KEY=${h}`, secret: h },
          { text: `vault write auth/approle/login role_id=${h} secret_id=${h}`, secret: h },
          { text: `**api_key**: ${e}`, secret: e },
          // The labelled login rule's keyword holds the separator: the name is read all the same.
          { text: `Credentials: ${a}`, secret: a },
          { text: `staging credentials = ${d}`, secret: d },
          { text: `DD_APPLICATION_KEY = "${b}"`, secret: b },
          { text: `PresharedKey = ${g.slice(0, 43)}=`, secret: `${g.slice(0, 43)}=` },
          { text: `"{\\"api_key\\": \\"${e}\\"}"`, secret: e },
          // A Kubernetes Secret's data: the secret it encodes is the finding.
          { text: `data:\n  api-token: ${btoa(e)}`, secret: btoa(e) },
          // Longer than the pattern takes: an AWS session token.
          { text: `aws_session_token = ${g}${g}${g}`, secret: `${g}${g}${g}` },
          // Random base64url starts with `-` one time in 64.
          { text: `MAPBOX_SECRET=-${d}`, secret: `-${d}` },
          // A shell or Compose default: the value after `:-`.
          { text: `echo \${API_TOKEN:-${e}}`, secret: e },
          {
            text:
              `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${g};EndpointSuffix=x`,
            secret: g,
          },
          {
            text: `<https://api.acme.io/v2/export?api_key=${a}&amp;format=json|export>`,
            secret: a,
          },
          // A Slack link's label is no part of its URL's value.
          { text: `<https://acme.io/oauth/callback?token=${b}|callback>`, secret: b },
          // A person's choice in a password's shape; a number glued to the name; `priv_key`;
          // a quoted value holding what ends a bare one.
          { text: `  "webhook_secret": "${chosen}",`, secret: chosen },
          { text: `API_TOKEN2=${c}`, secret: c },
          { text: `PRIV_KEY=${d}`, secret: d },
          { text: `ACCESS_TOKEN="${bracket}"`, secret: bracket },
        ];
      },
      negatives: () => [
        "token: ${{ secrets.GITHUB_TOKEN }}",
        // A person's shape with a placeholder's word in it, a version, a region.
        '"client_secret": "TestKey2024x"',
        "api_token: v2.10.3-Beta",
        "secret_region: eu-west-1a",
        // A form's anti-forgery token; a name that says what the value is about (a digest, an
        // id); a commit range, a URN's UUID, a host name.
        `"requestVerificationToken": "${b62(32, seededRandom(13157))}"`,
        `api_token_sha: '${randomString(ALPHABET.hexLower, 64, seededRandom(13158))}'`,
        `SLACK_BOT_TOKEN_SERIAL=${b62(24, seededRandom(13159))}`,
        "accessToken: '3f2a9c1..8be41d0'",
        `"app_key": "ENC(${randomString(ALPHABET.base64, 44, seededRandom(13160))})"`,
        'oauth-client-secret: "urn:uuid:3f2a9c1e-1234-4abc-9def-0123456789ab"',
        "x_api_key: iris-prod-3.k8s7q2.svc.cluster.local",
        // A digest with its algorithm; the id of an app's client secret.
        `token: sha256:${randomString(ALPHABET.hexLower, 64, seededRandom(13155))}`,
        `client_secret_id=${uuid(seededRandom(13156))}`,
        // Pusher's app key is public (its secret is PUSHER_APP_SECRET).
        `PUSHER_APP_KEY=${randomString(ALPHABET.hexLower, 20, seededRandom(13162))}`,
        "git clone https://alice-dev:%24PASS@git.internal.example.com/app.git",
        // Hex its line calls a commit; an id under Vault's `secret_id` name that is no UUID.
        `token: ${randomString(ALPHABET.hexLower, 40, seededRandom(13160))} (commit)`,
        `secret_id: ${randomString(ALPHABET.hexLower, 40, seededRandom(13161))}`,
        // Publishable by design: Supabase's and PostHog's client keys.
        `apikey: sb_publishable_${b62(32, seededRandom(13153))}`,
        `posthog.init('phc_${b62(43, seededRandom(13154))}')`,
        // A Kubernetes Secret's data holds a word or a host beside its secrets, base64-encoded.
        `data:\n  stripe-secret-key: ${btoa("db.internal")}\n  api-token: ${btoa("production")}`,
        `Cookie: csrftoken=${b62(64, seededRandom(13105))}; theme=dark`,
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
        // Names of a secret, not the secret: AWS's `SecretId`, a path under `secret_id`.
        `{"SecretId": "${["a3f1c9e2", "7b4d", "4e8a", "9c1f", "2d6b8e0a5f3c"].join("-")}"}`,
        "secret_id=projects/acme/secrets/db-password",
        "api_key=YOUR_API_KEY",
        "token: abc",
        "--token --use-the-environment-variable",
        "api_key: ---------------------",
        // A CSRF header guards one session's forms; a Mapbox public token is public by design.
        `X-CSRF-Token: ${randomString(ALPHABET.base64url, 43, seededRandom(13204))}`,
        `MAPBOX_PUBLIC_TOKEN=pk.eyJ1${b62(60, seededRandom(13205))}.${
          b62(22, seededRandom(13206))
        }`,
        // Page markers of list APIs (Google, AWS, Azure): not credentials.
        ...["nextPageToken", "NextToken", "continuationToken"].map((name) =>
          `${name}: "${b62(60, seededRandom(13203))}"`
        ),
        `  encryptedData:\n    api-key: AgB${
          randomString(ALPHABET.base64, 700, seededRandom(13202))
        }`,
      ],
    },
  },
  {
    id: "generic-url-credentials",
    family: "generic",
    // The user may be a mailbox (`smtp://postmaster@mg.acme.io:…@smtp.mailgun.org`).
    description: "Password embedded in a URL (scheme://user:password@host)",
    keywords: ["://"],
    pattern:
      /(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]{1,20}:\/\/[^\s:\/@"'<>]{0,64}(?:@[^\s:\/@"'<>]{1,64})?:(?<secret>[^\s:\/@"'<>]{3,128})@[A-Za-z0-9.\-]{1,253}/g,
    validate: (secret, { text, start }) =>
      plausibleUserPassword(secret, text.slice(text.lastIndexOf("//", start) + 2, start - 1)),
    // A URL percent-encodes a password's `@`, `:`, `/`, `%`…: the password is what it encodes.
    canonical: percentDecoded,
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
          { text: `mongodb+srv://api_rw:$${b}@cluster0.acme.mongodb.net/orders`, secret: "$" + b },
          { text: `smtp://postmaster@mg.acme.io:${a}@smtp.mailgun.org:587`, secret: a },
          { text: `DB_URL=mysql://root:Qwerty$$${b}@db1:3306/app`, secret: `Qwerty$$${b}` },
          // Reported as the password it encodes (the scan test compares the canonical form).
          { text: `mysql://app:${a}%24x%409@db1:3306/app`, secret: `${a}%24x%409` },
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
        "git clone https://&lt;username&gt;:&lt;token&gt;@github.com/acme/api.git",
        "ssh://git@github.com:22/acme/app.git",
        "smtp://postmaster@mg.acme.io:password@smtp.mailgun.org",
      ],
    },
  },
];
