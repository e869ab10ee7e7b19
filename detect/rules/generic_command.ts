// Generic credentials handed to a command or a request with no `name = value` around them: the
// `Authorization` header (`Bearer …`, `Basic …`, GitHub's `token …`) in curl lines, HTTP dumps
// and code, and a password on a command line (`curl -u user:password`, `mysql -pPASSWORD`).
// A bearer token must look machine-generated (generic_value.ts); a Basic value must decode to
// `user:password` with a plausible password; a command-line password is judged as one in a URL.
// Tokens with a known prefix (`ghp_`, `xoxb-`, `eyJ`) are left to their own rules.
import type { Rule } from "../types.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { isNonSecretValue, looksGenerated, plausibleUserPassword } from "./generic_value.ts";

/** `user:password` from a Basic credential, or null when it is not one. */
function basicPair(value: string): [string, string] | null {
  let decoded: string;
  try {
    decoded = atob(value);
  } catch {
    return null;
  }
  const colon = decoded.indexOf(":");
  if (colon < 1 || !/^[\x20-\x7e]+$/.test(decoded)) return null;
  return [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

function validateHeader(secret: string, ctx: { text: string; start: number }): boolean {
  const scheme = /(bearer|basic|token)[ \t]{1,4}$/i.exec(
    ctx.text.slice(Math.max(0, ctx.start - 12), ctx.start),
  );
  if (scheme === null) return false;
  if (scheme[1].toLowerCase() === "basic") {
    const pair = basicPair(secret);
    return pair !== null && plausibleUserPassword(pair[1], pair[0]);
  }
  return !isNonSecretValue(secret) && looksGenerated(secret);
}

/** The line up to `start`. */
function lineBefore(text: string, start: number): string {
  return text.slice(text.lastIndexOf("\n", start - 1) + 1, start);
}

function validateCommand(secret: string, ctx: { text: string; start: number }): boolean {
  const line = lineBefore(ctx.text, ctx.start);
  const user = /(?:^|[ \t])(?:-u|--user)[ \t]{1,4}["']?([^\s:"']{1,64}):$/.exec(line);
  if (user !== null) {
    return /\b(?:curl|wget)\b/.test(line) && plausibleUserPassword(secret, user[1]);
  }
  // mysql's password is glued to its flag (`-pS3cret`); `-p 3306` would be a port elsewhere.
  return /(?:^|[ \t])-p$/.test(line) && /\b(?:mysql|mysqldump|mysqladmin|mariadb)\b/.test(line) &&
    plausibleUserPassword(secret, "");
}

const b62 = (n: number, rand: () => number) => randomString(ALPHABET.base62, n, rand);

export const rules: Rule[] = [
  {
    id: "generic-auth-header",
    family: "generic",
    description: "Bearer token or Basic credentials in an Authorization header",
    // `bearer` with its blank: OAuth answers are full of `"token_type": "bearer"`.
    keywords: ["authorization", "bearer "],
    pattern:
      /(?<![A-Za-z0-9_-])(?:authorization["']?[ \t]{0,4}[:=][ \t]{0,4}["']?(?:bearer|basic|token)|bearer)[ \t]{1,4}(?<secret>[A-Za-z0-9._~+/-]{16,1024}={0,2})(?![A-Za-z0-9._~+/=-])/gi,
    validate: validateHeader,
    confidence: "medium",
    window: { before: 16, after: 1100 },
    examples: {
      positives: () => {
        const rand = seededRandom(13601);
        const a = b62(40, rand);
        const b = btoa(`deploy:${"Vx7" + b62(13, rand)}`);
        const c = randomString(ALPHABET.base64url, 43, rand);
        const d = b62(32, rand);
        return [
          { text: `curl -H "Authorization: Bearer ${a}" https://api.acme.io/v1/items`, secret: a },
          { text: `Authorization: Basic ${b}`, secret: b },
          { text: `headers = {"Authorization": "Bearer ${c}"}`, secret: c },
          { text: `-H 'authorization: token ${d}'`, secret: d },
        ];
      },
      negatives: () => [
        'curl -H "Authorization: Bearer $TOKEN" https://api.acme.io',
        "Authorization: Bearer <token>",
        "Authorization: Bearer YOUR_ACCESS_TOKEN_HERE",
        `Authorization: Basic ${btoa("user:password")}`,
        `Authorization: Basic ${btoa("admin:admin")}`,
        "the bearer of this message is welcome",
        "Authorization: Bearer xxxxxxxxxxxxxxxxxxxxxxxx",
        "Authorization header: Bearer scheme over TLS only",
      ],
    },
  },
  {
    id: "generic-command-password",
    family: "generic",
    description: "Password on a command line (curl -u user:password, mysql -pPASSWORD)",
    keywords: ["curl", "wget", "mysql", "mariadb"],
    pattern:
      /(?<![A-Za-z0-9_-])(?:(?:-u|--user)[ \t]{1,4}["']?[^\s:"']{1,64}:|-p)(?<secret>[^\s"'`,;)]{3,127}[^\s"'`,;).:?])/g,
    validate: validateCommand,
    confidence: "medium",
    // The flag follows the command on its line.
    window: { before: 0, after: 400 },
    examples: {
      positives: () => {
        const rand = seededRandom(13701);
        const a = "Rt5" + b62(11, rand);
        const b = "Lm2" + b62(9, rand) + "!";
        const c = b62(20, rand);
        return [
          { text: `curl -u admin:${a} https://ci.acme.io/api/json`, secret: a },
          { text: `mysql -h db1 -u root -p${b} orders`, secret: b },
          { text: `wget --user deploy:${c} https://repo.acme.io/pkg.tgz`, secret: c },
        ];
      },
      negatives: () => [
        "curl -u admin:admin https://localhost:8080",
        "curl -u user:password https://api.example.com",
        "curl -u $USER:$PASS https://api.acme.io",
        "mysql -u root -p orders",
        "mysql -u root -p$MYSQL_PWD",
        "docker run -u 1000:1000 -p 8080:80 nginx",
        `curl -u ${b62(12, seededRandom(13702))} https://api.acme.io`,
        "mkdir -p /var/lib/mysql && chown mysql",
      ],
    },
  },
];
