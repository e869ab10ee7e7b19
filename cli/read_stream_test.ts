import { assert, assertEquals } from "@std/assert";
import type { Finding } from "../detect/types.ts";
import { scanChunks, type TextChunk, textChunks } from "./read_stream.ts";

async function withFile(text: string, fn: (path: string) => Promise<void>) {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/in.txt`, text);
    await fn(`${dir}/in.txt`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function chunksOf(path: string, chunkSize: number, overlap: number, readSize = 777) {
  const file = await Deno.open(path);
  const out: TextChunk[] = [];
  try {
    for await (const c of textChunks(file, { chunkSize, overlap, readSize })) out.push(c);
  } finally {
    file.close();
  }
  return out;
}

/** Line and column of every occurrence of `needle`, computed on the whole text. */
function expected(text: string, needle: string) {
  const out: Array<{ line: number; column: number }> = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
    const before = text.slice(0, i);
    out.push({
      line: before.split("\n").length,
      column: i - (before.lastIndexOf("\n") + 1) + 1,
    });
  }
  return out;
}

/** A real, small scanner: finds NEEDLE-blocks that may span lines ("BEGIN ... END"). */
function blockScan(text: string): Finding[] {
  const out: Finding[] = [];
  const re = /BEGIN[^]*?END/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(0, m.index);
    const through = text.slice(0, m.index + m[0].length);
    out.push({
      ruleId: "block",
      family: "generic",
      description: "block",
      start: m.index,
      end: m.index + m[0].length,
      line: before.split("\n").length,
      column: m.index - (before.lastIndexOf("\n") + 1) + 1,
      endLine: through.split("\n").length,
      endColumn: through.length - (through.lastIndexOf("\n") + 1) + 1,
      fingerprint: m[0].length.toString(16).padStart(64, "0"),
      redacted: "B…D",
      confidence: "high",
    });
  }
  return out;
}

Deno.test("textChunks: own regions rebuild the input exactly, multi-byte characters intact", async () => {
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) lines.push(`line ${i} héllo wörld ✓ ${"x".repeat(i % 50)}`);
  const text = lines.join("\n") + "\n";
  await withFile(text, async (path) => {
    const chunks = await chunksOf(path, 4096, 512);
    assert(chunks.length > 10);
    assertEquals(chunks.map((c) => c.text.slice(c.ownFrom)).join(""), text);
    for (const c of chunks) {
      // every chunk starts on a line start, and knows which line that is
      assertEquals(c.column0, 0);
      assertEquals(c.text.split("\n")[0], lines[c.line - 1]);
    }
  });
});

Deno.test("textChunks: a line longer than a chunk is cut, with column offsets", async () => {
  const text = "a".repeat(10000) + "NEEDLE" + "b".repeat(10000) + "\nend\n";
  await withFile(text, async (path) => {
    const chunks = await chunksOf(path, 3000, 100);
    assertEquals(chunks.map((c) => c.text.slice(c.ownFrom)).join(""), text);
    const hits: Array<{ line: number; column: number }> = [];
    await scanChunks(chunks_(chunks), (t) => {
      const i = t.indexOf("NEEDLE");
      if (i === -1) return [];
      return [{ ...blockScan("BEGIN END")[0], start: i, end: i + 6, line: 1, column: i + 1 }];
    }, (f) => hits.push({ line: f.line, column: f.column }));
    assertEquals(hits, expected(text, "NEEDLE"));
  });
});

async function* chunks_(list: TextChunk[]) {
  for (const c of list) yield c;
}

Deno.test("scanChunks: a block across a chunk boundary is found once, at its real line", async () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler line ${i}`).join("\n");
  for (const at of [150, 199, 200, 201, 260]) {
    const text = filler(at) + "\nBEGIN\n" + "body\n".repeat(20) + "END\n" + filler(300) + "\n";
    await withFile(text, async (path) => {
      const hits: Array<{ line: number; column: number }> = [];
      const ends: Array<{ line: number; column: number }> = [];
      const file = await Deno.open(path);
      try {
        await scanChunks(
          textChunks(file, { chunkSize: 2048, overlap: 400, readSize: 1000 }),
          blockScan,
          (f) => {
            hits.push({ line: f.line, column: f.column });
            ends.push({ line: f.endLine, column: f.endColumn });
          },
        );
      } finally {
        file.close();
      }
      assertEquals(hits, expected(text, "BEGIN"), `block after line ${at}`);
      // It ends after END, 21 lines below: the character after its D.
      assertEquals(ends, expected(text, "END\n").map((e) => ({ ...e, column: e.column + 3 })));
    });
  }
});

Deno.test("textChunks: empty input yields nothing; no trailing newline is kept", async () => {
  await withFile("", async (path) => assertEquals(await chunksOf(path, 100, 10), []));
  await withFile("one\ntwo", async (path) => {
    const chunks = await chunksOf(path, 100, 10);
    assertEquals(chunks.map((c) => c.text), ["one\ntwo"]);
  });
});
