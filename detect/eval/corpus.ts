// A labelled evaluation set of Slack chat messages: everyday chat (mrkdwn, code blocks, pasted env
// files, JSON, stack traces, docs), things that merely look random (hashes, commit SHAs, UUIDs,
// permalinks, base64 images, Jira keys, ids), documentation placeholders, and real-shaped fake
// credentials of every family, in the wrappers people paste them in, some split by formatting or
// zero-width characters. Every credential is assembled at run time from parts and a seed, so the
// repository holds none. Same seed, same corpus.
import type { Family } from "../types.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { withBase62Crc32 } from "../checksum.ts";

/** A credential the engine must report: its family and the secret as a person sees it. */
export interface Label {
  family: Family;
  secret: string;
  /** What it is, for the report ("slack xoxb", "aws secret", …). */
  kind: string;
}

export interface Sample {
  /** The message text as Slack delivers it (mrkdwn, entities escaped). */
  text: string;
  labels: Label[];
  /** The template that made it, for reading failures. */
  shape: string;
}

type Rand = () => number;

const j = (...parts: string[]) => parts.join("");
const B62 = ALPHABET.base62;
const B64 = ALPHABET.base64;
const B64URL = ALPHABET.base64url;
const HEX = ALPHABET.hexLower;
const UPPER_ID = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const LOWER_ID = "abcdefghijklmnopqrstuvwxyz0123456789";

function pick<T>(rand: Rand, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)];
}
function int(rand: Rand, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}
const str = (rand: Rand, alphabet: string, n: number) => randomString(alphabet, n, rand);
const digits = (rand: Rand, n: number) => String(int(rand, 1, 9)) + str(rand, "0123456789", n - 1);
const slackId = (rand: Rand, lead: string) => lead + str(rand, UPPER_ID, int(rand, 8, 10));

// ---------------------------------------------------------------------------------------------
// Credentials of every family.

interface Cred extends Label {
  /** A variable name people give it in env files and code. */
  env: string;
  /** Whether breaking it with formatting or invisible characters keeps a recognisable prefix. */
  splittable: boolean;
}

const slackPrefix = (kind: string) => j("xo", "x", kind, "-");

type Maker = (rand: Rand) => Cred;

const MAKERS: Maker[] = [
  (r) => ({
    family: "slack",
    kind: "slack xoxb",
    env: "SLACK_BOT_TOKEN",
    splittable: true,
    secret: slackPrefix("b") + digits(r, 12) + "-" + digits(r, 13) + "-" + str(r, B62, 24),
  }),
  (r) => ({
    family: "slack",
    kind: "slack xoxp",
    env: "SLACK_USER_TOKEN",
    splittable: true,
    secret: slackPrefix("p") + digits(r, 12) + "-" + digits(r, 12) + "-" + digits(r, 13) + "-" +
      str(r, HEX, 32),
  }),
  (r) => ({
    family: "slack",
    kind: "slack xoxa-2",
    env: "SLACK_TOKEN",
    splittable: true,
    secret: slackPrefix("a") + "2-" + digits(r, 12) + "-" + digits(r, 12) + "-" + digits(r, 13) +
      "-" + str(r, HEX, 64),
  }),
  (r) => ({
    family: "slack",
    kind: "slack xoxs",
    env: "SLACK_LEGACY_TOKEN",
    splittable: true,
    secret: slackPrefix("s") + digits(r, 11) + "-" + digits(r, 11) + "-" + digits(r, 12) + "-" +
      str(r, HEX, 64),
  }),
  (r) => ({
    family: "slack",
    kind: "slack xoxr",
    env: "SLACK_REFRESH_TOKEN",
    splittable: true,
    secret: slackPrefix("r") + digits(r, 12) + "-" + str(r, B62, 48),
  }),
  (r) => ({
    family: "slack",
    kind: "slack xoxe.xoxp",
    env: "SLACK_ROTATING_TOKEN",
    splittable: true,
    secret: j("xo", "xe.") + slackPrefix("p") + "1-" + str(r, B62, 163),
  }),
  (r) => ({
    family: "slack",
    kind: "slack xoxe.xoxb",
    env: "SLACK_BOT_TOKEN",
    splittable: true,
    secret: j("xo", "xe.") + slackPrefix("b") + "1-" + str(r, B62, 160),
  }),
  (r) => ({
    family: "slack",
    kind: "slack xoxe refresh",
    env: "SLACK_REFRESH_TOKEN",
    splittable: true,
    secret: slackPrefix("e") + "1-" + str(r, B62, 146),
  }),
  (r) => ({
    family: "slack",
    kind: "slack xoxc",
    env: "SLACK_CLIENT_TOKEN",
    splittable: true,
    secret: slackPrefix("c") + digits(r, 12) + "-" + digits(r, 12) + "-" + digits(r, 13) + "-" +
      str(r, HEX, 64),
  }),
  (r) => ({
    family: "slack",
    kind: "slack xoxd",
    env: "SLACK_D_COOKIE",
    splittable: false,
    secret: slackPrefix("d") + str(r, B62, 60) + "%2B" + str(r, B62, 40) + "%2F" +
      str(r, B62, 30) + "%3D%3D",
  }),
  (r) => ({
    family: "slack",
    kind: "slack xapp",
    env: "SLACK_APP_TOKEN",
    splittable: true,
    secret: j("xa", "pp-") + "1-" + slackId(r, "A") + "-" + digits(r, 13) + "-" + str(r, HEX, 64),
  }),
  (r) => ({
    family: "slack",
    kind: "slack xwfp",
    env: "SLACK_WORKFLOW_TOKEN",
    splittable: true,
    secret: j("xw", "fp-") + "1-" + digits(r, 12) + "-" + digits(r, 13) + "-" + str(r, B62, 40),
  }),
  (r) => ({
    family: "slack",
    kind: "slack webhook",
    env: "SLACK_WEBHOOK_URL",
    splittable: false,
    secret: j("https://", "hooks", ".slack", ".com") + "/services/" + slackId(r, "T") + "/" +
      slackId(r, "B") + "/" + str(r, B62, 24),
  }),
  (r) => ({
    family: "slack",
    kind: "slack workflow webhook",
    env: "WORKFLOW_WEBHOOK",
    splittable: false,
    secret: j("https://", "hooks", ".slack", ".com") + "/workflows/" + slackId(r, "T") + "/" +
      slackId(r, "A") + "/" + digits(r, 18) + "/" + str(r, B62, 24),
  }),
  (r) => ({
    family: "slack",
    kind: "slack trigger webhook",
    env: "TRIGGER_URL",
    splittable: false,
    secret: j("https://", "hooks", ".slack", ".com") + "/triggers/" + slackId(r, "T") + "/" +
      digits(r, 13) +
      "/" + str(r, HEX, 32),
  }),
  (r) => ({
    family: "github",
    kind: "github classic",
    env: "GITHUB_TOKEN",
    splittable: true,
    secret: j("gh", pick(r, ["p", "o", "u", "s", "r"]), "_") + withBase62Crc32(str(r, B62, 30)),
  }),
  (r) => ({
    family: "github",
    kind: "github fine-grained",
    env: "GH_TOKEN",
    splittable: true,
    secret: j("git", "hub_pat_") + "11" + str(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 20) +
      "_" + str(r, B62, 59),
  }),
  (r) => ({
    family: "google",
    kind: "google api key",
    env: "GOOGLE_API_KEY",
    splittable: true,
    secret: j("AI", "za", "Sy") + str(r, B64URL, 33),
  }),
  (r) => ({
    family: "google",
    kind: "google oauth secret",
    env: "GOOGLE_CLIENT_SECRET",
    splittable: true,
    secret: j("GOC", "SPX-") + str(r, B64URL, 26) + str(r, B62, 2),
  }),
  (r) => ({
    family: "google",
    kind: "google access token",
    env: "GOOGLE_ACCESS_TOKEN",
    splittable: false,
    secret: j("ya", "29.") + "a0A" + str(r, B64URL, 150),
  }),
  (r) => ({
    family: "stripe",
    kind: "stripe live secret",
    env: "STRIPE_SECRET_KEY",
    splittable: true,
    secret: j(pick(r, ["s", "r"]), "k_", "live_") + "51" + str(r, B62, 97),
  }),
  (r) => ({
    family: "stripe",
    kind: "stripe test secret",
    env: "STRIPE_SECRET_KEY",
    splittable: true,
    secret: j("s", "k_", "test_") + "4e" + str(r, B62, 24),
  }),
  (r) => {
    const t = (n: number) => str(r, B64URL, n);
    return {
      family: "openai",
      kind: "openai project key",
      env: "OPENAI_API_KEY",
      splittable: true,
      secret: j("s", "k-", "proj-") + t(74) + j("T3Blbk", "FJ") + t(74),
    };
  },
  (r) => ({
    family: "openai",
    kind: "openai legacy key",
    env: "OPENAI_API_KEY",
    splittable: true,
    secret: j("s", "k-") + str(r, B62, 20) + j("T3Blbk", "FJ") + str(r, B62, 20),
  }),
  (r) => ({
    family: "openai",
    kind: "sk- key without OpenAI's marker",
    env: "OPENAI_API_KEY",
    splittable: true,
    secret: j("s", "k-") + str(r, B62, 48),
  }),
  (r) => ({
    family: "anthropic",
    kind: "anthropic key",
    env: "ANTHROPIC_API_KEY",
    splittable: true,
    secret: j("s", "k-", "ant-", "api03-") + str(r, B64URL, 93) + "AA",
  }),
  (r) => ({
    family: "npm",
    kind: "npm token",
    env: "NPM_TOKEN",
    splittable: true,
    secret: j("np", "m_") + withBase62Crc32(str(r, B62, 30)),
  }),
  (r) => ({
    family: "jwt",
    kind: "jwt",
    env: "ACCESS_TOKEN",
    splittable: false,
    secret: jwt(r),
  }),
  (r) => ({
    family: "generic",
    kind: "generic api key",
    env: pick(r, ["DATADOG_API_KEY", "SENDGRID_API_KEY", "MAPBOX_SECRET", "TWILIO_AUTH_TOKEN"]),
    splittable: false,
    secret: pick(r, [
      () => str(r, HEX, 32),
      () => str(r, B62, 40),
      () => str(r, B64URL, 48),
    ])(),
  }),
  (r) => ({
    family: "generic",
    kind: "generic password",
    env: pick(r, ["DB_PASSWORD", "POSTGRES_PASSWORD", "REDIS_PASS", "ADMIN_PWD", "SMTP_PASSWORD"]),
    splittable: false,
    secret: password(r),
  }),
];

/**
 * Vendors whose tokens carry a published prefix (detect/rules/gitlab.ts, ai_vendors.ts, cloud.ts,
 * saas.ts, chat_webhooks.ts, age.ts, vendor_shapes.ts), with the names people give them.
 */
const UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const uuid = (r: Rand) =>
  [str(r, HEX, 8), str(r, HEX, 4), "4" + str(r, HEX, 3), "a" + str(r, HEX, 3), str(r, HEX, 12)]
    .join("-");
const VENDORS: Array<[Family, string, string, (r: Rand) => string]> = [
  ["gitlab", "gitlab pat", "GITLAB_TOKEN", (r) => j("gl", "pat-") + str(r, B64URL, 20)],
  ["gitlab", "gitlab deploy token", "CI_DEPLOY_PASSWORD", (r) => j("gl", "dt-") + str(r, B62, 20)],
  ["huggingface", "hugging face", "HF_TOKEN", (r) => j("h", "f_") + str(r, B62.slice(10), 34)],
  ["groq", "groq", "GROQ_API_KEY", (r) => j("g", "sk_") + str(r, B62, 52)],
  ["replicate", "replicate", "REPLICATE_API_TOKEN", (r) => j("r", "8_") + str(r, B62, 37)],
  ["xai", "xai", "XAI_API_KEY", (r) => j("x", "ai-") + str(r, B62, 80)],
  ["perplexity", "perplexity", "PPLX_API_KEY", (r) => j("p", "plx-") + str(r, B62, 48)],
  ["openrouter", "openrouter", "OPENROUTER_API_KEY", (r) => j("s", "k-or-v1-") + str(r, HEX, 64)],
  [
    "langchain",
    "langsmith",
    "LANGSMITH_API_KEY",
    (r) => j("l", "sv2_pt_") + str(r, HEX, 32) + "_" + str(r, HEX, 10),
  ],
  ["digitalocean", "digitalocean", "DO_TOKEN", (r) => j("d", "op_v1_") + str(r, HEX, 64)],
  ["hashicorp", "vault token", "VAULT_TOKEN", (r) => j("h", "vs.") + "CAESI" + str(r, B64URL, 90)],
  ["flyio", "fly.io", "FLY_API_TOKEN", (r) => j("f", "m2_lJPE") + str(r, B62, 300)],
  [
    "hashicorp",
    "terraform cloud token",
    "TFE_TOKEN",
    (r) => str(r, B62, 14) + j(".atlas", "v1.") + str(r, B62, 67),
  ],
  ["heroku", "heroku", "HEROKU_API_KEY", (r) => j("HR", "KU-AA") + str(r, B64URL, 57) + "Q"],
  ["doppler", "doppler", "DOPPLER_TOKEN", (r) => j("dp", ".st.") + str(r, B62, 43)],
  ["databricks", "databricks", "DATABRICKS_TOKEN", (r) => j("da", "pi") + str(r, HEX, 32)],
  ["pulumi", "pulumi", "PULUMI_ACCESS_TOKEN", (r) => j("pu", "l-") + str(r, HEX, 40)],
  ["okta", "okta", "OKTA_API_TOKEN", (r) => "00" + str(r, B62, 20) + "_" + str(r, B62, 19)],
  [
    "azure",
    "azure client secret",
    "AZURE_CLIENT_SECRET",
    (r) => str(r, B62, 3) + "8" + j("Q", "~") + str(r, B62 + "_~.-", 33) + str(r, B62, 1),
  ],
  ["supabase", "supabase", "SUPABASE_ACCESS_TOKEN", (r) => j("s", "bp_") + str(r, HEX, 40)],
  [
    "planetscale",
    "planetscale",
    "PLANETSCALE_TOKEN",
    (r) => j("p", "scale_tkn_") + str(r, B62, 43),
  ],
  ["render", "render", "RENDER_API_KEY", (r) => j("r", "nd_") + str(r, B62, 32)],
  [
    "tailscale",
    "tailscale",
    "TS_AUTHKEY",
    (r) => j("ts", "key-auth-") + str(r, B62, 7) + "CNTRL-" + str(r, B62, 33),
  ],
  [
    "dynatrace",
    "dynatrace",
    "DT_API_TOKEN",
    (r) => j("d", "t0c01.") + str(r, UPPER_DIGITS, 24) + "." + str(r, UPPER_DIGITS, 64),
  ],
  ["newrelic", "new relic", "NEW_RELIC_API_KEY", (r) => j("NR", "AK-") + str(r, UPPER_DIGITS, 27)],
  [
    "1password",
    "1password",
    "OP_SERVICE_ACCOUNT_TOKEN",
    (r) => j("o", "ps_eyJ") + str(r, B64, 300),
  ],
  ["docker", "docker hub", "DOCKERHUB_TOKEN", (r) => j("d", "ckr_pat_") + str(r, B62, 27)],
  [
    "sendgrid",
    "sendgrid",
    "SENDGRID_API_KEY",
    (r) => j("S", "G.") + str(r, B62, 22) + "." + str(r, B64URL, 43),
  ],
  ["mailgun", "mailgun", "MAILGUN_API_KEY", (r) => j("k", "ey-") + str(r, HEX, 32)],
  ["shopify", "shopify", "SHOPIFY_ACCESS_TOKEN", (r) => j("s", "hpat_") + str(r, HEX, 32)],
  ["square", "square", "SQUARE_ACCESS_TOKEN", (r) => j("EA", "AA") + str(r, B62, 60)],
  [
    "postman",
    "postman",
    "POSTMAN_API_KEY",
    (r) => j("PM", "AK-") + str(r, HEX, 24) + "-" + str(r, HEX, 34),
  ],
  ["atlassian", "atlassian", "JIRA_API_TOKEN", (r) => j("AT", "ATT3") + str(r, B62, 186)],
  ["linear", "linear", "LINEAR_API_KEY", (r) => j("l", "in_api_") + str(r, B62, 40)],
  ["sentry", "sentry", "SENTRY_AUTH_TOKEN", (r) => j("s", "ntryu_") + str(r, HEX, 64)],
  ["rubygems", "rubygems", "GEM_HOST_API_KEY", (r) => j("r", "ubygems_") + str(r, HEX, 48)],
  [
    "alibaba",
    "alibaba key id",
    "ALIBABA_CLOUD_ACCESS_KEY_ID",
    (r) => j("LT", "AI") + str(r, B62, 20),
  ],
  [
    "mailchimp",
    "mailchimp",
    "MAILCHIMP_API_KEY",
    (r) => str(r, HEX, 32) + j("-", "us") + int(r, 1, 21),
  ],
  ["twilio", "twilio api key", "TWILIO_API_KEY", (r) => j("S", "K") + str(r, HEX, 32)],
  [
    "grafana",
    "grafana",
    "GRAFANA_TOKEN",
    (r) => j("g", "lsa_") + str(r, B62, 32) + "_" + str(r, HEX, 8),
  ],
  [
    "notion",
    "notion",
    "NOTION_TOKEN",
    (r) => j("n", "tn_") + digits(r, 11) + str(r, B62, 35),
  ],
  ["figma", "figma", "FIGMA_TOKEN", (r) => j("f", "igd_") + str(r, B62, 40)],
  ["contentful", "contentful", "CONTENTFUL_TOKEN", (r) => j("CF", "PAT-") + str(r, B62, 43)],
  [
    "mapbox",
    "mapbox",
    "MAPBOX_SECRET_TOKEN",
    (r) => j("s", "k.eyJ") + str(r, B62, 60) + "." + str(r, B62, 22),
  ],
  [
    "circleci",
    "circleci",
    "CIRCLE_TOKEN",
    (r) => j("CC", "IPAT_") + str(r, B62, 22) + "_" + str(r, HEX, 40),
  ],
  [
    "discord",
    "discord webhook",
    "DISCORD_WEBHOOK",
    (r) => j("https://", "discord.com/api/webhooks/") + digits(r, 19) + "/" + str(r, B62, 68),
  ],
  [
    "microsoft",
    "teams webhook",
    "TEAMS_WEBHOOK_URL",
    (r) =>
      j("https://", "contoso.webhook.office.com/webhookb2/") + uuid(r) + "@" + uuid(r) +
      "/IncomingWebhook/" + str(r, HEX, 32) + "/" + uuid(r),
  ],
  [
    "telegram",
    "telegram bot",
    "TELEGRAM_BOT_TOKEN",
    (r) => digits(r, 10) + j(":", "AA") + str(r, B62, 33),
  ],
  [
    "private-key",
    "age key",
    "SOPS_AGE_KEY",
    (r) => j("AGE-SECRET-", "KEY-1") + str(r, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58),
  ],
  ["adafruit", "adafruit io", "ADAFRUIT_IO_KEY", (r) => j("a", "io_") + str(r, B62, 28)],
  ["readme", "readme", "README_API_KEY", (r) => j("r", "dme_") + str(r, LOWER_ID, 70)],
  [
    "brevo",
    "brevo",
    "BREVO_API_KEY",
    (r) => j("x", "keysib-") + str(r, HEX, 64) + "-" + str(r, B62, 16),
  ],
  ["clojars", "clojars", "CLOJARS_TOKEN", (r) => j("CLO", "JARS_") + str(r, LOWER_ID, 60)],
  ["shippo", "shippo", "SHIPPO_TOKEN", (r) => j("s", "hippo_live_") + str(r, HEX, 40)],
  [
    "flutterwave",
    "flutterwave",
    "FLW_SECRET_KEY",
    (r) => j("FLW", "SECK-") + str(r, "abcdefgh0123456789", 32) + "-X",
  ],
  ["easypost", "easypost", "EASYPOST_API_KEY", (r) => j("EZ", "AK") + str(r, B62, 54)],
  ["typeform", "typeform", "TYPEFORM_TOKEN", (r) => j("t", "fp_") + str(r, B62, 44)],
  ["prefect", "prefect", "PREFECT_API_KEY", (r) => j("p", "nu_") + str(r, B62, 36)],
  ["sourcegraph", "sourcegraph", "SRC_ACCESS_TOKEN", (r) => j("s", "gp_") + str(r, HEX, 40)],
  ["sonarqube", "sonarqube", "SONAR_TOKEN", (r) => j("s", "qp_") + str(r, HEX, 40)],
  ["mailersend", "mailersend", "MAILERSEND_API_KEY", (r) => j("m", "lsn.") + str(r, HEX, 64)],
  [
    "hubspot",
    "hubspot",
    "HUBSPOT_ACCESS_TOKEN",
    (r) => j("p", "at-na1-") + uuid(r),
  ],
  ["neon", "neon", "NEON_API_KEY", (r) => j("n", "api_") + str(r, LOWER_ID, 64)],
  ["nvidia", "nvidia", "NVIDIA_API_KEY", (r) => j("n", "vapi-") + str(r, B62, 64)],
  [
    "plaid",
    "plaid",
    "PLAID_ACCESS_TOKEN",
    (r) => j("access-", "production-") + uuid(r),
  ],
  [
    "cloudflare",
    "cloudflare origin ca",
    "CF_ORIGIN_CA_KEY",
    (r) => j("v1", ".0-") + str(r, HEX, 24) + "-" + str(r, HEX, 146),
  ],
  [
    "zapier",
    "zapier hook",
    "ZAPIER_HOOK_URL",
    (r) => "hooks.zapier.com/hooks/catch/" + digits(r, 7) + "/" + str(r, LOWER_ID, 6),
  ],
  ["deepseek", "deepseek", "DEEPSEEK_API_KEY", (r) => j("s", "k-") + str(r, HEX, 32)],
  ["paystack", "paystack", "PAYSTACK_SECRET_KEY", (r) => j("s", "k_live_") + str(r, HEX, 40)],
  ["yandex", "yandex cloud", "YC_API_KEY", (r) => j("AQ", "VN") + str(r, B62, 36)],
  ["jfrog", "jfrog", "ARTIFACTORY_API_KEY", (r) => j("AK", "Cp") + str(r, B62, 69)],
  ["posthog", "posthog", "POSTHOG_PERSONAL_API_KEY", (r) => j("p", "hx_") + str(r, B62, 43)],
  [
    "clickup",
    "clickup",
    "CLICKUP_API_TOKEN",
    (r) => j("p", "k_") + digits(r, 8) + "_" + str(r, UPPER_ID, 32),
  ],
  ["duffel", "duffel", "DUFFEL_ACCESS_TOKEN", (r) => j("duffel", "_live_") + str(r, B62, 43)],
  ["dropbox", "dropbox", "DROPBOX_TOKEN", (r) => j("s", "l.") + str(r, B62, 140)],
];

for (const [family, kind, env, make] of VENDORS) {
  MAKERS.push((r) => ({ family, kind, env, splittable: false, secret: make(r) }));
}

/** A human-made password: words, digits and symbols, or a generated mix. */
function password(r: Rand): string {
  const word = pick(r, ["Falcon", "Tundra", "Mango", "Orbit", "Cobalt", "Juniper", "Vortex"]);
  return pick(r, [
    () => word + int(r, 10, 99) + pick(r, ["!", "#", "$", "%"]) + str(r, B62, 4),
    () =>
      str(r, "ABCDEFGHJKLMNPQRSTUVWXYZ", 1) + str(r, "abcdefghijkmnpqrstuvwxyz", 1) +
      str(r, "23456789", 1) + pick(r, ["#", "$", "!", "@", "%", "&", "^"]) +
      str(r, B62, 2) + str(r, "23456789", 1) + pick(r, ["#", "$", "!", "@"]) + str(r, B62, 2),
    () => str(r, B62 + "!#%^&*", 20),
  ])();
}

function b64url(s: string): string {
  return btoa(s).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

function jwt(r: Rand): string {
  const header = pick(r, [{ alg: "HS256", typ: "JWT" }, { alg: "RS256", kid: str(r, HEX, 8) }]);
  const payload = {
    sub: slackId(r, "U"),
    iat: 1700000000 + int(r, 0, 1e7),
    exp: 1800000000 + int(r, 0, 1e7),
    scope: pick(r, ["read write", "admin", "api"]),
  };
  const sig = str(r, B64URL, header.alg === "HS256" ? 43 : 342);
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${sig}`;
}

// ---------------------------------------------------------------------------------------------
// How people paste a credential.

const SENTENCE = [
  "can someone check why the deploy is failing",
  "standup moved to 10:30 today",
  "lgtm, ship it",
  "the p99 latency on checkout went up after the last release",
  "I rotated the staging creds, ping me if something breaks",
  "reminder: the token expires at the end of the quarter",
  "rolling back the migration, the index build is too slow",
  "thanks! that fixed it",
];

type Wrap = (r: Rand, c: Cred) => string;

const WRAPS: Array<[string, Wrap]> = [
  ["bare", (_r, c) => c.secret],
  ["sentence", (r, c) => `${pick(r, ["here's the", "use this", "new"])} token: ${c.secret}`],
  ["inline code", (r, c) => `${pick(r, SENTENCE)} \`${c.secret}\``],
  [
    "env block",
    (r, c) =>
      "```\n" +
      `NODE_ENV=production\n${c.env}=${c.secret}\nLOG_LEVEL=${pick(r, ["debug", "info"])}\n` +
      "```",
  ],
  ["export", (_r, c) => `\`\`\`export ${c.env}="${c.secret}"\`\`\``],
  ["json", (r, c) =>
    "```" + JSON.stringify(
      { name: pick(r, ["billing", "search"]), [camel(c.env)]: c.secret, retries: 3 },
      null,
      2,
    ) + "```"],
  ["yaml", (_r, c) => "```\nenv:\n  - name: " + c.env + "\n    value: " + c.secret + "\n```"],
  ["bold", (_r, c) => `*${c.secret}*`],
  ["quote", (r, c) => `> ${c.env}=${c.secret}\n${pick(r, SENTENCE)}`],
  ["curl", (_r, c) => `\`curl -H "Authorization: Bearer ${c.secret}" https://api.acme.io/v1/me\``],
  ["thread reply", (r, c) => `<@${slackId(r, "U")}> try ${c.secret} and tell me if it works`],
];

const NAMED = new Set(["env block", "export", "json", "quote", "yaml"]);

function camel(env: string): string {
  return env.toLowerCase().replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());
}

const INVISIBLE = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"];

/** The credential broken by formatting or invisible characters the way chat clients do it. */
function split(r: Rand, secret: string): string {
  const at = int(r, 2, Math.min(12, secret.length - 4));
  return pick(r, [
    () => secret.slice(0, at) + pick(r, INVISIBLE) + secret.slice(at),
    () => {
      const b = int(r, at + 2, Math.min(at + 10, secret.length - 2));
      return secret.slice(0, at) + pick(r, INVISIBLE) + secret.slice(at, b) +
        pick(r, INVISIBLE) + secret.slice(b);
    },
    () => {
      const b = int(r, at + 2, Math.min(at + 10, secret.length - 2));
      return secret.slice(0, at) + "*" + secret.slice(at, b) + "*" + secret.slice(b);
    },
  ])();
}

function credentialSample(r: Rand): Sample {
  const c = pick(r, MAKERS)(r);
  const labels: Label[] = [{ family: c.family, secret: c.secret, kind: c.kind }];
  if (c.splittable && r() < 0.2) {
    return { text: `here: ${split(r, c.secret)} (pasted from my notes)`, labels, shape: "split" };
  }
  if (c.kind === "generic password" && r() < 0.5) {
    const text = pick(r, [
      () => `the ${pick(r, ["wifi", "db", "vpn"])} password is ${c.secret}`,
      () => `\`mysql -u app --password ${c.secret} -h db1.internal\``,
      () => `${c.env}: '${c.secret}'`,
    ])();
    return { text, labels, shape: "password prose" };
  }
  if (c.kind === "slack webhook" || c.kind.endsWith("webhook")) {
    const url = c.secret;
    const text = pick(r, [
      () => `<${url}>`,
      () => `<${url}|our webhook>`,
      () => "```\n" + `${c.env}=${url}\n` + "```",
      () => `post to ${url} from CI`,
    ])();
    return { text, labels, shape: "webhook" };
  }
  // A generic value is a secret only by its name: bare or in prose without one, it is not
  // labelled (no scanner can tell), so it only goes into wrappers that carry its name.
  // An API key also goes into a Bearer header, which says what it is. A Twilio SID is found
  // beside the vendor's name (detect/rules/vendor_shapes.ts): named wrappers too. An Okta token
  // (`00…`) is Okta's only after `SSWS` (under a name, it is a generic secret).
  if (c.family === "okta") {
    const text = pick(r, [
      () => `\`curl -H "Authorization: SSWS ${c.secret}" https://acme.okta.com/api/v1/users\``,
      () => "```\nheaders: { Authorization: `SSWS " + c.secret + "` },\n```",
    ])();
    return { text, labels, shape: "ssws" };
  }
  const wraps = c.family !== "generic" && c.family !== "twilio"
    ? WRAPS
    : WRAPS.filter(([w]) => NAMED.has(w) || (w === "curl" && c.kind === "generic api key"));
  const [shape, wrap] = pick(r, wraps);
  return { text: wrap(r, c), labels, shape };
}

/** Multi-credential pastes: an AWS pair, a whole .env, a URL with a password, a PEM key. */
function compoundSample(r: Rand): Sample {
  return pick(r, [
    () => {
      const id = j(pick(r, ["AK", "AS"]), "IA") + str(r, ALPHABET.base32Upper, 16);
      const secret = str(r, B64, 40);
      const text = pick(r, [
        () =>
          "```\n[default]\naws_access_key_id = " + id + "\naws_secret_access_key = " + secret +
          "\nregion = us-east-1\n```",
        () => "```\nAWS_ACCESS_KEY_ID=" + id + "\nAWS_SECRET_ACCESS_KEY=" + secret + "\n```",
        () => `key ${id} secret ${secret} (the old CI user)`,
      ])();
      return {
        text,
        shape: "aws pair",
        labels: [
          { family: "aws" as Family, secret: id, kind: "aws key id" },
          { family: "aws" as Family, secret, kind: "aws secret" },
        ],
      };
    },
    () => {
      const user = pick(r, ["app", "admin", "deploy", "svc_billing"]);
      const pw = pick(r, [() => str(r, B62, 18), () => password(r)])();
      const enc = encodeURIComponent(pw);
      const scheme = pick(r, ["postgres", "postgresql", "mysql", "mongodb+srv", "redis", "amqp"]);
      const url = `${scheme}://${user}:${enc}@${pick(r, ["db", "cache", "mq"])}.internal:5432/app`;
      const text = pick(r, [
        () => "```\nDATABASE_URL=" + url + "\n```",
        () => `connect with ${url}`,
        () => `\`${url}\``,
      ])();
      return {
        text,
        shape: "url credentials",
        labels: [{ family: "generic" as Family, secret: enc, kind: "url password" }],
      };
    },
    () => {
      const dashes = "-".repeat(5);
      const kind = pick(r, ["RSA ", "EC ", "OPENSSH ", ""]);
      const label = kind + ["PRIVATE", "KEY"].join(" ");
      const body = (str(r, B64, kind === "EC " ? 160 : 900).match(/.{1,64}/g) ?? []).join("\n");
      const key = `${dashes}BEGIN ${label}${dashes}\n${body}\n${dashes}END ${label}${dashes}`;
      return {
        text: "deploy key for the runner:\n```\n" + key + "\n```",
        shape: "pem",
        labels: [{ family: "private-key" as Family, secret: key, kind: "pem" }],
      };
    },
    () => {
      const word = pick(r, ["signing", "client"]);
      const secret = str(r, HEX, 32);
      return {
        text: "```\nSLACK_" + word.toUpperCase() + "_SECRET=" + secret + "\n```",
        shape: "slack app secret",
        labels: [{ family: "slack" as Family, secret, kind: `slack ${word} secret` }],
      };
    },
    () => {
      const uuid = `${str(r, HEX, 8)}-${str(r, HEX, 4)}-4${str(r, HEX, 3)}-a${str(r, HEX, 3)}-${
        str(r, HEX, 12)
      }`;
      return {
        text: "```\n//registry.npmjs.org/:" + j("_auth", "Token=") + uuid + "\n```",
        shape: "npmrc legacy",
        labels: [{ family: "npm" as Family, secret: uuid, kind: "npm legacy" }],
      };
    },
    () => {
      // A link whose query is URL-encoded: a percent-escape right before the token.
      const c = pick(r, MAKERS.filter((m) => ENCODABLE.has(m(seededRandom(1)).family)))(r);
      return {
        text: `<https://acme.io/login?next=%2Fapi%2Fexport%3Ftoken%3D${c.secret}%26v%3D2>`,
        shape: "encoded link",
        labels: [{ family: c.family, secret: c.secret, kind: c.kind }],
      };
    },
    () => {
      // Slack's own OAuth answer writes the webhook URL with escaped slashes.
      const hook = MAKERS.find((m) => m(seededRandom(1)).kind === "slack webhook")!(r);
      const url = hook.secret.replaceAll("/", "\\/");
      return {
        text: "```" + `{"ok":true,"incoming_webhook":{"channel":"#alerts","url":"${url}"}}` + "```",
        shape: "escaped webhook",
        labels: [{ family: "slack" as Family, secret: hook.secret, kind: "slack webhook" }],
      };
    },
    () => {
      const dashes = "-".repeat(5);
      const label = pick(r, ["EC ", ""]) + ["PRIVATE", "KEY"].join(" ");
      const body = (str(r, B64, 160).match(/.{1,64}/g) ?? []).join("\n");
      const key = `${dashes}BEGIN ${label}${dashes}\n${body}\n${dashes}END ${label}${dashes}`;
      return {
        text: "this was in the old runbook:\n" + key.split("\n").map((l) => `&gt; ${l}`).join("\n"),
        shape: "quoted pem",
        labels: [{ family: "private-key" as Family, secret: key, kind: "pem" }],
      };
    },
    () => {
      // XML writes `&` as `&amp;`; keep the example plain.
      const pw = password(r).replaceAll("&", "#");
      const tag = pick(r, ["password", "adminPassword", "db:password"]);
      return {
        text: "```\n&lt;datasource&gt;\n  &lt;user&gt;app&lt;/user&gt;\n  " +
          `&lt;${tag}&gt;${pw}&lt;/${tag}&gt;\n&lt;/datasource&gt;\n` + "```",
        shape: "xml element",
        labels: [{ family: "generic" as Family, secret: pw, kind: "generic password" }],
      };
    },
    () => {
      const secret = str(r, B62, 40);
      const name = pick(r, ["STRIPE_WEBHOOK_SECRET", "API_TOKEN", "DATADOG_API_KEY"]);
      return {
        text: "```" + `"environment": [{"name": "LOG_LEVEL", "value": "info"}, ` +
          `{"name": "${name}", "value": "${secret}"}]` + "```",
        shape: "ecs entry",
        labels: [{ family: "generic" as Family, secret, kind: "generic api key" }],
      };
    },
    () => {
      const pw = password(r);
      return {
        text: '```\nvariable "db_password" {\n  type      = string\n  sensitive = true\n' +
          `  default   = "${pw}"\n}\n` + "```",
        shape: "terraform default",
        labels: [{ family: "generic" as Family, secret: pw, kind: "generic password" }],
      };
    },
    () => {
      const user = pick(r, ["deploy", "ci", "admin"]);
      const pw = password(r);
      const text = pick(r, [
        () => `\`curl -u ${user}:${pw} https://jenkins.acme.io/job/build/api/json\``,
        () => "```\nmysql -h db1.internal -u " + user + " -p" + pw + " orders\n```",
        () => "```\nPGPASSWORD=" + pw + " psql -h db1 -U " + user + " app\n```",
      ])();
      return {
        text,
        shape: "command password",
        labels: [{ family: "generic" as Family, secret: pw, kind: "generic password" }],
      };
    },
    () => {
      const id = j("AK", "IA") + str(r, ALPHABET.base32Upper, 16);
      // `{"alg": "HS256", "typ": "JWT"}`: a 40-character header beside a key id.
      const header = b64url('{"alg": "HS256", "typ": "JWT"}');
      const token = `${header}.${b64url(`{"sub": "${slackId(r, "U")}"}`)}.${str(r, B64URL, 43)}`;
      return {
        text: "```\nAWS_ACCESS_KEY_ID=" + id + "\n```\nand the session: `" + token + "`",
        shape: "jwt beside key id",
        labels: [
          { family: "aws" as Family, secret: id, kind: "aws key id" },
          { family: "jwt" as Family, secret: token, kind: "jwt" },
        ],
      };
    },
    () => {
      const pw = password(r).replaceAll("&", "#");
      const text = pick(r, [
        () => `Das Passwort für die Staging-DB ist ${pw}`,
        () => `La contraseña de la base de datos es ${pw}`,
        () => `le mot de passe du wifi invités : ${pw}`,
        () => `ステージングDBのパスワードは ${pw} です`,
        () => "```\nmachine api.acme.io\n  login deploy\n  password " + pw + "\n```",
        () => `\`CREATE USER 'app'@'%' IDENTIFIED BY '${pw}';\``,
        () => "```\ndefine( 'DB_PASSWORD',      '" + pw + "' );\n```",
        () =>
          `| env | db | password |\n|---|---|---|\n| prod | orders | ${pw} |\n| dev | orders | (same) |`,
        () => `Host | Password\n:--- | :---\ndb1 | \`${pw}\``,
      ])();
      return {
        text,
        shape: "password elsewhere",
        labels: [{ family: "generic" as Family, secret: pw, kind: "generic password" }],
      };
    },
    () => {
      const which = pick(r, ["docker auth", "pypi", "azure", "kubeconfig"]);
      if (which === "kubeconfig") {
        const dashes = "-".repeat(5);
        const label = ["RSA", "PRIVATE", "KEY"].join(" ");
        const body = (str(r, B64, 900).match(/.{1,64}/g) ?? []).join("\n");
        const key = `${dashes}BEGIN ${label}${dashes}\n${body}\n${dashes}END ${label}${dashes}\n`;
        return {
          text: "```\nusers:\n- name: ci\n  user:\n    client-key-data: " + btoa(key) + "\n```",
          shape: "kubeconfig key",
          labels: [{ family: "private-key" as Family, secret: btoa(key), kind: "pem base64" }],
        };
      }
      const secret = which === "docker auth"
        ? btoa(`ci-bot:${str(r, B62, 24)}`)
        : which === "pypi"
        ? j("py", "pi-AgEIcHlwaS5vcmc") + str(r, B64URL, 150)
        : str(r, B64, 86) + "==";
      const text = which === "docker auth"
        ? "```" + `{"auths": {"registry.acme.io": {"auth": "${secret}"}}}` + "```"
        : which === "pypi"
        ? "```\n[pypi]\nusername = __token__\npassword = " + secret + "\n```"
        : "`DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=" + secret +
          ";EndpointSuffix=core.windows.net`";
      return {
        text,
        shape: which,
        labels: [{ family: "generic" as Family, secret, kind: "generic api key" }],
      };
    },
    () => {
      const a = MAKERS[0](r), b = MAKERS[10](r);
      return {
        text: "```\n" + `SLACK_BOT_TOKEN=${a.secret}\nSLACK_APP_TOKEN=${b.secret}\n` + "```",
        shape: "two tokens",
        labels: [a, b].map((c) => ({ family: c.family, secret: c.secret, kind: c.kind })),
      };
    },
  ])();
}

/** Families whose tokens stand alone (a prefix and a body), as found in an encoded link. */
const ENCODABLE = new Set<Family>(["github", "google", "stripe", "openai", "anthropic", "npm"]);

// ---------------------------------------------------------------------------------------------
// Messages without a credential: everyday chat and things that only look like one.

function negativeSample(r: Rand): Sample {
  const hex = (n: number) => str(r, HEX, n);
  const uuid = () =>
    `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(r, ["8", "9", "a", "b"])}${hex(3)}-${hex(12)}`;
  const sp = slackPrefix;
  const text = pick<() => string>(r, [
    () => pick(r, SENTENCE),
    () => `<@${slackId(r, "U")}> ${pick(r, SENTENCE)} <#${slackId(r, "C")}|eng-infra>`,
    () => `fixed in ${hex(40)}, cherry-picked to release/2.4 as ${hex(7)}`,
    () => `commit ${hex(40)}\nAuthor: Dana <dana@acme.io>`,
    () => `image digest sha256:${hex(64)}`,
    () => `md5 of the artifact: ${hex(32)}`,
    () => `etag: "${hex(32)}"`,
    () => `request_id=${uuid()} trace_id=${hex(32)} failed with 502`,
    () => `user id ${uuid()} can't log in`,
    () => `https://acme.slack.com/archives/${slackId(r, "C")}/p${digits(r, 16)} see the thread`,
    () =>
      `<https://acme.slack.com/files/${slackId(r, "U")}/${slackId(r, "F")}/error.png|error.png>`,
    () => `inline image: data:image/png;base64,${str(r, B64, 180)}==`,
    () => `PROJ-${int(r, 10, 9999)} and OPS-${int(r, 10, 999)} are blocked on review`,
    () =>
      '```\nTraceback (most recent call last):\n  File "/app/auth.py", line 88, in refresh\n' +
      "    token = client.refresh(session)\nKeyError: 'refresh_token'\n```",
    () =>
      "```\nError: connect ECONNREFUSED 10.0.3.7:5432\n    at TCPConnectWrap.afterConnect " +
      "[as oncomplete] (node:net:1595:16) 0x7ffd" + hex(8) + "\n```",
    () => "the token bucket refills every second, so bursts of 20 are fine",
    () => "please rotate the api key before friday, it's in 1password under Billing",
    () => "password: ********",
    () => `api_key: '${["d41d8cd98f00b204", "e9800998ecf8427e"].join("")}'`,
    () => "```\nSLACK_BOT_TOKEN=${SLACK_BOT_TOKEN}\nOPENAI_API_KEY=$OPENAI_API_KEY\n```",
    () => 'token = os.environ["SLACK_BOT_TOKEN"]',
    () => "`token: ${{ secrets.GITHUB_TOKEN }}`",
    () => `docs say: \`${sp("b")}your-token-here\``,
    () => `example: ${sp("b")}111-222-xxxxx`,
    () => `use \`${sp("p")}xxxxxxxxx-xxxx\` as the format`,
    () => `tokens look like ${sp("b")}… and ${j("xa", "pp-")}…`,
    () =>
      `https://${
        j("hooks", ".slack", ".com")
      }/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`,
    () => `aws_access_key_id = ${j("AK", "IA")}IOSFODNN7${j("EXA", "MPLE")}`,
    () => `${j("gh", "p_")}${"x".repeat(36)} is the placeholder in our docs`,
    () => `api_key=YOUR_API_KEY`,
    () => `password=<your password>`,
    () => `"password": "changeme"`,
    () => `"password": "${pick(r, ["Password123!", "P@ssw0rd", "hunter2", "letmein1"])}"`,
    () => `the ${j("np", "m_")} prefix is for granular tokens`,
    () => `${j("pk", "_live_")}${str(r, B62, 24)} is the publishable key, that one is public`,
    () => `cache_key: user:${int(r, 1, 99999)}:profile`,
    () => `password_hash: $2b$12$${str(r, B64, 53)}`,
    () => `salt=${hex(16)} rounds=12`,
    () => `node_id ${str(r, B64, 16)} session_count=${int(r, 1, 200)}`,
    () => `PASSWORD_FILE=/run/secrets/db_password`,
    () => `token_url: https://oauth2.googleapis.com/token`,
    () => `access_token_expires_in: 3600`,
    () => "pass the tests before merging please",
    () => `secretName: prodDatabaseCredentials`,
    () => `${j("gh", "p_")}${str(r, B62, 36)} (that one is revoked, checksum won't match anyway)`,
    () => `integrity sha512-${str(r, B64, 86)}==`,
    () => `git lfs oid sha256:${hex(64)} size 1048576`,
    () => `<https://github.com/acme/api/pull/${int(r, 1, 9999)}|PR #${int(r, 1, 9999)}>`,
    () => `version ${int(r, 1, 9)}.${int(r, 0, 20)}.${int(r, 0, 40)} shipped`,
    () => `${j("ey", "J")}hbGciOi... is what a JWT looks like`,
    () => `${j("AI", "za")}... keys go in the secret manager, never in code`,
    () => `${j("s", "k-", "proj-")}... keys are per project now`,
    () => `the signing secret is 32 hex characters, find it under Basic Information`,
    () => `mongodb://admin:\${MONGO_PASSWORD}@mongo:27017`,
    () => `postgres://postgres:postgres@localhost/db`,
    () => `kubectl get secret my-app-tls -o yaml`,
    () => `X-Request-Id: ${hex(32)}`,
    () => `ssh-ed25519 ${j("AAAAC3", "NzaC1lZDI1NTE5AAAAI")}${str(r, B64, 43)} ops@bastion`,
    () => `your token was rotated at 2024-05-01T10:00:00Z by <@${slackId(r, "U")}>`,
    () => `standup: <https://acme.zoom.us/j/${digits(r, 11)}?pwd=${str(r, B62, 32)}.1|zoom>`,
    () => "```\nconst SECRET_NAME = /(?:secret|token)[_-]?(?:key)?$/i;\n```",
    () => "```\nDB_PASSWORD=$POSTGRES_PASSWORD\nAPI_TOKEN=$CI_JOB_TOKEN\n```",
    () => "`curl -u admin:admin http://localhost:8080/api`",
    () => '`curl -H "Authorization: Bearer $TOKEN" https://api.acme.io`',
    () =>
      "```" + `{"access_token": "<redacted>", "token_type": "bearer", "expires_in": 3600}` + "```",
    () => "```\n  - name: REGION\n    value: " + str(r, B62, 24) + "\n```",
    () =>
      "```\n&lt;key&gt;CFBundleIdentifier&lt;/key&gt;&lt;string&gt;io.acme.app&lt;/string&gt;\n```",
    () => "please rotate the api key before friday, the old one leaked in a screenshot",
    () => "the password policy is Minimum12Chars! with one symbol",
    () => "Das Passwort ist falsch, bitte nochmal versuchen",
    () =>
      "```\n  password: ENC[AES256_GCM,data:" + str(r, B64, 24) + ",iv:" + str(r, B64, 24) +
      "]\n```",
    () => "```\n  encryptedData:\n    password: AgB" + str(r, B64, 600) + "\n```",
    () => `| env | region | token_ttl |\n|---|---|---|\n| prod | ${str(r, B62, 20)} | 3600s |`,
  ])();
  return { text, labels: [], shape: "negative" };
}

/** Slack escapes &, < and > in message text; a person reading sees them decoded. */
function slackEscape(s: Sample): Sample {
  if (!/[&]/.test(s.text)) return s;
  // Only escape bare ampersands: keep `<…>` references and entities written as Slack sends them.
  return { ...s, text: s.text.replace(/&(?!(?:amp|lt|gt);)/g, "&amp;") };
}

/** `n` labelled messages, deterministic from `seed`. */
export function evalCorpus(n = 600, seed = 20240501): Sample[] {
  const r = seededRandom(seed);
  const out: Sample[] = [];
  for (let i = 0; i < n; i++) {
    const roll = r();
    const s = roll < 0.42
      ? credentialSample(r)
      : roll < 0.52
      ? compoundSample(r)
      : negativeSample(r);
    out.push(slackEscape(s));
  }
  return out;
}
