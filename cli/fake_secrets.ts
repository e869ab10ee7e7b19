// Fake credentials of every common family, and documentation placeholders that must not be
// reported, for the demo, the CLI tests and the bench corpus. Everything is assembled at run time
// from parts (prefixes are joined, checksums computed), so this file holds no literal a scanner
// would flag. Deterministic from a seed.
import { withBase62Crc32 } from "../detect/checksum.ts";
import {
  fakeHex,
  fakeSlackToken,
  fakeWebhookUrl,
  rngFor,
  type Seed,
} from "../test_support/fake_tokens.ts";

export interface Planted {
  /** What a person would call it. */
  label: string;
  /** The engine family expected to report it. */
  family: string;
  /** The secret itself (only ever hashed or written into a temp fixture, never printed). */
  secret: string;
  /** A line of chat that carries it (mrkdwn). */
  message: string;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const B64 = ALNUM + "+/";
const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function pick(seed: string, alphabet: string, n: number): string {
  const rng = rngFor(seed);
  let out = "";
  for (let i = 0; i < n; i++) out += alphabet[rng.int(alphabet.length)];
  return out;
}

const j = (...parts: string[]) => parts.join("");

export function githubPat(seed: Seed): string {
  return j("gh", "p_") + withBase62Crc32(pick(`ghp:${seed}`, ALNUM, 30));
}

export function npmToken(seed: Seed): string {
  return j("np", "m_") + withBase62Crc32(pick(`npm:${seed}`, ALNUM, 30));
}

export function awsKeyPair(seed: Seed): { id: string; secret: string } {
  return {
    id: j("AK", "IA") + pick(`akid:${seed}`, B32, 16),
    secret: pick(`aksec:${seed}`, B64, 40),
  };
}

export function googleApiKey(seed: Seed): string {
  return j("AI", "za") + pick(`gapi:${seed}`, ALNUM + "-_", 35);
}

export function stripeSecretKey(seed: Seed): string {
  return j("sk", "_live_") + pick(`stripe:${seed}`, ALNUM, 24);
}

/** A PEM private key: header, 64-column base64 body, footer (headers assembled from parts). */
export function pemPrivateKey(seed: Seed, lines = 25): string {
  const dashes = "-".repeat(5);
  const kind = j("RSA PRI", "VATE KEY");
  const body: string[] = [];
  // A DER RSA key starts "MII…"; the rest is random base64.
  body.push("MIIEow" + j("IB", "AAKCAQEA") + pick(`pem0:${seed}`, B64, 64 - 14));
  for (let i = 1; i < lines; i++) body.push(pick(`pem${i}:${seed}`, B64, 64));
  return [`${dashes}BEGIN ${kind}${dashes}`, ...body, `${dashes}END ${kind}${dashes}`].join("\n");
}

/** A signed-looking JWT whose header decodes to JSON. */
export function jwt(seed: Seed): string {
  const b64url = (s: string) => btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = b64url(
    JSON.stringify({ sub: pick(`jwtsub:${seed}`, ALNUM, 12), iat: 1700000000, role: "admin" }),
  );
  return [header, payload, pick(`jwtsig:${seed}`, ALNUM + "-_", 43)].join(".");
}

/**
 * A varied set of planted credentials, each inside a chat line as people write them: in code
 * blocks, in links, beside a keyword.
 */
export function plantedSet(seed: Seed): Planted[] {
  const bot = fakeSlackToken("xoxb", `${seed}:bot`);
  const user = fakeSlackToken("xoxp", `${seed}:user`);
  const app = fakeSlackToken("xapp", `${seed}:app`);
  const hook = fakeWebhookUrl(`${seed}:hook`);
  const gh = githubPat(seed);
  const aws = awsKeyPair(seed);
  const google = googleApiKey(seed);
  const stripe = stripeSecretKey(seed);
  const signing = fakeHex(32, `${seed}:signing`);
  const npm = npmToken(seed);
  const pem = pemPrivateKey(seed);
  const token = jwt(seed);
  return [
    {
      label: "Slack bot token",
      family: "slack",
      secret: bot,
      message: "try this in the bot config:\n```SLACK_BOT_TOKEN=" + bot + "```",
    },
    {
      label: "Slack user token",
      family: "slack",
      secret: user,
      message: `my token is \`${user}\` if you need to debug the export script`,
    },
    {
      label: "Slack app-level token",
      family: "slack",
      secret: app,
      message: `socket mode wants ${app} (app-level, connections:write)`,
    },
    {
      label: "Slack incoming webhook",
      family: "slack",
      secret: hook,
      message: `alerts go to <${hook}|the ops hook>, just POST json`,
    },
    {
      label: "Slack signing secret",
      family: "slack",
      secret: signing,
      message: `SLACK_SIGNING_SECRET=${signing}`,
    },
    {
      label: "GitHub personal access token",
      family: "github",
      secret: gh,
      message: `CI needs GH_TOKEN=${gh} for the release job`,
    },
    {
      label: "AWS access key pair",
      family: "aws",
      secret: aws.id,
      message: "```\n[default]\naws_access_key_id = " + aws.id + "\naws_secret_access_key = " +
        aws.secret + "\n```",
    },
    {
      label: "Google API key",
      family: "google",
      secret: google,
      message: `maps key: ${google}`,
    },
    {
      label: "Stripe live secret key",
      family: "stripe",
      secret: stripe,
      message: `billing uses ${stripe} in prod, do not share`,
    },
    {
      label: "RSA private key (PEM)",
      family: "private-key",
      secret: pem,
      message: "here is the deploy key, sorry for the wall:\n```\n" + pem + "\n```",
    },
    {
      label: "JWT",
      family: "jwt",
      secret: token,
      message: `curl -H "Authorization: Bearer ${token}" https://api.internal.example/v1/me`,
    },
    {
      label: "npm token",
      family: "npm",
      secret: npm,
      message: `//registry.npmjs.org/:_authToken=${npm}`,
    },
  ];
}

/** Text that looks like credentials in documentation, and must NOT be reported. */
export function placeholders(): string[] {
  const xb = j("xo", "xb-");
  const xp = j("xo", "xp-");
  return [
    `set SLACK_BOT_TOKEN to something like \`${xb}111-222-xxxxx\``,
    `the token looks like ${xp}abc-123 in the docs`,
    `paste your ${xb}your-token here, e.g. \`export SLACK_BOT_TOKEN=${xb}xxxxxxxxx-xxxx\``,
    "token: ${SLACK_BOT_TOKEN} (read from the environment)",
    'in python: token = os.environ["SLACK_BOT_TOKEN"]',
    "commit 3f786850e387550fdab836ed7e6dc881de23001b fixed it, uuid 123e4567-e89b-12d3-a456-426614174000",
    `Authorization: Bearer <token>, webhook ${
      j("https://hooks", ".slack.com/services/")
    }T000/B000/XXXX`,
  ];
}
