// Streams the entries of a zip (fflate's streaming Unzip): the archive is read 1 MiB at a time
// and each entry is held in memory only while it is being scanned, so a multi-gigabyte Slack
// export costs what its largest day file costs. Entries over the size limit are dropped unread.
import { Unzip, UnzipInflate } from "fflate";
import type { UnzipFile } from "fflate";
import { SKIP_DIRS } from "./walk.ts";

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

export class ZipError extends Error {
  override name = "ZipError";
}

export interface ZipOptions {
  maxSize: number;
  onBytes?: (n: number) => void;
  onSkip?: (name: string, reason: string) => void;
  readSize?: number;
}

/**
 * An entry's name as reports show it, inside the archive's: without a leading `/` or `./`, and
 * with `..` as `%2E%2E`, so that `export.zip/../../etc/passwd` cannot read as a file outside it.
 */
export function entryName(name: string): string {
  return name.replace(/^(?:\.?\/)+/, "").split("/").map((p) => p === ".." ? "%2E%2E" : p)
    .join("/");
}

export async function* zipEntries(path: string, options: ZipOptions): AsyncGenerator<ZipEntry> {
  const file = await Deno.open(path, { read: true });
  try {
    yield* entries(file, options);
  } finally {
    file.close();
  }
}

async function* entries(file: Deno.FsFile, options: ZipOptions): AsyncGenerator<ZipEntry> {
  const ready: ZipEntry[] = [];
  const open = new Set<string>();
  let failure: string | undefined;
  let seen = 0;

  const unzip = new Unzip((raw: UnzipFile) => {
    seen++;
    if (raw.name.endsWith("/")) return; // a folder
    // Skipped as a folder walk skips them: VCS metadata and installed packages.
    if (raw.name.split(/[\\/]/).some((part) => SKIP_DIRS.has(part))) return;
    const name = entryName(raw.name);
    if (raw.originalSize !== undefined && raw.originalSize > options.maxSize) {
      options.onSkip?.(name, `larger than ${options.maxSize} bytes (${raw.originalSize})`);
      return;
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    let dropped = false;
    open.add(name);
    raw.ondata = (err, chunk, final) => {
      if (err) {
        failure ??= `${name}: ${err.message}`;
        open.delete(name);
        return;
      }
      if (dropped) return;
      size += chunk.length;
      if (size > options.maxSize) {
        // streamed archives do not announce sizes up front
        dropped = true;
        open.delete(name);
        options.onSkip?.(name, `larger than ${options.maxSize} bytes`);
        return;
      }
      parts.push(chunk);
      if (final) {
        open.delete(name);
        ready.push({ name, data: concat(parts, size) });
      }
    };
    try {
      raw.start();
    } catch (e) {
      open.delete(name);
      failure ??= `${name}: ${(e as Error).message}`;
    }
  });
  unzip.register(UnzipInflate);

  const buffer = new Uint8Array(options.readSize ?? 1024 * 1024);
  let tail: Uint8Array = new Uint8Array(0);
  let first = true;
  while (true) {
    const n = await file.read(buffer);
    if (n === null) break;
    if (n === 0) continue;
    options.onBytes?.(n);
    const chunk = buffer.slice(0, n);
    tail = keepTail(tail, chunk);
    if (first) {
      first = false;
      const pk = chunk.length >= 4 && chunk[0] === 0x50 && chunk[1] === 0x4b;
      if (!pk) throw new ZipError("not a zip archive (no PK signature)");
    }
    try {
      unzip.push(chunk, false);
    } catch (e) {
      throw new ZipError(`corrupt zip (${(e as Error).message})`);
    }
    while (ready.length) yield ready.shift()!;
    if (failure) throw new ZipError(`corrupt zip entry ${failure}`);
  }
  if (first) throw new ZipError("empty file, not a zip archive");
  try {
    unzip.push(new Uint8Array(0), true);
  } catch (e) {
    throw new ZipError(`corrupt zip (${(e as Error).message})`);
  }
  while (ready.length) yield ready.shift()!;
  if (failure) throw new ZipError(`corrupt zip entry ${failure}`);
  if (open.size > 0) {
    throw new ZipError(`truncated zip: ${[...open][0]} ends early`);
  }
  // An empty archive is its end record alone (22 bytes, `zip` of nothing): no entries, no fault.
  if (seen === 0 && !(tail.length === 22 && hasEndRecord(tail))) {
    throw new ZipError("corrupt zip: no entries found");
  }
  // The streaming reader never needs the central directory, so check its end record is there:
  // without it the archive was cut short (an interrupted download) and entries may be missing.
  if (!hasEndRecord(tail)) throw new ZipError("truncated zip (no end-of-archive record)");
}

/** The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes. */
const TAIL = 22 + 65535;

function keepTail(tail: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (chunk.length >= TAIL) return chunk.slice(chunk.length - TAIL);
  const keep = Math.min(tail.length, TAIL - chunk.length);
  const out = new Uint8Array(keep + chunk.length);
  out.set(tail.subarray(tail.length - keep));
  out.set(chunk, keep);
  return out;
}

function hasEndRecord(tail: Uint8Array): boolean {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 5 && tail[i + 3] === 6) {
      return true;
    }
  }
  return false;
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
