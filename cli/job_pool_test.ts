// Two threads must report exactly what one does: same findings, errors and skips, in the same
// order, and an export's workspace host learned from the first day file that names it.
import { assert, assertEquals } from "@std/assert";
import { writeCorpusDir, writeCorpusExport } from "../bench/corpus.ts";
import { buildDemoExport } from "./demo_export.ts";
import { engineFns } from "./engine_fns.ts";
import { formatJsonl } from "./format_jsonl.ts";
import { Progress } from "./progress.ts";
import { compareLocated } from "./report.ts";
import { type ScanContext, scanInputs } from "./scan_inputs.ts";
import { walk } from "./walk.ts";

async function scan(paths: string[], workers: number) {
  const inputs = [];
  for (const i of walk(paths, 64 * 1024 * 1024)) inputs.push(i);
  const lines: string[] = [];
  const ctx: ScanContext = {
    ...engineFns(),
    workers,
    poolMinBytes: 0,
    mrkdwn: "auto",
    maxSize: 64 * 1024 * 1024,
    progress: new Progress(0, false),
    onError: (line) => lines.push("error " + line),
    onSkip: (path, reason) => lines.push(`skip ${path} ${reason}`),
  };
  const totals = await scanInputs(inputs, ctx);
  totals.found.sort(compareLocated);
  return { report: formatJsonl(totals.found), lines, files: totals.files, bytes: totals.bytes };
}

Deno.test({
  name: "job pool: a worker thread changes nothing in the report",
  // The worker's module loading keeps resources open past the test's own awaits.
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const dir = await Deno.makeTempDir();
    try {
      await writeCorpusDir(`${dir}/chat`, 3_000_000, 200_000);
      await Deno.writeFile(`${dir}/chat/binary.bin`, new Uint8Array([0, 1, 2, 3]));
      await writeCorpusExport(`${dir}/export`, 2_000_000, 5);
      const demo = await buildDemoExport(`${dir}/demo`);
      // A day file that does not parse: reported once, in its place.
      await Deno.writeTextFile(`${dir}/export/general/2030-01-01.json`, "[{");
      const paths = [`${dir}/chat`, `${dir}/export`, demo.folder];
      const one = await scan(paths, 0);
      const two = await scan(paths, 1);
      assert(one.report.length > 0);
      assertEquals(two.report, one.report);
      assertEquals(two.lines, one.lines);
      assertEquals([two.files, two.bytes], [one.files, one.bytes]);
      assert(one.report.includes(`${demo.workspace}.slack.com`), "the host comes from a day file");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
