import { rules } from "./generic_structured.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);
