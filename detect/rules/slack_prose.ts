// Slack app secrets told in a sentence, with what they belong to between the name and the value:
// "the verification token for staging is …", "das client secret für Staging ist …", "o signing
// secret do staging é …", "stagingのverification tokenは …". The name rules in slack.ts take a
// name right before its value (and English "… from Basic Information is …"); a pattern with the
// prose in it as well is one redos-detector can no longer bound, so this rule matches from the
// verb and its validator reads the name back, as the generic sentence rule does.
import type { Rule } from "../types.ts";
import { hasFiller, isLowVariety, wordFraction } from "../entropy.ts";
import { entropyOf } from "../placeholder.ts";
import { proseToValue, TELLS } from "./prose.ts";
import { fakeChars, hexSecretMayStart, KEYWORD_SECRET_REACH } from "./slack.ts";

/**
 * The name, what it belongs to (at most 32 characters: the byte scanner's hex32 gate reaches
 * 66 past the name's start), and the verb or particle, ending where the value starts.
 */
const NAME_BEFORE = new RegExp(
  String.raw`(?<![A-Za-z0-9])((?:client|signing)[ _.-]?secret|verification[ _.-]?token)` +
    `(?:${proseToValue(32)})["'\`*]?$`,
  "i",
);

/** A line's start as quoted in a message or an email reply: `> `, `>> `, `&gt; ` (as stored). */
const QUOTED = String.raw`[ \t]*(?:(?:>|&gt;)[ \t]?){0,2}[ \t]*`;

/**
 * A label alone on its line, as the app's settings page pastes it (`Signing Secret`, quoted
 * `> *Client Secret:*`), when its value is on a line of its own under it.
 */
const LABEL_LINE = new RegExp(
  String.raw`^${QUOTED}[*_]{0,2}(?:slack[ _.-]?)?` +
    String
      .raw`((?:client|signing)[ _.-]?secret|verification[ _.-]?token)[*_]{0,2}:?[*_]{0,2}[ \t]*\r?$`,
  "i",
);

/** What may stand before a value on its own line, and on a blank line between: a quote marker. */
const QUOTE_ONLY = new RegExp(String.raw`^${QUOTED}\r?$`);

/** The settings page's button between a label and its value, copied with them (`Show`). */
const BUTTON_LINE = new RegExp(String.raw`^${QUOTED}(?:Show|Hide|Regenerate|Copy)[ \t]*\r?$`);

/** The secret's name: on its line before it, or alone on the line above (one blank between). */
function nameBefore(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - 100), start);
  const lines = before.split("\n");
  const own = lines[lines.length - 1];
  const m = NAME_BEFORE.exec(own);
  if (m !== null) return m[1];
  if (lines.length < 2 || !QUOTE_ONLY.test(own.replace(/["'`*]$/, ""))) return undefined;
  for (let k = lines.length - 2; k >= Math.max(0, lines.length - 3); k--) {
    const label = LABEL_LINE.exec(lines[k]);
    if (label !== null) return label[1];
    if (!QUOTE_ONLY.test(lines[k]) && !BUTTON_LINE.test(lines[k])) return undefined;
  }
  return undefined;
}

function validateProse(secret: string, ctx: { text: string; start: number }): boolean {
  const name = nameBefore(ctx.text, ctx.start);
  if (name === undefined) return false;
  if (/^verification/i.test(name)) {
    return secret.length === 24 && /[A-Z]/.test(secret) && /[a-z]/.test(secret) &&
      !isLowVariety(secret) && !hasFiller(secret) && wordFraction(secret) < 0.85;
  }
  return /^[0-9a-fA-F]{32}$/.test(secret) && entropyOf(secret) >= 3.0;
}

const HEX = "0123456789abcdef";
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * A value on a line of its own under its label: the line break (CRLF from Windows too), perhaps
 * one blank line, and the quote marker the label's line had (`> `, or `&gt; ` as Slack stores it).
 */
const NEXT_LINE = String.raw`\r?\n(?:>|&gt;){0,2}(?:\r?\n(?:>|&gt;){0,2})?[ \t]{0,4}`;

/** What the two rules share: the verb or particle, then the value, its name read back. */
function proseRule(spec: {
  id: string;
  description: string;
  words: string[];
  value: string;
  positives: () => Array<{ text: string; secret: string }>;
  negatives: () => string[];
}): Rule {
  return {
    id: spec.id,
    family: "slack",
    description: spec.description,
    keywords: spec.words.flatMap((w) => ["_", "-", " ", ".", ""].map((sep) => w.replace(" ", sep))),
    pattern: new RegExp(
      `(?:(?<=[ \\t])${TELLS}[ \\t]{1,4}|は[ \\t]{0,4}|:[ \\t]{0,4}|${NEXT_LINE})["'\`*]?` +
        `(?<secret>${spec.value})(?![A-Za-z0-9])`,
      "gi",
    ),
    validate: validateProse,
    confidence: "medium",
    // The name and what it belongs to (at most about 60 characters) come before the value.
    window: { before: 16, after: 110 },
    examples: { positives: spec.positives, negatives: spec.negatives },
  };
}

/** The secrets' gate: 32 hex start within the keyword secret rules' reach after the hit. */
const hexMayStart = hexSecretMayStart(KEYWORD_SECRET_REACH);

export const rules: Rule[] = [
  {
    ...proseRule({
      id: "slack-app-secret-prose",
      description:
        "Slack client or signing secret told in a sentence (das client secret für Staging ist …)",
      words: ["client secret", "signing secret"],
      value: "[0-9a-fA-F]{32}",
      positives: () => {
        const hex = fakeChars(HEX, 32, 71);
        return [
          { text: `das client secret für Staging ist ${hex}`, secret: hex },
          { text: `o client secret do staging é ${hex}`, secret: hex },
          { text: `el signing secret de producción es \`${hex}\``, secret: hex },
          { text: `stagingのsigning secretは ${hex} です`, secret: hex },
          // On a line of its own under its label (slack.ts takes it right under, in plain LF
          // text): after a blank line, with Windows line ends, in a quote (stored as `&gt;`).
          { text: `Signing Secret\n\n${hex}\n`, secret: hex },
          { text: `*Client Secret:*\r\n${hex}\r\n`, secret: hex },
          { text: `> Signing Secret\n> ${hex}`, secret: hex },
          { text: `&gt; Client Secret\n&gt;\n&gt; \`${hex}\``, secret: hex },
          // Quoted twice in an email reply; the page's `Show` button copied between them.
          { text: `>> Client Secret\n>> ${hex}`, secret: hex },
          { text: `Signing Secret\nShow\n${hex}`, secret: hex },
        ];
      },
      negatives: () => [
        `das client secret für Staging ist ${"0".repeat(32)}`,
        `the signing secret for build ${fakeChars(HEX, 40, 74)} is rotated`,
        // A label over something else, or a value two lines under its label.
        `Signing Secret (see vault)\n${fakeChars(HEX, 32, 75)}`,
        `Signing Secret\nrotated yesterday\n${fakeChars(HEX, 32, 76)}`,
      ],
    }),
    // Dumps repeat `client_secret=xxxx (masked)` by the thousand: the byte scanner drops a hit
    // with no 32 hex within reach, as it does for the name rules.
    windowGate: (text, hitStart, hitEnd) => hexMayStart(text, hitStart, hitStart, hitEnd, true),
    byteGate: "hex32",
  },
  proseRule({
    id: "slack-verification-token-prose",
    description:
      "Slack verification token told in a sentence (the verification token for staging is …)",
    words: ["verification token"],
    value: "[A-Za-z0-9]{24}",
    positives: () => {
      const token = fakeChars(ALNUM, 24, 72);
      return [
        { text: `the verification token for staging is ${token}`, secret: token },
        { text: `o verification token do staging é ${token}`, secret: token },
        { text: `stagingのverification tokenは ${token} です`, secret: token },
        { text: `> Verification Token\r\n>\r\n> ${token}`, secret: token },
        {
          text: `legacy verification token for the slash command: \`${token}\``,
          secret: token,
        },
      ];
    },
    negatives: () => [
      `the verification token for staging is deprecated, use the signing secret`,
      `the client id for staging is ${fakeChars(ALNUM, 24, 73)}`,
    ],
  }),
];
