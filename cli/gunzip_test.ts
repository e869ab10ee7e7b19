import { assert, assertEquals } from "@std/assert";
import { gunzip } from "./gunzip.ts";
import type { ByteReader } from "./read_stream.ts";

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Blob([bytes.slice()]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** A reader over `bytes` that gives at most `step` bytes a read. */
function readerOf(bytes: Uint8Array, step = 7): ByteReader {
  let at = 0;
  return {
    read(p) {
      if (at >= bytes.length) return Promise.resolve(null);
      const n = Math.min(p.length, step, bytes.length - at);
      p.set(bytes.subarray(at, at + n));
      at += n;
      return Promise.resolve(n);
    },
  };
}

async function readAll(r: ByteReader, size = 5): Promise<Uint8Array> {
  const parts: number[] = [];
  const buf = new Uint8Array(size);
  for (let n = await r.read(buf); n !== null; n = await r.read(buf)) {
    parts.push(...buf.subarray(0, n));
  }
  return new Uint8Array(parts);
}

Deno.test("gunzip: inflates in small reads and counts the compressed bytes", async () => {
  const text = new TextEncoder().encode("a line of a rotated log\n".repeat(2000));
  const packed = await gzip(text);
  let counted = 0;
  const inflated = await gunzip(readerOf(packed), (n) => counted += n);
  assertEquals(await readAll(inflated.reader, 333), text);
  assertEquals([counted, inflated.capped()], [packed.length, false]);
});

Deno.test("gunzip: stops at its limit and says so; exactly the limit is not capped", async () => {
  const text = new TextEncoder().encode("0123456789".repeat(100));
  const capped = await gunzip(readerOf(await gzip(text)), undefined, 250);
  assertEquals(await readAll(capped.reader), text.subarray(0, 250));
  assertEquals(capped.capped(), true);
  const exact = await gunzip(readerOf(await gzip(text)), undefined, 1000);
  assertEquals((await readAll(exact.reader)).length, 1000);
  assertEquals(exact.capped(), false);
});

Deno.test("gunzip: a corrupt or cut stream ends where it stops, and says why", async () => {
  const text = new TextEncoder().encode("some text ".repeat(5000));
  const packed = await gzip(text);
  const garbled = packed.slice();
  garbled.fill(0xff, 10, 20);
  const bad = await gunzip(readerOf(garbled));
  await readAll(bad.reader);
  assert(bad.failure() !== undefined);
  // cut short, as a log still being written or a download that stopped: what came first is read
  const cut = await gunzip(readerOf(packed.slice(0, packed.length >> 1)));
  const prefix = await readAll(cut.reader, 4096);
  assert(cut.failure() !== undefined);
  assert(prefix.length > 0 && prefix.length < text.length);
  assertEquals(prefix, text.subarray(0, prefix.length));
  const whole = await gunzip(readerOf(packed));
  assertEquals([(await readAll(whole.reader, 4096)).length, whole.failure()], [
    text.length,
    undefined,
  ]);
});

Deno.test("gunzip: every member of a file of several (rotated logs appended) is read", async () => {
  const enc = new TextEncoder();
  const [a, b] = [enc.encode("first log\n".repeat(300)), enc.encode("second log\n".repeat(300))];
  const both = new Uint8Array([...await gzip(a), ...await gzip(b)]);
  const inflated = await gunzip(readerOf(both, 100));
  assertEquals(await readAll(inflated.reader, 999), new Uint8Array([...a, ...b]));
  assertEquals(inflated.failure(), undefined);
});
