// Plain files and standard input: as bytes (read whole into the scanner's memory up to
// WHOLE_LIMIT, else in blocks), or as text in chunks when read as mrkdwn; binary files skipped.
import { type ByteReader, detach, scanChunks, textChunks, WHOLE_LIMIT } from "./read_stream.ts";
import type { Located } from "./report.ts";
import { type Content, looksBinary, SNIFF_BYTES, sniffContent } from "./sniff.ts";
import { gunzip } from "./gunzip.ts";
import { readFull, scanByteStream, type SyncReader, withCharOffsets } from "./byte_stream.ts";
import type { BytesScanner, Run } from "./scan_inputs.ts";
import { startsWithBom } from "../detect/scan_bytes.ts";

/** Scans `reader` as text, chunk by chunk, recording its findings under `path`. */
export async function scanReader(
  reader: ByteReader,
  path: string,
  mrkdwn: boolean,
  run: Run,
  head?: Uint8Array,
  sizeHint?: number,
  encoding?: "utf-8" | "utf-16le" | "utf-16be",
  /** False when the reader's bytes are not the input's (a gzip file's are counted compressed). */
  count = true,
): Promise<void> {
  const { ctx, totals, counted } = run;
  await scanChunks(
    textChunks(reader, { onBytes: count ? counted : undefined, head, sizeHint, encoding }),
    (text) => ctx.scan(text, mrkdwn),
    (finding) => totals.found.push({ finding, path, line: finding.line, column: finding.column }),
  );
}

export async function readHead(file: ByteReader): Promise<Uint8Array> {
  const head = new Uint8Array(SNIFF_BYTES);
  let at = 0;
  while (at < head.length) {
    const n = await file.read(head.subarray(at));
    if (n === null) break;
    at += n;
  }
  return head.subarray(0, at);
}

/**
 * Scans one file. `size` is what the walk saw: the reads trust it only as far as a spare byte
 * confirms it, so a file that grew or shrank since is still read to its end.
 */
export async function scanFile(
  realPath: string,
  path: string,
  mrkdwn: boolean,
  run: Run,
  size: number,
  /** Most bytes a gzip file may inflate to. */
  limit = Infinity,
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
    let content: Content;
    if (bytes && !mrkdwn) {
      const whole = scanWhole(file, path, bytes, run, size);
      if (whole === "done") return;
      // A large file: its head says whether it streams as bytes (binary ones are skipped there).
      content = whole === "large" ? sniffContent(readHeadSync(file)) : whole;
      if (content === "text" || content === "binary") {
        streamBytes(file, path, bytes, run);
        return;
      }
    } else {
      const head = await readHead(reader);
      content = sniffContent(head);
      if (content === "binary") {
        counted(head.length);
        skip(path, "binary");
        return;
      }
      if (content === "text") {
        totals.files++;
        // The size lets a file that fits be read and decoded in one piece.
        const left = Math.max(0, size - head.length);
        await scanReader(reader, path, mrkdwn, run, head, left);
        return;
      }
      file.seekSync(0, Deno.SeekMode.Start);
    }
    await scanDecoded(reader, path, mrkdwn, run, content, size, limit);
  } catch (e) {
    error(`${path}: read failed (${(e as Error).message})`);
  } finally {
    file.close();
  }
}

function readHeadSync(file: Deno.FsFile): Uint8Array {
  const head = new Uint8Array(SNIFF_BYTES);
  const n = readFull(file, head);
  file.seekSync(0, Deno.SeekMode.Start);
  return head.subarray(0, n);
}

/**
 * A UTF-16 or gzip file, read from its start as text. What a gzip file inflates to is told from
 * its own head: text in UTF-8 or UTF-16 is read, anything else skipped; `limit` caps the bytes it
 * may inflate to (a small file can hold gigabytes of zeros).
 */
export async function scanDecoded(
  reader: ByteReader,
  path: string,
  mrkdwn: boolean,
  run: Run,
  content: "utf-16le" | "utf-16be" | "gzip",
  size: number,
  limit: number,
): Promise<void> {
  if (content !== "gzip") {
    run.totals.files++;
    await scanReader(reader, path, mrkdwn, run, undefined, size, content);
    return;
  }
  const inflated = await gunzip(reader, run.counted, limit);
  const head = await readHead(inflated.reader);
  const inner = sniffContent(head);
  if (head.length === 0 && inflated.failure() !== undefined) {
    run.error(`${path}: read failed (${inflated.failure()})`);
    return;
  }
  if (inner === "binary" || inner === "gzip") {
    run.skip(path, "binary (inside gzip)");
    return;
  }
  run.totals.files++;
  const encoding = inner === "text" ? "utf-8" : inner;
  await scanReader(inflated.reader, path, mrkdwn, run, head, undefined, encoding, false);
  if (inflated.capped()) {
    run.skip(path, `what it inflates to past --max-size (${limit} bytes)`);
  }
  const failure = inflated.failure();
  if (failure !== undefined) run.error(`${path}: read failed (${failure}), read up to there`);
}

/**
 * Scans a plain file of at most WHOLE_LIMIT bytes straight in the bytes scanner's buffer: "done"
 * when it was (or was skipped as binary), "large" when it is larger or grew while read, and its
 * content when that is text of another kind (the file is then back at its start).
 */
function scanWhole(
  file: Deno.FsFile,
  path: string,
  scanner: BytesScanner,
  run: Run,
  size: number,
): "done" | "large" | "utf-16le" | "utf-16be" | "gzip" {
  if (size > WHOLE_LIMIT) return "large";
  // One spare byte: a full buffer means the file grew.
  const buf = scanner.input(size + 1);
  const at = readFull(file, buf);
  if (at === buf.length) {
    file.seekSync(0, Deno.SeekMode.Start);
    return "large";
  }
  const content = looksBinary(buf.subarray(0, Math.min(at, SNIFF_BYTES)))
    ? sniffContent(buf.subarray(0, at))
    : "text";
  if (content !== "text" && content !== "binary") {
    file.seekSync(0, Deno.SeekMode.Start);
    return content;
  }
  run.counted(at);
  if (content === "binary") {
    run.skip(path, "binary");
    return "done";
  }
  run.totals.files++;
  const found = scanner.scan(buf.subarray(0, at));
  // The scan may have moved the scanner's memory.
  // A byte order mark counts as one code unit, but the decoded text has none.
  const base = startsWithBom(buf) ? -1 : 0;
  for (const f of withCharOffsets(found, scanner.input(at), scanner.units, base)) {
    const finding = detach(f);
    run.totals.found.push({ finding, path, line: finding.line, column: finding.column });
  }
  return "done";
}

/**
 * Standard input or a pipe, read once: its first bytes say whether it is gzip or UTF-16 (read as
 * the text they hold, as files are) or text to scan as bytes, those bytes read again from memory.
 * Binary input is skipped only when `sniff` (standard input is scanned whatever it holds).
 */
export async function scanStreamInput(
  input: SyncReader & ByteReader,
  path: string,
  run: Run,
  sniff: boolean,
): Promise<void> {
  const mrkdwn = run.ctx.mrkdwn === "on";
  const head = await readHead(input);
  const again = replaying(head, input);
  const content = sniffContent(head);
  if (content === "gzip" || content === "utf-16le" || content === "utf-16be") {
    await scanDecoded(again, path, mrkdwn, run, content, -1, Infinity);
    return;
  }
  if (run.ctx.bytes && !mrkdwn) {
    if (!sniff) run.totals.files++;
    streamBytes(again, path, run.ctx.bytes, run, sniff);
    return;
  }
  if (sniff && content === "binary") {
    run.counted(head.length);
    run.skip(path, "binary");
    return;
  }
  run.totals.files++;
  await scanReader(again, path, mrkdwn, run);
}

/** `input` read again from its start: `head` (already read from it) first, then the rest. */
function replaying(head: Uint8Array, input: SyncReader & ByteReader): SyncReader & ByteReader {
  let at = 0;
  const take = (p: Uint8Array) => {
    const n = Math.min(p.length, head.length - at);
    p.set(head.subarray(at, at + n));
    at += n;
    return n;
  };
  return {
    readSync: (p) => at < head.length ? take(p) : input.readSync(p),
    read: (p) => at < head.length ? Promise.resolve(take(p)) : input.read(p),
  };
}

/** A large file (or standard input) scanned as bytes in blocks; binary files are skipped. */
export function streamBytes(
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
