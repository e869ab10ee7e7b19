// A login written as `user / password`, as people hand accounts over in chat: "Printer admin —
// svc_app / …", "here you go — `deploy` / `…`", "login: sa / …". The slash between two words is
// everyday prose ("and / or", "CI / CD"), so both sides must look the part: the left one an
// account (a name with `_`, `.`, `@`, `-`, `\` or a digit in it, a mailbox, or a well-known
// account such as `admin` or `root`), the right one a password by the same test as after a
// password's name (generic_value.ts). Glued, as `creds: user:password` after a label, or as
// `root/password` for an account whose name alone says it is one.
import type { Rule } from "../types.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { isGivenPassword, isPassphrase } from "./generic_value.ts";

/** Accounts whose name alone says they are one. */
const ACCOUNTS = new Set([
  "admin",
  "administrator",
  "root",
  "sa",
  "postgres",
  "deploy",
  "jenkins",
  "ubuntu",
  "guest",
  "elastic",
  "grafana",
  "sysadmin",
  "dbadmin",
  "superuser",
  "operator",
  "service",
  "support",
  "ops",
  "ci",
]);

/** The user before ` / `: backticked or bare, after a blank, `(`, `:` or the line's start. */
const USER_BEFORE = /(?:^|[\s(:])`?([^\s\/`]{1,96}?)`?[ \t]{1,4}\/[ \t]{1,4}`?$/;

function accountName(raw: string): string | null {
  // Slack writes a mailbox as a link: `<mailto:a@b.co|a@b.co>`.
  const user = /^<mailto:[^|>]{1,96}\|([^>]{1,96})>$/.exec(raw)?.[1] ?? raw;
  if (!/^[A-Za-z0-9][\w.@+\\-]{0,63}$/.test(user) || /^[\d.]+$/.test(user)) return null;
  if (ACCOUNTS.has(user.toLowerCase())) return user;
  // A login has lower case (`svc_app`, `deploy-bot`); `ASF02`, `Control-Tab` are model numbers
  // and key names.
  if (!/[a-z]/.test(user) || /^[A-Z][a-z]+(?:-[A-Z][a-z]+)+$/.test(user)) return null;
  return /[_.@\\\d-]/.test(user) && /[A-Za-z]/.test(user) ? user : null;
}

function validatePair(
  secret: string,
  { text, start, end }: { text: string; start: number; end: number },
) {
  const line = text.slice(Math.max(text.lastIndexOf("\n", start - 1) + 1, start - 120), start);
  const m = USER_BEFORE.exec(line);
  if (m === null) return false;
  const user = accountName(m[1]);
  // A second pair on the line (`a / b / c`) is a path or a list, not a login; two constants or
  // identifiers (`FREE_FACTOR_N / FREE_FACTOR_D`, `tls_maximum_version / tls_minimum_version`) or
  // a value with an escape in it (`\n` in a source map) are code.
  const constant = /^[A-Z][A-Z0-9_]*$/, snake = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$/;
  // (Without what closes the statement or the string: `GV_Warp_Size;",`.)
  const word = secret.replace(/[^A-Za-z0-9_]+$/, "");
  if (
    /\\/.test(secret) || (constant.test(m[1]) && constant.test(word)) ||
    (snake.test(m[1]) && snake.test(word)) ||
    // A standard's name (`windows-1255 / ISO-8859-8`), or the middle of a list (`a / b / c`).
    /^[A-Z]{2,}(?:-\d+)+$/.test(secret) || /^[ \t]+\/[ \t]/.test(text.slice(end)) ||
    // Words joined by hyphens or dots (`redux-form / react-final-form`, `multi-CPU / multi-GPU`,
    // `p5.js / Processing-like`) are prose: a handed-over password holds a digit or a symbol, or
    // is a passphrase set apart in backticks (`` `glacier-walnut-purple` ``).
    (!/[0-9]|[^A-Za-z0-9.-]/.test(secret) && !(text[start - 1] === "`" && isPassphrase(secret)))
  ) {
    return false;
  }
  return user !== null && !/\/[ \t]*$/.test(line.slice(0, m.index + 1)) &&
    isGivenPassword(secret, user) &&
    // A slug (`us-east-1`, `web-2.prod`) is a name, unless it is a passphrase.
    (!/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/.test(secret) || isPassphrase(secret));
}

const b62 = (n: number, rand: () => number) => randomString(ALPHABET.base62, n, rand);

/**
 * A label that hands over a login (`creds: admin:…`, `credentials = deploy/…`), then the pair.
 * (`login:` is left out: `log` starts every other line of a log, where the byte filter stops.)
 */
const LABELLED_PAIR =
  /(?<![A-Za-z0-9_])(?:creds|credentials|user(?:name)?[ \t]{0,2}\/[ \t]{0,2}pass(?:word)?)[ \t]{0,4}[:=][ \t]{0,4}`?(?<user>[A-Za-z0-9][\w.@+\\-]{0,63})[:\/](?<secret>[^\s`]{5,127}[^\s`.,;:)])(?=`|[\s,;.)]|$)/gi;

/**
 * Accounts that are a login on their own, glued to a password by a slash (`root/…`). Only these
 * two: `dep`, `sup`, `gra`, `sys` and the like start everyday words, where the byte filter would
 * stop.
 */
const GLUED_ACCOUNTS = ["root", "admin"];
const GLUED_PAIR = new RegExp(
  `(?<![\\w./@:-])(?:${
    GLUED_ACCOUNTS.join("|")
  })\\/(?<secret>[^\\s\`/]{5,127}[^\\s\`/.,;:)])(?=\`|[\\s,;.)]|$)`,
  "g",
);

function validateLabelledPair(
  secret: string,
  { text, start }: { text: string; start: number; end: number },
): boolean {
  const m = /([A-Za-z0-9][\w.@+\\-]{0,63})[:/]$/.exec(text.slice(Math.max(0, start - 65), start));
  const user = m ? accountName(m[1]) : null;
  return user !== null && !/^\/\//.test(secret) && isGivenPassword(secret, user);
}

/**
 * A path (`root/.cache`, `admin/users?id=5`, `root/Documents2024`) holds no symbol a password
 * would, or reads as a file or a query: a glued password holds one of `!@#$%^&*+=~?` and is no
 * file name or query string.
 */
function validateGluedPair(secret: string): boolean {
  return /[!@#$%^&*+=~?]/.test(secret) && !/\?[\w-]+=|\.[A-Za-z]{1,5}$|^[.~]/.test(secret) &&
    isGivenPassword(secret);
}

export const rules: Rule[] = [
  {
    id: "generic-login-pair",
    family: "generic",
    description: "Password handed over with its account as user / password",
    keywords: [" / "],
    pattern:
      /(?:`[^`\s]{1,64}`|[^\s\/`]{1,96})[ \t]{1,4}\/[ \t]{1,4}`?(?<secret>[^\s`]{5,127}[^\s`.,;:)])(?=`|[\s,;.)]|$)/g,
    validate: validatePair,
    confidence: "low",
    literalMarkers: true,
    // The user (a mailbox link at most ~200 characters) before the slash; the password after.
    window: { before: 200, after: 140 },
    examples: {
      positives: () => {
        const rand = seededRandom(14801);
        const a = "Ve-SG5!" + b62(12, rand);
        const b = "=y*" + b62(10, rand) + "%";
        const c = ["mango", "meadow", "spruce", "raven"].join("_") + "34";
        return [
          { text: `• Printer admin — svc_app / ${a}`, secret: a },
          { text: `here you go — \`deploy\` / \`${b}\``, secret: b },
          { text: `login: sa / ${c}`, secret: c },
          {
            text: `• Stripe dashboard — <mailto:chris@oscorp.co|chris@oscorp.co> / ${a}`,
            secret: a,
          },
        ];
      },
      negatives: () => [
        "we ship CI / CD changes on Fridays",
        "eu-west-1 / us-east-1 both fail",
        "2024-05-01 / 2024-06-01 is the window",
        "login: admin / admin",
        `see docs / ${b62(4, seededRandom(14802))}`,
        "src / lib / Utils2024!.ts",
        "feature flags / Beta",
      ],
    },
  },
  {
    id: "generic-labelled-login",
    family: "generic",
    description:
      "Login handed over glued after a label (creds: user:password, username/password: user/…)",
    // `sername/` for `username/password:` (`u` starts no other keyword, and a new first byte
    // slows the byte filter; a keyword over `pass` would take the password rules' hit).
    keywords: ["creds", "credentials:", "credentials =", "sername/"],
    pattern: LABELLED_PAIR,
    validate: validateLabelledPair,
    confidence: "medium",
    literalMarkers: true,
    window: { before: 32, after: 220 },
    examples: {
      positives: () => {
        const rand = seededRandom(14811);
        const a = "Us7" + b62(14, rand) + "#";
        const b = "Ga" + b62(8, rand) + "321#";
        return [
          { text: `heads up: creds: admin:${a}`, secret: a },
          { text: `ok so creds: svc_backup/${b}`, secret: b },
          { text: "credentials: `deploy:" + a + "`", secret: a },
          { text: `username/password: deploy/${b}`, secret: b },
          { text: `Username/Pass = svc_ci/${a}`, secret: a },
        ];
      },
      negatives: () => [
        "creds: admin:admin",
        "creds: see 1password",
        "creds: https://acme.io/login",
        "creds: admin:${ADMIN_PASSWORD}",
        "credentials: user:password",
        `creds: Docs/${b62(6, seededRandom(14812))}`,
      ],
    },
  },
  {
    id: "generic-glued-login",
    family: "generic",
    description: "Password glued to a well-known account by a slash (root/…)",
    keywords: ["root/", "admin/"],
    pattern: GLUED_PAIR,
    validate: validateGluedPair,
    confidence: "low",
    literalMarkers: true,
    window: { before: 24, after: 160 },
    examples: {
      positives: () => {
        const rand = seededRandom(14821);
        const a = "ws" + b62(5, rand) + "!BKD";
        const b = "ZT%" + b62(6, rand) + "$O@m";
        return [
          { text: `ok so root/${a} on the new box`, secret: a },
          { text: `use \`admin/${b}\` for the console`, secret: b },
        ];
      },
      negatives: () => [
        "cd root/.ssh && ls",
        "see admin/users?id=5 for the list",
        "copied it to /home/root/Back2024!.tar",
        "https://acme.io/admin/Reports2024!",
        "the files are in root/Documents2024",
        "admin/*.log are rotated",
        "root/${ROOT_PASSWORD}",
      ],
    },
  },
];
