// A secret a command printed, pasted with the command: the command names the secret on one line
// (`vault kv get -field=password …`, `printenv DB_PASSWORD`, `op read "op://…/password"`,
// `heroku config:get API_KEY`, `aws configure get aws_secret_access_key`, `kubectl get secret … -o jsonpath='{.data.password}'`,
// `echo $API_TOKEN`, Bitwarden's `bw get password …`, LastPass's `lpass show --password …`)
// and the value is the whole next line; and Redis's password, in its configuration
// (`requirepass …`, `masterauth …`) or as `CONFIG GET requirepass` prints it.
// The name and the value are judged as for `NAME = value` (generic_value.ts); the next line
// must hold the value alone, and a shell prompt (the command printed nothing) is no value.
import type { Rule } from "../types.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { classifyName, entityDecoded, isGivenPassword, isNamedSecret } from "./generic_value.ts";

/** The commands that print one named secret, up to the name. */
const COMMAND = String
  .raw`(?:-field=|printenv[ \t]{1,4}|echo[ \t]{1,4}"?\$\{?|op[ \t]{1,4}read[ \t]{1,4}["']?op:\/\/[^\s"'\/]{1,64}\/[^"'\n\/]{1,64}\/|config:get[ \t]{1,4}|configure[ \t]{1,4}get[ \t]{1,4}|\{\.data\.|bw[ \t]{1,4}get[ \t]{1,4}|lpass[ \t]{1,4}show[ \t]{1,4}--)`;

/** The name after the command (read back by the validator: in the pattern, a name run before the
 * rest of its line kept redos-detector from proving the bound). */
const COMMAND_LINE = new RegExp(
  // A profile before the name (`aws configure get prod.aws_secret_access_key`).
  COMMAND + String.raw`(?:[\w-]{1,40}\.)?([A-Za-z][A-Za-z0-9_\-]{0,60})`,
);

/**
 * The value line: the value alone, up to the line's end or a code block's closing fence (no
 * indent before it, and the command's line may end in `\r`: bounds redos-detector proves).
 */
const OUTPUT_LINE = String
  .raw`\n(?<secret>[^\s"'\`]{7,199}[^\s"'\`.,;:])(?=[ \t]{0,8}(?:\r?\n|\`\`\`|$))`;

/** A shell prompt or a path: what the next line holds when the command printed nothing. */
const PROMPT = /^(?:\[?[\w.-]+@[\w.-]+[:~].*[$#%>]|[\w.-]+-\d[\d.]*[$#]|[A-Z]:\\.*(?:>|&gt;))$|^\//;

function validateOutput(secret: string, { text, start }: { text: string; start: number }) {
  const lineEnd = text.lastIndexOf("\n", start - 1);
  const line = text.slice(
    Math.max(text.lastIndexOf("\n", lineEnd - 1) + 1, lineEnd - 240),
    lineEnd,
  );
  const m = COMMAND_LINE.exec(line);
  if (m === null || PROMPT.test(secret)) return false;
  const kind = classifyName(m[1]);
  return kind !== null && isNamedSecret(secret, kind);
}

const b62 = (n: number, rand: () => number) => randomString(ALPHABET.base62, n, rand);

const written: Rule[] = [
  {
    id: "generic-command-output",
    family: "generic",
    description:
      "Password or API secret printed by the command pasted above it (vault kv get -field, printenv, op read)",
    // Each command's rarer part: `ech`, `pri`, `con` start everyday words.
    // Each command's rarer part, from a first byte other keywords already start with: a new one
    // (`o`, `b`, `{`) made the byte filter's buckets wider and its scan a third slower.
    keywords: [
      "-field=",
      "printenv ",
      "echo $",
      'echo "$',
      'read "op',
      "read op",
      "g:get ",
      // `aws configure get aws_secret_access_key` (`con` and `aws` start everyday words).
      "gure get ",
      "path='{.data.",
      'path="{.data.',
      "get password",
      "show --pass",
    ],
    pattern: new RegExp(COMMAND + String.raw`[A-Za-z][^\n]{0,160}` + OUTPUT_LINE, "g"),
    validate: validateOutput,
    confidence: "medium",
    literalMarkers: true,
    // The command's start before its keyword; its line, then the value's line after it.
    window: { before: 160, after: 400 },
    examples: {
      positives: () => {
        const rand = seededRandom(14601);
        const a = "Hs3" + b62(11, rand) + "#";
        const b = b62(32, rand);
        return [
          { text: `$ vault kv get -field=password secret/app/db\n${a}`, secret: a },
          { text: "```$ vault read -field=token auth/ci\n" + b + "```", secret: b },
          {
            text: `dev@build-01:~/app$ printenv DB_PASSWORD\n${a}\ndev@build-01:~/app$`,
            secret: a,
          },
          { text: `% op read "op://Infra/Orbit DB/password"\n${a}`, secret: a },
          { text: `$ heroku config:get STRIPE_API_KEY -a shop\n${b}`, secret: b },
          { text: `$ aws configure get aws_secret_access_key\n${b}`, secret: b },
          { text: `$ aws configure get prod.aws_secret_access_key\n${b}\n$`, secret: b },
          {
            text: `$ kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\n${a}`,
            secret: a,
          },
          { text: `$ echo $API_TOKEN\n${b}`, secret: b },
          { text: `$ bw get password "Airflow"\n${a}`, secret: a },
          { text: `$ lpass show --password "Shared-Infra/db"\n${a}`, secret: a },
        ];
      },
      negatives: () => [
        "$ printenv DB_PASSWORD\ndev@build-01:~/app$ ",
        "$ vault kv get -field=password secret/app/db\nNo value found at secret/data/app/db",
        `$ printenv REGION\n${b62(24, seededRandom(14602))}`,
        "$ echo $API_TOKEN\n$API_TOKEN",
        `C:\\> printenv DB_PASSWORD\nC:\\Users\\ci>`,
        "$ op read op://Infra/db/password\n[ERROR] 2024/05/01 could not read secret",
      ],
    },
  },
  {
    id: "generic-redis-password",
    family: "generic",
    description:
      "Redis password in its configuration (requirepass, masterauth) or CONFIG GET output",
    keywords: ["requirepass", "masterauth"],
    pattern:
      /(?<![A-Za-z0-9_-])(?:requirepass|masterauth)(?:[ \t]{1,4}["']?|"[ \t]{0,4}\r?\n[ \t]{0,8}2\)[ \t]{1,4}")(?<secret>[^\s"'`]{7,199}[^\s"'`.,;:])/g,
    validate: (secret) => isGivenPassword(secret),
    confidence: "medium",
    literalMarkers: true,
    window: { before: 8, after: 240 },
    examples: {
      positives: () => {
        const rand = seededRandom(14611);
        const a = "Rd5" + b62(12, rand) + "!";
        return [
          { text: `requirepass ${a}`, secret: a },
          { text: `masterauth "${a}"`, secret: a },
          { text: `redis-cli CONFIG SET requirepass "${a}"`, secret: a },
          {
            text: `localhost:6379&gt; CONFIG GET requirepass\n1) "requirepass"\n2) "${a}"`,
            secret: a,
          },
        ];
      },
      negatives: () => [
        "requirepass foobared",
        "# requirepass is commented out in the default redis.conf",
        'CONFIG GET requirepass\n1) "requirepass"\n2) ""',
        "requirepass ${REDIS_PASSWORD}",
      ],
    },
  },
  {
    id: "generic-config-dump",
    family: "generic",
    description:
      "Password or API secret in a configuration dump that pads names with dots (HikariCP's debug log)",
    // HikariConfig logs every setting as `name.........value`, the password too.
    // `key` starts everyday words: `ey......` (and the dots) is rarer for the byte filter.
    keywords: ["password......", "secret......", "token......", "ey......"],
    pattern: /(?<![A-Za-z0-9_.])[A-Za-z][A-Za-z0-9_]{0,40}\.{6,60}(?<secret>\S{6,128})/g,
    validate: (secret, { text, start }) => {
      const name = /([A-Za-z][A-Za-z0-9_]{0,40})\.{6,60}$/.exec(
        text.slice(Math.max(0, start - 110), start),
      );
      const kind = name === null ? null : classifyName(name[1]);
      return kind !== null && !/^<masked>$|^\*+$/.test(secret) && isNamedSecret(secret, kind);
    },
    confidence: "medium",
    literalMarkers: true,
    window: { before: 48, after: 200 },
    examples: {
      positives: () => {
        const rand = seededRandom(14621);
        const a = "Nw7" + b62(10, rand) + "!";
        return [
          {
            text: "DEBUG 1 --- [main] com.zaxxer.hikari.HikariConfig           : " +
              `password........................${a}`,
            secret: a,
          },
        ];
      },
      negatives: () => [
        "DEBUG com.zaxxer.hikari.HikariConfig : password........................<masked>",
        "DEBUG com.zaxxer.hikari.HikariConfig : passwordPolicy..................none",
      ],
    },
  },
  {
    id: "generic-actions-mask",
    family: "generic",
    description: "Value a GitHub Actions step asked the runner to mask (::add-mask::…), printed",
    // `::add-mask::` is how a step says "this is a secret": printed where the mask was not
    // applied (a log copied before the step ran, a debug echo), the value is one by its own word.
    keywords: ["-mask::"],
    pattern: /::add-mask::(?<secret>[^\s"'`]{7,199}[^\s"'`.,;:])/g,
    validate: (secret) => isNamedSecret(secret, "secret") || isGivenPassword(secret),
    confidence: "medium",
    literalMarkers: true,
    window: { before: 16, after: 240 },
    examples: {
      positives: () => {
        const rand = seededRandom(14621);
        const a = b62(32, rand);
        const b = "Wm4" + b62(12, rand) + "%";
        return [
          { text: `2024-05-01T10:00:01.123Z ::add-mask::${a}`, secret: a },
          { text: "```\necho ::add-mask::" + b + "\n```", secret: b },
        ];
      },
      negatives: () => [
        'echo "::add-mask::${{ steps.login.outputs.token }}"',
        "echo ::add-mask::$DB_PASSWORD",
        "::add-mask::***",
        "use ::add-mask::<value> before printing it",
      ],
    },
  },
];

/**
 * Each value as the one who typed it has it: entities decoded (`p&amp;ss` in a Slack message or
 * an XML file is `p&ss`), so that its fingerprint is the same wherever it was pasted.
 */
export const rules: Rule[] = written.map((r) => ({ canonical: entityDecoded, ...r }));
