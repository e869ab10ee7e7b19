import { rules } from "./generic_command.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);
