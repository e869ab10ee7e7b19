import { rules } from "./stripe.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);
