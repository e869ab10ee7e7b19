// A gzip file's content as a reader, inflated as it is read (the runtime's DecompressionStream),
// so a large rotated log is scanned in the same flat memory as a plain one.
import type { ByteReader } from "./read_stream.ts";

export interface Inflated {
  reader: ByteReader;
  /** Whether the content went on past `limit` (what was read ends there). */
  capped(): boolean;
  cancel(): Promise<void>;
}

const READ_SIZE = 64 * 1024;

/** Inflates `source`; `onBytes` counts the compressed bytes read, `limit` caps the output. */
export function gunzip(
  source: ByteReader,
  onBytes?: (n: number) => void,
  limit = Infinity,
): Inflated {
  const compressed = new ReadableStream<BufferSource>({
    async pull(controller) {
      const buf = new Uint8Array(READ_SIZE);
      const n = await source.read(buf);
      if (n === null) {
        controller.close();
        return;
      }
      onBytes?.(n);
      controller.enqueue(buf.subarray(0, n));
    },
  });
  const out = compressed.pipeThrough(new DecompressionStream("gzip")).getReader();
  let pending = new Uint8Array(0);
  let given = 0;
  let capped = false;
  let done = false;
  const next = async (): Promise<boolean> => {
    while (pending.length === 0) {
      const r = await out.read();
      if (r.done) return false;
      pending = r.value;
    }
    return true;
  };
  return {
    reader: {
      async read(p: Uint8Array): Promise<number | null> {
        if (done || !await next()) {
          done = true;
          return null;
        }
        if (given >= limit) {
          capped = done = true;
          await out.cancel();
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
    cancel: () => out.cancel(),
  };
}
