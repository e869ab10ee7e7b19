// A password or API secret in rows pasted from a spreadsheet: tab-separated (what copying cells
// from Google Sheets, Excel or a Confluence table gives) or comma-separated (a CSV export):
//
//   Environment	URL	Username	Password           name,value,owner
//   prod	https://…	admin	9fQ…               NPM_TOKEN,9fQ…,lucia
//
// The value is named by its column's header (the block's first row) or by the cell left of it
// (a sheet of names and values). The keywords are the name = value rules'; the gate wants the
// name that holds the hit to be a whole cell of a row in a block of rows with as many
// delimiters, so prose ("the token, which …") costs a few reads. The name and the value are judged as for
// `NAME = value` (generic_value.ts).
import type { CharReader, Rule } from "../types.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { isSecretValue } from "./generic_value.ts";
import { cellKind } from "./generic_table.ts";
import { UUID_RE } from "../placeholder.ts";
import { PASSWORD_KEYWORDS, SECRET_KEYWORDS } from "./generic.ts";

/** How many rows a value may sit below its header. */
const MAX_ROWS = 40;

const TAB = 9, COMMA = 44;

/**
 * The longest line read as a row. A pasted row is a few hundred characters; a minified file's one
 * line of megabytes is no row, and reading it whole at each of its hits made a scan quadratic.
 * The gate, which may read bytes (the byte scanner's reading, where a character takes up to
 * four), takes a longer line as a maybe; the validator reads characters and decides.
 */
const MAX_ROW = 4096;

/** The line holding `at`, or null when it is longer than MAX_ROW. */
function lineBounds(text: CharReader, at: number): [number, number] | null {
  let s = at, e = at;
  while (s > 0 && text.charCodeAt(s - 1) !== 10) if (at - --s > MAX_ROW) return null;
  while (e < text.length && text.charCodeAt(e) !== 10) if (++e - at > MAX_ROW) return null;
  return [s, e];
}

/** How many times `delim` occurs in [s, e). */
function count(text: CharReader, s: number, e: number, delim: number): number {
  let n = 0;
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === delim) n++;
  return n;
}

/** Whether the line [s, e) is a row of a block: the line above or below has as many `delim`s. */
function inBlock(text: CharReader, s: number, e: number, delim: number): boolean {
  const n = count(text, s, e, delim);
  if (n === 0) return false;
  if (s > 0) {
    const above = lineBounds(text, s - 1);
    if (above === null || count(text, above[0], s - 1, delim) === n) return true;
  }
  if (e < text.length) {
    const below = lineBounds(text, e + 1);
    if (below === null || count(text, e + 1, below[1], delim) === n) return true;
  }
  return false;
}

function isNameCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 ||
    c === 45 || c === 46;
}

/**
 * The rule's gate (Rule.windowGate): the name that holds the hit is a whole cell (a delimiter or
 * the line's edge on each side, one of them a delimiter) of a row in a block of rows with as
 * many of that delimiter. A name with a blank in it (`API Key`) is left out: reading back over
 * blanks at every `key` of prose cost the byte scanner a fifth of its time.
 */
export function delimitedMayFollow(text: CharReader, hitStart: number, hitEnd: number): boolean {
  let s = hitStart, e = hitEnd;
  while (s > 0 && hitStart - s < 64 && isNameCode(text.charCodeAt(s - 1))) s--;
  while (e < text.length && e - hitEnd < 64 && isNameCode(text.charCodeAt(e))) e++;
  const before = s > 0 ? text.charCodeAt(s - 1) : 10;
  const after = e < text.length ? text.charCodeAt(e) : 10;
  const delim = before === TAB || before === COMMA ? before : after;
  if (delim !== TAB && delim !== COMMA) return false;
  if ((before !== delim && before !== 10) || (after !== delim && after !== 10 && after !== 13)) {
    return false;
  }
  const line = lineBounds(text, hitStart);
  return line === null || inBlock(text, line[0], line[1], delim);
}

/** A line's cells, a trailing `\r` and quotes around each dropped. */
function cells(line: string, delim: string): string[] {
  return line.replace(/\r$/, "").split(delim).map((c) => c.trim().replace(/^["']|["']$/g, ""));
}

/**
 * What names the cell that holds `start`: its column's header (the block's first row, when that
 * is another row) and the cell left of it. Null when the value is no whole cell of a block.
 */
function delimitedNames(
  text: string,
  start: number,
  end: number,
): { header?: string; left?: string } | null {
  const quoted = text[start - 1] === '"' || text[start - 1] === "'";
  const open = quoted ? start - 1 : start;
  const delim = text[open - 1];
  if (delim !== "\t" && delim !== ",") return null;
  const close = quoted ? end + 1 : end;
  if (quoted && text[end] !== text[start - 1]) return null;
  const next = text[close];
  if (next !== undefined && next !== delim && next !== "\n" && next !== "\r") return null;
  const line = lineBounds(text, open);
  if (line === null) return null;
  const [ls, le] = line;
  const own = cells(text.slice(ls, le), delim);
  const col = text.slice(ls, open).split(delim).length - 1;
  if (own.length < 2) return null;
  // Up to the block's first row: rows with as many cells.
  let top = ls;
  for (let i = 0; i < MAX_ROWS && top > 0; i++) {
    const ps = text.lastIndexOf("\n", top - 2) + 1;
    if (cells(text.slice(ps, top - 1), delim).length !== own.length) break;
    top = ps;
  }
  let header = top === ls ? undefined : cells(text.slice(top, text.indexOf("\n", top)), delim);
  // A row with a number or a version in it is data, not the header (`apt  python3-jwt  2.6.0-1`
  // as far up as the block is read).
  if (header?.some((c) => /^["']?\d/.test(c))) header = undefined;
  return {
    header: header?.[col]?.replace(/[ \t]+/g, "_"),
    left: col > 0 ? own[col - 1] : undefined,
  };
}

const b62 = (n: number, rand: () => number) => randomString(ALPHABET.base62, n, rand);

export const rules: Rule[] = [
  {
    id: "generic-delimited-cell",
    family: "generic",
    description:
      "Password or API secret in tab- or comma-separated rows (a spreadsheet), under or beside its name",
    // The name = value rules' keywords: a name in a cell is one of their names.
    keywords: [...PASSWORD_KEYWORDS, ...SECRET_KEYWORDS],
    // A cell: after a delimiter, before one or the row's end.
    pattern: /(?<=[\t,])["']?(?<secret>[^\t,\s"']{8,200})["']?(?=[\t,]|\r?$)/gm,
    validate: (secret, { text, start, end }) => {
      const kind = cellKind(delimitedNames(text, start, end));
      // Heroku's and other services' API keys are UUIDs; under a password name one is not typed.
      if (kind === "password" && UUID_RE.test(secret)) return false;
      return kind !== null && isSecretValue(secret, kind);
    },
    placeholderExempt: ["uuid"],
    windowGate: delimitedMayFollow,
    byteGate: "delimited",
    confidence: "medium",
    literalMarkers: true,
    // The header row (at most ~300 characters) from its start; rows below it.
    window: { before: 320, after: 2400 },
    examples: {
      positives: () => {
        const rand = seededRandom(14701);
        const a = "Mz4" + b62(12, rand) + "!";
        const b = b62(32, rand);
        const hex = randomString("0123456789abcdef", 32, rand);
        const uuid = [0, 8, 12, 16, 20].map((i, k, a) => hex.slice(i, a[k + 1] ?? 32)).join("-");
        return [
          {
            text:
              `Environment\tURL\tUsername\tPassword\nprod\thttps://admin.acme.io\tadmin\t${a}\n` +
              `dev\thttps://dev.acme.io\troot\tchangeme`,
            secret: a,
          },
          {
            text: `Service\tVariable\tValue\tOwner\nsearch\tPORT\t3000\tSven\n` +
              `etl\tMAPS_API_KEY\t${b}\tEmre`,
            secret: b,
          },
          { text: `name,value,owner\nLOG_LEVEL,debug,ana\nSESSION_SECRET,${b},lucia`, secret: b },
          // Heroku's API keys are UUIDs.
          {
            text: "Name\tValue\tOwner\nHEROKU_API_KEY\t" + uuid + "\t@etl\nDB_HOST\tdb1\t@dba",
            secret: uuid,
          },
          {
            text: `Name\tValue\tOwner\nLOG_LEVEL\twarn\t@dba\nREDIS_PASSWORD\t"${a}"\t@etl`,
            secret: a,
          },
        ];
      },
      negatives: () => {
        const rand = seededRandom(14702);
        return [
          `name,value\nREGION,${b62(24, rand)}\nPORT,3000`,
          "user,password\nadmin,changeme\nroot,password123",
          `the api token, which we rotate monthly, lives in vault ${b62(24, rand)}`,
          `id,token_count,model\n1,${b62(20, rand)},gpt\n2,12,gpt`,
          `Environment\tPassword\nprod\t(in 1Password)\ndev\t${"*".repeat(12)}`,
        ];
      },
    },
  },
];
