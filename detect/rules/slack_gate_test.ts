// The Slack client and signing secret rules' gate (hexSecretMayStart): every "no" it gives on
// dense random text is checked against the rule (test_support/gate_check.ts), raw and as shown.
import { assert, assertEquals } from "@std/assert";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { checkGate } from "../../test_support/gate_check.ts";
import { rules } from "./slack.ts";

const KEYWORDS = [
  "client_secret",
  "CLIENT-SECRET",
  "client secret",
  "clientSecret",
  "client.secret",
  "signing_secret",
  "Signing Secret",
  "signingsecret",
];
const SEPARATORS = [
  "=",
  ":",
  ": ",
  " = ",
  "==",
  ":=",
  "=>",
  "->",
  "::>",
  " is ",
  " was ",
  " to ",
  '"',
  "'",
  "`",
  "]",
  '": "',
  "    ",
  "\t",
];
const GAPS = [" ", "  ", "\n", ",", ";", "(", ")", "/", "-", ".", "x", "g", "\u00a0"];
const SPECIALS = ["*", "_", "~", "`", "&amp;", "<", ">", "|", "\u200b", "é", "<@U123>"];

function hexRun(rand: () => number): string {
  const lengths = [32, 32, 32, 31, 33, 40, 16];
  const n = lengths[Math.floor(rand() * lengths.length)];
  const run = randomString(ALPHABET.hexLower, n, rand);
  return rand() < 0.3 ? run.toUpperCase() : run;
}

/** A separator as long as the pattern allows, or shorter: quotes, blanks, `:=>`, `is`, a quote. */
function longSeparator(rand: () => number): string {
  // Half of the time the longest run allowed: the gate's reach must cover it.
  const pick = (s: string, most: number) =>
    randomString(s, rand() < 0.5 ? most : Math.floor(rand() * most), rand);
  const seps = [
    "::>",
    "=>",
    "->",
    ":",
    "==",
    "was ",
    "is\t",
    "to ",
    "?=",
    "??=",
    "|",
    ",",
    "value=",
  ];
  if (rand() < 0.3) {
    const words = ["from", "for", "of", "in", "on", "under"];
    return " " + words[Math.floor(rand() * words.length)] + " " +
      randomString("abc xyz.-()é", 1 + (rand() < 0.5 ? 39 : Math.floor(rand() * 40)), rand) +
      (rand() < 0.5 ? " is " : ": ") + pick("\"'`", 1);
  }
  return pick("\"'`]", 2) + pick(" \t", 12) + seps[Math.floor(rand() * seps.length)] +
    pick(" \t", 12) + pick("\"'`", 1);
}

function randomText(rand: () => number): string {
  const groups: Array<() => string> = [
    () => longSeparator(rand),
    () => KEYWORDS[Math.floor(rand() * KEYWORDS.length)],
    () => SEPARATORS[Math.floor(rand() * SEPARATORS.length)],
    () => SEPARATORS[Math.floor(rand() * SEPARATORS.length)],
    () => hexRun(rand),
    () => hexRun(rand),
    () => GAPS[Math.floor(rand() * GAPS.length)],
    () => SPECIALS[Math.floor(rand() * SPECIALS.length)],
    () => randomString(ALPHABET.base62, 1 + Math.floor(rand() * 8), rand),
  ];
  let t = "";
  const n = 2 + Math.floor(rand() * 14);
  for (let k = 0; k < n; k++) t += groups[Math.floor(rand() * groups.length)]();
  return t;
}

for (
  const [id, keywords, seed] of [
    [
      "slack-client-secret",
      ["client_secret", "client-secret", "client secret", "clientsecret"],
      7101,
    ],
    ["slack-signing-secret", ["signing_secret", "signing secret", "signingsecret"], 7102],
  ] as const
) {
  Deno.test(`gates: a ${id} hit the gate rules out has no match, raw or as shown`, () => {
    const rule = rules.find((r) => r.id === id)!;
    const { noes, rawNoes, hits } = checkGate(rule, [...keywords], rule.mayStart!, {
      seed,
      text: randomText,
    });
    // Meaningful only if the gate says no often, and not always.
    assert(noes > 500 && noes < hits, `${id}: ${noes} of ${hits}`);
    assert(rawNoes > noes && rawNoes < hits, `${id}: raw ${rawNoes} of ${hits}`);
  });
}

Deno.test("gates: a client secret without 32 hex after it is ruled out in a few reads", () => {
  const rule = rules.find((r) => r.id === "slack-client-secret")!;
  const t = (s: string) => rule.mayStart!(s, 0, s.indexOf("client"), 0, false);
  const h = randomString(ALPHABET.hexLower, 32, seededRandom(7103));
  assertEquals(t("[auth] client_secret=xxxxxxxxxx (masked)"), false);
  assertEquals(t("client_secret: ${CLIENT_SECRET}"), false);
  assertEquals(t("the client secret is in the vault"), false);
  assertEquals(t(`client_secret=${h}`), true);
  assertEquals(t(`client_secret = "${h}"`), true);
  assertEquals(t(`CLIENT_SECRET is ${h}, rotate it`), true);
  assertEquals(t(`client_secret=${h}0`), false); // 33 hex
  assertEquals(t(`client_secret=${h}g`), false); // no end
  assertEquals(t(`client_secret=${h.slice(1)}`), false); // 31 hex
  assertEquals(t(`client_secret=${" ".repeat(80)}${h}`), false); // too far
  // The longest way from the keyword to the secret the pattern allows, for both rules.
  for (
    const [id, word] of [["slack-client-secret", "client"], ["slack-signing-secret", "signing"]]
  ) {
    const r = rules.find((x) => x.id === id)!;
    const longest = `${word}_secret under ${"x".repeat(40)} is '${h}'`;
    assertEquals(new RegExp(r.pattern.source, "i").exec(longest)?.groups?.secret, h);
    assertEquals(r.mayStart!(longest, 0, 0, 0, false), true, longest);
    assertEquals(r.mayStart!(longest.replace(" is", "  is"), 0, 0, 0, false), false);
  }
  // As shown, a marker or an entity on the way may go: maybe.
  const shown = (s: string) => rule.mayStart!(s, 0, s.indexOf("client"), 0, true);
  assertEquals(shown(`client_secret=*${h.slice(0, 8)}*${h.slice(8)}`), true);
  assertEquals(shown("client_secret=xxxxxxxxxx (masked)"), false);
});
