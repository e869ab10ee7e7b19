import { rules } from "./generic_table.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);
