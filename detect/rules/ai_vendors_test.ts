import { rules } from "./ai_vendors.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);
