// Vendor credentials without a distinctive prefix, found by another fixed part of their shape:
// Mailchimp's data-centre suffix (`…-us14`), a Sentry DSN's host (`…@o1.ingest.sentry.io/2`), a
// Twilio SID (`SK…`, `AC…`) beside the word Twilio or in `Client("AC…", "…")`, or Mailgun's
// current key shape (32, 8 and 8 hex) beside the word Mailgun. The random part must look
// generated as the prefixed tokens' must (prefixed_token.ts), which keeps `00000000…-us1` and
// `https://<key>@sentry.io/1` out.
import type { Rule } from "../types.ts";
import { seededRandom } from "../entropy.ts";
import { hex, looksGenerated } from "./prefixed_token.ts";

const generatedHex = (s: string) => looksGenerated(s, "hex");

const TWILIO = ["t", "wilio"].join("");
const MAILGUN = ["mail", "gun"].join("");

export const rules: Rule[] = [
  {
    id: "mailchimp-api-key",
    family: "mailchimp",
    description: "Mailchimp API key (32 hex and its data centre, -us…)",
    // The data centre is the only fixed part, and it follows the random one.
    keywords: ["-us"],
    exactKeywords: ["-us"],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>[0-9a-f]{32}-us[0-9]{1,2})(?![A-Za-z0-9_-])/g,
    validate: (secret) => generatedHex(secret.slice(0, 32)),
    confidence: "high",
    window: { before: 40, after: 8 },
    examples: {
      positives: () => {
        const rand = seededRandom(12801);
        const a = hex(32, rand) + "-us14";
        const b = hex(32, rand) + "-us6";
        return [
          { text: `MAILCHIMP_API_KEY=${a}`, secret: a },
          { text: `let client = Client::new("${b}");`, secret: b },
          { text: `payments,prod,${a},2024-09-13`, secret: a },
        ];
      },
      negatives: () => [
        `MAILCHIMP_API_KEY=${"0".repeat(32)}-us14`,
        `docs: https://learn.microsoft.com/en-us/azure/`,
        `key: ${hex(32, seededRandom(12802))}-usage`,
        `curl --user anystring:$MAILCHIMP_API_KEY https://us6.api.mailchimp.com/3.0/`,
      ],
    },
  },
  {
    id: "sentry-dsn",
    family: "sentry",
    description:
      "Sentry legacy DSN with its secret key (https://<key>:<secret>@….sentry.io/<project>)",
    keywords: ["sentry.io/"],
    // Sentry documents today's DSN (`https://<key>@…`) as safe to ship in client code: it can
    // only add events, and every page that reports errors carries it. Not a finding. A legacy
    // DSN also holds the project's secret key after a colon, which server SDKs used to sign with.
    pattern:
      /(?<![A-Za-z0-9+.-])https?:\/\/(?<secret>[0-9a-f]{32}:[0-9a-f]{32})@(?:[a-z0-9-]{1,63}\.){0,3}sentry\.io\/[0-9]{1,12}(?![0-9])/g,
    validate: (secret) => secret.split(":").every(generatedHex),
    confidence: "medium",
    window: { before: 128, after: 24 },
    examples: {
      positives: () => {
        const rand = seededRandom(12811);
        const a = hex(32, rand);
        const b = hex(32, rand);
        return [
          { text: `Sentry.init({ dsn: "https://${a}:${b}@sentry.io/1234" })`, secret: `${a}:${b}` },
          { text: `SENTRY_DSN=https://${b}:${a}@o1.ingest.sentry.io/42`, secret: `${b}:${a}` },
        ];
      },
      negatives: () => [
        // Today's DSN: public by design.
        `SENTRY_DSN=https://${hex(32, seededRandom(12812))}@o268485.ingest.sentry.io/2695147`,
        "see https://sentry.io/organizations/acme/issues/4711/",
        `SENTRY_DSN=https://${"0".repeat(32)}@o1.ingest.sentry.io/1`,
        "SENTRY_DSN=https://<key>@o1.ingest.sentry.io/1",
        "SENTRY_DSN=https://examplePublicKey@o0.ingest.sentry.io/0",
      ],
    },
  },
  {
    id: "twilio-credential",
    family: "twilio",
    description:
      "Twilio API key SID (SK…) or account SID with its auth token, beside the word Twilio",
    // Its Python and Node clients take the account SID and the auth token: `Client("AC…", "…")`.
    keywords: [TWILIO, 'client("ac', "client('ac"],
    // An API key SID alone names a key a leak report should rotate; an account SID (AC…) is an
    // account's name and only its auth token, the 32 hex right after it, is the secret.
    // Told in a sentence too: "account SID AC…, auth token …", "key SK… secret …".
    pattern:
      /(?<![A-Za-z0-9_-])(?<secret>SK[0-9a-f]{32}|(?<=AC[0-9a-f]{32}\\?["']?[ \t]{0,4}[,:][ \t]{0,4}\\?["']?)[0-9a-f]{32}|(?<=SK[0-9a-f]{32}:)[A-Za-z0-9]{32}|(?<=AC[0-9a-f]{32}[ \t,;]{1,6}(?:auth[ _-]?)?token[ \t:=]{1,6}["'`]?)[0-9a-f]{32}|(?<=SK[0-9a-f]{32}[ \t,;]{1,6}(?:api[ _-]?)?secret[ \t:=]{1,6}["'`]?)[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/g,
    // An API key SID, an auth token (32 hex), or an API key's secret (32 letters and digits,
    // after its SID and a colon: `curl -u SK…:…`).
    validate: (secret) =>
      secret.length === 34
        ? generatedHex(secret.slice(2))
        : /^[0-9a-f]{32}$/.test(secret)
        ? generatedHex(secret)
        : looksGenerated(secret, "mixed-case"),
    confidence: "medium",
    window: { before: 200, after: 240 },
    examples: {
      positives: () => {
        const rand = seededRandom(12821);
        const sk = "S" + "K" + hex(32, rand);
        const sid = "A" + "C" + hex(32, rand);
        const token = hex(32, rand);
        return [
          { text: `new Twilio API key SID: ${sk}`, secret: sk },
          { text: `{"body":"{\\"${TWILIO}ApiKey\\":\\"${sk}\\"}"}`, secret: sk },
          { text: `client = ${TWILIO}.rest.Client("${sid}", "${token}")`, secret: token },
          { text: `curl -u ${sid}:${token} https://api.${TWILIO}.com/2010-04-01/`, secret: token },
          { text: `${TWILIO} account SID ${sid}, auth token ${token}`, secret: token },
          { text: `client = Client("${sid}", "${token}")`, secret: token },
        ];
      },
      negatives: () => [
        `${TWILIO} account ${"A" + "C" + hex(32, seededRandom(12822))}`,
        `${TWILIO} key ${"S" + "K" + "0".repeat(32)}`,
        `${TWILIO} sends the code by SMS`,
        `slack_client = Client("${"A" + "C" + "ME"}")`,
      ],
    },
  },
  {
    id: "mailgun-api-key-current",
    family: "mailgun",
    description: "Mailgun API key in its current shape (32, 8 and 8 hex), beside the word Mailgun",
    keywords: [MAILGUN],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![A-Za-z0-9_-])/g,
    validate: (secret) => secret.split("-").every(generatedHex),
    confidence: "high",
    window: { before: 160, after: 200 },
    examples: {
      positives: () => {
        const rand = seededRandom(12831);
        const key = () => `${hex(32, rand)}-${hex(8, rand)}-${hex(8, rand)}`;
        const a = key(), b = key();
        return [
          { text: `• ${MAILGUN} key: ${a}`, secret: a },
          { text: `MAILGUN_API_KEY=${b}`, secret: b },
        ];
      },
      negatives: () => [
        `${MAILGUN} key: ${"0".repeat(32)}-${"0".repeat(8)}-${"0".repeat(8)}`,
        `${MAILGUN} message id ${hex(32, seededRandom(12832))}`,
      ],
    },
  },
];
