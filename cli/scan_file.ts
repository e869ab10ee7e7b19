// Plain files and standard input: as bytes (read whole into the scanner's memory up to
// WHOLE_LIMIT, else in blocks), or as text in chunks when read as mrkdwn; binary files skipped.
import { type ByteReader, detach, scanChunks, textChunks, WHOLE_LIMIT } from "./read_stream.ts";
import type { Located } from "./report.ts";
import { looksBinary, SNIFF_BYTES } from "./sniff.ts";
import { readFull, scanByteStream, type SyncReader } from "./byte_stream.ts";
import type { BytesScanner, Run } from "./scan_inputs.ts";

/** Scans `reader` as text, chunk by chunk, recording its findings under `path`. */
export async function scanReader(
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
    const left = Math.max(0, size - head.length);
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
 * is reset to its start for the streaming path.
 */
function scanWhole(
  file: Deno.FsFile,
  path: string,
  scanner: BytesScanner,
  run: Run,
  size: number,
): boolean {
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
