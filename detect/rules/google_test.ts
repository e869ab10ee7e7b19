import { rules } from "./google.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);
