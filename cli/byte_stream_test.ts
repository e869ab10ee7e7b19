// Blocks of bytes must report what one scan of the whole text reports: every finding once,
// at its whole-input line and column, also when it straddles blocks or sits on a line longer
// than a block.
import { assert, assertEquals } from "@std/assert";
import { scanSync } from "../detect/scan.ts";
import type { Finding } from "../detect/types.ts";
import { ChatGenerator } from "../bench/corpus.ts";
import { pemPrivateKey, plantedSet } from "./fake_secrets.ts";
import { engineFns } from "./engine_fns.ts";
import { scanByteStream } from "./byte_stream.ts";

function reader(bytes: Uint8Array, step: number) {
  let at = 0;
  return {
    readSync(p: Uint8Array): number | null {
      if (at >= bytes.length) return null;
      const n = Math.min(p.length, step, bytes.length - at);
      p.set(bytes.subarray(at, at + n));
      at += n;
      return n;
    },
  };
}

const shape = (f: Finding) =>
  [f.ruleId, f.start, f.end, f.line, f.column, f.endLine, f.endColumn, f.fingerprint].join(" ");

function streamed(text: string, block: number, overlap: number, step = 65536): string[] {
  const out: Finding[] = [];
  let bytes = 0;
  const whole = scanByteStream(
    reader(new TextEncoder().encode(text), step),
    engineFns().bytes,
    (f) => out.push(f),
    { block, overlap, onBytes: (n) => bytes += n },
  );
  assert(whole);
  assertEquals(bytes, new TextEncoder().encode(text).length);
  return out.map(shape);
}

Deno.test("byte stream: planted secrets in chat text, across many small blocks", () => {
  const gen = new ChatGenerator(3);
  const lines: string[] = [];
  const planted = plantedSet("stream").map((p) => p.message.replaceAll("\n", " "));
  for (let i = 0; i < 6000; i++) {
    lines.push(i % 400 === 7 ? planted[(i / 400) | 0] ?? gen.line() : gen.line());
    if (i % 900 === 5) lines.push("é🙂 ".repeat(30) + planted[0]);
  }
  const text = lines.join("\n") + "\n";
  const want = scanSync(text, { mrkdwn: false }).map(shape);
  assert(want.length >= 10);
  for (const [block, overlap] of [[64 * 1024, 16 * 1024], [200_000, 64 * 1024], [1 << 22, 65536]]) {
    assertEquals(streamed(text, block, overlap, 7777), want, `block ${block}`);
  }
});

Deno.test("byte stream: a PEM key across a block boundary, CRLF, a line longer than a block", () => {
  const key = pemPrivateKey("stream-boundary", 30);
  const filler = "2024-05-01T10:00:00Z INFO request served in 12ms path=/api/v1/items\r\n";
  const long = "x".repeat(150_000) + " " + plantedSet("long")[1].secret + " " + "y".repeat(90_000);
  const text = filler.repeat(1800) + key + "\r\n" + filler.repeat(900) + long + "\n" +
    filler.repeat(10) + plantedSet("tail")[2].secret;
  const want = scanSync(text, { mrkdwn: false }).map(shape);
  assertEquals(want.length, 3);
  assertEquals(streamed(text, 128 * 1024, 32 * 1024), want);
});

Deno.test("byte stream: lines longer than a block in 2-, 3- and 4-byte characters", () => {
  const token = plantedSet("wide")[0].secret;
  // every block and overlap boundary falls inside a character in one line or another
  const text = ["ü", "✓", "🙂", "a✓", "ab🙂"].map((c) => c.repeat(40_000) + ` ${token} x`)
    .join("\n") + "\n";
  const want = scanSync(text, { mrkdwn: false }).map(shape);
  assertEquals(want.length, 5);
  for (const block of [64 * 1024, 64 * 1024 + 1, 100_003]) {
    assertEquals(streamed(text, block, 16 * 1024 + 1, 4099), want, `block ${block}`);
  }
});

Deno.test("byte stream: a byte order mark is no part of the text's offsets", () => {
  const token = plantedSet("bom")[0].secret;
  const text = `key é ${token}\n` + "filler line\n".repeat(20_000) + `end ${token}\n`;
  const want = scanSync(text, { mrkdwn: false }).map(shape);
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  const out: Finding[] = [];
  scanByteStream(reader(bytes, 65536), engineFns().bytes, (f) => out.push(f), {
    block: 64 * 1024,
    overlap: 16 * 1024,
  });
  assertEquals(out.map(shape), want);
});

Deno.test("byte stream: a binary head stops it; empty input is fine", () => {
  const scanner = engineFns().bytes;
  const bin = new Uint8Array(1000);
  assertEquals(
    scanByteStream(reader(bin, 100), scanner, () => {}, { isBinary: (h) => h.includes(0) }),
    false,
  );
  assertEquals(scanByteStream(reader(new Uint8Array(0), 100), scanner, () => {}), true);
});
