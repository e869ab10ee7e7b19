// Slack exports, as the zip Slack produces (streamed entry by entry) or its unpacked folder
// (day files in one batch): day files are split into messages and only those that may hold a
// finding are parsed and scanned; channels.json and users.json teach the report names; any
// other file is read as text.
import type { Finding } from "../detect/types.ts";
import { detach } from "./read_stream.ts";
import { looksBinary } from "./sniff.ts";
import { SlackExport } from "./slack_export.ts";
import { type DayMessages, READ } from "./day_filter.ts";
import { readFull } from "./byte_stream.ts";
import type { Job } from "./job_pool.ts";
import { join } from "./walk.ts";
import type { Run } from "./scan_inputs.ts";

/** Zip entries and export JSON files are held whole in memory: above this they are skipped. */
export const ENTRY_LIMIT = 32 * 1024 * 1024;

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
  let json: unknown = undefined;
  if (isDay || SlackExport.isMeta(rel)) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      // The parser's message quotes the text around the fault, which may hold a secret; the
      // file is still read, as plain text, so that nothing in it is lost.
      error(`${path}: bad JSON (${jsonFault(e)}), read as plain text`);
    }
  }
  if (json !== undefined) {
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
  // Metadata (channel topics, profiles), a file that is no JSON, and any other file: plain text.
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

export async function scanZip(
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

export async function scanExportDir(
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
  await run.batch(days, exp);
  exp.finish(totals.found.slice(before));
}

/** Reads one file of an unpacked export and scans it (see scanEntry). */
export async function scanExportFile(
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

/** Where a JSON parse failed, without the text around it that the parser's message quotes. */
function jsonFault(e: unknown): string {
  const m = /(?:at )?position \d+(?: \(line \d+ column \d+\))?|line \d+ column \d+/.exec(
    (e as Error).message,
  );
  return m ? m[0] : "unparsable";
}
