import { assertEquals } from "@std/assert";
import { rules } from "./cloud.ts";
import { scan } from "../scan.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);

Deno.test("newrelic-user-api-key: capitals full of vowels are still a key", async () => {
  // Upper case and digits only: the word test would read ZTAHIAFO as a word.
  const key = ["NR", "AK-"].join("") + "ZTAHIAFO43QAVSZITR43DOBPCUI";
  const found = await scan(`NEW_RELIC_API_KEY=${key}`, { includeSecret: true });
  assertEquals(found.map((f) => [f.ruleId, f.secret]), [["newrelic-user-api-key", key]]);
});

Deno.test("doppler-token and databricks-token: a service token's config, a PAT in prose", async () => {
  const rand = seededRandom(12259);
  const doppler = ["dp", "st", "prd", randomString(ALPHABET.base62, 43, rand)].join(".");
  const databricks = ["da", "pi"].join("") + randomString(ALPHABET.hexLower, 32, rand);
  for (
    const [text, rule, secret] of [
      [`DOPPLER_TOKEN=${doppler}`, "doppler-token", doppler],
      [`databricks PAT ${databricks}`, "databricks-token", databricks],
      [`token ${databricks}-2 for the job`, "databricks-token", `${databricks}-2`],
    ]
  ) {
    const found = await scan(text, { includeSecret: true });
    assertEquals(found.map((f) => [f.ruleId, f.secret]), [[rule, secret]], text);
  }
});
