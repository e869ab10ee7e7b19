// The byte scanner's built-in gates (scripts/wasm/gates.as.ts) drop hits before any TypeScript
// sees them, so each must say "no" only where the rule's own gate, reading the decoded text
// raw, says "no" as well. Checked on dense random text with every shape the gates read.
import { assert } from "@std/assert";
import { GATE, HitScanner, MODE } from "./hit_scanner.ts";
import { nameValueMayStart, urlMayStart } from "./rules/generic_gate.ts";
import { REFERENCE_PREFIXES } from "./rules/generic_value.ts";
import { rules as slackRules } from "./rules/slack.ts";
import { sentenceMayFollow } from "./rules/generic_sentence.ts";
import { delimitedMayFollow } from "./rules/generic_delimited.ts";
import { phraseMayFollow } from "./rules/generic_passphrase.ts";
import { ALPHABET, randomString, seededRandom } from "./entropy.ts";
import { pieceText, wordStart } from "../test_support/gate_text.ts";
import { assertNothingAt } from "../test_support/gate_check.ts";
import { RULES } from "./rules/mod.ts";

const PIECES = [
  ["token", "Token", "PASSWORD", "pass", "secret", "api_key", "apiKey", "client_secret"],
  ["://", "https://", "redis://:", "<https://", "ftp://u:", "git+ssh:/", "x.y-z:"],
  // Plain links, which the URL gate reads in a few steps.
  ['"https://', "://acme.io/", "://a-b.c ", '://x.y"'],
  ["=", ":", ": ", " = ", "=>", ":=", " is ", " was ", " is: ", '"', "'", '": "', " ", "--"],
  ["  ", "     ", "\t", "\n", ",", ";", "(", ")", "/", "@", "-", ".", "[", "]", "_", "`"],
  ["\u00a0", "é", "🙂", "\u200b", "*", "~", "<", ">", "|", "&amp;"],
  // A marker glued to a token character, which normalize() drops or keeps rather than blanks.
  ["*9", "_-", "~.", "`%"],
  // Pieces of references (`<#C…|name>`), whose brackets normalize() shows as blanks.
  ["<#C1|", "<@U9>", "|x>", ">", "<https://a.io|", "<>", "||"],
  // Template openings and references.
  ["${", "$(", "$X", "{{", "{", "$", "process.env.", "VAULT:", "env[", "Env.", "ssm"],
  // Keyword secrets (32 hex beside client_secret or signing_secret), and runs about that long.
  ["client_secret", "Signing Secret", "clientsecret", "client-secret", "signing_secret"],
  [32, 32, 31, 33, 40].map((n, i) => randomString(ALPHABET.hexLower, n, seededRandom(9100 + i))),
  ["   was    '", '"] :: ', "=>", "\t", " is\t"], // String prefixes and triple quotes (`r"`, `rb'`, `@"`, `"""`).
  ['r"', "rb'", '@"', '"""', "'''", "b", "f'", 'R"', '""'],
];

const byId = (id: string) => RULES.find((r) => r.id === id)!;
/** The rules behind the name = value gate. */
const NAME_VALUE_RULES = ["generic-password", "generic-secret", "generic-prefixed-string"];

/** The keyword secret rules' own gates, by the keyword that wakes them. */
function hexRule(keyword: string) {
  const id = keyword.startsWith("client") ? "slack-client-secret" : "slack-signing-secret";
  return slackRules.find((r) => r.id === id)!;
}
const HEX_KEYWORDS = ["client_secret", "client secret", "clientsecret", "client-secret"]
  .concat(["signing_secret", "signing secret"]);

function randomText(rand: () => number): string {
  return pieceText(rand, PIECES, { pieces: 20, word: 0.2, wordLength: 14, punctuation: 0 });
}

Deno.test("byte gates: a hit the scanner drops is one the rule's raw gate rules out", () => {
  const enc = new TextEncoder();
  const scanner = new HitScanner(
    [],
    { "name-value": 64, "url": 24, "hex32": 16 },
    REFERENCE_PREFIXES,
  );
  const cases = [
    { gate: GATE["name-value"], keywords: ["token", "pass", "secret", "api_key"], before: 64 },
    { gate: GATE.url, keywords: ["://"], before: 24 },
    { gate: GATE.hex32, keywords: HEX_KEYWORDS, before: 16 },
  ];
  const rand = seededRandom(9107);
  const drops = [0, 0, 0];
  for (let i = 0; i < 8000; i++) {
    const text = randomText(rand);
    const bytes = enc.encode(text);
    scanner.input(bytes.length).set(bytes);
    const lower = text.toLowerCase();
    cases.forEach((c, ci) => {
      for (const k of c.keywords) {
        for (let hs = lower.indexOf(k); hs !== -1; hs = lower.indexOf(k, hs + 1)) {
          const he = hs + k.length;
          // Byte offsets of the hit (the text before it may hold non-ASCII characters).
          const bhs = enc.encode(text.slice(0, hs)).length, bhe = bhs + k.length;
          if (scanner.gatesPass(bytes.length, c.gate, bhs, bhe)) continue;
          drops[ci]++;
          const ws = wordStart(text, hs, c.before);
          const ts = c.gate === GATE.url
            ? urlMayStart(text, ws, hs, he, false)
            : c.gate === GATE.hex32
            ? hexRule(k).mayStart!(text, ws, hs, he, false)
            : nameValueMayStart(text, ws, hs, he, false);
          assert(!ts, `dropped a hit the raw gate keeps: ${k} at ${hs} in ${JSON.stringify(text)}`);
        }
      }
    });
  }
  // Meaningful only if the gates drop hits often.
  assert(drops[0] > 1000 && drops[1] > 300 && drops[2] > 300, `drops ${drops}`);
});

Deno.test("byte gates: as JSON and mrkdwn, a dropped hit is one the shown gate rules out", () => {
  const enc = new TextEncoder();
  const scanner = new HitScanner(
    [],
    { "name-value": 64, "url": 24, "hex32": 16 },
    REFERENCE_PREFIXES,
  );
  const rand = seededRandom(9108);
  let drops = 0;
  for (let i = 0; i < 8000; i++) {
    const text = randomText(rand);
    // The text as a JSON string, on every other text with slashes escaped as Slack's exporter
    // does, and on every other pair non-ASCII characters as \u escapes; where each character goes.
    const ascii = i % 2 === 1, slashes = i % 4 < 2;
    const at: number[] = [];
    let json = '"';
    for (const ch of text) {
      for (let k = 0; k < ch.length; k++) at.push(enc.encode(json).length);
      let e = JSON.stringify(ch).slice(1, -1);
      if (slashes) e = e.replace(/\//g, "\\/");
      if (ascii) {
        e = e.replace(
          /[\u007f-\uffff]/g,
          (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
        );
      }
      json += e;
    }
    at.push(enc.encode(json).length);
    json += '"';
    const bytes = enc.encode(json);
    scanner.input(bytes.length).set(bytes);
    const lower = text.toLowerCase();
    for (
      const [gate, keywords, before] of [
        [GATE["name-value"], ["token", "pass", "secret", "api_key"], 64],
        [GATE.url, ["://"], 24],
        [GATE.hex32, HEX_KEYWORDS, 16],
      ] as const
    ) {
      for (const k of keywords) {
        for (let hs = lower.indexOf(k); hs !== -1; hs = lower.indexOf(k, hs + 1)) {
          const he = hs + k.length;
          // The hit's bytes must spell the keyword, or (the scanner's own keyword for it) with
          // its slashes escaped.
          const spelled = new TextDecoder().decode(bytes.subarray(at[hs], at[he])).toLowerCase();
          if (spelled !== k && spelled !== k.replaceAll("/", "\\/")) continue;
          if (scanner.gatesPass(bytes.length, gate, at[hs], at[he], MODE.JSON | MODE.SHOWN)) {
            continue;
          }
          drops++;
          const ws = wordStart(text, hs, before);
          const ts = gate === GATE.url
            ? urlMayStart(text, ws, hs, he, true)
            : gate === GATE.hex32
            ? hexRule(k).mayStart!(text, ws, hs, he, true)
            : nameValueMayStart(text, ws, hs, he, true);
          if (!ts) continue;
          // The shown gate says "maybe" at any character normalize() may change, before it
          // reads on; the byte gate may read further and know better. The rule decides.
          const rules = gate === GATE.url
            ? [byId("generic-url-credentials")]
            : gate === GATE.hex32
            ? [hexRule(k)]
            : NAME_VALUE_RULES.map(byId);
          for (const rule of rules) {
            assertNothingAt(rule, text, ws, hs, he, `dropped ${k} at ${hs}`);
          }
        }
      }
    }
  }
  assert(drops > 500, `drops ${drops}`);
});

Deno.test("byte gates: the hex32 gate reaches as far as each keyword secret rule's pattern", () => {
  const enc = new TextEncoder();
  const scanner = new HitScanner([], { "hex32": 16 }, REFERENCE_PREFIXES);
  const h = randomString(ALPHABET.hexLower, 32, seededRandom(9109));
  for (const keyword of ["client_secret", "signing_secret"]) {
    // The longest way from the keyword to the secret the pattern allows.
    const text = `${keyword} under ${"x".repeat(40)} is '${h}'`;
    const rule = hexRule(keyword);
    assert(new RegExp(rule.pattern.source, "i").exec(text)?.groups?.secret === h, text);
    const bytes = enc.encode(text);
    scanner.input(bytes.length).set(bytes);
    assert(scanner.gatesPass(bytes.length, GATE.hex32, 0, keyword.length), text);
    assert(!scanner.gatesPass(bytes.length - 2, GATE.hex32, 0, keyword.length), "31 hex");
  }
});

Deno.test("byte gates: characters of several bytes never make a reading stop short", () => {
  const enc = new TextEncoder();
  const scanner = new HitScanner([], { "name-value": 64, "url": 24 }, REFERENCE_PREFIXES);
  // 40 characters of two bytes, then the password's `:`: within the URL gate's 65 characters,
  // beyond 65 bytes.
  const text = "redis://" + "é".repeat(40) + ":pw@host";
  assert(urlMayStart(text, 0, 5, 8, false));
  const bytes = enc.encode(text);
  scanner.input(bytes.length).set(bytes);
  assert(scanner.gatesPass(bytes.length, GATE.url, 5, 8));
});

const SENTENCE_PIECES = [
  ["password for", "Password to", "api key is", "api key:", "passwort", "wachtwoord", "pw for"],
  ["with password", "With  password", "which password", "wachtwoord", "password", "Passwort"],
  ["the", "db", "prod", "is", "ist", "was", "lautet", "es", "Is", "IS", "isn", "wass", "d"],
  [" ", "  ", "     ", "\t", ":", " : ", "\n", "\r\n", ",", ".", "-", "(", "/"],
  ['"', "'", "`", "abc", "x9", "Qw3rty", "hunter22", "12345", "ab cd"],
  ["request_id", "x_is", "_is", "a_", "-_", "9_", "_"],
  ["*", "_", "~", "é", "&amp;", "🙂", "\u00a0", "\u200b", "<", ">", "\\", "{"],
];
/** The sentence rule's keywords, as the prefilter finds them (`password` in "password for"). */
const SENTENCE_KEYWORDS = ["password", "api key is", "api key:", "passwort", "achtwoord", "pw for"];

/** JSON string text of `text`, and the byte offset of each of its UTF-16 units (and its end). */
function asJson(text: string): { bytes: Uint8Array; at: number[] } {
  const enc = new TextEncoder();
  const at: number[] = [];
  let json = '"';
  for (const ch of text) {
    for (let k = 0; k < ch.length; k++) at.push(enc.encode(json).length);
    json += JSON.stringify(ch).slice(1, -1);
  }
  at.push(enc.encode(json).length);
  return { bytes: enc.encode(json + '"'), at };
}

/**
 * Runs the byte gate `gate` and the rule's TypeScript gate `tsGate` over `count` texts (every
 * other one as a JSON string, read as JSON and mrkdwn) at each hit of `keywords`: a hit the
 * byte gate drops must be one the TypeScript gate rules out. Returns how many it dropped and kept.
 */
function windowGateAgrees(
  count: number,
  makeText: () => string,
  keywords: readonly string[],
  gate: number,
  tsGate: (text: string, hs: number, he: number) => boolean,
): { drops: number; kept: number } {
  const enc = new TextEncoder();
  const scanner = new HitScanner([], {}, REFERENCE_PREFIXES);
  let drops = 0, kept = 0;
  for (let i = 0; i < count; i++) {
    const text = makeText();
    const json = i % 2 === 1;
    const { bytes, at } = json ? asJson(text) : { bytes: enc.encode(text), at: [] as number[] };
    scanner.input(bytes.length).set(bytes);
    const lower = text.toLowerCase();
    for (const k of keywords) {
      for (let hs = lower.indexOf(k); hs !== -1; hs = lower.indexOf(k, hs + 1)) {
        const he = hs + k.length;
        const [bhs, bhe] = json
          ? [at[hs], at[he]]
          : [enc.encode(text.slice(0, hs)).length, enc.encode(text.slice(0, he)).length];
        const mode = json ? MODE.JSON | MODE.SHOWN : 0;
        if (scanner.gatesPass(bytes.length, gate, bhs, bhe, mode)) {
          kept++;
          continue;
        }
        drops++;
        assert(
          !tsGate(text, hs, he),
          `dropped a hit the rule's gate keeps: ${k} at ${hs} in ${JSON.stringify(text)}`,
        );
      }
    }
  }
  return { drops, kept };
}

Deno.test("byte gates: a sentence hit the scanner drops has no verb and value after it", () => {
  const rand = seededRandom(9111);
  const text = () =>
    pieceText(rand, SENTENCE_PIECES, { pieces: 14, word: 0.1, wordLength: 12, punctuation: 0 });
  const { drops, kept } = windowGateAgrees(
    8000,
    text,
    SENTENCE_KEYWORDS,
    GATE.sentence,
    sentenceMayFollow,
  );
  // Meaningful only if the gate drops hits often, and keeps some.
  assert(drops > 2000 && kept > 500, `drops ${drops}, kept ${kept}`);
});

/** Cells, names, delimiters and what else a pasted spreadsheet row may hold. */
const DELIMITED_PIECES: string[][] = [
  ["DB_PASSWORD", "api_key", "Token", "SESSION_SECRET", "password", "my_token_url", "pass.word"],
  ["\t", ",", "\t", ",", "\n", "\r\n", " ", ", ", "\t\t"],
  ["prod", "admin", "9fQx7Lm2Vb", "*x*", "_y_", "`z`", "<@U1>", "é", "\\t", '"q"', "&amp;"],
];

Deno.test("byte gates: the delimited gate drops only hits the cell rule's gate rules out", () => {
  const rand = seededRandom(9111);
  const text = () =>
    pieceText(rand, DELIMITED_PIECES, { pieces: 16, word: 0.1, wordLength: 8, punctuation: 0 });
  const { drops, kept } = windowGateAgrees(
    6000,
    text,
    ["token", "pass", "secret", "api_key"],
    GATE.delimited,
    delimitedMayFollow,
  );
  // Meaningful only if the gate drops hits often, and keeps some.
  assert(drops > 1000 && kept > 500, `drops ${drops}, kept ${kept}`);
});

/** Names, verbs, quotes, colons and line ends around a passphrase. */
const PHRASE_PIECES: string[][] = [
  ["password", "passphrase", "Password", "pass phrase", "pw ", "psk"],
  [" is ", ": ", " for the wifi ", "=", " was ", "\n", "\r\n", " ", "  "],
  ['"', "'", ":", "falcon purple", "dragon", "é", "&amp;", "\\", "*", "_", "🙂", "\u200b"],
];

Deno.test("byte gates: the phrase gate drops only hits the passphrase rule's gate rules out", () => {
  const rand = seededRandom(9121);
  const text = () =>
    pieceText(rand, PHRASE_PIECES, { pieces: 14, word: 0.3, wordLength: 12, punctuation: 0 });
  const { drops, kept } = windowGateAgrees(
    6000,
    text,
    ["password", "passphrase", "pass phrase", "passwort"],
    GATE.phrase,
    phraseMayFollow,
  );
  // Meaningful only if the gate drops hits often, and keeps some.
  assert(drops > 1000 && kept > 500, `drops ${drops}, kept ${kept}`);
});
