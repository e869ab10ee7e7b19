import { assertEquals } from "@std/assert";
import { scan } from "../scan.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { rules } from "./aws.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);

Deno.test("aws: a pasted id + secret pair gives two findings, id medium and secret high", async () => {
  const rand = seededRandom(43);
  const id = ["AK", "IA"].join("") + randomString(ALPHABET.base32Upper, 16, rand);
  const secret = randomString(ALPHABET.base64, 40, rand);
  const found = await scan(`access key ${id}\nsecret ${secret}`, { includeSecret: true });
  assertEquals(
    found.map((f) => [f.ruleId, f.confidence, f.secret]),
    [["aws-access-key-id", "medium", id], ["aws-secret-access-key", "high", secret]],
  );
  // The same 40 characters with no id and no name nearby are not reported.
  assertEquals(await scan(`blob ${secret} here`), []);
});
