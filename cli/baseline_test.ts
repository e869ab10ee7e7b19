import { assertEquals, assertRejects, assertThrows } from "@std/assert";
import { BaselineError, parseBaseline, readBaseline } from "./baseline.ts";

const fp = (c: string) => c.repeat(64);

Deno.test("parseBaseline: JSON Lines output of a previous run", () => {
  const text = [
    JSON.stringify({ rule: "slack-bot-token", fingerprint: fp("a"), path: "x" }),
    JSON.stringify({ rule: "github-pat", fingerprint: fp("B") }),
    "",
  ].join("\n");
  assertEquals(parseBaseline(text), new Set([fp("a"), fp("b")]));
});

Deno.test("parseBaseline: plain list with comments and trailing notes", () => {
  const text = `# accepted risks\n${fp("c")}\n\n${fp("d")}  test fixture, revoked\r\n`;
  assertEquals(parseBaseline(text), new Set([fp("c"), fp("d")]));
});

Deno.test("parseBaseline: a bad line names the file and line", () => {
  assertThrows(
    () => parseBaseline(`${fp("a")}\nnot-a-fingerprint`, "b.txt"),
    BaselineError,
    "b.txt:2",
  );
  assertThrows(() => parseBaseline(`{"rule":"x"}`, "b.jsonl"), BaselineError, "b.jsonl:1");
  assertThrows(() => parseBaseline(`{oops`, "b.jsonl"), BaselineError, "not valid JSON");
});

Deno.test("readBaseline: a missing file is a BaselineError", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await assertRejects(() => readBaseline(`${dir}/missing.txt`), BaselineError, "cannot read");
    await Deno.writeTextFile(`${dir}/b.txt`, fp("e"));
    assertEquals(await readBaseline(`${dir}/b.txt`), new Set([fp("e")]));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
