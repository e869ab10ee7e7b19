// The rule table of README.md (and docs/RULES.md), generated from RULES so it cannot drift:
// prints the Markdown table, or with `--write` puts it between the markers
// `<!-- rules:start -->` and `<!-- rules:end -->` of every target that has them. docs/RULES.md is
// created when README.md has no markers yet. scripts/rule_table_test.ts fails on a stale table.
//
//   deno task rules            (= deno run --allow-read --allow-write scripts/rule_table.ts --write)
import { RULES } from "../detect/rules/mod.ts";
import type { Rule } from "../detect/types.ts";

export const START = "<!-- rules:start -->";
export const END = "<!-- rules:end -->";
export const TARGETS = ["README.md", "docs/RULES.md"];

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** The Markdown table of `rules`: id, family, description, confidence, live check. */
export function ruleTable(rules: readonly Rule[] = RULES): string {
  const rows = rules.map((r) =>
    `| \`${r.id}\` | ${r.family} | ${cell(r.description)} | ${r.confidence} | ${
      r.verifyAs ? `\`${r.verifyAs}\`` : "—"
    } |`
  );
  return [
    "| Rule | Family | Finds | Confidence | Live check |",
    "|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** `text` with the table between its markers replaced, or null when it has no markers. */
export function withTable(text: string, table = ruleTable()): string | null {
  const s = text.indexOf(START);
  const e = text.indexOf(END, s + START.length);
  if (s < 0 || e < 0) return null;
  return text.slice(0, s + START.length) + "\n" + table + "\n" + text.slice(e);
}

/** The table currently between `text`'s markers, or null. */
export function tableIn(text: string): string | null {
  const s = text.indexOf(START);
  const e = text.indexOf(END, s + START.length);
  if (s < 0 || e < 0) return null;
  return text.slice(s + START.length, e).trim();
}

const RULES_DOC = (table: string) =>
  [
    "# Detection rules",
    "",
    "Generated from `detect/rules/` by `deno task rules`; CI fails when it is stale.",
    "",
    START,
    table,
    END,
    "",
  ].join("\n");

async function readOrNull(path: string): Promise<string | null> {
  try {
    return await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
}

/** Writes the table into every target with markers (creating docs/RULES.md if needed). */
export async function writeTables(root = "."): Promise<string[]> {
  const table = ruleTable();
  const written: string[] = [];
  let readmeHasMarkers = false;
  for (const target of TARGETS) {
    const path = `${root}/${target}`;
    const text = await readOrNull(path);
    let next = text === null ? null : withTable(text, table);
    if (target === "README.md") readmeHasMarkers = next !== null;
    if (next === null && target === "docs/RULES.md" && !readmeHasMarkers) {
      await Deno.mkdir(`${root}/docs`, { recursive: true });
      next = RULES_DOC(table);
    }
    if (next === null || next === text) continue;
    await Deno.writeTextFile(path, next);
    written.push(target);
  }
  return written;
}

if (import.meta.main) {
  if (Deno.args.includes("--write")) {
    const written = await writeTables();
    console.log(written.length ? `updated ${written.join(", ")}` : "rule tables are up to date");
  } else {
    console.log(ruleTable());
  }
}
