// Runs the engine over every input. Plain files and stdin are scanned as bytes (whole up to
// 8 MiB, else in blocks; as text in chunks when read as mrkdwn); zips are streamed entry by
// entry; Slack export day files are split into messages and only those that may hold a finding
// are parsed and scanned. Runs of plain files and an export's day files form batches, which
// scan on two threads when they are large (job_pool.ts). An unreadable input (missing file,
// corrupt zip, bad JSON) is recorded with its name and the run goes on with the rest.
import type { Finding } from "../detect/types.ts";
import type { MrkdwnMode } from "./args.ts";
import type { Progress } from "./progress.ts";
import { type ByteReader, detach, scanChunks, textChunks, WHOLE_LIMIT } from "./read_stream.ts";
import type { Located } from "./report.ts";
import { looksBinary, SNIFF_BYTES } from "./sniff.ts";
import { SlackExport } from "./slack_export.ts";
import { type DayMessages, READ } from "./day_filter.ts";
import { readFull, scanByteStream, type SyncReader } from "./byte_stream.ts";
import { type Job, JobPool, type Outcome } from "./job_pool.ts";
import type { Input } from "./walk.ts";
import { join } from "./walk.ts";

/** Zip entries and export JSON files are held whole in memory: above this they are skipped. */
export const ENTRY_LIMIT = 32 * 1024 * 1024;

export type ScanFn = (text: string, mrkdwn: boolean) => Promise<Finding[]> | Finding[];

/** Plain text scanned as raw bytes (detect/scan_bytes.ts): same findings, less decoding. */
export interface BytesScanner {
  /** Where the next input goes (valid until the next call). */
  input: (size: number) => Uint8Array;
  scan: (bytes: Uint8Array) => Finding[];
  /** Newlines in `bytes`. */
  lines: (bytes: Uint8Array) => number;
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
interface Run {
  ctx: ScanContext;
  totals: ScanTotals;
  counted: (n: number) => void;
  error: (line: string) => void;
  skip: (path: string, reason: string) => void;
  pool: JobPool;
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
  const plain = ctx.mrkdwn === "on";
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
  const run: Run = { ctx, totals, counted, error, skip, pool };

  // Plain files in a row form one batch, scanned on two threads when it is worth it.
  let files: Job[] = [];
  const flushFiles = async () => {
    if (files.length === 0) return;
    const batch = files;
    files = [];
    await runBatch(batch, run);
  };
  try {
    for (const input of inputs) {
      const path = displayPath(input.path);
      if (input.kind === "file") {
        files.push({ kind: "file", realPath: input.path, path, size: input.size });
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
          totals.files++;
          if (ctx.bytes && !plain) streamBytes(Deno.stdin, "-", ctx.bytes, run, false);
          else await scanReader(Deno.stdin, "-", plain, run);
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

/** Runs a batch of jobs (on the pool) and applies each outcome, in order, to the run. */
async function runBatch(jobs: Job[], run: Run, exp?: SlackExport): Promise<void> {
  await run.pool.run(jobs, (job) => runJob(job, run.ctx), (o) => {
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
    pool: new JobPool(0, ctx),
  };
  if (job.kind === "file") {
    ctx.progress.label(job.path);
    await scanFile(job.realPath, job.path, ctx.mrkdwn === "on", run, job.size);
  } else {
    const exp = new SlackExport(job.root, ctx.workspace);
    await scanExportFile(exp, job.realRoot, job.rel, run, job.size);
    outcome.host = exp.host;
  }
  outcome.files = totals.files;
  return outcome;
}

async function scanReader(
  reader: ByteReader,
  path: string,
  mrkdwn: boolean,
  run: Run,
  head?: Uint8Array,
  sizeHint?: number,
): Promise<void> {
  const { ctx, totals, counted } = run;
  await scanChunks(
    textChunks(reader, { onBytes: counted, head, sizeHint }),
    (text) => ctx.scan(text, mrkdwn),
    (finding) => totals.found.push({ finding, path, line: finding.line, column: finding.column }),
  );
}

async function readHead(file: ByteReader): Promise<Uint8Array> {
  const head = new Uint8Array(SNIFF_BYTES);
  let at = 0;
  while (at < head.length) {
    const n = await file.read(head.subarray(at));
    if (n === null) break;
    at += n;
  }
  return head.subarray(0, at);
}

async function scanFile(
  realPath: string,
  path: string,
  mrkdwn: boolean,
  run: Run,
  size?: number,
): Promise<void> {
  const { totals, counted, error, skip } = run;
  let file: Deno.FsFile;
  try {
    file = Deno.openSync(realPath, { read: true });
  } catch (e) {
    error(`${path}: cannot open (${(e as Error).message})`);
    return;
  }
  // Synchronous reads: a file's bytes are usually in the page cache, and a round trip through
  // the async I/O threads per read cost more than the read itself (a fifth of the I/O time).
  const reader: ByteReader = {
    read: (p) => {
      try {
        return Promise.resolve(file.readSync(p));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
  try {
    const bytes = run.ctx.bytes;
    if (bytes && !mrkdwn) {
      if (scanWhole(file, path, bytes, run, size)) return;
      streamBytes(file, path, bytes, run);
      return;
    }
    const head = await readHead(reader);
    if (looksBinary(head)) {
      counted(head.length);
      skip(path, "binary");
      return;
    }
    totals.files++;
    // The size lets a file that fits be read and decoded in one piece.
    const left = Math.max(0, file.statSync().size - head.length);
    await scanReader(reader, path, mrkdwn, run, head, left);
  } catch (e) {
    error(`${path}: read failed (${(e as Error).message})`);
  } finally {
    file.close();
  }
}

/**
 * Reads a plain file of at most WHOLE_LIMIT bytes straight into the bytes scanner's buffer and
 * scans it there. False (nothing read) when the file is larger; a file that grows while read
 * is reset to its start for the streaming path. `known`: its size when the walk stat it (one
 * system call less per file; a file that grew since is caught the same way).
 */
function scanWhole(
  file: Deno.FsFile,
  path: string,
  scanner: BytesScanner,
  run: Run,
  known?: number,
): boolean {
  const size = known !== undefined && known >= 0 ? known : file.statSync().size;
  if (size > WHOLE_LIMIT) return false;
  // One spare byte: a full buffer means the file grew.
  const buf = scanner.input(size + 1);
  const at = readFull(file, buf);
  if (at === buf.length) {
    file.seekSync(0, Deno.SeekMode.Start);
    return false;
  }
  run.counted(at);
  if (looksBinary(buf.subarray(0, Math.min(at, SNIFF_BYTES)))) {
    run.skip(path, "binary");
    return true;
  }
  run.totals.files++;
  for (const f of scanner.scan(buf.subarray(0, at))) {
    const finding = detach(f);
    run.totals.found.push({ finding, path, line: finding.line, column: finding.column });
  }
  return true;
}

/** A large file (or standard input) scanned as bytes in blocks; binary files are skipped. */
function streamBytes(
  reader: SyncReader,
  path: string,
  scanner: BytesScanner,
  run: Run,
  sniff = true,
): void {
  const found: Located[] = [];
  const text = scanByteStream(reader, scanner, (f) => {
    const finding = detach(f);
    found.push({ finding, path, line: finding.line, column: finding.column });
  }, { onBytes: run.counted, isBinary: sniff ? looksBinary : undefined });
  if (!text) {
    run.skip(path, "binary");
    return;
  }
  if (sniff) run.totals.files++;
  run.totals.found.push(...found);
}

const decoder = new TextDecoder();

/** One in-memory file of an export or zip: day files as messages, the rest as text. */
async function scanEntry(
  exp: SlackExport,
  rel: string,
  data: Uint8Array,
  run: Run,
): Promise<void> {
  const { ctx, totals, error, skip } = run;
  const path = `${exp.root}/${rel}`;
  if (looksBinary(data)) {
    skip(path, "binary");
    return;
  }
  totals.files++;
  const isDay = SlackExport.isDayFile(rel);
  const scanPart = (t: string, md: boolean) =>
    ctx.scan(t, ctx.mrkdwn === "auto" ? md : ctx.mrkdwn === "on");
  if (isDay && ctx.day) {
    const picked = ctx.day.messages(data);
    data = picked.bytes;
    if (await scanDayMessages(exp, rel, picked, scanPart, run)) return;
  }
  const text = decoder.decode(data);
  if (isDay || SlackExport.isMeta(rel)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      error(`${path}: bad JSON (${(e as Error).message})`);
      return;
    }
    try {
      if (isDay) {
        totals.found.push(...await exp.scanDay(rel, json, scanPart));
        return;
      }
      exp.addMeta(rel, json);
    } catch (e) {
      error(`${path}: not a Slack export file (${(e as Error).message})`);
      return;
    }
  }
  // Metadata (channel topics, profiles) and any other file: plain text.
  for (const found of await ctx.scan(text, ctx.mrkdwn === "on")) {
    const finding = detach(found);
    totals.found.push({ finding, path, line: finding.line, column: finding.column });
  }
}

/**
 * A day file read message by message: only the messages the day reader marks are parsed.
 * False (nothing done) when the file is not a well-formed array or a marked message does not
 * parse: the caller reads it whole and reports what is wrong.
 */
async function scanDayMessages(
  exp: SlackExport,
  rel: string,
  picked: DayMessages,
  scanPart: (t: string, md: boolean) => Promise<Finding[]> | Finding[],
  run: Run,
): Promise<boolean> {
  const { bytes: data, elements, marks } = picked;
  if (elements === null || marks === null) return false;
  // Parsed before anything else runs: `data` may live in the day reader's memory.
  const messages: Array<{ msg: unknown; read: boolean }> = [];
  for (let e = 0; e < marks.length; e++) {
    if (marks[e] === 0) continue;
    try {
      const slice = data.subarray(elements[e * 2], elements[e * 2 + 1]);
      messages.push({ msg: JSON.parse(decoder.decode(slice)), read: (marks[e] & READ) !== 0 });
    } catch {
      return false;
    }
  }
  for (const { msg, read } of messages) {
    if (read) run.totals.found.push(...await exp.scanMessages(rel, [msg], scanPart));
    else exp.learn(msg);
  }
  return true;
}

async function scanZip(
  realPath: string,
  path: string,
  run: Run,
): Promise<void> {
  const { ctx, totals, counted, error, skip } = run;
  const exp = new SlackExport(path, ctx.workspace);
  const before = totals.found.length;
  // fflate (an npm package) adds about 20 ms to every start: loaded only when a zip is scanned.
  const { zipEntries, ZipError } = await import("./zip.ts");
  try {
    const entries = zipEntries(realPath, {
      maxSize: Math.min(ctx.maxSize, ENTRY_LIMIT),
      onBytes: counted,
      onSkip: (name, reason) => skip(`${path}/${name}`, reason),
    });
    for await (const entry of entries) {
      ctx.progress.label(`${path}/${entry.name}`);
      await scanEntry(exp, entry.name, entry.data, run);
    }
  } catch (e) {
    const why = e instanceof ZipError ? e.message : `cannot read (${(e as Error).message})`;
    error(`${path}: ${why}`);
  }
  exp.finish(totals.found.slice(before));
}

async function scanExportDir(
  realPath: string,
  path: string,
  run: Run,
): Promise<void> {
  const { ctx, totals } = run;
  const exp = new SlackExport(path, ctx.workspace);
  const before = totals.found.length;
  const days: Job[] = [];
  for (const rel of exportFiles(realPath, "", run.error)) {
    if (!SlackExport.isDayFile(rel)) {
      await scanExportFile(exp, realPath, rel, run);
      continue;
    }
    let size = -1;
    try {
      size = Deno.statSync(join(realPath, rel)).size;
    } catch {
      // scanExportFile stats again and reports it
    }
    days.push({ kind: "day", realRoot: realPath, root: path, rel, size });
  }
  // Day files (nearly all of an export) in one batch; the host each learned, in order.
  await runBatch(days, run, exp);
  exp.finish(totals.found.slice(before));
}

/** Reads one file of an unpacked export and scans it (see scanEntry). */
async function scanExportFile(
  exp: SlackExport,
  realRoot: string,
  rel: string,
  run: Run,
  knownSize = -1,
): Promise<void> {
  const { ctx, counted, error, skip } = run;
  const path = exp.root;
  const full = join(realRoot, rel);
  let data: Uint8Array;
  try {
    // Synchronous, as for plain files: an export is many small files, each async call a
    // round trip through the I/O threads that cost more than the read.
    const size = knownSize >= 0 ? knownSize : Deno.statSync(full).size;
    if (size > Math.min(ctx.maxSize, ENTRY_LIMIT)) {
      skip(`${path}/${rel}`, `larger than ${Math.min(ctx.maxSize, ENTRY_LIMIT)} bytes (${size})`);
      return;
    }
    data = ctx.day && SlackExport.isDayFile(rel)
      ? readInto(full, size, ctx.day.input)
      : Deno.readFileSync(full);
  } catch (e) {
    error(`${path}/${rel}: cannot read (${(e as Error).message})`);
    return;
  }
  counted(data.length);
  ctx.progress.label(`${path}/${rel}`);
  await scanEntry(exp, rel, data, run);
}

/** Reads a file of `size` bytes into a buffer from `input` (what it holds if it shrank). */
function readInto(path: string, size: number, input: (size: number) => Uint8Array): Uint8Array {
  const file = Deno.openSync(path, { read: true });
  try {
    const buf = input(size);
    return buf.subarray(0, readFull(file, buf));
  } finally {
    file.close();
  }
}

/** Files of an unpacked export, sorted, skipping symlinks and VCS folders (sync: see walk.ts). */
function* exportFiles(
  root: string,
  rel: string,
  error: (line: string) => void,
): Generator<string> {
  let names: Deno.DirEntry[];
  try {
    names = [...Deno.readDirSync(rel ? join(root, rel) : root)];
  } catch (e) {
    error(`${root}/${rel}: cannot list (${(e as Error).message})`);
    return;
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of names) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isSymlink) continue;
    if (e.isDirectory && e.name !== ".git" && e.name !== "node_modules") {
      yield* exportFiles(root, child, error);
    } else if (e.isFile) {
      yield child;
    }
  }
}
