import { assert, assertFalse } from "@std/assert";
import { rules, sentenceMayFollow } from "./generic_sentence.ts";
import { testRuleExamples } from "./family_examples.ts";
import { normalize } from "../normalize.ts";
import { seededRandom } from "../entropy.ts";

testRuleExamples(rules);

Deno.test("sentence gate: a verb or colon and a value after the name word, or maybe", () => {
  const gate = (text: string, word: string) => {
    const at = text.indexOf(word);
    return sentenceMayFollow(text, at, at + word.length);
  };
  assertFalse(gate("please rotate the api key before friday, it's in 1password", "api key "));
  assertFalse(gate("the api key is in vault under secret/billing", "api key is"));
  assertFalse(gate("Passwort\nist Abc", "passwort"));
  const key = ["Sg7x", "Kq2mWz"].join("");
  assert(gate(`the sendgrid api key is ${key}`, "api key is"));
  assert(gate(`prod api key: ${key}`, "api key:"));
  const pw = "Kq7!" + "xYz9";
  assert(gate(`Das Passwort für die Staging-DB ist ${pw}`, "passwort"));
  assert(gate(`パスワードは ${pw} です`, "パスワード")); // not ASCII: maybe
  assert(gate(`Passwort *ist* ${pw}`, "passwort")); // a marker at a word's edge: a blank
  assert(gate(`log in as root with password ${pw}`, "password"));
  // The value the validator could accept: 8 or more characters of two classes, no `name=`.
  assertFalse(gate("the password for the index is chance", "password"));
  assertFalse(gate("password is request_id=" + "7a3c137cee203c3b", "password"));
  assertFalse(gate("the password for prod is Kq7x", "password"));
});

Deno.test("sentence gate: where it says no, the rule finds nothing, raw or as shown", () => {
  const rule = rules[0];
  const keywords = ["password for", "password d", "passwort", "api key is", "api key:", "pw for"]
    .concat(["with password", "which password", "password", "Passwort"]);
  const pieces = [
    ["the", "db", "is", "ist", "was", "lautet", "es", "el", "IS", "isn", "x9is", "request_is"],
    [" ", "  ", "\t", ":", " : ", "\n", ",", ".", "-", "_", "*", "~", "`", "é", "&amp;"],
    ['"', "'", "Qw3rty!x", "hunter22X", "Kq7#mZp2", "12345", "ab"],
  ];
  const rand = seededRandom(14311);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  let noes = 0, hits = 0;
  for (let i = 0; i < 6000; i++) {
    const k = pick(keywords);
    let after = "";
    for (let n = 1 + Math.floor(rand() * 10); n > 0; n--) after += pick(pick(pieces));
    const text = pick(["", "hey ", "ok: ", "the "]) + k + after;
    hits++;
    // The prefilter's hit: the name word `password` ("password for", "with password").
    const hit = k.includes("password") ? "password" : k.toLowerCase();
    const at = text.indexOf(hit);
    if (sentenceMayFollow(text, at, at + hit.length)) continue;
    noes++;
    for (
      const view of [text, normalize(text).text, normalize(text, { keepInnerMarkers: true }).text]
    ) {
      const re = new RegExp(rule.pattern.source, rule.pattern.flags);
      for (const m of view.matchAll(re)) {
        const secret = m.groups!.secret;
        const start = m.index! + m[0].length - secret.length;
        const end = start + secret.length;
        assertFalse(
          rule.validate!(secret, { text: view, start, end }),
          `gate said no, rule finds ${JSON.stringify(secret)} in ${JSON.stringify(text)}`,
        );
      }
    }
  }
  assert(noes > 1000 && noes < hits, `${noes} of ${hits}`);
});
