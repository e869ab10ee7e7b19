// A gzip file's content as a reader, inflated as it is read (the runtime's DecompressionStream),
// so a large rotated log is scanned in the same flat memory as a plain one.
import type { ByteReader } from "./read_stream.ts";

export interface Inflated {
  /** Ends where the content ends, is capped, or stops being readable (see `failure`). */
  reader: ByteReader;
  /** Whether the content went on past `limit` (what was read ends there). */
  capped(): boolean;
  /**
   * Why the stream stopped early (a corrupt or cut stream, a second gzip member): what came
   * before is still read, so a rotated log cut short keeps the findings it holds.
   */
  failure(): string | undefined;
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
  let pending: Uint8Array = new Uint8Array(0);
  let given = 0;
  let capped = false;
  let done = false;
  let failure: string | undefined;
  const next = async (): Promise<boolean> => {
    while (pending.length === 0) {
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await out.read();
      } catch (e) {
        failure = (e as Error).message;
        return false;
      }
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
    failure: () => failure,
    cancel: () => out.cancel(),
  };
}
