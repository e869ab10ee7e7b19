import { assert, assertFalse } from "@std/assert";
import { rules, sentenceMayFollow } from "./generic_sentence.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);

Deno.test("sentence gate: a verb or colon and a value after the name word, or maybe", () => {
  const gate = (text: string, word: string) => {
    const at = text.indexOf(word);
    return sentenceMayFollow(text, at, at + word.length);
  };
  assertFalse(gate("please rotate the api key before friday, it's in 1password", "api key "));
  assertFalse(gate("the api key is in vault under secret/billing", "api key is"));
  assertFalse(gate("Passwort\nist Abc", "passwort"));
  assert(gate("the sendgrid api key is Sg7xKq2mWz", "api key is"));
  assert(gate("prod api key: Sg7xKq2mWz", "api key:"));
  assert(gate("Das Passwort für die Staging-DB ist Kq7!xYz", "passwort"));
  assert(gate("パスワードは Kq7!xYz です", "パスワード")); // not ASCII: maybe
  assert(gate("Passwort *ist* Kq7!xYz", "passwort")); // a marker: maybe
});
