// The engine on the labelled chat corpus (detect/eval/corpus.ts): precision and recall floors per
// family and overall, on the default seed and on two others (so the floors hold for the
// generator, not for one draw of it). Prints the per-family table.
import { assert, assertGreaterOrEqual } from "@std/assert";
import { evalCorpus } from "./corpus.ts";
import { FAMILIES } from "../types.ts";
import { evaluate, precision, recall, table } from "./metrics.ts";

const FAMILY_FLOOR = 0.95;
const OVERALL_FLOOR = 0.98;

for (const seed of [20240501, 7, 99]) {
  Deno.test(`eval: precision and recall floors per family (seed ${seed})`, () => {
    const samples = evalCorpus(seed === 20240501 ? 600 : 400, seed);
    assertGreaterOrEqual(samples.length, 300);
    const e = evaluate(samples);
    console.log(`\nseed ${seed}\n${table(e)}`);
    for (const f of e.failures) {
      console.log(`  ${f.type}: ${f.what} in "${f.shape}" (${f.redacted})`);
    }
    for (const [family, c] of e.families) {
      assertGreaterOrEqual(precision(c), FAMILY_FLOOR, `${family} precision`);
      assertGreaterOrEqual(recall(c), FAMILY_FLOOR, `${family} recall`);
    }
    assertGreaterOrEqual(precision(e.overall), OVERALL_FLOOR, "overall precision");
    assertGreaterOrEqual(recall(e.overall), OVERALL_FLOOR, "overall recall");
  });
}

Deno.test("eval: the corpus covers every family, split tokens and hard negatives", () => {
  // Large enough that every vendor family is drawn (there are fifty of them).
  const samples = evalCorpus(2000);
  const families = new Set(samples.flatMap((s) => s.labels.map((l) => l.family)));
  for (const f of FAMILIES) assert(families.has(f), `no ${f} sample`);
  assert(samples.some((s) => s.shape === "split"), "no split token");
  assert(samples.filter((s) => s.labels.length === 0).length >= 150, "too few negatives");
});

Deno.test("eval: same seed, same corpus", () => {
  assert(JSON.stringify(evalCorpus(50, 3)) === JSON.stringify(evalCorpus(50, 3)));
});
