// The gates (Rule.mayStart) let the scanner skip a hit without trying the pattern, so a gate that
// says "no" where a finding exists would lose it. These tests check every "no" a gate gives on
// dense random text against the rule itself: no sticky match its validator accepts at any start
// the scanner would try, in the raw text and in the region as normalize() shows it (markers kept
// and dropped).
import { assert, assertEquals } from "@std/assert";
import { seededRandom } from "../entropy.ts";
import { pieceText } from "../../test_support/gate_text.ts";
import { checkGate } from "../../test_support/gate_check.ts";
import { rules as genericRules } from "./generic.ts";
import { rules as codeRules } from "./generic_code.ts";
import { NAME_BEFORE_VALUE, nameBeforeMatch } from "./generic_value.ts";
import { nameValueMayStart, urlMayStart } from "./generic_gate.ts";

const PIECES = {
  names: ["token", "Token", "PASSWORD", "pass", "pwd", "secret", "api_key", "apiKey", "api-key"],
  more: ["client_secret", "db_pass", "--password", "-p", "x-token", "[token]", "token[0]", "tok"],
  urls: [
    "://",
    "https://",
    "postgres://",
    "redis://:",
    "<https://",
    "ftp://u:",
    "git+ssh:/",
    "x.y-z:",
  ],
  seps: ["=", ":", ": ", " = ", "=>", ":=", " is ", " was ", " is: ", '"', "'", '": "', " "],
  // String prefixes and triple quotes (`r"`, `rb'`, `@"`, `"""`).
  opens: ['r"', "rb'", '@"', '"""', "'''", "b", "f'", 'R"', '""'],
  gaps: ["  ", "     ", "\t", "\n", ",", ";", "(", ")", "/", "@", "-", ".", "[", "]", "\u00a0"],
  specials: ["*", "_", "~", "`", "&amp;", "&quot;", "&#39;", "&gt;", "&lt;", "<", ">", "|"],
  // A marker glued to a token character, which normalize() drops or keeps rather than blanks.
  glued: ["*9", "_-", "~.", "`%", "*+"],
  // Template openings, which a validator never accepts a value for.
  templates: ["${", "$(", "$X", "{{", "{", "$", "process.env.", "VAULT:", "env[", "Env.", "ssm"],
  // Pieces of references (`<#C…|name>`), whose brackets normalize() shows as blanks.
  refs: ["<#C1|", "<@U9>", "|x>", ">", "<https://a.io|", "<>", "||"],
  invisibles: ["\u200b", "\u00ad", "\u2022", "<@U123>"],
};
// Markers and invisibles make a gate say "maybe": rarer, so that it often says no.
const rules = [...genericRules, ...codeRules];
const { names, more, urls, seps, opens, gaps, specials, glued, refs, templates, invisibles } =
  PIECES;
const ALL = [
  names,
  names,
  more,
  urls,
  urls,
  seps,
  seps,
  opens,
  gaps,
  gaps,
  gaps,
  specials,
  glued,
  refs,
  templates,
  invisibles,
];

function randomText(rand: () => number): string {
  return pieceText(rand, ALL, { pieces: 24, word: 0.15, wordLength: 24, punctuation: 0.05 });
}

Deno.test("gates: a name = value hit the gate rules out has no match, raw or as shown", () => {
  const keywords = ["pass", "pwd", "token", "secret", "apikey", "api_key", "api-key"];
  for (const id of ["generic-password", "generic-secret", "generic-prefixed-string"]) {
    const rule = rules.find((r) => r.id === id)!;
    const { noes, rawNoes, hits } = checkGate(rule, keywords, nameValueMayStart, {
      seed: 7001,
      text: randomText,
    });
    // The check only means something if the gate says no often, and not always.
    assert(noes > 500 && noes < hits, `${id}: ${noes} of ${hits}`);
    assert(rawNoes > noes && rawNoes < hits, `${id}: raw ${rawNoes} of ${hits}`);
  }
});

Deno.test("gates: a :// hit the gate rules out has no URL credential, raw or as shown", () => {
  const rule = rules.find((r) => r.id === "generic-url-credentials")!;
  const { noes, rawNoes, hits } = checkGate(rule, ["://"], urlMayStart, {
    seed: 7002,
    text: randomText,
  });
  assert(noes > 500 && noes < hits, `${noes} of ${hits}`);
  assert(rawNoes > noes && rawNoes < hits, `raw ${rawNoes} of ${hits}`);
});

Deno.test("gates: plain words and links are ruled out, assignments are not", () => {
  const t = (s: string) => nameValueMayStart(s, 0, s.indexOf("token"));
  assertEquals(t("token rotation is due"), false);
  assertEquals(t("token, please"), false);
  assertEquals(t("token\nnext"), false);
  assertEquals(t("token = x7Kq2mWz9"), true);
  assertEquals(t("token: x7Kq2mWz9"), true);
  assertEquals(t("token is x7Kq2mWz9"), true);
  assertEquals(t("token => 'x7Kq2mWz9'"), true);
  assertEquals(t('token" : x7Kq2mWz9'), true);
  assertEquals(t("--token x7Kq2mWz9"), true);
  // As shown, markers at a word's edge are blanks; between characters they may go.
  assertEquals(t("*token* x"), false);
  assertEquals(t("_rotate the token_ today"), false);
  assertEquals(t("*token*: x7Kq2mWz9"), true);
  assertEquals(t("token*=x7Kq2mWz9"), true);
  // A reference's brackets and first pipe are blanks as shown; a lone `<` may be anything.
  assertEquals(t("rotate the token <#C1ABC|build> today"), false);
  assertEquals(t("the <#C1ABC|token> channel"), false);
  assertEquals(t("<#C1ABC|token> = x7Kq2mWz9"), true);
  assertEquals(t("token <x = y"), true);
  // A value too short, or none, rules the hit out as well.
  assertEquals(t("token = x"), false);
  assertEquals(t('"token": "bearer"'), false);
  assertEquals(t("token is due"), false);
  assertEquals(t("token isn't valid"), false);
  assertEquals(t("token: "), false);
  // So does a value the validator could never accept: under 16 characters of fewer than 3 kinds
  // (masks, example passwords), or a template.
  const pw = (s: string) => nameValueMayStart(s, 0, s.indexOf("pass"), 0, false);
  assertEquals(pw("user=bob password=******** ok"), false);
  assertEquals(pw("SERVICE_7_PASSWORD=changeme7"), false);
  assertEquals(pw("password=<redacted> status=200"), false);
  assertEquals(pw("password=Changeme7"), true);
  assertEquals(pw("password=changeme7changeme7"), true);
  assertEquals(pw("db.password = ${SEARCH_DB_PASSWORD}"), false);
  assertEquals(pw("password: '{{ .Values.db.password }}'"), false);
  assertEquals(pw("password: process.env.DB_PASSWORD,"), false);
  assertEquals(pw("secret_ref: vault:secret/data/billing/prod"), false);
  assertEquals(pw("password=x" + ["Env.Kq8Zt", "2Lw9Xv4Pm"].join("")), true); // not at the start
  assertEquals(pw("password: $" + ["9xK2mP7", "qR4vLw8Z"].join("")), true);
  // A raw, bytes or verbatim string's prefix, and a triple quote, open a value as a quote does.
  const v = ["Kq8Zt", "2Lw9!"].join("");
  assertEquals(pw(`password = r"${v}"`), true);
  assertEquals(pw(`password = rb'${v}'`), true);
  assertEquals(pw(`string password = @"${v}";`), true);
  assertEquals(pw(`val password = """${v}"""`), true);
  assertEquals(pw('password = r"changeme7"'), false);
  assertEquals(pw('password = r""'), false);
  // Raw, `_` is part of the name; as shown too inside an identifier, where normalize() keeps it,
  // but at a word's edge it may be an italic marker.
  const raw = (s: string) => nameValueMayStart(s, 0, s.indexOf("token"), 0, false);
  assertEquals(t("token_type = Bearer12345"), true);
  assertEquals(raw("token_type = Bearer12345"), true);
  assertEquals(raw('"token_type": "bearer"'), false);
  assertEquals(t('"token_type": "bearer"'), false);
  assertEquals(t("_token_ = x7Kq2mWz9"), true);
  assertEquals(t("_token_ = x"), false);
  assertEquals(raw("_token_ = x"), false);
  // A URL is no value, and a URL's scheme no name (the validator would reject both).
  assertEquals(raw("TOKEN_URL=https://token.internal.example/v1"), false);
  assertEquals(raw("token = git+ssh://git@example.org/x"), false);
  assertEquals(raw("<https://github.com/acme/token/pull/3627|PR>"), false);
  assertEquals(raw("token=https:x7Kq2mWz9"), true);
  assertEquals(raw("token: //x7Kq2mWz9"), true);
  assertEquals(raw(`token=${"s".repeat(31)}://x7Kq2mWz9`), false);
  assertEquals(raw(`token=${"s".repeat(32)}://x7Kq2mWz9`), true); // longer than a scheme
  const u = (s: string) => urlMayStart(s, 0, s.indexOf("://"), s.indexOf("://") + 3);
  assertEquals(u("https://github.com/acme/repo"), false);
  assertEquals(u("<https://acme.io|acme>"), false);
  assertEquals(u("https://user:pw@acme.io"), true);
});

Deno.test("nameBeforeMatch: the regex's own leftmost match, from far fewer starts", () => {
  const rand = seededRandom(7003);
  let matches = 0;
  for (let i = 0; i < 20000; i++) {
    const slice = randomText(rand).slice(-96);
    const want = NAME_BEFORE_VALUE.exec(slice);
    const got = nameBeforeMatch(slice);
    assertEquals(got?.index, want?.index, JSON.stringify(slice));
    assertEquals(got?.[0], want?.[0], JSON.stringify(slice));
    assertEquals(got?.[1], want?.[1], JSON.stringify(slice));
    if (want) matches++;
  }
  assert(matches > 1000, `${matches}`);
});
