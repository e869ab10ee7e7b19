import { assertEquals } from "@std/assert";
import { rules } from "./generic_structured.ts";
import { scanSync } from "../scan.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);

Deno.test("generic structured rules: an entity in a value is reported as typed", () => {
  const pw = "Harbor-" + randomString(ALPHABET.base62, 10, seededRandom(3)) + "&amp;7";
  const found = scanSync(`my .pgpass:\ndb1.acme.io:*:*:app:${pw}`, { includeSecret: true });
  assertEquals(found.map((f) => f.secret), [pw.replace("&amp;", "&")]);
});
