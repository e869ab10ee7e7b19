// Generic secrets whose name is not written right before the value: the text of an XML element
// named for it (`<dbPassword>…</dbPassword>`: web.config, Maven settings, SOAP bodies), an entry
// of a name/value list (Kubernetes `- name: API_KEY` + `value: "…"`, ECS and Lambda
// `{"name": "DB_PASSWORD", "value": "…"}`), the default of a variable or option named for it
// (Terraform's `variable "admin_password" { default = "…" }`, argparse's `default=`), a call
// given the name and the value (`System.setProperty("db.password", "…")`, PHP's `define`), a
// .netrc entry's password and a .pgpass line's (said after the file's name). The name and the value are judged exactly as for `NAME = value`
// (generic_value.ts): the name must ask for a secret, the value must be one. Each rule searches
// a window around a keyword chat prose rarely holds (`</`, `value:`, `variable "`, `", "`,
// `machine `, `pgpass`), so everyday words cost nothing here.
import type { Rule } from "../types.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { UUID_RE } from "../placeholder.ts";
import {
  classifyName,
  entityDecoded,
  isGivenPassword,
  isSecretValue,
  plausibleUserPassword,
} from "./generic_value.ts";

/** The header a directive sets, read back from its value (`X-Api-Key "`, `Authorization "Bearer `). */
const HEADER_BEFORE =
  /(X-[A-Za-z0-9-]{1,40}|Authorization)[ \t]{1,8}"?(?:(?:Bearer|Token)[ \t]{1,4})?$/i;

/** An element's name (an XML namespace prefix dropped), or null. */
function elementName(text: string, start: number): string | null {
  const before = text.slice(Math.max(0, start - 72), start);
  const m = /(?:<|&lt;)([A-Za-z][A-Za-z0-9_.:-]{0,60})(?:>|&gt;)$/.exec(before);
  return m ? m[1] : null;
}

function closingName(text: string, end: number): string | null {
  const m = /^(?:<|&lt;)\/([A-Za-z][A-Za-z0-9_.:-]{0,60})(?:>|&gt;)/.exec(
    text.slice(end, end + 72),
  );
  return m ? m[1] : null;
}

function localName(name: string): string {
  return name.slice(name.lastIndexOf(":") + 1);
}

/**
 * The entry whose value starts at the end: its `name` or `key` (JSON or YAML, quoted or not; a
 * Postman header is `{"key": …, "value": …}`; AWS writes `"Name"`, `"Value"` and
 * CloudFormation `"ParameterKey"`, `"ParameterValue"`), then a comma, a new line (with a list's
 * `-`) or both, then `value`. Run over at most 160 characters.
 */
const ENTRY_NAME =
  /(?<![A-Za-z0-9_])["']?(?:[Nn]ame|[Kk]ey|ParameterKey)["']?[ \t]{0,4}:[ \t]{0,4}["']?([A-Za-z][A-Za-z0-9_.-]{0,60})["']?[ \t]{0,4}(?:,[ \t]{0,4}(?:\r?\n[ \t]{0,16})?|\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?)["']?(?:[Vv]alue|ParameterValue)["']?[ \t]{0,4}:[ \t]{0,4}["']?$/;

/**
 * The object whose `value` starts at the end, named by its key: `terraform output -json` prints
 * `"db_password": {"sensitive": true, "type": "string", "value": "…"}`. Run over at most 260
 * characters.
 */
const OBJECT_NAME =
  /["']([A-Za-z][A-Za-z0-9_.-]{0,60})["'][ \t]{0,4}:[ \t]{0,4}\{[^{}]{0,160}["']value["'][ \t]{0,4}:[ \t]{0,4}["']$/;

/** An XML entry's `key` attribute before its `value` (.NET appSettings: `<add key="…" value="…"/>`). */
const ATTRIBUTE_NAME = /key=["']([A-Za-z][A-Za-z0-9_.:-]{0,60})["'][ \t]{1,8}value=["']$/;

function entryName(text: string, start: number): string | null {
  const m = ENTRY_NAME.exec(text.slice(Math.max(0, start - 160), start)) ??
    ATTRIBUTE_NAME.exec(text.slice(Math.max(0, start - 90), start)) ??
    OBJECT_NAME.exec(text.slice(Math.max(0, start - 260), start));
  return m ? m[1] : null;
}

/**
 * The variable or option whose `default` ends right at the end: Terraform's `variable "name" {`
 * or argparse's `add_argument("--name", …`. Run over at most 200 characters.
 */
const DEFAULT_OWNER =
  /(?:variable[ \t]{1,4}"([A-Za-z][A-Za-z0-9_-]{0,60})"[ \t]{0,4}\{[^{}]{0,120}|add_argument\([ \t]{0,4}["']-{1,2}([A-Za-z][A-Za-z0-9_-]{0,60})["'][^()]{0,120})default[ \t]{0,4}=[ \t]{0,4}["']$/;

function defaultOwner(text: string, start: number): string | null {
  const m = DEFAULT_OWNER.exec(text.slice(Math.max(0, start - 200), start));
  return m ? (m[1] ?? m[2]) : null;
}

/** The first argument of the call whose second one starts at the end: `f("NAME", "`. */
const CALL_NAME = /\([ \t]{0,4}(["'])([A-Za-z][A-Za-z0-9_.-]{0,60})\1[ \t]{0,4},[ \t]{0,16}["']$/;

function callArgumentName(text: string, start: number): string | null {
  const m = CALL_NAME.exec(text.slice(Math.max(0, start - 80), start));
  return m ? m[2] : null;
}

/** The method or function whose first argument starts at the end: `.password("`, `bearer_auth("`. */
const METHOD_NAME = /(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9_]{0,60})\([ \t]{0,4}["']$/;

function methodName(text: string, start: number): string | null {
  const m = METHOD_NAME.exec(text.slice(Math.max(0, start - 72), start));
  return m ? m[1] : null;
}

/**
 * The validator of a value whose name `nameOf` reads back (null: no name there): the name must
 * ask for a secret and the value be one, with a quote before it closed after it.
 */
function namedValue(nameOf: (text: string, start: number) => string | null): Rule["validate"] {
  return (secret, { text, start, end }) => {
    const name = nameOf(text, start);
    if (name === null || !quotesClose(text, start, end)) return false;
    const kind = classifyName(name);
    return kind !== null && isSecretValue(secret, kind);
  };
}

/** A quote right before the value must close right after it. */
function quotesClose(text: string, start: number, end: number): boolean {
  const open = text[start - 1];
  return !(open === '"' || open === "'") || text[end] === open;
}

/**
 * The variable a directive sets by a blank rather than `=`: a Dockerfile's `ENV NAME value`,
 * Apache's `SetEnv NAME value`, nginx's `fastcgi_param NAME value;`. Run over at most 100
 * characters.
 */
const DIRECTIVE_NAME =
  /(?:^|\n)[ \t]{0,16}(?:ENV|SetEnv|fastcgi_param|env)[ \t]{1,8}([A-Za-z_][A-Za-z0-9_.-]{0,63})[ \t]{1,16}["']?$/;

function directiveName(text: string, start: number): string | null {
  return DIRECTIVE_NAME.exec(text.slice(Math.max(0, start - 100), start))?.[1] ?? null;
}

/**
 * A validator for a password given right after its user: `userBefore` (anchored at the end)
 * reads the user back from the `reach` characters before the value.
 */
function givenAfterUser(userBefore: RegExp, reach: number): Rule["validate"] {
  return (secret, { text, start }) =>
    isGivenPassword(
      secret,
      userBefore.exec(text.slice(Math.max(0, start - reach), start))?.[1] ?? "",
    );
}

const b62 = (n: number, rand: () => number) => randomString(ALPHABET.base62, n, rand);

const written: Rule[] = [
  {
    id: "generic-xml-element",
    family: "generic",
    description: "Password or API secret as the text of an XML element named for it",
    // The closing tag: a name word as the keyword would often be swallowed by a longer one
    // (`apikey` in `<apiKey>`), since the prefilter's hits never overlap. Escaped, from its `l`
    // (`&lt;/`): no keyword starts with `&`, and a first byte of its own costs the byte
    // scanner's filter a bucket.
    keywords: ["</", "lt;/"],
    // No `&` in the value: XML writes it `&amp;`, which ends the value before the closing tag.
    pattern:
      /(?:<|&lt;)[A-Za-z][A-Za-z0-9_.:-]{0,60}(?:>|&gt;)(?<secret>[^\s<>&"'`]{8,200})(?:<|&lt;)\/[A-Za-z][A-Za-z0-9_.:-]{0,60}(?:>|&gt;)/g,
    validate: (secret, { text, start, end }) => {
      const name = elementName(text, start);
      if (name === null || closingName(text, end) !== name) return false;
      const kind = classifyName(localName(name));
      return kind !== null && isSecretValue(secret, kind);
    },
    confidence: "medium",
    literalMarkers: true,
    // The value (at most 200 characters) and the opening tag (at most 63, or 69 escaped) come
    // before the keyword; the closing tag's name after it.
    window: { before: 280, after: 72 },
    examples: {
      positives: () => {
        const rand = seededRandom(13401);
        const a = "Qm4" + b62(11, rand) + "!";
        const b = b62(32, rand);
        const c = b62(24, rand);
        return [
          { text: `<server><id>nexus</id><password>${a}</password></server>`, secret: a },
          { text: "`&lt;apiKey&gt;" + b + "&lt;/apiKey&gt;`", secret: b },
          { text: `<add key="x"/>\n<wsse:Password>${c}</wsse:Password>`, secret: c },
        ];
      },
      negatives: () => [
        "<password>${DB_PASSWORD}</password>",
        "<password>changeme</password>",
        "<apiKey>YOUR_API_KEY_HERE</apiKey>",
        `<key>${b62(24, seededRandom(13402))}</key>`,
        `<password>${b62(20, seededRandom(13403))}</passwordHint>`,
        "<passwordPolicy>minimumLength12Characters</passwordPolicy>",
        "<token>&lt;token&gt;</token>",
      ],
    },
  },
  {
    id: "generic-env-entry",
    family: "generic",
    description:
      "Password or API secret in a name/value list (Kubernetes env, ECS, Lambda, CloudFormation parameters)",
    keywords: ['value"', "value'", "value:", '" value='],
    // The value after `value:` (or an XML attribute's `value="`); the entry's name before it is
    // read back by the validator.
    pattern:
      /(?<![A-Za-z0-9_])["']?(?:[Vv]alue|ParameterValue)["']?[ \t]{0,4}[:=][ \t]{0,4}["']?(?<secret>[^\s"'`,;)\]}>]{8,200})/g,
    validate: namedValue(entryName),
    confidence: "medium",
    literalMarkers: true,
    // `name: …` (at most ~110 characters), or an object's key and its other fields (at most
    // ~240), come before the `value` keyword.
    window: { before: 256, after: 240 },
    examples: {
      positives: () => {
        const rand = seededRandom(13501);
        const a = b62(32, rand);
        const b = "Hv8" + b62(13, rand) + "#";
        const c = b62(40, rand);
        return [
          { text: `env:\n  - name: API_KEY\n    value: "${a}"`, secret: a },
          { text: `{"name": "DB_PASSWORD", "value": "${b}"}`, secret: b },
          {
            text: `  {\n    "ParameterKey": "DbPassword",\n    "ParameterValue": "${b}"\n  },`,
            secret: b,
          },
          { text: `{"Name": "STRIPE_API_KEY", "Value": "${a}"}`, secret: a },
          { text: `"environment": [{"name":"STRIPE_TOKEN","value":"${c}"}]`, secret: c },
          { text: `&lt;add key="DbPassword" value="${b}" /&gt;`, secret: b },
          {
            text: `"header": [\n  {\n    "key": "x-api-key",\n    "value": "${a}"\n  }\n]`,
            secret: a,
          },
          {
            text: `{\n  "redis_password": {\n    "sensitive": true,\n    "type": "string",\n` +
              `    "value": "${b}"\n  }\n}`,
            secret: b,
          },
        ];
      },
      negatives: () => [
        '  - name: API_KEY\n    value: "${API_KEY}"',
        "  - name: LOG_LEVEL\n    value: debug-verbose-mode",
        '{"name": "DB_PASSWORD", "value": "changeme"}',
        `  - name: REGION\n    value: "${b62(24, seededRandom(13502))}"`,
        "  - name: API_KEY\n    valueFrom:\n      secretKeyRef: {name: api, key: key}",
        '{"name": "TOKEN_URL", "value": "https://auth.acme.io/oauth/token"}',
        `{"key": "Content-Type", "value": "${b62(24, seededRandom(13504))}"}`,
        `"region": {"sensitive": false, "value": "${b62(24, seededRandom(13505))}"}`,
        `hostname: db1\nvalue: "${b62(24, seededRandom(13503))}"`,
      ],
    },
  },
  {
    id: "generic-variable-default",
    family: "generic",
    description: "Password or API secret as the default of a variable named for it (Terraform)",
    // Where the variable or option opens: `default` alone is everyday prose, and `terraform fmt`
    // aligns the `=` of a block's attributes with any number of blanks.
    keywords: ['variable "', "_argument("],
    pattern: /(?<![A-Za-z0-9_])default[ \t]{0,4}=[ \t]{0,4}["'](?<secret>[^\s"'`]{8,200})["']/g,
    validate: namedValue(defaultOwner),
    confidence: "medium",
    literalMarkers: true,
    // `default` and its value follow the opening within about 400 characters (`add` of
    // `add_argument(` comes before its keyword).
    window: { before: 8, after: 420 },
    examples: {
      positives: () => {
        const rand = seededRandom(13801);
        const a = "Pw9" + b62(14, rand) + "%";
        const b = b62(32, rand);
        return [
          {
            text: `variable "admin_password" {\n  type    = string\n  default = "${a}"\n}`,
            secret: a,
          },
          { text: `variable "api_token" { default = "${b}" }`, secret: b },
          {
            text: `parser.add_argument("--db-password", type=str, default="${a}")`,
            secret: a,
          },
        ];
      },
      negatives: () => [
        'variable "admin_password" {\n  default = "changeme"\n}',
        `variable "region" {\n  default = "${b62(20, seededRandom(13802))}"\n}`,
        'variable "api_token" {\n  default = "${var.other}"\n}',
        'parser.add_argument("--token", default=os.environ.get("TOKEN"))',
        "the default = behaviour is to retry",
      ],
    },
  },
  {
    id: "generic-call-argument",
    family: "generic",
    description:
      "Password or API secret passed with its name to a call (setProperty, define, setdefault)",
    // PHP's define() lines are aligned (`define( 'AUTH_KEY',         '…' );`).
    keywords: ['", "', "', '", "efine("],
    pattern: /["'],[ \t]{0,16}["'](?<secret>[^\s"'`]{8,200})["']/g,
    validate: namedValue(callArgumentName),
    confidence: "medium",
    literalMarkers: true,
    // The name (at most 63 characters and a call's parenthesis) before the comma, the value
    // after it.
    window: { before: 80, after: 216 },
    examples: {
      positives: () => {
        const rand = seededRandom(14101);
        const a = "Jv6" + b62(12, rand) + "@";
        const b = b62(40, rand);
        return [
          { text: `System.setProperty("db.password", "${a}");`, secret: a },
          { text: `define('AUTH_KEY', '${b}');`, secret: b },
          { text: `define( 'SECURE_AUTH_KEY',  '${b}' );`, secret: b },
          { text: `os.environ.setdefault("DB_PASSWORD", "${a}")`, secret: a },
        ];
      },
      negatives: () => [
        'System.setProperty("db.password", System.getenv("DB_PASSWORD"));',
        "define('DB_PASSWORD', 'password');",
        `os.environ.setdefault("DB_HOST", "${b62(20, seededRandom(14102))}")`,
        'print("token", "is missing")',
        `["password", "${b62(20, seededRandom(14103))}"]`,
      ],
    },
  },
  {
    id: "generic-connect-password",
    family: "generic",
    description:
      "Password as the third argument of a database connection call (new PDO, mysqli_connect, DriverManager.getConnection)",
    // PHP's PDO and mysqli and JDBC's DriverManager take (dsn or host, user, password).
    // The arguments' separators, as the call-argument rule's: a keyword of its own (`new pdo(`,
    // `mysqli_connect(`) would give the byte filter new first bytes and slow its scan.
    keywords: ['", "', "', '"],
    pattern:
      /(?:new[ \t]{1,4}(?:PDO|mysqli)|mysqli?_connect|getConnection)[ \t]{0,4}\([ \t]{0,4}(?:"[^"\n,]{0,200}"|'[^'\n,]{0,200}'|[$A-Za-z_][\w.$]{0,60}),[ \t]{0,4}(?:"[^"\n,]{0,64}"|'[^'\n,]{0,64}'|[$A-Za-z_][\w.$]{0,60}),[ \t]{0,4}["'](?<secret>[^"'\s]{4,128})["']/gi,
    validate: (secret, { text, start, end }) =>
      quotesClose(text, start, end) && isGivenPassword(secret),
    confidence: "medium",
    literalMarkers: true,
    // The call and its first argument (a DSN of up to 200 characters) before the separator.
    window: { before: 300, after: 220 },
    examples: {
      positives: () => {
        const rand = seededRandom(14151);
        const a = "Pd4" + b62(12, rand) + "+@";
        return [
          {
            text: `$pdo = new PDO('mysql:host=db1;dbname=orders', 'lars11', '${a}');`,
            secret: a,
          },
          { text: `$db = mysqli_connect("db1", "app", "${a}", "shop");`, secret: a },
          {
            text: `Connection c = DriverManager.getConnection(url, "report", "${a}");`,
            secret: a,
          },
        ];
      },
      negatives: () => [
        "$pdo = new PDO($dsn, $user, $password);",
        "$pdo = new PDO('mysql:host=db1', 'root', getenv('DB_PASSWORD'));",
        'DriverManager.getConnection(url, "sa", "password")',
        'mysqli_connect("db1", "app", "")',
      ],
    },
  },
  {
    id: "generic-login-arguments",
    family: "generic",
    description:
      "Password passed with its user to a login call (auth=(…), HTTPBasicAuth, NetworkCredential, PasswordAuthentication)",
    // Python's requests (`auth=("svc", "…")`, HTTPBasicAuth), .NET's NetworkCredential, Java's
    // PasswordAuthentication and Apache's UsernamePasswordCredentials take (user, password).
    // The arguments' separator is the keyword, as for the call-argument rule.
    keywords: ['", "', "', '"],
    pattern:
      /(?:(?<![A-Za-z0-9_])auth[ \t]{0,4}=[ \t]{0,4}|(?:HTTPBasicAuth|HTTPDigestAuth|PasswordAuthentication|NetworkCredential|UsernamePasswordCredentials|BasicAuth)[ \t]{0,4})\([ \t]{0,4}["'][^"'\n]{1,64}["'][ \t]{0,4},[ \t]{0,4}["'](?<secret>[^"'\s]{4,128})["']/g,
    validate: givenAfterUser(/["']([^"'\n]{1,64})["'][ \t]*,[ \t]*["']$/, 80),
    confidence: "medium",
    literalMarkers: true,
    // The call's name and the user (at most 64 characters) before the keyword's comma.
    window: { before: 112, after: 140 },
    examples: {
      positives: () => {
        const rand = seededRandom(14551);
        const a = "YA" + b62(8, rand) + "^~5";
        const b = "U6x" + b62(14, rand);
        return [
          { text: `r = requests.get(url, auth=('svc', '${a}'))`, secret: a },
          { text: `session.auth = ("deploy", "${b}")`, secret: b },
          { text: `new NetworkCredential("svc_ftp", "${b}")`, secret: b },
          {
            text: `return new PasswordAuthentication("noreply@acme.io", "${a}".toCharArray());`,
            secret: a,
          },
          { text: `auth = HTTPBasicAuth('api', '${b}')`, secret: b },
        ];
      },
      negatives: () => [
        "r = requests.get(url, auth=('user', 'pass'))",
        "auth=('svc', os.environ['SVC_PASSWORD'])",
        'new NetworkCredential("svc_ftp", "${FTP_PASSWORD}")',
        'auth = ("admin", "admin")',
        `headers = ("Accept", "${b62(20, seededRandom(14552))}")`,
      ],
    },
  },
  {
    id: "generic-go-dsn-password",
    family: "generic",
    description: "Password in a Go MySQL driver DSN (user, password, then @tcp(host:3306)/db)",
    // go-sql-driver/mysql's DSN has no scheme, so the URL rule never sees it; its `@tcp(` does.
    keywords: ["tcp("],
    pattern: /(?<![A-Za-z0-9_.\-])[A-Za-z0-9_.\-]{1,64}:(?<secret>[^@\s"'`/:]{4,128})@tcp\(/g,
    validate: givenAfterUser(/([A-Za-z0-9_.\-]{1,64}):$/, 65),
    confidence: "medium",
    literalMarkers: true,
    window: { before: 200, after: 8 },
    examples: {
      positives: () => {
        const rand = seededRandom(14561);
        const a = "Velvet" + b62(6, rand) + "9g";
        return [
          { text: `var dsn = "app:${a}@tcp(mysql:3306)/orders?parseTime=true"`, secret: a },
          { text: `DSN=root:${a}@tcp(127.0.0.1:3306)/app`, secret: a },
        ];
      },
      negatives: () => [
        'dsn := "user:password@tcp(127.0.0.1:3306)/dbname"',
        'dsn := fmt.Sprintf("%s:%s@tcp(%s)/%s", user, pass, host, db)',
        "root:root@tcp(localhost:3306)/test",
      ],
    },
  },
  {
    id: "generic-env-directive",
    family: "generic",
    description:
      "Password or API secret set by a directive and a blank (Dockerfile ENV, Apache SetEnv, nginx fastcgi_param)",
    // Case as written: `ENV` and `SetEnv` start lines of their files; a lower-case `env ` is
    // everyday chat, and nginx's own `env NAME=value` is the name = value rules'.
    keywords: ["env ", "setenv ", "fastcgi_param "],
    exactKeywords: ["ENV ", "SetEnv ", "fastcgi_param "],
    pattern:
      /(?<=(?:^|\n)[ \t]{0,16}(?:ENV|SetEnv|fastcgi_param)[ \t]{1,8}[A-Za-z_][A-Za-z0-9_.-]{0,63}[ \t]{1,16})["']?(?<secret>[^\s"'`;]{8,200})["']?;?(?=[ \t]*(?:\n|$|#))/g,
    validate: namedValue(directiveName),
    confidence: "medium",
    literalMarkers: true,
    window: { before: 100, after: 220 },
    examples: {
      positives: () => {
        const rand = seededRandom(14571);
        const a = "winter-pepper-" + b62(6, rand) + "-45";
        const b = b62(40, rand);
        return [
          { text: `FROM node:20\nENV DB_PASSWORD ${a}\nRUN npm ci`, secret: a },
          { text: `<VirtualHost *:80>\n  SetEnv DB_PASS ${a}\n</VirtualHost>`, secret: a },
          { text: `    fastcgi_param STRIPE_API_KEY ${b};`, secret: b },
          { text: `ENV API_TOKEN "${b}"`, secret: b },
        ];
      },
      negatives: () => [
        "ENV DB_PASSWORD ${DB_PASSWORD}",
        "SetEnv DB_PASS changeme",
        "ENV NODE_ENV production",
        `ENV DB_HOST ${b62(20, seededRandom(14572))}`,
        "fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;",
      ],
    },
  },
  {
    id: "generic-header-directive",
    family: "generic",
    description:
      "API key or token a web server sets as a request header (nginx proxy_set_header, Apache RequestHeader, HAProxy set-header)",
    // From the directive's rarer end: `set`, `add` and `req` start everyday words, which would stop
    // the byte filter (proxy_set_header, add_header; set-header; RequestHeader).
    keywords: ["_header ", "-header ", "stheader "],
    pattern:
      /(?:proxy_set_header|RequestHeader[ \t]{1,4}(?:set|append|add)|set-header|add_header)[ \t]{1,8}(?:X-[A-Za-z0-9-]{1,40}|Authorization)[ \t]{1,8}"?(?:(?:Bearer|Token)[ \t]{1,4})?(?<secret>[^\s"';]{12,200})/gi,
    validate: (secret, { text, start }) => {
      const m = HEADER_BEFORE.exec(text.slice(Math.max(0, start - 80), start));
      if (m === null) return false;
      const kind = /^authorization$/i.test(m[1]) ? "secret" : classifyName(m[1]);
      return kind !== null && isSecretValue(secret, kind);
    },
    confidence: "medium",
    literalMarkers: true,
    window: { before: 60, after: 260 },
    examples: {
      positives: () => {
        const rand = seededRandom(14581);
        const a = b62(32, rand);
        return [
          { text: `    proxy_set_header X-Api-Key "${a}";`, secret: a },
          { text: `RequestHeader set X-Auth-Token "${a}"`, secret: a },
          { text: `  http-request set-header Authorization "Bearer ${a}"`, secret: a },
        ];
      },
      negatives: () => [
        "proxy_set_header X-Real-IP $remote_addr;",
        "proxy_set_header Authorization $http_authorization;",
        `RequestHeader set X-Request-Id "${b62(32, seededRandom(14582))}"`,
        'add_header X-Frame-Options "SAMEORIGIN";',
      ],
    },
  },
  {
    id: "generic-network-device-password",
    family: "generic",
    description:
      "Password in a network device's configuration (Cisco IOS enable secret 0 …, username … secret 0 …)",
    // Type 0 is the password in clear; 5, 7, 8 and 9 are hashed or obfuscated forms.
    // From the setting's name on: ` se`, ` pa` would stop the byte filter at every word.
    keywords: ["enable secret ", "enable password ", "secret 0 ", "password 0 "],
    pattern:
      /(?<![A-Za-z0-9_-])(?:enable|username[ \t]{1,4}[^\s]{1,64}(?:[ \t]{1,4}privilege[ \t]{1,4}\d{1,2})?)[ \t]{1,4}(?:secret|password)[ \t]{1,4}(?:0[ \t]{1,4})?(?<secret>[^\s]{6,128})/g,
    validate: (secret) => isGivenPassword(secret),
    confidence: "medium",
    literalMarkers: true,
    // `username <name> privilege 15` before the keyword.
    window: { before: 96, after: 160 },
    examples: {
      positives: () => {
        const rand = seededRandom(14161);
        const a = "Gb5" + b62(14, rand);
        return [
          { text: `username admin privilege 15 secret 0 ${a}`, secret: a },
          { text: `enable password ${a}`, secret: a },
          { text: `enable secret 0 ${a}`, secret: a },
        ];
      },
      negatives: () => [
        "enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0",
        "enable secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM",
        "username admin privilege 15 secret 0 cisco",
      ],
    },
  },
  {
    id: "generic-method-argument",
    family: "generic",
    description: 'Password or API secret passed to a method named for it (.password("…"))',
    // Builders and clients take a secret by a method named for it: Spring's
    // `DataSourceBuilder.password("…")`, sqlx's `.password("…")`, reqwest's `bearer_auth("…")`,
    // `setApiKey("…")`. The call's opening, quote included, is rare in prose.
    keywords: [
      'password("',
      "password('",
      'passwd("',
      'token("',
      "token('",
      'secret("',
      "secret('",
      'apikey("',
      "apikey('",
      'api_key("',
      'auth("',
      "auth('",
      // The prefilter's hits never overlap: `_auth` (Docker's) would take `bearer_auth(`.
      '_auth("',
      "_auth('",
    ],
    pattern: /\([ \t]{0,4}["'](?<secret>[^\s"'`]{8,200})["']/g,
    validate: namedValue(methodName),
    confidence: "medium",
    literalMarkers: true,
    // The method's name (at most 61 characters) before the keyword's `(`, the value after it.
    window: { before: 72, after: 216 },
    examples: {
      positives: () => {
        const rand = seededRandom(14701);
        const a = "Tz4" + b62(12, rand) + "$";
        const b = b62(40, rand);
        const c = b62(32, rand);
        return [
          {
            text: `DataSourceBuilder.create().username("deploy").password("${a}").build();`,
            secret: a,
          },
          { text: `client.get(url).bearer_auth("${b}").send().await?;`, secret: b },
          { text: `algolia.setApiKey('${c}');`, secret: c },
        ];
      },
      negatives: () => [
        'builder.password(System.getenv("DB_PASSWORD"))',
        'user.setPassword("changeme")',
        `client.region("${b62(24, seededRandom(14702))}")`,
        'ensure_token("refresh-if-expired")',
        'validate_password("must be 12 characters")',
      ],
    },
  },
  {
    id: "generic-netrc-password",
    family: "generic",
    description: "Password in a .netrc entry (machine … login … password …)",
    keywords: ["machine "],
    pattern:
      /(?<![A-Za-z0-9_-])machine[ \t]{1,4}[^\s]{1,253}(?:\s{1,8}(?:&gt;[ \t]{0,4})?(?:login|account)[ \t]{1,4}[^\s]{1,128}){0,2}\s{1,8}(?:&gt;[ \t]{0,4})?password[ \t]{1,4}(?<secret>[^\s`]{4,128})/g,
    validate: (secret, { text, start }) => {
      const login = /login[ \t]{1,4}([^\s]{1,128})\s[^]*$/.exec(
        text.slice(Math.max(0, start - 300), start),
      );
      return plausibleUserPassword(secret, login?.[1] ?? "") &&
        (isSecretValue(secret, "password") || UUID_RE.test(secret));
    },
    // Heroku's and others' API keys in a .netrc are UUIDs.
    placeholderExempt: ["uuid"],
    confidence: "medium",
    literalMarkers: true,
    window: { before: 0, after: 600 },
    examples: {
      positives: () => {
        const rand = seededRandom(14401);
        const a = "Fj3" + b62(12, rand) + "%";
        const h = (n: number) => randomString(ALPHABET.hexLower, n, rand);
        const b = `${h(8)}-${h(4)}-4${h(3)}-a${h(3)}-${h(12)}`;
        const dotted = ["Orbit", "Meadow" + randomString("0123456789", 3, rand) + "$"].join(".");
        return [
          { text: `machine api.acme.io\n  login bob\n  password ${a}`, secret: a },
          { text: `machine git.acme.io login ci password ${a}`, secret: a },
          // Words and a number joined by a dot: a password, not an attribute.
          { text: `◦ machine repo.acme.net login root password ${dotted}`, secret: dotted },
          { text: `machine api.heroku.com\n  login ops@acme.io\n  password ${b}`, secret: b },
          // A code block's closing fence right after the password.
          { text: "```\nmachine git.acme.io login ci password " + a + "```", secret: a },
        ];
      },
      negatives: () => [
        "machine api.acme.io login bob password bob",
        "machine api.acme.io login bob password changeme",
        "the machine learning password is not set",
      ],
    },
  },
  {
    id: "generic-pgpass-password",
    family: "generic",
    description: "Password in a line of a PostgreSQL password file (.pgpass; its fifth field)",
    // A pgpass line has no name beside its password: the file's name, said before it, is what
    // wakes the rule, and its lines follow. (PostgreSQL's port as a keyword, `:5432:`, would
    // find the file's own lines, but the byte filter stops at `:54` in every other timestamp.)
    keywords: ["pgpass"],
    pattern:
      /(?<=^|\n|&gt;[ \t]|```)[ \t]{0,8}[A-Za-z0-9.\-*]{1,253}:(?:[0-9]{1,5}|\*):[^:\s]{1,63}:(?<user>[^:\s]{1,63}):(?<secret>[^\s:`]{6,128})(?=[ \t]*(?:\n|$|```))/g,
    validate: givenAfterUser(/:([^:\s]{1,63}):$/, 70),
    confidence: "medium",
    literalMarkers: true,
    window: { before: 0, after: 800 },
    examples: {
      positives: () => {
        const rand = seededRandom(14501);
        const a = "Harbor-" + b62(10, rand);
        const b = "Qm7" + b62(12, rand) + "!";
        return [
          { text: "```\n# ~/.pgpass\n10.0.12.34:5432:orders:root:" + a + "\n```", secret: a },
          { text: `my .pgpass:\ndb1.acme.io:*:*:app:${b}`, secret: b },
          // As Slack stores a message: reported (and fingerprinted) as typed, `&`.
          { text: `my .pgpass:\ndb1.acme.io:*:*:app:${a}&amp;7`, secret: `${a}&amp;7` },
        ];
      },
      negatives: () => [
        "the .pgpass line is hostname:port:database:username:password",
        "```\n# ~/.pgpass\nlocalhost:5432:*:postgres:postgres\n```",
        "chmod 600 ~/.pgpass, then db1:5432:app:app:changeme",
        "10.0.0.7:5432:orders:app:*",
        "2024-05-01 10:00:01 db1:5432:orders:app: connection refused",
      ],
    },
  },
];

/**
 * Each value as the one who typed it has it: entities decoded (`p&amp;ss` in a Slack message or
 * an XML file is `p&ss`), so that its fingerprint is the same wherever it was pasted.
 */
export const rules: Rule[] = written.map((r) => ({ canonical: entityDecoded, ...r }));
