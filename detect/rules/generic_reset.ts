// A password an admin sets for someone and tells them: "your account was locked, I set it to …",
// with the value after the words or in a code block under them. The sentence rule needs the word
// "password" before its verb; here the password is only "it". The words around decide: the
// message must speak of a password, an account or a login before the value, and the value must
// be one a person would be given (generic_value.ts's isGivenPassword).
//
// ("I reset your password to" and a code block on the next line is left out: a keyword ending in
// "password to" would swallow the start of `token` in "password token", and "password" itself
// would wake a rule with no byte gate at every password in a text.)
import type { Rule } from "../types.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { isGivenPassword } from "./generic_value.ts";

/** What the message speaks of when "it" is a password. */
const ACCOUNT =
  /password|passwort|passcode|\bpw\b|account|locked|log ?in|sign ?in|credentials?|unlock/i;

function validateReset(secret: string, ctx: { text: string; start: number }): boolean {
  // `MAX_RETRIES=5`: a setting, not a password.
  if (/^[A-Za-z_][\w.-]*=/.test(secret) || !isGivenPassword(secret)) return false;
  const before = ctx.text.slice(Math.max(0, ctx.start - 160), ctx.start);
  return ACCOUNT.test(before);
}

const b62 = (n: number, rand: () => number) => randomString(ALPHABET.base62, n, rand);

export const rules: Rule[] = [
  {
    id: "generic-reset-password",
    family: "generic",
    description:
      "Password set for someone and told to them (your account was locked, I set it to …)",
    // (`pdated`: no keyword starts with `u`, and a new first byte slows the byte filter.)
    keywords: ["set it to", "changed it to", "pdated it to"],
    // The verb, "it", "to", then the value: after blanks, or on the next line, in a code block
    // or not.
    pattern:
      /(?<![A-Za-z])(?:(?:re)?set|changed|updated)[ \t]{1,4}it[ \t]{1,4}to(?:[ \t]{1,4}|[ \t]{0,4}\n(?:```)?)["'`*]?(?<secret>[^\s"'`*]{7,127}[^\s"'`*.,;:?)])/gi,
    validate: validateReset,
    confidence: "medium",
    literalMarkers: true,
    window: { before: 200, after: 200 },
    examples: {
      positives: () => {
        const rand = seededRandom(14701);
        const a = "Nw4" + b62(9, rand) + "#";
        const b = "Pq8" + b62(8, rand) + "!";
        return [
          { text: `<@U0A1B2C3D> your account was locked, I set it to \`${a}\``, secret: a },
          { text: `unlocked your login and reset it to ${b} — change it after`, secret: b },
          {
            text: `your login is unlocked, I set it to\n\`\`\`${a}\`\`\`\nplease change it`,
            secret: a,
          },
          {
            text: `the shared account's password expired, so I changed it to *${b}* for now`,
            secret: b,
          },
        ];
      },
      negatives: () => [
        "I set it to production and redeployed",
        "the timeout was 30s, I set it to 120s",
        "your account was locked, I set it to expire tomorrow",
        "your account kept timing out, so I set it to MAX_RETRIES=5 in the config",
        `I set it to ${b62(12, seededRandom(14702))} in the feature flag service`,
        "your account was locked, I set it to\n```the default one```",
      ],
    },
  },
];
