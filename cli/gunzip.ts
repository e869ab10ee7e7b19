// A gzip file's content as a reader, inflated as it is read, so a large rotated log is scanned in
// the same flat memory as a plain one. fflate's streaming Gunzip reads every member of a file
// that holds several (`cat a.gz b.gz`, what log rotation appends), where the runtime's
// DecompressionStream stops at the first; it is loaded only when a gzip file is met.
import type { ByteReader } from "./read_stream.ts";

export interface Inflated {
  /** Ends where the content ends, is capped, or stops being readable (see `failure`). */
  reader: ByteReader;
  /** Whether the content went on past `limit` (what was read ends there). */
  capped(): boolean;
  /**
   * Why the stream stopped early (a corrupt or cut stream): what came before is still read, so
   * a rotated log cut short keeps the findings it holds.
   */
  failure(): string | undefined;
}

/**
 * Compressed bytes per push. Deflate inflates at most ~1,000 to 1: 16 KiB in gives at most
 * ~16 MiB out at once (a bomb's zeros), which the reader hands on before the next push.
 */
const READ_SIZE = 16 * 1024;

/** Inflates `source`; `onBytes` counts the compressed bytes read, `limit` caps the output. */
export async function gunzip(
  source: ByteReader,
  onBytes?: (n: number) => void,
  limit = Infinity,
): Promise<Inflated> {
  const { Gunzip } = await import("fflate");
  const queue: Uint8Array[] = [];
  let pending: Uint8Array = new Uint8Array(0);
  let given = 0;
  let ended = false; // no more output will come
  let capped = false;
  let failure: string | undefined;
  const inflater = new Gunzip((chunk) => {
    if (chunk.length > 0) queue.push(chunk);
  });
  const buf = new Uint8Array(READ_SIZE);
  /** Makes output pending; false when there is none left. */
  const next = async (): Promise<boolean> => {
    while (pending.length === 0) {
      const chunk = queue.shift();
      if (chunk !== undefined) {
        pending = chunk;
        break;
      }
      if (ended) return false;
      const n = await source.read(buf);
      try {
        if (n === null) {
          ended = true;
          inflater.push(new Uint8Array(0), true);
        } else if (n > 0) {
          onBytes?.(n);
          inflater.push(buf.slice(0, n));
        }
      } catch (e) {
        ended = true;
        failure = (e as Error).message;
      }
    }
    return true;
  };
  return {
    reader: {
      async read(p: Uint8Array): Promise<number | null> {
        if (!await next()) return null;
        if (given >= limit) {
          capped = true;
          queue.length = 0;
          ended = true;
          pending = new Uint8Array(0);
          return null;
        }
        const n = Math.min(p.length, pending.length, limit - given);
        p.set(pending.subarray(0, n));
        pending = pending.subarray(n);
        given += n;
        return n;
      },
    },
    capped: () => capped,
    failure: () => failure,
  };
}
