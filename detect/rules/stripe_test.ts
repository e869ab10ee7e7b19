import { assert, assertEquals } from "@std/assert";
import { scan } from "../scan.ts";
import { rules } from "./stripe.ts";
import { direct } from "./family_examples.ts";

for (const rule of rules) {
  Deno.test(`${rule.id}: pattern and validator on its own examples`, () => {
    assert(rule.pattern.global, "pattern must be global");
    for (const k of rule.keywords) assertEquals(k, k.toLowerCase());
    for (const p of rule.examples.positives()) {
      const got = direct(rule, p.text);
      assertEquals(got.length, 1, `one match expected in an example of ${rule.id}`);
      if (p.secret) assertEquals(got[0], p.secret);
      const lower = got[0].toLowerCase();
      assert(rule.keywords.some((k) => p.text.toLowerCase().includes(k)), "a keyword must occur");
      void lower;
    }
  });
  Deno.test(`${rule.id}: found through scan(), negatives stay silent`, async () => {
    for (const p of rule.examples.positives()) {
      const found = await scan(p.text, { includeSecret: true });
      const mine = found.filter((f) => f.ruleId === rule.id);
      assertEquals(mine.length, 1, `scan missed an example of ${rule.id}`);
      if (p.secret) assertEquals(mine[0].secret, p.secret);
      assertEquals(mine[0].confidence, rule.confidence);
    }
    for (const n of rule.examples.negatives()) {
      assertEquals((await scan(n)).map((f) => f.ruleId), [], `false positive for ${rule.id}`);
    }
  });
}
