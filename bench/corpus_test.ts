// The bench corpus: credentials are few however the text is cut into files.
import { assert, assertEquals } from "@std/assert";
import { generate, writeCorpusDir } from "./corpus.ts";

Deno.test("bench corpus: small files hold a few planted credentials in all, not one each", async () => {
  const dir = await Deno.makeTempDir({ prefix: "tg-corpus-" });
  try {
    const small = await writeCorpusDir(`${dir}/small`, 5_000_000, 5_000);
    // Planted at 1 MB, 3 MB, 5 MB of the whole: the first two fall inside 5 MB.
    assertEquals(small.planted, 2);
    assert([...Deno.readDirSync(`${dir}/small`)].length >= 900);
    const large = await writeCorpusDir(`${dir}/large`, 3 << 20);
    assertEquals(large.planted, 3, "a 1 MiB file plants once, about 1 MB in");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("bench corpus: an offset plants where the whole corpus would (1 MB, 3 MB, 5 MB, …)", async () => {
  for (const offset of [0, 999_000, 1_000_500, 2_500_000]) {
    let part = "";
    const s = await generate(600_000, (t) => Promise.resolve(void (part += t)), {
      seed: 5,
      offset,
    });
    const expected = [1_000_000, 3_000_000, 5_000_000].filter((p) =>
      p >= offset && p < offset + 600_000
    )
      .length;
    assertEquals(s.planted, expected, `offset ${offset}`);
  }
});
