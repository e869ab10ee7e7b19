import { assertEquals } from "@std/assert";
import { rules } from "./vendor_shapes.ts";
import { testRuleExamples } from "./family_examples.ts";
import { scan } from "../scan.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";

testRuleExamples(rules);

Deno.test("twilio-credential: an API key SID and its secret after a colon are two findings", async () => {
  const rand = seededRandom(12841);
  const sid = ["S", "K"].join("") + randomString(ALPHABET.hexLower, 32, rand);
  const secret = randomString(ALPHABET.base62, 32, rand);
  const text = `curl https://api.${
    ["t", "wilio"].join("")
  }.com/2010-04-01/Accounts.json -u ${sid}:${secret}`;
  const found = await scan(text, { includeSecret: true });
  assertEquals(
    found.map((f) => [f.ruleId, f.secret]),
    [["twilio-credential", sid], ["twilio-credential", secret]],
  );
});

Deno.test("twilio-credential: an API key's secret told after its SID in a sentence", async () => {
  const rand = seededRandom(12829);
  const sk = "S" + "K" + randomString(ALPHABET.hexLower, 32, rand);
  const secret = randomString(ALPHABET.base62, 32, rand);
  const found = await scan(`${"t"}wilio api key ${sk} secret ${secret}`, { includeSecret: true });
  assertEquals(found.map((f) => f.secret), [sk, secret]);
});
