// Runs the engine over every input: plain files and stdin (scan_file.ts), Slack exports as a zip
// or a folder (scan_export.ts). Runs of plain files and an export's day files form batches,
// which scan on two threads when they are large (job_pool.ts). An unreadable input (missing
// file, corrupt zip, bad JSON) is recorded with its name and the run goes on with the rest.
import type { Finding } from "../detect/types.ts";
import type { MrkdwnMode } from "./args.ts";
import type { Progress } from "./progress.ts";
import type { Located } from "./report.ts";
import { SlackExport } from "./slack_export.ts";
import type { DayMessages } from "./day_filter.ts";
import { type Job, JobPool, type Outcome } from "./job_pool.ts";
import type { Input } from "./walk.ts";
import { scanFile, scanStreamInput } from "./scan_file.ts";
import { scanExportDir, scanExportFile, scanZip } from "./scan_export.ts";

export type ScanFn = (text: string, mrkdwn: boolean) => Promise<Finding[]> | Finding[];

/** Plain text scanned as raw bytes (detect/scan_bytes.ts): same findings, less decoding. */
export interface BytesScanner {
  /** Where the next input goes (valid until the next call). */
  input: (size: number) => Uint8Array;
  scan: (bytes: Uint8Array) => Finding[];
  /** Newlines in `bytes`. */
  lines: (bytes: Uint8Array) => number;
  /** UTF-16 code units that `bytes[from, to)` decode to. */
  units: (bytes: Uint8Array, from: number, to: number) => number;
}

/** Export day files read message by message, only where something may be found (day_filter.ts). */
export interface DayReader {
  /** Where the next day file goes (valid until the next call). */
  input: (size: number) => Uint8Array;
  messages: (bytes: Uint8Array) => DayMessages;
}

export interface ScanContext {
  scan: ScanFn;
  /** The rule selection (for the scan worker, which builds its own scanner). */
  rules?: string[];
  /** Worker threads for batches of files (0 or absent: this thread only). */
  workers?: number;
  /** Smallest batch (bytes) worth a worker (default POOL_MIN_BYTES; tests lower it). */
  poolMinBytes?: number;
  /** When given, export day files skip the messages that cannot hold a finding. */
  day?: DayReader;
  /** When given, plain files and standard input are scanned as bytes. */
  bytes?: BytesScanner;
  mrkdwn: MrkdwnMode;
  maxSize: number;
  workspace?: string;
  progress: Progress;
  /** Called once per unreadable input with a one-line reason naming it. */
  onError: (line: string) => void;
  /** Called once per skipped file (binary, too large). */
  onSkip: (path: string, reason: string) => void;
}

export interface ScanTotals {
  found: Located[];
  files: number;
  bytes: number;
  errors: number;
  skipped: number;
}

/** "./a/b" -> "a/b": reports name files the way people type them. */
export function displayPath(path: string): string {
  return path.replace(/^(\.\/)+(?=.)/, "");
}

/** One scan's context, totals and reporting callbacks, handed to every input reader. */
export interface Run {
  ctx: ScanContext;
  totals: ScanTotals;
  counted: (n: number) => void;
  error: (line: string) => void;
  skip: (path: string, reason: string) => void;
  /** Scans `jobs` as one batch (see runBatch); an export's hosts are learned into `exp`. */
  batch: (jobs: Job[], exp?: SlackExport) => Promise<void>;
}

export async function scanInputs(inputs: Input[], ctx: ScanContext): Promise<ScanTotals> {
  const totals: ScanTotals = { found: [], files: 0, bytes: 0, errors: 0, skipped: 0 };
  const error = (line: string) => {
    totals.errors++;
    ctx.onError(line);
  };
  const skip = (path: string, reason: string) => {
    totals.skipped++;
    ctx.onSkip(path, reason);
  };
  const counted = (n: number) => {
    totals.bytes += n;
    ctx.progress.add(n);
  };
  const pool = new JobPool(ctx.workers ?? 0, {
    rules: ctx.rules,
    mrkdwn: ctx.mrkdwn,
    maxSize: ctx.maxSize,
    workspace: ctx.workspace,
  }, ctx.poolMinBytes);
  const run: Run = {
    ctx,
    totals,
    counted,
    error,
    skip,
    batch: (jobs, exp) => runBatch(jobs, pool, run, exp),
  };

  // Plain files in a row form one batch, scanned on two threads when it is worth it.
  let files: Job[] = [];
  const flushFiles = async () => {
    if (files.length === 0) return;
    const batch = files;
    files = [];
    await run.batch(batch);
  };
  try {
    for (const input of inputs) {
      const path = displayPath(input.path);
      if (input.kind === "file") {
        files.push({
          kind: "file",
          realPath: input.path,
          path,
          size: input.size,
          named: input.named,
        });
        continue;
      }
      await flushFiles();
      ctx.progress.label(path);
      switch (input.kind) {
        case "error":
          error(`${path}: ${input.reason}`);
          break;
        case "skip":
          skip(path, input.reason);
          break;
        case "stdin":
          await scanStreamInput(Deno.stdin, "-", run, false);
          break;
        case "stream":
          await scanStream(input.path, path, run);
          break;
        case "zip":
          await scanZip(input.path, path, run);
          break;
        case "export-dir":
          await scanExportDir(input.path, path, run);
          break;
      }
    }
    await flushFiles();
  } finally {
    pool.close();
  }
  return totals;
}

/** A named pipe or device, read once to its end (it cannot be sized or read again). */
async function scanStream(realPath: string, path: string, run: Run): Promise<void> {
  let file: Deno.FsFile;
  try {
    file = await Deno.open(realPath, { read: true });
  } catch (e) {
    run.error(`${path}: cannot open (${(e as Error).message})`);
    return;
  }
  try {
    await scanStreamInput(file, path, run, true);
  } catch (e) {
    run.error(`${path}: read failed (${(e as Error).message})`);
  } finally {
    file.close();
  }
}

/** Runs a batch of jobs on `pool` and applies each outcome, in order, to the run. */
async function runBatch(jobs: Job[], pool: JobPool, run: Run, exp?: SlackExport): Promise<void> {
  await pool.run(jobs, (job) => runJob(job, run.ctx), (o) => {
    if (o.bytes > 0) run.counted(o.bytes);
    run.totals.files += o.files;
    for (const [path, reason] of o.skips) run.skip(path, reason);
    for (const line of o.errors) run.error(line);
    run.totals.found.push(...o.found);
    exp?.learnHost(o.host);
  });
}

/** Scans one file (on whichever thread), recording what happened instead of reporting it. */
export async function runJob(job: Job, ctx: ScanContext): Promise<Outcome> {
  const outcome: Outcome = { found: [], files: 0, bytes: 0, errors: [], skips: [] };
  const totals: ScanTotals = { found: outcome.found, files: 0, bytes: 0, errors: 0, skipped: 0 };
  const run: Run = {
    ctx,
    totals,
    counted: (n) => outcome.bytes += n,
    error: (line) => outcome.errors.push(line),
    skip: (path, reason) => outcome.skips.push([path, reason]),
    // A job is one file: it never starts a batch, but would run one here, in order.
    batch: (jobs, exp) => runBatch(jobs, new JobPool(0, ctx), run, exp),
  };
  if (job.kind === "file") {
    ctx.progress.label(job.path);
    // A gzip file met in a folder inflates to --max-size at most, as a file there is skipped past it.
    const limit = job.named ? Infinity : ctx.maxSize;
    await scanFile(job.realPath, job.path, ctx.mrkdwn === "on", run, job.size, limit);
  } else {
    const exp = new SlackExport(job.root, ctx.workspace);
    await scanExportFile(exp, job.realRoot, job.rel, run, job.size);
    outcome.host = exp.host;
  }
  outcome.files = totals.files;
  return outcome;
}
