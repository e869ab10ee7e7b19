import { rules } from "./cloud.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);

Deno.test("newrelic-user-api-key: capitals full of vowels are still a key", async () => {
  const { scan } = await import("../scan.ts");
  const { assertEquals } = await import("@std/assert");
  // Upper case and digits only: the word test would read ZTAHIAFO as a word.
  const key = ["NR", "AK-"].join("") + "ZTAHIAFO43QAVSZITR43DOBPCUI";
  const found = await scan(`NEW_RELIC_API_KEY=${key}`, { includeSecret: true });
  assertEquals(found.map((f) => [f.ruleId, f.secret]), [["newrelic-user-api-key", key]]);
});
