// The bench's floor keeps every finding of the corpus it is cut from, in a fraction of its bytes.
import { assert, assertEquals } from "@std/assert";
import { generate, writeCorpusDir } from "./corpus.ts";
import { pemPrivateKey } from "../cli/fake_secrets.ts";
import { writeFloor } from "./floor.ts";
import { scanBytes } from "../detect/scan_bytes.ts";

async function scanDir(dir: string) {
  const out: Array<{ path: string; line: number; id: string }> = [];
  for (const e of [...Deno.readDirSync(dir)].sort((a, b) => a.name.localeCompare(b.name))) {
    const path = `${dir}/${e.name}`;
    for (const f of scanBytes(await Deno.readFile(path))) {
      out.push({ path, line: f.line, id: `${f.ruleId}:${f.fingerprint}` });
    }
  }
  return out;
}

Deno.test("bench floor: the lines around a corpus's findings hold the same findings", async () => {
  const dir = await Deno.makeTempDir({ prefix: "tg-floor-" });
  try {
    const stats = await writeCorpusDir(`${dir}/chat`, 2 << 20);
    // A key spans many lines after the one its finding names.
    let chat = "";
    await generate(20_000, (t) => Promise.resolve(void (chat += t)), { plantEvery: 1e9 });
    const half = chat.indexOf("\n", chat.length / 2) + 1;
    const key = `${chat.slice(0, half)}${pemPrivateKey("floor", 40)}\n${chat.slice(half)}`;
    await Deno.writeTextFile(`${dir}/chat/key.log`, key);
    const full = await scanDir(`${dir}/chat`);
    assert(full.length >= stats.planted, "the corpus's planted credentials are found");
    const floor = await writeFloor(full, `${dir}/floor`);
    assert(floor.bytes * 4 < stats.bytes, `floor ${floor.bytes} bytes of ${stats.bytes}`);
    assert(full.some((f) => f.id.startsWith("private-key:")));
    const again = await scanDir(`${dir}/floor`);
    assertEquals(again.map((f) => f.id).sort(), full.map((f) => f.id).sort());
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
