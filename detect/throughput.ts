// Engine throughput on a chat corpus, one core, no I/O in the timed part: all rules, then each
// family alone. Speed is measured here and in bench/, never asserted in tests.
//
//   deno run --config offline.jsonc --allow-read --allow-write --allow-env detect/throughput.ts \
//     [--size 8.4MB] [--file FILE] [--runs 3]
import { scan } from "./scan.ts";
import { RULES } from "./rules/mod.ts";
import { generate } from "../bench/corpus.ts";

function arg(name: string): string | undefined {
  const i = Deno.args.indexOf(name);
  return i >= 0 ? Deno.args[i + 1] : undefined;
}

function parseMb(s: string): number {
  const m = /^([\d.]+)\s*(kb|mb|gb)?$/i.exec(s);
  if (!m) throw new Error(`bad size ${s}`);
  const unit = (m[2] ?? "b").toLowerCase();
  return Math.round(
    Number(m[1]) * (unit === "gb" ? 1e9 : unit === "mb" ? 1e6 : unit === "kb" ? 1e3 : 1),
  );
}

async function corpus(): Promise<string> {
  const file = arg("--file");
  if (file) return await Deno.readTextFile(file);
  const parts: string[] = [];
  await generate(parseMb(arg("--size") ?? "8.4MB"), (t) => {
    parts.push(t);
    return Promise.resolve();
  });
  return parts.join("");
}

/** Best of `runs` scans of `text` (in chunks of 1 MB, as the CLI reads), in MB/s. */
async function measure(text: string, runs: number, rules?: string[]): Promise<number> {
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += 1 << 20) chunks.push(text.slice(at, at + (1 << 20)));
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (const c of chunks) await scan(c, { rules });
    best = Math.min(best, performance.now() - t0);
  }
  return text.length / 1e6 / (best / 1000);
}

if (import.meta.main) {
  const text = await corpus();
  const runs = Number(arg("--runs") ?? 3);
  await measure(text.slice(0, 1 << 20), 1); // warm up the JIT and the compiled engine
  const found = (await scan(text)).length;
  console.log(`corpus ${(text.length / 1e6).toFixed(1)} MB, ${found} findings`);
  console.log(`all rules: ${(await measure(text, runs)).toFixed(1)} MB/s`);
  if (Deno.args.includes("--families")) {
    for (const family of [...new Set(RULES.map((r) => r.family))]) {
      const ids = RULES.filter((r) => r.family === family).map((r) => r.id);
      console.log(`  ${family}: ${(await measure(text, runs, ids)).toFixed(1)} MB/s`);
    }
  }
  if (Deno.args.includes("--rules")) {
    for (const r of RULES) {
      console.log(`  ${r.id}: ${(await measure(text, 1, [r.id])).toFixed(1)} MB/s`);
    }
  }
}
