// A password or API secret in a Markdown table, under a column named for it:
//
//   | env  | api_token |
//   |------|-----------|
//   | prod | 9fQ…      |
//
// People paste these into chat from runbooks, wikis and tickets. The name sits lines above the
// value, so no `NAME = value` rule sees them. The keyword is the separator row under the header
// from a pipe (`|--`, `| -`, `|:-`, `| :`; a box-drawn table's `+-`), which prose rarely holds:
// from its dashes, the byte scanner's filter stopped at every `-` of the UUIDs and dates in an
// export's JSON (measured: 30% slower on the benchmark export). The validator reads the value's
// column back to the header (or, in a table of names and values, the cell left of it) and judges
// name and value as for `NAME = value` (generic_value.ts).
import type { Rule } from "../types.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { classifyName, isSecretValue, type NameKind } from "./generic_value.ts";

/**
 * A separator row: every cell dashes, optionally with alignment colons; in a box-drawn table
 * (`psql`, MySQL, `prettytable`) a border, `+` between the cells.
 */
const SEPARATOR = /^[ \t]*[|+]?(?:[ \t]*:?-{3,}:?[ \t]*[|+])+(?:[ \t]*:?-{3,}:?[ \t]*)?$/;

/** How many rows a value may sit below the separator. */
const MAX_ROWS = 40;

function lineAt(text: string, at: number): [number, number] {
  const start = text.lastIndexOf("\n", at - 1) + 1;
  const nl = text.indexOf("\n", at);
  return [start, nl === -1 ? text.length : nl];
}

function withoutCr(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

/** A row without a code fence glued to it (a table pasted in a code block: ```` ```| env | … ````). */
function unfenced(row: string): string {
  return row.replace(/^[ \t]*```/, "").replace(/```[ \t]*$/, "");
}

/** A row's cells, its outer pipes dropped (a border's `+` read as a pipe). */
function cells(row: string): string[] {
  let r = unfenced(row).trim();
  if (r.startsWith("+")) r = r.replaceAll("+", "|");
  if (r.startsWith("|")) r = r.slice(1);
  if (r.endsWith("|")) r = r.slice(0, -1);
  return r.split("|").map((c) => c.trim());
}

/** The column a position of `row` is in. */
function columnOf(row: string, offset: number): number {
  let col = unfenced(row).trimStart().startsWith("|") ? -1 : 0;
  for (let i = 0; i < offset; i++) if (row.charCodeAt(i) === 124) col++;
  return col;
}

/** A header cell as a name: formatting markers at its edges dropped, blanks as underscores. */
function headerName(cell: string): string {
  return cell.replace(/^[*~`]+|[*~`]+$/g, "").trim().replace(/[ \t]+/g, "_");
}

/**
 * What names the cell that holds `start`: its column's header, and the cell left of it in its
 * row (a table of names and values: `| SMTP_PASSWORD | … |`). Up through table rows to the
 * separator, then the row above it, which must have as many cells as the separator and the
 * value's row; null when it is no such table.
 */
function cellNames(text: string, start: number): { header: string; left?: string } | null {
  const [rs, re] = lineAt(text, start);
  const row = withoutCr(text.slice(rs, re));
  const col = columnOf(row, start - rs);
  let above = rs - 1;
  for (let i = 0; i < MAX_ROWS && above > 0; i++) {
    const ls = text.lastIndexOf("\n", above - 1) + 1;
    const line = withoutCr(text.slice(ls, above));
    if (SEPARATOR.test(unfenced(line))) {
      if (ls === 0) return null;
      const hs = text.lastIndexOf("\n", ls - 2) + 1;
      const header = cells(withoutCr(text.slice(hs, ls - 1)));
      const width = cells(line).length;
      const own = cells(row);
      if (header.length !== width || own.length !== width || header[col] === undefined) return null;
      return {
        header: headerName(header[col]),
        left: col > 0 ? headerName(own[col - 1]) : undefined,
      };
    }
    if (!line.includes("|")) return null;
    above = ls - 1;
  }
  return null;
}

/** A separator row of a table aligned with blanks: dash groups, two blanks or more apart. */
const ALIGNED_SEPARATOR = /^[ \t]*-{3,}(?:[ \t]{2,}-{3,})+[ \t]*$/;

/** An aligned row's cells and where each starts (cells are apart by two blanks or more). */
function alignedCells(row: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  const re = /\S+(?: \S+)*/g;
  for (const m of row.matchAll(re)) out.push([m.index!, m[0]]);
  return out;
}

/**
 * What names the aligned cell at `start`: its column's header (the row above the separator, the
 * header cell starting where the column's separator group does) and the cell left of it.
 */
function alignedNames(text: string, start: number): { header: string; left?: string } | null {
  const [rs, re] = lineAt(text, start);
  const row = withoutCr(text.slice(rs, re));
  const own = alignedCells(row);
  const col = own.findIndex(([at]) => at === start - rs);
  if (col < 0) return null;
  let above = rs - 1;
  for (let i = 0; i < MAX_ROWS && above > 0; i++) {
    const ls = text.lastIndexOf("\n", above - 1) + 1;
    const line = withoutCr(text.slice(ls, above));
    if (ALIGNED_SEPARATOR.test(line)) {
      if (ls === 0) return null;
      const hs = text.lastIndexOf("\n", ls - 2) + 1;
      const header = alignedCells(withoutCr(text.slice(hs, ls - 1)));
      const groups = alignedCells(line);
      if (header.length !== groups.length || own.length !== groups.length) return null;
      return {
        header: headerName(header[col][1]),
        left: col > 0 ? headerName(own[col - 1][1]) : undefined,
      };
    }
    if (alignedCells(line).length < 2) return null;
    above = ls - 1;
  }
  return null;
}

/**
 * What a table cell holds by its names: its column's header says, else the cell left of it (a
 * table of names and values). Null when neither asks for a secret, or the cell is in no table.
 */
export function cellKind(names: { header?: string; left?: string } | null): NameKind {
  if (names === null) return null;
  return (names.header === undefined ? null : classifyName(names.header)) ??
    (names.left === undefined ? null : classifyName(names.left));
}

/**
 * How the table rules read a cell: named by `namesOf` (its column's header, the cell left of
 * it), judged as `NAME = value`; the header row (at most ~300 characters) above, rows below.
 */
export function tableReading(
  namesOf: (text: string, start: number, end: number) => { header?: string; left?: string } | null,
) {
  return {
    validate: (
      secret: string,
      { text, start, end }: { text: string; start: number; end: number },
    ) => {
      const kind = cellKind(namesOf(text, start, end));
      return kind !== null && isSecretValue(secret, kind);
    },
    confidence: "medium" as const,
    literalMarkers: true,
    window: { before: 320, after: 2400 },
  };
}

const b62 = (n: number, rand: () => number) => randomString(ALPHABET.base62, n, rand);

export const rules: Rule[] = [
  {
    id: "generic-table-cell",
    family: "generic",
    description: "Password or API secret in a Markdown table, under a column named for it",
    keywords: ["|--", "| -", "|:-", "| :", "+-"],
    // A cell: after a pipe (or a row's start), before a pipe or the row's end; backticks around
    // the value are code formatting.
    pattern: /(?:^|\|)[ \t]{0,8}`?(?<secret>[^\s|`]{8,200})`?[ \t]{0,8}(?=\||\r?$)/gm,
    ...tableReading(cellNames),
    examples: {
      positives: () => {
        const rand = seededRandom(14601);
        const a = b62(32, rand);
        const b = "Tq7" + b62(13, rand) + "#";
        const c = b62(40, rand);
        return [
          {
            text: `| env | api_token |\n|---|---|\n| prod | ${a} |\n| dev | (same) |`,
            secret: a,
          },
          {
            text: `Service | User | Password\n:--- | :---: | ---:\ngrafana | admin | \`${b}\``,
            secret: b,
          },
          // Pasted in a code block, its fence glued to the header row.
          {
            text: "```| env | host | user | password |\n|---|---|---|---|\n" +
              `| prod | db1.acme.io | root | ${b} |\n\`\`\``,
            secret: b,
          },
          // Left-aligned columns only: the separator's pipes stand before colons.
          { text: `Host | Password\n:--- | :---\ndb1 | \`${b}\``, secret: b },
          {
            text: `| name | *API key* | owner |\r\n| ---- | --------- | ----- |\r\n` +
              `| search | ${c} | @dana |`,
            secret: c,
          },
          {
            text: `| Key | Value |\n|---|---|\n| SMTP_HOST | smtp.acme.io |\n` +
              `| SMTP_PASSWORD | \`${a}\` |`,
            secret: a,
          },
          {
            text: `+---------------------+----------+\n| name                | value    |\n` +
              `+---------------------+----------+\n| MYSQL_ROOT_PASSWORD | ${b} |\n` +
              `+---------------------+----------+`,
            secret: b,
          },
        ];
      },
      negatives: () => {
        const rand = seededRandom(14602);
        return [
          // Not under a secret-named column.
          `| env | region |\n|---|---|\n| prod | ${b62(24, rand)} |`,
          // The secret's name describes it (policy, expiry), or the value is no secret.
          "| setting | password_policy |\n|---|---|\n| prod | minimum12characters |",
          "| env | password |\n|---|---|\n| prod | ${DB_PASSWORD} |\n| dev | changeme |",
          "| env | token |\n|---|---|\n| prod | in-1password-vault |",
          // Names and values, the value no secret.
          "| Key | Value |\n|---|---|\n| password_min_length | twelveCharacters |",
          // A row with more cells than the header: not this table's column.
          `| env | token |\n|---|---|\n| prod | x | ${b62(24, rand)} |`,
          // Prose between the separator and the value: the table ended.
          `| env | token |\n|---|---|\n| prod | n/a |\nsee below\n| ${b62(24, rand)} |`,
        ];
      },
    },
  },
  {
    id: "generic-aligned-cell",
    family: "generic",
    description:
      "Password or API secret in a table aligned with blanks (vault kv get, az -o table), under or beside its name",
    // The separator row under the header: dash groups apart by blanks (`---    -----`).
    keywords: ["---  "],
    // A cell after two blanks or more, at the row's end or before two blanks.
    pattern: /(?<=\S[ \t]{2,64})(?<secret>[^\s|`]{8,200})(?=[ \t]{2}|[ \t]*\r?$)/gm,
    ...tableReading(alignedNames),
    examples: {
      positives: () => {
        const rand = seededRandom(14611);
        const a = ["lantern", "nimbus", "juniper", "summit"].join(".") + "65";
        const b = b62(40, rand);
        return [
          {
            text: "====== Data ======\nKey                  Value\n---                  -----\n" +
              `app_name             walnut-svc\nldap_bind_password   ${a}`,
            secret: a,
          },
          {
            text: "Name          Value\n------------  ----------\n" + `DD_APP_KEY    ${b}\n`,
            secret: b,
          },
        ];
      },
      negatives: () => [
        `Key          Value\n---          -----\nregion       ${b62(24, seededRandom(14612))}`,
        "Key           Value\n---           -----\ndb_password   changeme",
        // A Vault token's accessor looks the token up or revokes it; it logs nobody in.
        `Key              Value\n---              -----\ntoken_accessor   ${
          b62(24, seededRandom(14613))
        }`,
        "NAME     READY   STATUS\n---      -----   ------\nweb-1    1/1     Running",
      ],
    },
  },
];
