// Prints precision, recall and F1 per family on the labelled chat corpus, and each failure by
// template, kind and redacted preview (never a secret).
//
//   deno run --config offline.jsonc detect/eval/report.ts [--n 600] [--seed 20240501]
import { evalCorpus } from "./corpus.ts";
import { evaluate, table } from "./metrics.ts";

function arg(name: string, fallback: number): number {
  const i = Deno.args.indexOf(name);
  return i >= 0 ? Number(Deno.args[i + 1]) : fallback;
}

if (import.meta.main) {
  const samples = evalCorpus(arg("--n", 600), arg("--seed", 20240501));
  const e = evaluate(samples);
  const labels = samples.reduce((n, s) => n + s.labels.length, 0);
  console.log(`${samples.length} messages, ${labels} labelled credentials\n`);
  console.log(table(e));
  if (e.failures.length > 0) {
    console.log("\nfailures:");
    for (const f of e.failures) {
      console.log(`  ${f.type}: ${f.family} ${f.what} in "${f.shape}" (${f.redacted})`);
    }
  }
}
