// Shared by the family rule tests: each rule's own examples, through its pattern and validator
// alone, then through scan() with every filter.
import { assert, assertEquals } from "@std/assert";
import type { Rule } from "../types.ts";
import { scan } from "../scan.ts";
import { reportedSecret, secretSpan } from "../match.ts";

/** The rule's own matches in `text` (pattern + validator only, as scan would before its filters). */
export function direct(rule: Rule, text: string): string[] {
  const out: string[] = [];
  const re = new RegExp(
    rule.pattern.source,
    rule.pattern.flags.includes("d") ? rule.pattern.flags : rule.pattern.flags + "d",
  );
  for (const m of text.matchAll(re)) {
    const g = m.indices?.groups?.secret;
    const [from, whole] = g ?? [m.index!, m.index! + m[0].length];
    const [s, e] = secretSpan(rule, text, from, whole);
    const secret = text.slice(s, e);
    if (!rule.validate || rule.validate(secret, { text, start: s, end: e })) out.push(secret);
  }
  return out;
}

/** Registers the two example tests for every rule of a family. */
export function testRuleExamples(rules: readonly Rule[]): void {
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
        if (p.secret) assertEquals(mine[0].secret, reportedSecret(rule, p.secret));
        assertEquals(mine[0].confidence, rule.confidence);
      }
      for (const n of rule.examples.negatives()) {
        assertEquals((await scan(n)).map((f) => f.ruleId), [], `false positive for ${rule.id}`);
      }
    });
  }
}
