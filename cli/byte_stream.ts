// A large input scanned as bytes in blocks (detect/scan_bytes.ts per block), the way
// read_stream.ts scans text in chunks: each block ends at a line end and starts with the last
// 64 KiB of the one before (from a line start when there is one), so a secret that straddles
// two blocks, a multi-line PEM key included, is whole in one of them; a finding that lies wholly
// in that repeated part was reported by the block before. Memory stays at one block.
import type { Finding } from "../detect/types.ts";
import { SNIFF_BYTES } from "./sniff.ts";
import type { BytesScanner } from "./scan_inputs.ts";
import { startsWithBom } from "../detect/scan_bytes.ts";

/** Bytes per block: 8 MiB, like the largest file read whole. */
export const BLOCK = 8 * 1024 * 1024;
/** Bytes repeated from the end of a block at the start of the next (read_stream's overlap). */
export const BLOCK_OVERLAP = 64 * 1024;

export interface SyncReader {
  readSync(p: Uint8Array): number | null;
}

export interface ByteStreamOptions {
  block?: number;
  overlap?: number;
  onBytes?: (n: number) => void;
  /** Checked on the first bytes read: true stops the stream (a binary file). */
  isBinary?: (head: Uint8Array) => boolean;
}

/** Reads until `buf` is full or the input ends; how many bytes it read. */
export function readFull(reader: SyncReader, buf: Uint8Array): number {
  let at = 0;
  while (at < buf.length) {
    const n = reader.readSync(buf.subarray(at));
    if (n === null) break;
    at += n;
  }
  return at;
}

/**
 * `at`, or the start of the character it falls inside: a cut between a character's bytes would
 * read the bytes after it as replacement characters, a column each.
 */
function atCharStart(buf: Uint8Array, at: number, floor: number): number {
  let i = at;
  while (i > floor && (buf[i] & 0xc0) === 0x80) i--;
  return i > floor ? i : at;
}

/** `end`, or the start of a character whose bytes `end` cuts (the next block reads it whole). */
function wholeCharsEnd(buf: Uint8Array, end: number, floor: number): number {
  const lead = atCharStart(buf, end - 1, floor);
  const b = buf[lead];
  const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return lead + size > end && lead > floor ? lead : end;
}

/**
 * `found` (byte offsets into `bytes`, in order of start) with offsets in the decoded text, the
 * first byte of `bytes` being character `base`; counted from one finding to the next.
 */
export function withCharOffsets(
  found: Finding[],
  bytes: Uint8Array,
  units: BytesScanner["units"],
  base = 0,
): Finding[] {
  let byte = 0, char = base;
  return found.map((f) => {
    if (f.start < byte) byte = 0, char = base;
    char += units(bytes, byte, f.start);
    byte = f.start;
    return { ...f, start: char, end: char + units(bytes, f.start, f.end) };
  });
}

/**
 * Scans `reader` to its end in blocks held in `input(size)` (the scanner's memory) with
 * `scan`. Findings carry whole-input lines and columns. Returns false when `isBinary` stopped it.
 */
export function scanByteStream(
  reader: SyncReader,
  scanner: BytesScanner,
  onFinding: (f: Finding) => void,
  options: ByteStreamOptions = {},
): boolean {
  const { input, scan, lines, units } = scanner;
  const block = options.block ?? BLOCK;
  const overlap = Math.min(options.overlap ?? BLOCK_OVERLAP, block / 2);
  let have = 0; // bytes held at the start of the buffer
  let ownFrom = 0; // where bytes not scanned before start
  let line = 1; // line of the buffer's first byte
  let column0 = 0; // columns before the buffer's first byte on its line
  let char0 = 0; // characters (UTF-16 code units) before the buffer's first byte
  let eof = false;
  let first = true;
  while (true) {
    let buf = input(block);
    if (!eof) {
      const n = readFull(reader, buf.subarray(have));
      eof = have + n < block;
      have += n;
      if (n > 0) options.onBytes?.(n);
    }
    if (first) {
      first = false;
      if (options.isBinary?.(buf.subarray(0, Math.min(have, SNIFF_BYTES)))) return false;
      // A byte order mark counts as one code unit, but the decoded text has none.
      if (startsWithBom(buf)) char0 = -1;
    }
    if (have === 0 || have <= ownFrom) return true;
    // The block ends at its last line end; one line longer than a block is cut anyway.
    let cut = have;
    if (!eof) {
      const nl = buf.subarray(0, have).lastIndexOf(10);
      cut = nl >= ownFrom ? nl + 1 : wholeCharsEnd(buf, have, ownFrom);
    }
    const found = scan(buf.subarray(0, cut));
    // The scan may have moved the scanner's memory.
    const chars = withCharOffsets(found, input(block), units, char0);
    for (let i = 0; i < found.length; i++) {
      if (found[i].end <= ownFrom) continue; // the block before reported it
      const f = chars[i];
      onFinding({
        ...f,
        line: line + f.line - 1,
        column: f.line === 1 ? f.column + column0 : f.column,
        endLine: line + f.endLine - 1,
        endColumn: f.endLine === 1 ? f.endColumn + column0 : f.endColumn,
      });
    }
    if (eof && cut === have) return true;
    buf = input(block); // the scan may have moved the scanner's memory
    // The next block starts with the last `overlap` bytes, from a line start if there is one.
    let start = Math.max(0, cut - overlap);
    const nl = buf.subarray(0, cut).indexOf(10, start > 0 ? start - 1 : 0);
    if (start > 0 && nl !== -1 && nl + 1 < cut) start = nl + 1;
    else start = atCharStart(buf, start, 0);
    // Count what is dropped, for the lines and columns of the next block.
    const dropped = buf.subarray(0, start);
    char0 += units(buf, 0, start);
    const lastNl = dropped.lastIndexOf(10);
    if (lastNl === -1) column0 += units(buf, 0, start);
    else {
      line += lines(dropped);
      column0 = units(buf, lastNl + 1, start);
    }
    buf.copyWithin(0, start, have);
    have -= start;
    ownFrom = cut - start;
  }
}
