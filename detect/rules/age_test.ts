import { rules } from "./age.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);
