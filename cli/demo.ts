// `deno task demo`: builds an example Slack workspace export with fake credentials (and a few
// documentation placeholders that must stay quiet) in a temporary folder, scans the zip exactly
// as `deno task scan` would, shows the table, then compares what was planted with what was found.
// Exit code 0 when every planted credential was found and no placeholder was reported.
import { buildDemoExport } from "./demo_export.ts";
import { run } from "./main.ts";

const keep = Deno.args.includes("--keep");
const dir = await Deno.makeTempDir({ prefix: "token-guard-demo-" });
try {
  const demo = await buildDemoExport(dir);
  const zipName = demo.zip.slice(demo.zip.lastIndexOf("/") + 1);
  console.log(
    `Token Guard demo: built a Slack export "${zipName}" with ${demo.messages} messages in ` +
      `5 conversations, ${demo.planted.length} fake credentials planted and ` +
      `${demo.placeholders} documentation placeholders that must not be reported.\n`,
  );
  console.log(`$ deno task scan --format table "${demo.zip}"\n`);
  await run(["--format", "table", "--no-progress", demo.zip]);

  // The same scan again as JSON Lines, to check the result against what was planted.
  const jsonl = `${dir}/findings.jsonl`;
  await run(["--format", "json", "--no-progress", "--output", jsonl, demo.zip]);
  const found = (await Deno.readTextFile(jsonl)).split("\n").filter((l) => l).map((l) =>
    JSON.parse(l) as { rule: string; family: string; channel?: string; ts?: string }
  );
  // A planted credential counts as found when its message holds a finding of its family; any
  // finding in a message where nothing was planted is a false positive.
  console.log("Planted vs found:");
  let missed = 0;
  for (const p of demo.planted) {
    const hit = found.some((f) => f.ts === p.ts && f.family === p.family);
    if (!hit) missed++;
    const where = p.channel.startsWith("D") ? "a direct message" : `#${p.channel}`;
    console.log(`  ${hit ? "found " : "MISSED"}  ${p.label} (${where})`);
  }
  const plantedTs = new Set(demo.planted.map((p) => p.ts));
  const extra = found.filter((f) => !f.ts || !plantedTs.has(f.ts));
  for (const f of extra) {
    console.log(`  EXTRA   ${f.rule} in ${f.channel ? `#${f.channel}` : "metadata"}`);
  }
  console.log(
    `\n${demo.planted.length - missed}/${demo.planted.length} planted credentials found, ` +
      `${extra.length} other finding${extra.length === 1 ? "" : "s"}, ` +
      `${demo.placeholders} placeholders in #random ${
        extra.some((f) => f.channel === "random") ? "NOT all quiet" : "all quiet"
      }.`,
  );
  console.log(
    keep
      ? `\nThe export is kept in ${dir} (folder and zip): try \`deno task scan ${demo.folder}\`.`
      : "\nRun `deno task demo --keep` to keep the example export and scan it yourself.",
  );
  Deno.exitCode = missed === 0 && !extra.some((f) => f.channel === "random") ? 0 : 1;
} finally {
  if (!keep) await Deno.remove(dir, { recursive: true });
}
