// The part of a bench run that does not depend on how much text there is: writes, for each file
// a scan reported findings in, the same file cut down to the lines around its findings
// (`context` lines either side, default 60: a private key spans many). Scanning the result
// costs what the full run costs before the bulk of its bytes: start-up, building the engine, and
// the first use of every rule the findings wake (V8 runs each code path slowly the first time).
//
//   deno task scan --format json DIR | deno run --allow-read --allow-write bench/floor.ts OUT
import { join } from "../cli/walk.ts";

/** A finding as the CLI's JSON Lines report it (what the floor needs of it). */
export interface Found {
  path: string;
  line: number;
}

/** Writes the floor of `found` into folder `out`; returns how many files and bytes. */
export async function writeFloor(
  found: Found[],
  out: string,
  context = 60,
): Promise<{ files: number; bytes: number }> {
  const byPath = new Map<string, number[]>();
  for (const f of found) {
    if (!byPath.has(f.path)) byPath.set(f.path, []);
    byPath.get(f.path)!.push(f.line);
  }
  await Deno.mkdir(out, { recursive: true });
  let bytes = 0, n = 0;
  for (const [path, lines] of byPath) {
    const all = (await Deno.readTextFile(path)).split("\n");
    const keep = new Set<number>();
    for (const l of lines) {
      for (let k = Math.max(1, l - context); k <= Math.min(all.length, l + context); k++) {
        keep.add(k);
      }
    }
    const text = [...keep].sort((a, b) => a - b).map((k) => all[k - 1]).join("\n") + "\n";
    // Numbered: two inputs may share a name.
    const name = `${String(n++).padStart(4, "0")}-${path.split("/").pop()}`;
    await Deno.writeTextFile(join(out, name), text);
    bytes += new TextEncoder().encode(text).length;
  }
  return { files: byPath.size, bytes };
}

if (import.meta.main) {
  const args = [...Deno.args];
  const c = args.indexOf("--context");
  const context = c >= 0 ? Number(args.splice(c, 2)[1]) : 60;
  const out = args[0];
  if (!out || !Number.isInteger(context) || context < 0) {
    console.error("usage: floor.ts OUT [--context 60] < findings.jsonl");
    Deno.exit(2);
  }
  const text = await new Response(Deno.stdin.readable).text();
  const found = text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Found);
  console.log(JSON.stringify(await writeFloor(found, out, context)));
}
