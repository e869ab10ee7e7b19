import { rules } from "./gitlab.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);
