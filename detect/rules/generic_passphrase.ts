// A passphrase of words with blanks between them, told after its name: `wifi password is "falcon
// purple dragon tiger"`, `the passphrase for the gpg key: tiger orange pirate monkey`. Blanks end
// every other value, so the name = value and sentence rules read such a phrase as prose. Here a
// phrase counts only when it is set apart: in quotes after a password's name and its verb or
// colon, or, after a passphrase's name and colon, as all that is left of the line. Its words must
// be what a generator picks (3-7 lower-case words of 3-12 letters, perhaps a number), none of
// them a word of the sentences that surround passwords ("enter your password", "same as prod",
// "ask the team lead").
import type { CharReader, Rule } from "../types.ts";
import { isExamplePassword, NOT_PASSPHRASE_WORDS } from "./generic_value.ts";
import { seededRandom } from "../entropy.ts";
import { isFormatting } from "../normalize.ts";

/** Words of the sentences around a password: UI text, instructions, where it is kept. */
const PROSE_WORDS = new Set(
  ("enter please type must least characters long short wrong incorrect invalid forgot reset " +
    "confirm current show hide what when will have been should could would they them then than " +
    "also just only some more other which about after before same sure know check usual place " +
    "where look find send sent slack email message thread channel link above below again still " +
    "works work working expired expire locked able need needs want think because since until " +
    "while being does doing done make made like onto over under inside thanks thank pinned later " +
    "tomorrow today yesterday soon asap that this those these into can cannot cant dont won all " +
    "any his her its who how why yes okay fine good bad too very much many every each both " +
    "text string label input prompt hint policy rule rules format length phrase word words " +
    "letters digits numbers symbol symbols spaces space case upper lower").split(" "),
);

/** 3-7 lower-case words of 3-12 letters, one blank apart, perhaps a number after them. */
const PHRASE = /^[a-z]{3,12}(?: [a-z]{3,12}){2,6}(?: ?[0-9]{1,4})?$/;

export function isSpacedPassphrase(value: string): boolean {
  if (value.length < 16 || !PHRASE.test(value) || isExamplePassword(value)) return false;
  const words = value.replace(/ ?[0-9]+$/, "").split(" ");
  return words.every((w) => !NOT_PASSPHRASE_WORDS.has(w) && !PROSE_WORDS.has(w));
}

/** The name, then words that say which one (at most 40 characters), then the verb or colon. */
const QUOTED_NAME =
  /(?:password|passwort|passphrase|pass phrase)(?<between>[^\n"'`]{0,40}?)(?:[ \t](?:is|was)[ \t]{1,4}|[ \t]{0,4}[:=][ \t]{0,4})["']$/i;
const BARE_NAME =
  /(?:passphrase|pass phrase|wi-?fi password)(?<between>[^\n"'`]{0,40}?)[ \t]{0,4}:[ \t]{1,4}$/i;
/** Words between the name and the value that make the value something else than the secret. */
const ABOUT =
  /\b(?:reset|policy|hint|prompt|label|placeholder|message|error|example|e\.g|like|such|format|rule|rules|field|requirements?|must|should|not)\b/i;

function validatePhrase(
  secret: string,
  { text, start, end }: { text: string; start: number; end: number },
): boolean {
  if (!isSpacedPassphrase(secret)) return false;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const before = text.slice(Math.max(lineStart, start - 120), start);
  const open = text[start - 1];
  const quoted = open === '"' || open === "'";
  if (quoted && text[end] !== open) return false;
  let m: RegExpExecArray | null;
  if (quoted) m = QUOTED_NAME.exec(before);
  else {
    // Bare, the phrase is all that is left of its line (a full stop at most).
    const lineEnd = text.indexOf("\n", end);
    const rest = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
    if (!/^[ \t]*\.?[ \t]*$/.test(rest)) return false;
    m = BARE_NAME.exec(before);
  }
  return m !== null && !ABOUT.test(m.groups!.between);
}

/**
 * The rule's gate (Rule.windowGate; the byte scanner's `phrase` gate reads the same): within the
 * 48 characters after the name, a quote or a colon, at most four blanks (and a quote), then a
 * word of 3-12 lower-case letters, a blank and a lower-case letter. Chat logs hold a colon in
 * every timestamp: a digit after it rules it out. A formatting marker before the word reads as
 * the blank it may show as; one in the word, a character that is not ASCII or an entity's `&`
 * (plain text is read again with its entities decoded): maybe.
 */
export function phraseMayFollow(text: CharReader, _hitStart: number, hitEnd: number): boolean {
  const stop = Math.min(text.length, hitEnd + 48);
  for (let j = hitEnd; j < stop; j++) {
    const c = text.charCodeAt(j);
    if (c >= 0x80 || c === 38) return true;
    if (c === 10 || c === 13) return false;
    if ((c === 34 || c === 39 || c === 58) && wordsAt(text, j + 1)) return true;
  }
  return false;
}

const isLower = (c: number) => c >= 97 && c <= 122;
const uncertain = (c: number) => c >= 0x80 || c === 38 || isFormatting(c);

/** Whether the phrase's first word and the next word's first letter may start at `k`. */
function wordsAt(text: CharReader, k: number): boolean {
  for (let b = 0; b < 5 && k < text.length; b++, k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x80 || c === 38) return true;
    if (c !== 32 && c !== 9 && c !== 34 && c !== 39 && !isFormatting(c)) break;
  }
  let len = 0;
  for (; k < text.length; k++, len++) {
    const c = text.charCodeAt(k);
    if (uncertain(c)) return true;
    if (!isLower(c)) break;
  }
  if (len < 3 || len > 12 || k + 1 >= text.length) return false;
  const blank = text.charCodeAt(k), next = text.charCodeAt(k + 1);
  if (uncertain(blank) || uncertain(next)) return true;
  return blank === 32 && isLower(next);
}

const WORDS = ["falcon", "purple", "dragon", "tiger", "harbor", "maple", "galaxy", "orange"];

function phrase(n: number, rand: () => number): string {
  return Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" ");
}

export const rules: Rule[] = [
  {
    id: "generic-spaced-passphrase",
    family: "generic",
    description: 'Passphrase of words and blanks after its name (wifi password is "… … … …")',
    keywords: ["password", "passwort", "passphrase", "pass phrase"],
    pattern:
      /["':][ \t]{0,4}(?<secret>[a-z]{3,12}(?: [a-z]{3,12}){2,6}(?: ?[0-9]{1,4})?)(?![A-Za-z0-9]| [A-Za-z0-9])/g,
    validate: validatePhrase,
    windowGate: phraseMayFollow,
    byteGate: "phrase",
    confidence: "low",
    literalMarkers: true,
    // The name and what it belongs to (at most ~50 characters) before the value.
    window: { before: 8, after: 180 },
    examples: {
      positives: () => {
        const rand = seededRandom(14901);
        const a = phrase(4, rand), b = phrase(4, rand), c = phrase(5, rand) + " 42";
        return [
          { text: `<@U0YLOZ5O6> wifi password is "${a}"`, secret: a },
          { text: `the passphrase for the gpg key: ${b}`, secret: b },
          { text: `PASSWORD='${c}'`, secret: c },
        ];
      },
      negatives: () => [
        'password: "enter your password here"',
        'the password hint is "my first dog name"',
        "the passphrase for the gpg key: ask the security team",
        "passphrase: stored in the team vault",
        'label: "Password must have twelve characters"',
        `wifi password is "${phrase(4, seededRandom(14902))}" or so they say`.replace(
          '" or',
          " or",
        ),
        "the password for staging is falcon purple dragon tiger",
      ],
    },
  },
];
