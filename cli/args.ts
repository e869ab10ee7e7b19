// Command-line arguments of `deno task scan`. Pure: argv in, options or a UsageError out, so the
// whole grammar is unit-tested without spawning a process.

export type Format = "table" | "json" | "sarif";
export type MrkdwnMode = "auto" | "on" | "off";

export interface CliOptions {
  paths: string[];
  /** Undefined means "table on a terminal, json otherwise" (decided by main, which sees stdout). */
  format?: Format;
  baseline?: string;
  output?: string;
  /** auto: plain files as plain text, Slack export messages as mrkdwn. */
  mrkdwn: MrkdwnMode;
  /** Files found while walking a folder or a zip larger than this are skipped (bytes). */
  maxSize: number;
  /** Restrict to these rule ids. */
  rules?: string[];
  /** Workspace subdomain for export permalinks (`acme` for acme.slack.com). */
  workspace?: string;
  /** Threads that scan files at once (undefined: one per core, at most two). */
  jobs?: number;
  progress: boolean;
  help: boolean;
}

/** Default size limit for files met while walking folders and zips; named files always stream. */
export const DEFAULT_MAX_SIZE = 100 * 1024 * 1024;

export class UsageError extends Error {
  override name = "UsageError";
}

const UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
};

/** "100MB", "512k", "1g", "2048" -> bytes (binary units). */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw new UsageError(`--max-size: cannot read "${text}" (try 100MB, 512KB or 2048)`);
  }
  return Math.floor(Number(m[1]) * unit);
}

const FORMATS: Record<string, Format> = {
  table: "table",
  json: "json",
  jsonl: "json",
  sarif: "sarif",
};

export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = {
    paths: [],
    mrkdwn: "auto",
    maxSize: DEFAULT_MAX_SIZE,
    progress: true,
    help: false,
  };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || arg === "-" || !arg.startsWith("-")) {
      opts.paths.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPaths = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      i++;
      return next;
    };
    const flag = (): void => {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
    };
    switch (name) {
      case "-h":
      case "--help":
        flag();
        opts.help = true;
        break;
      case "-f":
      case "--format": {
        const v = value();
        const format = FORMATS[v.toLowerCase()];
        if (!format) throw new UsageError(`--format: "${v}" is not one of table, json, sarif`);
        opts.format = format;
        break;
      }
      case "-b":
      case "--baseline":
        opts.baseline = value();
        break;
      case "-o":
      case "--output":
        opts.output = value();
        break;
      case "--max-size":
        opts.maxSize = parseSize(value());
        break;
      case "--rules": {
        const ids = value().split(",").map((s) => s.trim()).filter((s) => s.length > 0);
        if (ids.length === 0) throw new UsageError("--rules needs at least one rule id");
        opts.rules = ids;
        break;
      }
      case "--workspace":
        opts.workspace = value().replace(/^https?:\/\//, "").replace(/\.slack\.com\/?$/, "");
        break;
      case "--jobs": {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < 1 || n > 2) {
          throw new UsageError(`--jobs takes 1 or 2, not ${v}`);
        }
        opts.jobs = n;
        break;
      }
      case "--mrkdwn":
        flag();
        opts.mrkdwn = "on";
        break;
      case "--no-mrkdwn":
        flag();
        opts.mrkdwn = "off";
        break;
      case "--no-progress":
        flag();
        opts.progress = false;
        break;
      default:
        throw new UsageError(`unknown option ${name} (see --help)`);
    }
  }
  if (!opts.help && opts.paths.length === 0) {
    throw new UsageError("no input: name files, folders, Slack export .zip files, or - for stdin");
  }
  return opts;
}

export const HELP =
  `Token Guard scan: find credentials in files, folders and Slack workspace exports.

Usage: deno task scan [options] <path>...

Inputs:
  <file>            any text file; over 8 MiB it streams in blocks (no size limit for named files);
                    UTF-16 text and gzip files (rotated logs) are read as what they hold
  <folder>          walked recursively; skips .git, node_modules, symlinks, binary files (a NUL
                    byte in the first 8 KB) and files over --max-size (a gzip file: past what it
                    inflates to beyond --max-size)
  <export.zip>      a Slack workspace export as Slack delivers it, or any other zip
  <export folder>   an unpacked export (a folder holding channels.json or users.json)
  -                 standard input

Options:
  -f, --format F    table (default on a terminal), json (JSON Lines, default otherwise), sarif
  -o, --output FILE write the report to FILE instead of standard output
  -b, --baseline F  ignore findings whose fingerprint is in F (a previous --format json output,
                    or one SHA-256 fingerprint per line)
      --max-size N  skip files over N inside folders (default 100MB; e.g. 10MB, 512KB); zip
                    entries and export JSON files are held in memory: over 32MB they are skipped
      --rules IDS   only these rule ids, comma-separated
      --workspace W workspace subdomain for export permalinks (W.slack.com)
      --mrkdwn      read every input as Slack mrkdwn
      --no-mrkdwn   read every input as plain text (default: exports as mrkdwn, files as plain)
      --jobs N      threads scanning files at once, 1 or 2 (default: 2 on two cores or more)
      --no-progress no progress bar (it only ever shows when standard error is a terminal)
  -h, --help        this text

Secrets are never printed: a finding shows a redacted preview and the SHA-256 fingerprint.

Exit codes:
  0  nothing found
  1  credentials found (even if some input could not be read)
  2  usage error, or an input could not be read and nothing was found
`;
