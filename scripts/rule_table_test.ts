// The rule tables in README.md / docs/RULES.md match RULES (run `deno task rules` to refresh).
import { assert, assertEquals } from "@std/assert";
import { RULES } from "../detect/rules/mod.ts";
import { END, ruleTable, START, tableIn, TARGETS, withTable, writeTables } from "./rule_table.ts";

const root = new URL("..", import.meta.url).pathname;

Deno.test("rule table: every target with markers holds the current table", async () => {
  let found = 0;
  for (const target of TARGETS) {
    let text: string;
    try {
      text = await Deno.readTextFile(`${root}/${target}`);
    } catch {
      continue;
    }
    const table = tableIn(text);
    if (table === null) continue;
    found++;
    assertEquals(table, ruleTable(), `${target} is stale: run \`deno task rules\``);
  }
  assert(found > 0, "no rule table in README.md or docs/RULES.md: run `deno task rules`");
});

Deno.test("rule table: one row per rule, with id, family, confidence and live check", () => {
  const lines = ruleTable().split("\n");
  assertEquals(lines.length, RULES.length + 2);
  for (const r of RULES) {
    const row = lines.find((l) => l.startsWith(`| \`${r.id}\` |`));
    assert(row, r.id);
    assert(row.includes(`| ${r.family} |`) && row.includes(`| ${r.confidence} |`), r.id);
    if (r.verifyAs) assert(row.includes(`\`${r.verifyAs}\``), r.id);
  }
});

Deno.test("rule table: a stale table is replaced between the markers, the rest kept", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/README.md`, `# X\n\n${START}\n| old |\n${END}\n\nmore\n`);
    assertEquals(await writeTables(dir), ["README.md"]);
    const text = await Deno.readTextFile(`${dir}/README.md`);
    assertEquals(tableIn(text), ruleTable());
    assert(text.startsWith("# X\n\n") && text.endsWith(`${END}\n\nmore\n`));
    assertEquals(await writeTables(dir), []);
    assertEquals(withTable("no markers"), null);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("rule table: docs/RULES.md is created when README.md has no markers", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/README.md`, "# no table yet\n");
    assertEquals(await writeTables(dir), ["docs/RULES.md"]);
    assertEquals(tableIn(await Deno.readTextFile(`${dir}/docs/RULES.md`)), ruleTable());
    assertEquals(await Deno.readTextFile(`${dir}/README.md`), "# no table yet\n");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
