import { rules } from "./vendor_prefixes.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);
