// Generic credentials handed to a request or a command with no `name = value` around them: the
// `Authorization` header (`Bearer …`, `Basic …`, GitHub's `token …`) in curl lines, HTTP dumps
// and code; a base64 `user:password` in a registry login (Docker's config.json `auth`, npmrc
// `_auth`); a password on a command line (`curl -u user:password`, `mysql -pPASSWORD`,
// `docker login -p`, `redis-cli -a`, `sshpass -p`, `sqlcmd -P`, `ldapsearch -w`,
// `smbclient -U user%password`), one echoed into a command that reads it from standard input
// (`echo … | docker login --password-stdin`), a value a CLI stores as a secret (`gh secret set
// NAME --body …`) or one in a SQL statement (`IDENTIFIED BY '…'`). A bearer token must look
// machine-generated (generic_value.ts); a Basic value must decode to `user:password` with a
// plausible password; a command-line password is judged as one in a URL. Tokens with a known
// prefix (`ghp_`, `xoxb-`, `eyJ`) are left to their own rules.
import type { Rule } from "../types.ts";
import { uuid } from "./prefixed_token.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import {
  classifyName,
  isGivenPassword,
  isNonSecretValue,
  isSecretValue,
  looksGenerated,
  plausibleUserPassword,
  quotedValueEnd,
} from "./generic_value.ts";

/** What a piped password goes into, read after the pipe: a registry login or a password tool. */
const STDIN_COMMAND =
  /^["']?[ \t]*\|[ \t]*(?:sudo[ \t]+)?(?:(?:docker|podman|nerdctl|buildah|skopeo|helm|oras|crane)[ \t].*--password-stdin|passwd[ \t]+--stdin|chpasswd)/;

/** `user:password` from a Basic credential, or null when it is not one. */
function basicPair(value: string): [string, string] | null {
  let decoded: string;
  try {
    decoded = atob(value);
  } catch {
    return null;
  }
  // Azure DevOps and GitHub Actions leave the user empty (`:PAT`).
  const colon = decoded.indexOf(":");
  if (colon < 0 || !/^[\x20-\x7e]+$/.test(decoded)) return null;
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

/**
 * Which commands (anywhere on the line) take a password after which flag: glued to mysql's `-p`
 * (`-p 3306` is a port elsewhere), after a blank for the rest; PowerShell's plain-text secure
 * string. (curl's and wget's `-u user:` are read apart, with their user.)
 */
const COMMAND_FLAGS: Array<[RegExp, RegExp]> = [
  [/(?:^|[ \t])-p["']?$/, /\b(?:mysql|mysqldump|mysqladmin|mariadb)\b/],
  [
    /(?:^|[ \t])-p[ \t]{1,4}["']?$/,
    /\b(?:docker[ \t]+(?:\S+[ \t]+)?login|sshpass)\b/,
  ],
  [
    /(?:^|[ \t])-p[ \t]{1,4}["']?$/,
    /\b(?:mongo|mongosh|mongodump|mongorestore|mongoexport|mongoimport)\b/,
  ],
  [/(?:^|[ \t])-a[ \t]{1,4}["']?$/, /\bredis-cli\b/],
  // OpenLDAP's tools take the bind password with -w.
  [/(?:^|[ \t])-w[ \t]{1,4}["']?$/, /\bldap(?:search|modify|add|delete|whoami|passwd|compare)\b/],
  [/(?:^|[ \t])-P[ \t]{1,4}["']?$/, /\b(?:sqlcmd|bcp)\b/],
  // An archive's password: `zip -P …`, 7-Zip's `-p…` glued to its flag.
  [/(?:^|[ \t])-P[ \t]{1,4}["']?$/, /\bzip\b/],
  [/(?:^|[ \t])-p["']?$/, /\b7za?\b/],
  [/ConvertTo-SecureString[ \t]{1,4}(?:-String[ \t]{1,4})?["']$/i, /-AsPlainText/i],
];

function validateCommand(secret: string, ctx: { text: string; start: number }): boolean {
  const line = lineBefore(ctx.text, ctx.start);
  const user = /(?:^|[ \t])(?:-u|--user)[ \t]{1,4}["']?([^\s:"']{1,64}):["']?$/.exec(line);
  if (user !== null) {
    return /\b(?:curl|wget)\b/.test(line) && plausibleUserPassword(secret, user[1]);
  }
  // Samba's tools take `-U user%password`.
  const samba = /(?:^|[ \t])-U[ \t]{1,4}["']?([^\s%"']{1,64})%["']?$/.exec(line);
  if (samba !== null) {
    return /\b(?:smbclient|rpcclient|smbmap|smbcacls|net)\b/.test(line) &&
      plausibleUserPassword(secret, samba[1]);
  }
  let lineEnd = ctx.text.indexOf("\n", ctx.start);
  if (lineEnd === -1) lineEnd = ctx.text.length;
  const whole = line + ctx.text.slice(ctx.start, lineEnd);
  return COMMAND_FLAGS.some(([flag, command]) => flag.test(line) && command.test(whole)) &&
    plausibleUserPassword(secret, "");
}

/**
 * The first registry login with a plausible password in a `.dockerconfigjson` (base64 of Docker's
 * config.json: `{"auths": {"ghcr.io": {"auth": "<base64 user:password>"}}}`): its `auth` value,
 * or its `password` field. Null when there is none.
 */
function dockerConfigAuth(value: string): string | null {
  let config: unknown;
  try {
    config = JSON.parse(atob(value));
  } catch {
    return null;
  }
  const auths = (config as { auths?: unknown } | null)?.auths;
  if (auths === null || typeof auths !== "object") return null;
  for (const entry of Object.values(auths as Record<string, unknown>)) {
    const e = entry as { auth?: unknown; username?: unknown; password?: unknown } | null;
    if (typeof e?.auth === "string") {
      const pair = basicPair(e.auth);
      if (pair !== null && plausibleUserPassword(pair[1], pair[0])) return e.auth;
    }
    if (typeof e?.password === "string") {
      const user = typeof e.username === "string" ? e.username : "";
      if (plausibleUserPassword(e.password, user)) return e.password;
    }
  }
  return null;
}

const b62 = (n: number, rand: () => number) => randomString(ALPHABET.base62, n, rand);

export const rules: Rule[] = [
  {
    id: "generic-auth-header",
    family: "generic",
    description:
      "Bearer token or Basic credentials in an Authorization header (or a Basic one logged)",
    // The end of `authorization` and what follows it (its first letters, "aut", start everyday
    // words, and the byte scanner's filter stops at a keyword's first three bytes).
    // A Basic credential is also logged without its header (`auth="Basic …"` in an access log):
    // `sic ` from its scheme (`bas` starts everyday words; "basic" itself is one, but its value
    // must decode to a user and a plausible password).
    // A bearer token is also pasted without its header (`-H 'Bearer …'`, "use `Bearer …`"): `rer `
    // from its scheme (`bea`, `ear` start everyday words).
    keywords: ["rization:", 'rization"', "rization'", "rization =", "sic ", "rer "],
    pattern:
      /(?<![A-Za-z0-9_-])(?:authorization["']?[ \t]{0,4}[:=][ \t]{0,4}["']?(?:bearer|basic|token)|bearer|basic)[ \t]{1,4}(?<secret>[A-Za-z0-9._~+/-]{16,1024}={0,2})(?![A-Za-z0-9._~+/=-])/gi,
    validate: validateHeader,
    // Many APIs issue bearer tokens that are UUIDs.
    placeholderExempt: ["uuid"],
    confidence: "medium",
    literalMarkers: true,
    window: { before: 24, after: 1100 },
    examples: {
      positives: () => {
        const rand = seededRandom(13601);
        const a = b62(40, rand);
        const b = btoa(`deploy:${"Vx7" + b62(13, rand)}`);
        const c = randomString(ALPHABET.base64url, 43, rand);
        const d = b62(32, rand);
        const e = btoa(":" + b62(52, rand));
        const u = uuid(rand);
        return [
          { text: `curl -H "Authorization: Bearer ${a}" https://api.acme.io/v1/items`, secret: a },
          { text: `Authorization: Basic ${b}`, secret: b },
          { text: `headers = {"Authorization": "Bearer ${c}"}`, secret: c },
          { text: `-H 'authorization: token ${d}'`, secret: d },
          // git's http.extraheader for Azure DevOps: a Basic credential with an empty user.
          { text: `\textraheader = AUTHORIZATION: basic ${e}`, secret: e },
          // The scheme and the token without the header's name.
          { text: `curl -H 'Bearer ${d}' https://api.acme.io/v1/me`, secret: d },
          { text: `try it with \`Bearer ${a}\``, secret: a },
          // Many APIs issue bearer tokens that are UUIDs.
          { text: `Authorization: Bearer ${u}`, secret: u },
          {
            text: `10.0.3.4 - - [12/May/2024:10:22:01 +0000] "GET /metrics" 401 auth="Basic ${b}"`,
            secret: b,
          },
        ];
      },
      negatives: () => [
        'curl -H "Authorization: Bearer $TOKEN" https://api.acme.io',
        "Authorization: Bearer <token>",
        "Authorization: Bearer YOUR_ACCESS_TOKEN_HERE",
        `Authorization: Basic ${btoa("user:password")}`,
        `Authorization: Basic ${btoa("admin:admin")}`,
        "the bearer of this message is welcome",
        "the explorer window keeps its Bearer configuration_options_here",
        "send Bearer ${ACCESS_TOKEN_FROM_VAULT} with every call",
        "Authorization: Bearer xxxxxxxxxxxxxxxxxxxxxxxx",
        "Authorization header: Bearer scheme over TLS only",
        "basic questions about the onboarding flow",
        `auth="Basic ${btoa("admin:admin")}"`,
      ],
    },
  },
  {
    id: "generic-command-password",
    family: "generic",
    description:
      "Password on a command line (curl -u user:password, mysql -pPASSWORD, docker login -p, redis-cli -a, ldapsearch -w, smbclient -U user%password)",
    // The flags, with the blank before them, and PowerShell's `SecureString`: the byte scanner's
    // filter stops at a keyword's first three bytes, and " -u", " -p", " -a" are rare in prose
    // where command names are everyday words ("current", "document", "help").
    keywords: [" -u ", " --user ", " -p", " -a ", " -w ", "securestring"],
    pattern:
      /(?<![A-Za-z0-9_-])(?:(?:-u|--user)[ \t]{1,4}["']?[^\s:"']{1,64}:["']?|-U[ \t]{1,4}["']?[^\s%"']{1,64}%["']?|-[pPaw](?:[ \t]{1,4})?["']?|ConvertTo-SecureString[ \t]{1,4}(?:-String[ \t]{1,4})?["'])(?<secret>[^\s"'`,;)]{3,127}[^\s"'`,;).:?])/g,
    validate: validateCommand,
    extendEnd: quotedValueEnd,
    confidence: "medium",
    literalMarkers: true,
    // The command comes before its flag on the line; the value follows it.
    window: { before: 240, after: 160 },
    examples: {
      positives: () => {
        const rand = seededRandom(13701);
        const a = "Rt5" + b62(11, rand);
        const b = "Lm2" + b62(9, rand) + "!";
        const c = b62(20, rand);
        return [
          { text: `curl -u admin:${a} https://ci.acme.io/api/json`, secret: a },
          // The password quoted on its own (it holds characters the shell would read).
          {
            text: `curl -k -u elastic:'${b}?=#' "https://es01.acme.io:9200/_cat/indices"`,
            secret: `${b}?=#`,
          },
          { text: `mysql -h db1 -u root -p${b} orders`, secret: b },
          { text: `mysql -h 10.20.4.17 -u admin -p'${b}' -e "SHOW SLAVE STATUS"`, secret: b },
          { text: `wget --user deploy:${c} https://repo.acme.io/pkg.tgz`, secret: c },
          { text: `docker login -u ci -p ${c} registry.acme.io`, secret: c },
          { text: `sshpass -p '${b}' ssh deploy@10.0.3.7`, secret: b },
          { text: `redis-cli -h cache1 -a ${a} ping`, secret: a },
          { text: `smbclient //fs01/share -U ci-bot%'${b}'`, secret: b },
          { text: `sshpass -p '${a}?' ssh deploy@10.0.3.7`, secret: `${a}?` },
          { text: `mongosh --host db1 -u app -p '${b}' --authenticationDatabase admin`, secret: b },
          {
            text: `ldapsearch -x -H ldap://ldap1 -D "cn=ci,dc=acme,dc=io" -w '${b}' "(uid=*)"`,
            secret: b,
          },
          { text: `sqlcmd -S db1 -U sa -P ${b} -Q "select 1"`, secret: b },
          { text: `zip -P '${b}' -r customer-data.zip ./data`, secret: b },
          { text: `7z a -p'${a}' -mhe=on export.7z ./export/`, secret: a },
          {
            text: `$pw = ConvertTo-SecureString "${a}" -AsPlainText -Force`,
            secret: a,
          },
        ];
      },
      negatives: () => [
        "curl -u admin:admin https://localhost:8080",
        "curl -u user:password https://api.example.com",
        "curl -u $USER:$PASS https://api.acme.io",
        "mysql -u root -p orders",
        "mysql -u root -p$MYSQL_PWD",
        "docker run -u 1000:1000 -p 8080:80 nginx",
        "docker login -u ci -p $CI_REGISTRY_PASSWORD registry.acme.io",
        "ssh -p 2222 deploy@bastion && redis-cli -a $REDIS_PASSWORD",
        "mysql -h db1 -P 3306 -u root",
        `curl -u ${b62(12, seededRandom(13702))} https://api.acme.io`,
        "mkdir -p /var/lib/mysql && chown mysql",
        "smbclient //fs01/share -U ci-bot%password",
        "date -u +%Y-%m-%dT%H:%M:%S",
        "ldapsearch -x -W -D cn=admin,dc=acme,dc=io",
        "grep -w password config.yml",
      ],
    },
  },
  {
    id: "generic-account-command",
    family: "generic",
    description:
      "Password given to a command that creates or opens an account (htpasswd -b, net use /user:, net user … /add)",
    // `htpasswd ` (its `htp` is rare), ` /user:` of `net use`, `net user `.
    keywords: ["htpasswd ", " /user:", "net user "],
    pattern:
      /(?:htpasswd(?:[ \t]{1,4}-[A-Za-z]{1,4}){1,3}[ \t]{1,4}[^\s"'-][^\s"']{0,199}[ \t]{1,4}[^\s"'-][^\s"']{0,63}|\/user:[^\s"']{1,96}|net[ \t]{1,4}user[ \t]{1,4}[^\s"'\/]{1,64})[ \t]{1,4}["']?(?<secret>[^\s"'`\/*][^\s"'`]{4,126}[^\s"'`.,;:)])/gi,
    validate: (secret, { text, start }) => {
      const line = lineBefore(text, start);
      // htpasswd reads the password from its arguments only with -b (else it prompts).
      if (/htpasswd/i.test(line) && !/htpasswd(?:[ \t]+-[A-Za-z]*b)/i.test(line)) return false;
      const user = /([^\s"'\\:]{1,64})[ \t]+["']?$/.exec(line)?.[1] ?? "";
      return isGivenPassword(secret, user);
    },
    extendEnd: quotedValueEnd,
    confidence: "medium",
    literalMarkers: true,
    window: { before: 16, after: 400 },
    examples: {
      positives: () => {
        const rand = seededRandom(13921);
        const a = "Hq8" + b62(11, rand) + "%+";
        const b = ["lantern", "yonder", "ember", "violet"].join(".") + "6";
        return [
          { text: `htpasswd -b -c /etc/nginx/.htpasswd app_user ${b}`, secret: b },
          { text: `htpasswd -bc .htpasswd postgres '${a}'`, secret: a },
          { text: `C:\\> net use Z: \\\\fs01\\share /user:ACME\\ci-bot ${a}`, secret: a },
          { text: `PS C:\\> net user dbadmin ${a} /add`, secret: a },
        ];
      },
      negatives: () => [
        "htpasswd -c /etc/nginx/.htpasswd app_user",
        "net use Z: \\\\fs01\\share /user:ACME\\ci-bot *",
        "net user dbadmin /delete",
        "htpasswd -b .htpasswd admin password",
      ],
    },
  },
  {
    id: "generic-basic-credentials",
    family: "generic",
    description: "Base64 user:password in a registry login (Docker config.json auth, npmrc _auth)",
    // `auth"` rather than `"auth"`: no other keyword starts with a quote but `", "`.
    keywords: ['auth"', "_auth"],
    pattern:
      /(?:"auth"[ \t]{0,4}:[ \t]{0,4}"|(?<![A-Za-z0-9])_auth[ \t]{0,4}=[ \t]{0,4}["']?)(?<secret>[A-Za-z0-9+/]{8,400}={0,2})(?![A-Za-z0-9+/=])/g,
    validate: (secret) => {
      const pair = basicPair(secret);
      return pair !== null && plausibleUserPassword(pair[1], pair[0]);
    },
    confidence: "medium",
    literalMarkers: true,
    window: { before: 8, after: 420 },
    examples: {
      positives: () => {
        const rand = seededRandom(13901);
        const a = btoa(`ci-bot:${b62(24, rand)}`);
        const b = btoa(`deploy:Np4${b62(11, rand)}`);
        return [
          {
            text: `{"auths": {"registry.acme.io": {"auth": "${a}"}}}`,
            secret: a,
          },
          { text: `//registry.acme.io/:_auth=${b}`, secret: b },
        ];
      },
      negatives: () => [
        `{"auths": {"registry.acme.io": {"auth": "${btoa("user:password")}"}}}`,
        `_auth=${btoa("admin:admin")}`,
        `{"auth": "${btoa("no colon in here at all")}"}`,
        '{"auth": "oauth2", "scope": "read"}',
      ],
    },
  },
  {
    id: "generic-docker-config-json",
    family: "generic",
    description:
      "Registry login in a Kubernetes image pull secret (.dockerconfigjson: base64 of config.json)",
    // From its rarer part: `doc` and `con` start everyday words.
    keywords: ["rconfigjson"],
    pattern:
      /dockerconfigjson["']?[ \t]{0,4}[:=][ \t]{0,4}["']?(?<secret>[A-Za-z0-9+/]{40,8000}={0,2})(?![A-Za-z0-9+/=])/g,
    validate: (secret) => dockerConfigAuth(secret) !== null,
    // Fingerprinted by the login it holds: the same `auth` pasted from config.json (the rule
    // above) is the same leak.
    canonical: (secret) => dockerConfigAuth(secret) ?? secret,
    confidence: "medium",
    literalMarkers: true,
    window: { before: 24, after: 8100 },
    examples: {
      positives: () => {
        const rand = seededRandom(13951);
        const auth = btoa(`ci-bot:${b62(24, rand)}`);
        const config = btoa(JSON.stringify({ auths: { "ghcr.io": { auth } } }));
        const withFields = btoa(
          JSON.stringify({
            auths: { "registry.acme.io": { username: "deploy", password: b62(20, rand) } },
          }),
        );
        return [
          { text: `data:\n  .dockerconfigjson: ${config}`, secret: config },
          { text: `{"data": {".dockerconfigjson": "${withFields}"}}`, secret: withFields },
        ];
      },
      negatives: () => [
        `  .dockerconfigjson: ${
          btoa(JSON.stringify({ auths: { "ghcr.io": { auth: btoa("user:password") } } }))
        }`,
        `  .dockerconfigjson: ${btoa(JSON.stringify({ auths: {} }))}`,
        "  .dockerconfigjson: {{ .Values.pullSecret }}",
      ],
    },
  },
  {
    id: "generic-sql-password",
    family: "generic",
    description: "Password in a SQL statement (IDENTIFIED BY '…', WITH PASSWORD '…')",
    // `tified by '`: "ide" starts everyday words (see the command rule's keywords).
    // SQL Server's `CREATE LOGIN … WITH PASSWORD = N'…'` too.
    // MySQL's `IDENTIFIED WITH mysql_native_password BY '…'` (or caching_sha2_password).
    keywords: ["tified by '", "password '", "password by '", "password = n'", "password=n'"],
    pattern:
      /(?<![A-Za-z0-9_])(?:identified[ \t]{1,4}(?:with[ \t]{1,4}[A-Za-z0-9_]{1,40}[ \t]{1,4})?by|password)(?:[ \t]{1,4}|[ \t]{0,4}=[ \t]{0,4}N)'(?<secret>[^'\s]{4,128})'/gi,
    validate: (secret) => isGivenPassword(secret),
    confidence: "medium",
    literalMarkers: true,
    window: { before: 72, after: 160 },
    examples: {
      positives: () => {
        const rand = seededRandom(14001);
        const a = "Sq1" + b62(10, rand) + "!";
        const b = b62(20, rand);
        return [
          { text: `CREATE USER 'app'@'%' IDENTIFIED BY '${a}';`, secret: a },
          {
            text: `CREATE USER 'app'@'%' IDENTIFIED WITH mysql_native_password BY '${b}';`,
            secret: b,
          },
          { text: `ALTER USER reporting WITH PASSWORD '${b}';`, secret: b },
          { text: `create role etl login password '${a}'`, secret: a },
          { text: `CREATE LOGIN [deploy] WITH PASSWORD = N'${a}', CHECK_POLICY = OFF;`, secret: a },
        ];
      },
      negatives: () => [
        "CREATE USER 'app'@'%' IDENTIFIED BY 'password';",
        "ALTER USER app WITH PASSWORD '***';",
        "CREATE USER app IDENTIFIED BY '${DB_PASSWORD}';",
        "ALTER USER app WITH PASSWORD 'changeme';",
      ],
    },
  },
  {
    id: "generic-piped-password",
    family: "generic",
    description:
      "Password echoed into a command that reads it from standard input (docker login --password-stdin, passwd --stdin, chpasswd)",
    // CI steps pipe a literal as often as a variable: `echo "…" | docker login -u ci
    // --password-stdin ghcr.io`, `echo … | passwd --stdin deploy`, `echo "deploy:…" | chpasswd`.
    keywords: ["password-stdin", "passwd --stdin", "chpasswd"],
    pattern:
      /(?<![A-Za-z0-9_-])echo[ \t]{1,4}(?:-[ne]{1,2}[ \t]{1,4})?["']?(?:[A-Za-z0-9_.-]{1,64}:)?(?<secret>[^\s"'|$`;&<>:][^\s"'|`;&<>:]{5,127})["']?[ \t]{0,4}\|/g,
    validate: (secret, { text, start, end }) => {
      // The quote that opened the value stands before its user, if one was echoed with it.
      const m = /echo[ \t]+(?:-[ne]{1,2}[ \t]+)?(["']?)(?:([A-Za-z0-9_.-]{1,64}):)?$/.exec(
        text.slice(Math.max(0, start - 80), start),
      );
      const open = m?.[1] ?? "", close = text[end];
      if (open !== "" ? close !== open : close === '"' || close === "'") return false;
      const rest = text.slice(end, end + 220);
      if (!STDIN_COMMAND.test(rest.slice(0, (rest + "\n").indexOf("\n")))) return false;
      const user = m?.[2];
      return isGivenPassword(secret, user ?? "");
    },
    confidence: "medium",
    literalMarkers: true,
    // The echo and its value, then the command's arguments (at most ~170 characters), before
    // the keyword.
    window: { before: 336, after: 16 },
    examples: {
      positives: () => {
        const rand = seededRandom(14031);
        const a = "Quartz" + b62(6, rand) + "9Q";
        const b = "auf" + b62(13, rand);
        return [
          {
            text: `run: echo "${a}" | docker login ghcr.io -u admin --password-stdin`,
            secret: a,
          },
          { text: `- shell: echo ${b} | passwd --stdin deploy`, secret: b },
          { text: `echo 'deploy:${a}' | sudo chpasswd`, secret: a },
        ];
      },
      negatives: () => [
        'echo "$CR_PAT" | docker login ghcr.io -u USERNAME --password-stdin',
        "echo ${{ secrets.GITHUB_TOKEN }} | docker login ghcr.io -u ${{ github.actor }} --password-stdin",
        "aws ecr get-login-password | docker login --username AWS --password-stdin 1234.dkr.ecr.eu-west-1.amazonaws.com",
        "echo password | passwd --stdin deploy",
        "echo 'root:root' | chpasswd",
      ],
    },
  },
  {
    id: "generic-cli-secret-set",
    family: "generic",
    // The value right after the name (`--repo`, `--env` follow it in GitHub's examples).
    description: "Value stored as a secret on a command line (gh secret set NAME --body …)",
    keywords: ["gh secret set"],
    pattern:
      /(?<![A-Za-z0-9_-])gh[ \t]{1,4}secret[ \t]{1,4}set[ \t]{1,4}[A-Za-z_][A-Za-z0-9_]{0,100}[ \t]{1,4}(?:--body|-b)(?:[ \t]{1,4}|=)["']?(?<secret>[^\s"'`]{8,400})/g,
    // Whatever its name, the value is stored as a secret; a name that says password lets a
    // human-made one through.
    validate: (secret, { text, start }) => {
      const name = /secret[ \t]{1,4}set[ \t]{1,4}([A-Za-z_][A-Za-z0-9_]{0,100})/.exec(
        text.slice(Math.max(0, start - 320), start),
      )?.[1] ?? "";
      const kind = classifyName(name) === "password" ? "password" : "secret";
      return !isNonSecretValue(secret) && isSecretValue(secret, kind);
    },
    confidence: "medium",
    literalMarkers: true,
    window: { before: 0, after: 720 },
    examples: {
      positives: () => {
        const rand = seededRandom(14001);
        const a = randomString(ALPHABET.hexLower, 32, rand);
        const b = "Wq4" + b62(13, rand) + "#";
        const c = b62(40, rand);
        return [
          { text: `gh secret set SLACK_CLIENT_SECRET --body "${a}"`, secret: a },
          { text: `gh secret set DB_PASSWORD -b '${b}' --repo acme/api`, secret: b },
          { text: `gh secret set DEPLOY_HOOK --body=${c} --env prod`, secret: c },
        ];
      },
      negatives: () => [
        'gh secret set SLACK_CLIENT_SECRET --body "$SLACK_CLIENT_SECRET"',
        "gh secret set API_TOKEN < token.txt",
        "gh secret set DB_PASSWORD --body changeme",
        "gh secret set NPM_TOKEN --body ${{ secrets.NPM_TOKEN }}",
      ],
    },
  },
];
