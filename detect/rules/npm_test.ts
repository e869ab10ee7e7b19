import { rules } from "./npm.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);
