// Generic secrets assigned in code or a shell where something the `NAME = value` reading does not
// know stands between the name and the value:
//
// - a type: `val password: String = "…"` (Kotlin, Scala, Swift), `const apiKey: string = "…"`
//   (TypeScript), `API_KEY: str = "…"` (Python, pydantic settings), `const KEY: &str = "…"`
//   (Rust), `var password string = "…"` (Go);
// - an index: `os.environ["API_KEY"] = "…"`, `ENV["API_KEY"] ||= "…"`, `config['password'] = …`;
// - Make's conditional assignment: `DB_PASSWORD ?= …`;
// - the fallback of a variable read from the environment: `process.env.API_KEY ?? "…"`;
// - a shell command that sets a variable: `setx API_KEY "…"` (Windows), `set -gx API_KEY …`
//   (fish), or a tool's that stores one: `aws configure set NAME …`, `doppler secrets set NAME …`.
// - a raw, bytes or verbatim string, or a triple-quoted one: `password = r"…"` (Python, Rust),
//   `api_key = b'…'`, `string password = @"…"` (C#), `val password = """…"""` (Kotlin).
//
// The generic name = value pattern holds none of these: with any of them added, redos-detector
// could no longer prove its bound. The name and the value are judged exactly as there
// (generic_value.ts): the name must ask for a secret, the value must be one. Each rule searches a
// window around a keyword prose rarely holds (`string =`, `"] =`, ` ?= `, `?? "`, `setx `).
import type { Rule } from "../types.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { genericValidate, quotedValueEnd } from "./generic_value.ts";
import { nameValueMayStart } from "./generic_gate.ts";
import { PASSWORD_KEYWORDS, SECRET_KEYWORDS } from "./generic.ts";

/** The types a secret is declared with: a string, in each language's spelling. */
const STRING_TYPE = String.raw`(?:&(?:amp;)?)?(?:'static[ \t]{1,4})?(?:str|string|String)`;

/** What stands between a name and its value, after the name: a type, an index's end, `?`. */
const BETWEEN = String
  .raw`(?:[ \t]{0,4}:[ \t]{0,4}${STRING_TYPE}|[ \t]{1,4}string|\\?["']\](?:[ \t]{0,4}\|\|)?|[ \t]{0,4}\?)[ \t]{0,4}=`;

/** A name, what stands between it and its value, and the value's quote, ending at the value. */
const NAME_BEFORE = new RegExp(
  String
    .raw`(?<![A-Za-z0-9_.\-])([A-Za-z][A-Za-z0-9_.\-]{0,60})${BETWEEN}[ \t]{0,4}\\?["'\`]?$`,
);

/** A string's opening after its prefix: raw, bytes, verbatim or triple-quoted. */
const PREFIXED_OPEN = String.raw`(?:[rRbBuUfF]{1,2}["']|@"|"""|''')`;

/** A name, `=` or `:`, a prefixed string's opening, ending at the value. */
const PREFIXED_BEFORE = new RegExp(
  String
    .raw`(?<![A-Za-z0-9_.\-])([A-Za-z][A-Za-z0-9_.\-]{0,60})[ \t]{0,32}[:=][ \t]{0,4}${PREFIXED_OPEN}$`,
);

/** A variable read from the environment, with a value to fall back on (`env.X ?? "…"`). */
const FALLBACK_BEFORE =
  /env(?:\.|\[["'])([A-Za-z_][A-Za-z0-9_]{0,60})(?:["']\])?[ \t]{0,4}(?:\?\?|\|\|)[ \t]{0,4}["'`]$/;

/** The command before a variable it sets, the name and the value's quote, ending at the value. */
const SET_BEFORE =
  /(?<![A-Za-z0-9_-])(?:setx|set(?:[ \t]{1,4}-[A-Za-z]{1,3}){1,3})[ \t]{1,4}([A-Za-z][A-Za-z0-9_.-]{0,60})[ \t]{1,4}["']?$/;

/**
 * A tool's command that stores a named secret, the name (a section before `:` apart) and the
 * value's quote, ending at the value: `aws configure set NAME`, `dotnet user-secrets set
 * "Section:NAME"`, `doppler secrets set NAME` (`gh secret set` is generic-cli-secret-set's).
 */
const STORE_BEFORE =
  /(?<![A-Za-z0-9_-])(?:configure|user-secrets|secrets?)[ \t]{1,4}set[ \t]{1,4}"?(?:[A-Za-z][A-Za-z0-9_.-]{0,40}:)?([A-Za-z][A-Za-z0-9_.-]{0,60})"?[ \t]{1,4}["']?$/;

function reader(re: RegExp, reach: number) {
  return (text: string, start: number): string | null => {
    const m = re.exec(text.slice(Math.max(0, start - reach), start));
    return m ? m[1] : null;
  };
}

/** Whether the name before the value asks for a password or a secret, and the value is one. */
function validator(readName: (text: string, start: number) => string | null): Rule["validate"] {
  const password = genericValidate("password", readName);
  const secret = genericValidate("secret", readName);
  return (value, at) => password(value, at) || secret(value, at);
}

/** A value: quoted or not, 8 to 200 characters, its last one no sentence punctuation. */
const VALUE = String.raw`\\?["'\`]?(?<secret>[^\s"'\`\\]{7,199}[^\s"'\`.,;:?)\]}\\])`;

const b62 = (n: number, rand: () => number) => randomString(ALPHABET.base62, n, rand);

export const rules: Rule[] = [
  {
    id: "generic-code-assignment",
    family: "generic",
    description:
      'Password or API secret assigned with a type, an index or Make\'s ?= (val password: String = "…", os.environ["API_KEY"] = "…")',
    // (A C# verbatim string, `= @"…"`, is left out: any keyword for it, ` @"` or `= @"`, made
    // the byte filter's scan 12% slower: `@` before names is everywhere in chat.)
    keywords: [
      "str =",
      "string =",
      '"] =',
      '"]=',
      "'] =",
      "']=",
      "'] ||=",
      '"] ||=',
      " ?= ",
    ],
    pattern: new RegExp(
      String
        .raw`(?<![A-Za-z0-9_.\-])[A-Za-z][A-Za-z0-9_.\-]{0,60}${BETWEEN}[ \t]{0,4}${VALUE}`,
      "g",
    ),
    validate: validator(reader(NAME_BEFORE, 120)),
    extendEnd: quotedValueEnd,
    confidence: "medium",
    literalMarkers: true,
    // The name (at most 61 characters) and its type before the keyword's end; the value after.
    window: { before: 96, after: 216 },
    examples: {
      positives: () => {
        const rand = seededRandom(14501);
        const a = "Kp4" + b62(11, rand) + "!";
        const b = b62(40, rand);
        return [
          { text: `val dbPassword: String = "${a}"`, secret: a },
          { text: `const apiKey: string = '${b}';`, secret: b },
          { text: `    api_key: str = "${b}"`, secret: b },
          { text: `const SMTP_PASSWORD: &str = "${a}";`, secret: a },
          { text: `static API_TOKEN: &'static str = "${b}";`, secret: b },
          { text: `var password string = "${a}"`, secret: a },
          { text: `>>> os.environ["PAYMENTS_API_KEY"] = "${b}"`, secret: b },
          { text: `ENV['DB_PASSWORD']='${a}'`, secret: a },
          { text: `ENV['KEYSTORE_PASSWORD'] ||= '${a}'`, secret: a },
          { text: `SA_PASSWORD ?= ${a}`, secret: a },
          // A JSON-escaped notebook cell: the value's escaped quotes around it.
          { text: `"os.environ[\\"API_SECRET\\"] = \\"${b}\\"\\n",`, secret: b },
        ];
      },
      negatives: () => [
        'val password: String = System.getenv("DB_PASSWORD")',
        'const apiKey: string = process.env.API_KEY ?? "";',
        'os.environ["API_KEY"] = "your-api-key-here"',
        `os.environ["REGION"] = "${b62(24, seededRandom(14502))}"`,
        "DB_PASSWORD ?= $(shell cat /run/secrets/db)",
        'api_key: str = Field(..., env="API_KEY")',
        "password: str = None",
        `let name: String = "${b62(20, seededRandom(14503))}"`,
      ],
    },
  },
  {
    id: "generic-env-fallback",
    family: "generic",
    description:
      'Password or API secret written as the fallback of an environment variable (process.env.API_KEY ?? "…")',
    keywords: [" ?? ", '|| "', "|| '"],
    pattern:
      /env(?:\.|\[["'])[A-Za-z_][A-Za-z0-9_]{0,60}(?:["']\])?[ \t]{0,4}(?:\?\?|\|\|)[ \t]{0,4}["'`](?<secret>[^\s"'`\\]{7,199}[^\s"'`.,;:?)\]}\\])/g,
    validate: validator(reader(FALLBACK_BEFORE, 120)),
    confidence: "medium",
    literalMarkers: true,
    // `process.env.` and the name before the keyword; the value after it.
    window: { before: 96, after: 216 },
    examples: {
      positives: () => {
        const rand = seededRandom(14521);
        const a = b62(32, rand);
        const b = "Fb2" + b62(11, rand) + "%";
        return [
          {
            text: `const ALCHEMY_API_KEY: string = process.env.ALCHEMY_API_KEY ?? "${a}";`,
            secret: a,
          },
          { text: `const pw = process.env["DB_PASSWORD"] || '${b}';`, secret: b },
          { text: `password: import.meta.env.VITE_SMTP_PASSWORD ?? \`${b}\`,`, secret: b },
        ];
      },
      negatives: () => [
        'const apiKey = process.env.API_KEY ?? "";',
        'const region = process.env.AWS_REGION ?? "eu-west-1";',
        `const host = process.env.DB_HOST || "${b62(20, seededRandom(14522))}";`,
        'const token = process.env.TOKEN ?? "changeme";',
      ],
    },
  },
  {
    id: "generic-shell-set",
    family: "generic",
    description:
      "Password or API secret set as a variable by a shell command (setx, fish's set -gx)",
    keywords: ["setx ", "set -gx", "set -x", "set -ux", "set -xg"],
    pattern: new RegExp(
      String
        .raw`(?<![A-Za-z0-9_-])(?:setx|set(?:[ \t]{1,4}-[A-Za-z]{1,3}){1,3})[ \t]{1,4}[A-Za-z][A-Za-z0-9_.-]{0,60}[ \t]{1,4}${VALUE}`,
      "gi",
    ),
    validate: validator(reader(SET_BEFORE, 120)),
    extendEnd: quotedValueEnd,
    confidence: "medium",
    literalMarkers: true,
    window: { before: 8, after: 300 },
    examples: {
      positives: () => {
        const rand = seededRandom(14511);
        const a = "Wd8" + b62(11, rand) + "#";
        const b = b62(32, rand);
        return [
          { text: `C:\\> setx PASSWORD "${a}"`, secret: a },
          { text: `setx TWILIO_API_SECRET "${b}" /M`, secret: b },
          { text: `set -gx SLACK_APP_TOKEN_SECRET ${b}`, secret: b },
          { text: `set -x -g DB_PASSWORD '${a}'`, secret: a },
        ];
      },
      negatives: () => [
        'setx PASSWORD "%DB_PASSWORD%"',
        "set -gx API_TOKEN (cat ~/.token)",
        `setx REGION "${b62(20, seededRandom(14512))}"`,
        "set -x PATH $PATH /usr/local/bin",
        "set -gx API_KEY $API_KEY",
      ],
    },
  },
  {
    id: "generic-store-command",
    family: "generic",
    description:
      "Password or API secret stored by a tool's command with its name (aws configure set, dotnet user-secrets set, doppler secrets set)",
    // From a rarer part than `set`, which would stop the byte filter at every word.
    keywords: ["configure set ", "secrets set ", "secret set "],
    pattern: new RegExp(
      String
        .raw`(?<![A-Za-z0-9_-])(?:configure|user-secrets|secrets?)[ \t]{1,4}set[ \t]{1,4}"?[A-Za-z][A-Za-z0-9_.:-]{0,100}"?[ \t]{1,4}${VALUE}`,
      "g",
    ),
    validate: validator(reader(STORE_BEFORE, 180)),
    extendEnd: quotedValueEnd,
    confidence: "medium",
    literalMarkers: true,
    window: { before: 8, after: 320 },
    examples: {
      positives: () => {
        const rand = seededRandom(14521);
        const a = b62(32, rand);
        const b = "Wd8" + b62(11, rand) + "#";
        return [
          { text: `aws configure set aws_session_token ${a} --profile ci`, secret: a },
          { text: `dotnet user-secrets set "Auth:ClientSecret" "${a}"`, secret: a },
          { text: `doppler secrets set DB_PASSWORD "${b}"`, secret: b },
          { text: `doppler secrets set STRIPE_API_KEY ${a}`, secret: a },
        ];
      },
      negatives: () => [
        "aws configure set region eu-west-1",
        "aws configure set aws_secret_access_key $AWS_SECRET_ACCESS_KEY",
        `dotnet user-secrets set "Auth:ClientId" "${b62(24, seededRandom(14522))}"`,
        'doppler secrets set DEPLOY_TOKEN "$DEPLOY_TOKEN"',
      ],
    },
  },
  {
    id: "generic-prefixed-string",
    family: "generic",
    description:
      'Password or API secret in a raw, bytes, verbatim or triple-quoted string (password = r"…", @"…", """…""")',
    keywords: [...PASSWORD_KEYWORDS, ...SECRET_KEYWORDS],
    // The name = value pattern cannot take the prefix: redos-detector then proves no bound. This
    // one leaves out a quote after the name (`"password": r"…"`) for the same reason, and a type
    // before `=` (`API_KEY: &str = r"…"`), which the name = value gate rules out.
    pattern: new RegExp(
      String
        .raw`(?<![A-Za-z0-9_.\-])[A-Za-z][A-Za-z0-9_.\-]{0,60}[ \t]{0,32}[:=][ \t]{0,4}${PREFIXED_OPEN}(?<secret>[^\s"'\`\\]{7,199}[^\s"'\`.,;:?)\]}\\])`,
      "g",
    ),
    validate: validator(reader(PREFIXED_BEFORE, 140)),
    extendEnd: quotedValueEnd,
    confidence: "medium",
    // Tried where the name = value rules are, behind the same gates (both read past a prefix).
    anchor: "word",
    mayStart: nameValueMayStart,
    byteGate: "name-value",
    literalMarkers: true,
    window: { before: 64, after: 280 },
    examples: {
      positives: () => {
        const rand = seededRandom(14531);
        const a = "Rv5" + b62(11, rand) + "%";
        const b = b62(36, rand);
        return [
          { text: `DB_PASSWORD = r"${a}"`, secret: a },
          { text: `    api_key = b'${b}'`, secret: b },
          { text: `private const string ApiSecret = @"${b}";`, secret: b },
          { text: `string password = @"${a}";`, secret: a },
          { text: `val adminPassword = """${a}"""`, secret: a },
          { text: `SLACK_CLIENT_SECRET = u"${b}"`, secret: b },
        ];
      },
      negatives: () => [
        'password = r"C:\\Users\\me\\.secrets\\db.txt"',
        'api_key = f"{settings.API_KEY}"',
        'string password = @"";',
        `region = r"${b62(24, seededRandom(14532))}"`,
        'token = b"changeme123"',
      ],
    },
  },
];
