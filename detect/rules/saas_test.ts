import { rules } from "./saas.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);
