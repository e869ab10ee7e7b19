// Streams a large input as text chunks cut on line boundaries, each carrying a tail of the
// previous chunk (the overlap) so a secret that spans a boundary, such as a multi-line PEM key,
// is whole in at least one chunk. Memory stays at a few chunk sizes whatever the input's size.
import type { Finding } from "../detect/types.ts";

/** Anything with Deno.Reader's `read`: Deno.FsFile, Deno.stdin. */
export interface ByteReader {
  read(p: Uint8Array): Promise<number | null>;
}

export interface TextChunk {
  text: string;
  /** Index in `text` where text not shown in an earlier chunk starts; before it is overlap. */
  ownFrom: number;
  /** 1-based line number of text[0] in the whole input. */
  line: number;
  /** Columns before text[0] on its line (non-zero only when a chunk had to cut a long line). */
  column0: number;
  /** Characters (UTF-16 code units) of the whole input before text[0]. */
  offset0: number;
}

export interface ChunkOptions {
  /** Characters per chunk before cutting at the last newline (default 1 Mi). */
  chunkSize?: number;
  /** Characters of the previous chunk repeated at the start of the next (default 64 Ki). */
  overlap?: number;
  /** Size of each read (default 1 MiB). */
  readSize?: number;
  /** Bytes read so far, for progress. */
  onBytes?: (n: number) => void;
  /** Bytes already read by the caller (e.g. a binary sniff), to be processed first. */
  head?: Uint8Array;
  /**
   * Bytes expected after `head` (a file's size). Up to WHOLE_LIMIT they are read into one buffer
   * and decoded in one call: streaming decodes cost twice as much per byte, and the text is then
   * one flat string instead of a concatenation.
   */
  sizeHint?: number;
  /** The bytes' encoding (default UTF-8; a byte order mark is dropped). */
  encoding?: "utf-8" | "utf-16le" | "utf-16be";
}

/** 1 Mi characters: as fast as larger chunks, and keeps the garbage per chunk small. */
export const DEFAULT_CHUNK = 1024 * 1024;
/** A 16384-bit RSA key in PEM is about 12 KB; 64 Ki leaves room for the context around it. */
export const DEFAULT_OVERLAP = 64 * 1024;
/** Largest input read and decoded whole (bytes); larger ones stream in `readSize` reads. */
export const WHOLE_LIMIT = 8 * 1024 * 1024;

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  let i = text.indexOf("\n", from);
  while (i !== -1 && i < to) {
    n++;
    i = text.indexOf("\n", i + 1);
  }
  return n;
}

/** Where the overlap of `text` starts: a line start near `text.length - overlap` if there is one. */
function overlapStart(text: string, overlap: number): number {
  if (text.length <= overlap) return 0;
  const from = text.length - overlap;
  const nl = text.indexOf("\n", from - 1);
  if (nl !== -1 && nl + 1 < text.length) return nl + 1;
  return from; // one very long line: cut inside it
}

/**
 * The input as decoded pieces, in order (their concatenation is the whole text). An input that
 * fits its size hint comes as one piece from one decode.
 */
async function* decodedPieces(
  reader: ByteReader,
  options: ChunkOptions,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(options.encoding ?? "utf-8");
  const head = options.head ?? new Uint8Array(0);
  if (options.head) options.onBytes?.(head.length);
  const hint = options.sizeHint ?? -1;
  if (hint >= 0 && head.length + hint <= WHOLE_LIMIT) {
    // One spare byte: a full buffer means the input grew, and the rest streams as usual.
    const all = new Uint8Array(head.length + hint + 1);
    all.set(head);
    let at = head.length;
    let eof = false;
    while (at < all.length) {
      const n = await reader.read(all.subarray(at));
      if (n === null) {
        eof = true;
        break;
      }
      options.onBytes?.(n);
      at += n;
    }
    if (eof) {
      yield decoder.decode(all.subarray(0, at));
      return;
    }
    yield decoder.decode(all, { stream: true });
  } else if (head.length > 0) {
    yield decoder.decode(head, { stream: true });
  }
  const buffer = new Uint8Array(options.readSize ?? 1024 * 1024);
  while (true) {
    const n = await reader.read(buffer);
    if (n === null) break;
    if (n > 0) {
      options.onBytes?.(n);
      yield decoder.decode(buffer.subarray(0, n), { stream: true });
    }
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

export async function* textChunks(
  reader: ByteReader,
  options: ChunkOptions = {},
): AsyncGenerator<TextChunk> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const overlap = Math.min(options.overlap ?? DEFAULT_OVERLAP, chunkSize);
  const pieces = decodedPieces(reader, options);
  let pending = "";
  let carry = "";
  let line = 1;
  let column0 = 0;
  let offset0 = 0;
  let eof = false;

  while (!eof || pending.length > 0) {
    while (!eof && pending.length < chunkSize) {
      const next = await pieces.next();
      if (next.done) eof = true;
      else pending = pending.length === 0 ? next.value : pending + next.value;
    }
    // Cut at the last line end within chunkSize, so where chunks end depends on the text
    // alone, not on how the reads happened to fall.
    let cut = pending.length;
    if (pending.length > chunkSize) {
      cut = pending.lastIndexOf("\n", chunkSize - 1) + 1;
      // One line longer than a chunk: cut it anyway, the overlap keeps what straddles the cut.
      if (cut === 0) cut = chunkSize;
    } else if (!eof) {
      cut = pending.lastIndexOf("\n") + 1 || pending.length;
    }
    const own = cut === pending.length ? pending : pending.slice(0, cut);
    const text = carry.length === 0 ? own : carry + own;
    pending = cut === pending.length ? "" : pending.slice(cut);
    if (text.length === 0) break;
    yield { text, ownFrom: carry.length, line, column0, offset0 };

    if (eof && pending.length === 0) break;
    const start = overlapStart(text, overlap);
    const newlines = countNewlines(text, 0, start);
    if (newlines === 0) {
      column0 += start;
    } else {
      column0 = start - (text.lastIndexOf("\n", start - 1) + 1);
    }
    line += newlines;
    offset0 += start;
    carry = text.slice(start);
  }
}

/**
 * Scans a chunked input; findings carry whole-input offsets, lines and columns, each reported
 * once.
 */
export async function scanChunks(
  chunks: AsyncIterable<TextChunk>,
  scan: (text: string) => Promise<Finding[]> | Finding[],
  onFinding: (finding: Finding) => void,
): Promise<void> {
  for await (const chunk of chunks) {
    const found = await scan(chunk.text);
    for (const f of found) {
      // Whole inside the overlap: the previous chunk saw it, with more context before it.
      if (f.end <= chunk.ownFrom) continue;
      onFinding({
        ...detach(f),
        start: chunk.offset0 + f.start,
        end: chunk.offset0 + f.end,
        line: chunk.line + f.line - 1,
        column: f.line === 1 ? f.column + chunk.column0 : f.column,
        endLine: chunk.line + f.endLine - 1,
        endColumn: f.endLine === 1 ? f.endColumn + chunk.column0 : f.endColumn,
      });
    }
  }
}

/**
 * A copy of `f` that shares no string with the scanned text. V8 keeps a whole string alive
 * while any slice of it lives, so a kept finding whose preview was sliced from a 4 MB chunk
 * would keep that chunk: a few hundred findings would pin gigabytes of a large input.
 */
export function detach(f: Finding): Finding {
  return JSON.parse(JSON.stringify(f));
}
