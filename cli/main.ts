// `deno task scan [options] <path>...`: finds credentials in files, folders, standard input and
// Slack workspace exports, and reports them without ever printing a secret.
// Exit codes: 0 nothing found, 1 found, 2 usage error or (with nothing found) unreadable input.
import { engineFns } from "./engine_fns.ts";
import { autoWorkers } from "./job_pool.ts";
import { RULES } from "../detect/rules/mod.ts";
import { scanSync } from "../detect/scan.ts";
import { type CliOptions, HELP, parseArgs, UsageError } from "./args.ts";
import { readBaseline } from "./baseline.ts";
import { formatJsonl } from "./format_jsonl.ts";
import { formatSarif } from "./format_sarif.ts";
import { formatTable } from "./format_table.ts";
import { printable } from "./printable.ts";
import { Progress } from "./progress.ts";
import { compareLocated } from "./report.ts";
import { displayPath, scanInputs } from "./scan_inputs.ts";
import { type Input, walk } from "./walk.ts";

export const VERSION = "0.1.0";

export const EXIT_CLEAN = 0;
export const EXIT_FOUND = 1;
export const EXIT_ERROR = 2;

const encoder = new TextEncoder();

/**
 * A message on standard error. It may echo what was typed (a path, an option's value), and a
 * secret pasted there is shown redacted, as in a report.
 */
function say(line: string): void {
  Deno.stderr.writeSync(encoder.encode(`token-guard: ${printable(redactSecrets(line))}\n`));
}

function redactSecrets(line: string): string {
  const found = scanSync(line, { mrkdwn: false });
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i];
    line = line.slice(0, f.start) + f.redacted + line.slice(f.end);
  }
  return line;
}

async function writeAll(w: { write(p: Uint8Array): Promise<number> }, text: string) {
  let data = encoder.encode(text);
  while (data.length > 0) data = data.subarray(await w.write(data));
}

/** Whether `output` is one of the files named as inputs (the same file by another path too). */
function namesAnInput(output: string, inputs: Input[]): boolean {
  let real: string;
  try {
    real = Deno.realPathSync(output);
  } catch {
    return false; // not there yet
  }
  return inputs.some((i) => {
    if (i.kind !== "file" || !i.named) return false;
    try {
      return Deno.realPathSync(i.path) === real;
    } catch {
      return false;
    }
  });
}

export async function run(argv: string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      say(`${e.message}`);
      return EXIT_ERROR;
    }
    throw e;
  }
  if (opts.help) {
    await writeAll(Deno.stdout, HELP);
    return EXIT_CLEAN;
  }
  if (opts.rules) {
    const known = new Set(RULES.map((r) => r.id));
    const unknown = opts.rules.filter((id) => !known.has(id));
    if (unknown.length) {
      say(`--rules: unknown rule id ${unknown.join(", ")}`);
      return EXIT_ERROR;
    }
  }
  let baseline = new Set<string>();
  if (opts.baseline) {
    try {
      baseline = await readBaseline(opts.baseline);
    } catch (e) {
      say((e as Error).message);
      return EXIT_ERROR;
    }
  }

  const started = performance.now();
  const inputs: Input[] = [];
  for (const input of walk(opts.paths, opts.maxSize)) inputs.push(input);
  if (opts.output !== undefined && namesAnInput(opts.output, inputs)) {
    say(`-o ${opts.output}: that is an input; the report would replace it`);
    return EXIT_ERROR;
  }
  const total = inputs.reduce((n, i) => n + ("size" in i ? i.size : 0), 0);
  const progress = new Progress(total, opts.progress);
  const named = new Set(
    inputs.flatMap((i) =>
      (i.kind === "file" && i.named) || i.kind === "stream" ? [displayPath(i.path)] : []
    ),
  );
  const rules = opts.rules;
  const totals = await scanInputs(inputs, {
    ...engineFns(rules),
    rules,
    workers: opts.jobs === undefined ? autoWorkers() : opts.jobs - 1,
    mrkdwn: opts.mrkdwn,
    maxSize: opts.maxSize,
    workspace: opts.workspace,
    progress,
    onError: (line) => {
      progress.finish();
      say(line);
    },
    onSkip: (path, reason) => {
      // Binary files are expected in any folder (counted in the summary), not when named.
      if (reason.startsWith("binary") && !named.has(path)) return;
      progress.finish();
      say(`skipped ${path}: ${reason}`);
    },
  });
  progress.finish();

  const found = totals.found.filter((l) => !baseline.has(l.finding.fingerprint));
  found.sort(compareLocated);
  const format = opts.format ??
    (opts.output === undefined && Deno.stdout.isTerminal() ? "table" : "json");
  const report = format === "sarif"
    ? formatSarif(found, RULES, { version: VERSION })
    : format === "json"
    ? formatJsonl(found)
    : formatTable(found, {
      files: totals.files,
      bytes: totals.bytes,
      seconds: (performance.now() - started) / 1000,
      skipped: totals.skipped,
      errors: totals.errors,
      baselined: totals.found.length - found.length,
    });
  if (opts.output !== undefined) {
    try {
      await Deno.writeTextFile(opts.output, report);
    } catch (e) {
      // Deno grants devices and /proc to --allow-all only: a shell redirection reaches them.
      const why = (e as Error).name === "NotCapable"
        ? "a device or /proc file is out of the scan task's permissions; redirect standard output"
        : (e as Error).message;
      say(`${opts.output}: cannot write report (${why})`);
      return EXIT_ERROR;
    }
  } else {
    try {
      await writeAll(Deno.stdout, report);
    } catch (e) {
      // A reader that stopped early (`| head`) wanted no more; any other failure lost the report.
      if (!(e instanceof Deno.errors.BrokenPipe)) {
        say(`cannot write the report to standard output (${(e as Error).message})`);
        return EXIT_ERROR;
      }
    }
  }
  if (found.length > 0) return EXIT_FOUND;
  return totals.errors > 0 ? EXIT_ERROR : EXIT_CLEAN;
}

if (import.meta.main) {
  Deno.exit(await run(Deno.args));
}
