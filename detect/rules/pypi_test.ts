import { rules } from "./pypi.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);
