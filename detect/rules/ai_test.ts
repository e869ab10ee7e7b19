import { assertEquals } from "@std/assert";
import { scan } from "../scan.ts";
import { rules } from "./ai.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);

Deno.test("ai: sk-learn, Stripe sk_ keys and short sk- words are not OpenAI keys", async () => {
  const found = await scan("pip install sk-learn; the sk-proj- prefix; sk-1234", {});
  assertEquals(found, []);
});
