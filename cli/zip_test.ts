import { assertEquals, assertRejects } from "@std/assert";
import { strToU8, zipSync } from "fflate";
import { entryName, zipEntries, type ZipEntry, ZipError } from "./zip.ts";

async function collect(path: string, maxSize = 1e9) {
  const got: ZipEntry[] = [];
  const skipped: string[] = [];
  for await (
    const e of zipEntries(path, { maxSize, readSize: 4096, onSkip: (n) => skipped.push(n) })
  ) got.push(e);
  return { names: got.map((e) => e.name), got, skipped };
}

Deno.test("zipEntries: streams every file entry, skips folders and big entries", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const big = "chat line\n".repeat(50000);
    await Deno.writeFile(
      `${dir}/a.zip`,
      zipSync({
        "users.json": strToU8("[]"),
        "general/": new Uint8Array(0),
        "general/2024-01-01.json": strToU8(big),
        "stored.txt": [strToU8("hello"), { level: 0 }],
      }),
    );
    const all = await collect(`${dir}/a.zip`);
    assertEquals(all.names, ["users.json", "general/2024-01-01.json", "stored.txt"]);
    assertEquals(new TextDecoder().decode(all.got[1].data), big);
    const small = await collect(`${dir}/a.zip`, 1000);
    assertEquals(small.names, ["users.json", "stored.txt"]);
    assertEquals(small.skipped, ["general/2024-01-01.json"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("zipEntries: VCS metadata and packages skipped; names cannot point outside", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeFile(
      `${dir}/b.zip`,
      zipSync({
        ".git/config": strToU8("[core]"),
        "app/node_modules/x/index.js": strToU8("module.exports = 1"),
        "../../etc/passwd": strToU8("root:x:0:0"),
        "/abs/notes.txt": strToU8("notes"),
        "./general/2024-01-01.json": strToU8("[]"),
      }),
    );
    const { names } = await collect(`${dir}/b.zip`);
    assertEquals(names, ["%2E%2E/%2E%2E/etc/passwd", "abs/notes.txt", "general/2024-01-01.json"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("zipEntries: an empty archive has no entries and no fault", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeFile(`${dir}/empty.zip`, zipSync({}));
    assertEquals((await collect(`${dir}/empty.zip`)).names, []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("entryName: what reads as a path outside the archive is escaped", () => {
  assertEquals(entryName("general/2024-01-01.json"), "general/2024-01-01.json");
  assertEquals(entryName("a/../b"), "a/%2E%2E/b");
  assertEquals(entryName("//./x"), "x");
  assertEquals(entryName("..a/b.."), "..a/b..");
});

Deno.test("zipEntries: corrupt, truncated and non-zip files are ZipErrors", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const z = zipSync({ "a.json": strToU8("[1,2,3]".repeat(5000)), "b.txt": strToU8("x") });
    await Deno.writeFile(`${dir}/trunc.zip`, z.slice(0, z.length >> 1));
    const bad = z.slice();
    bad.fill(0x41, 60, 200);
    await Deno.writeFile(`${dir}/bad.zip`, bad);
    await Deno.writeTextFile(`${dir}/text.zip`, "just text");
    await Deno.writeFile(`${dir}/empty.zip`, new Uint8Array(0));
    for (const name of ["trunc.zip", "bad.zip", "text.zip", "empty.zip"]) {
      await assertRejects(() => collect(`${dir}/${name}`), ZipError);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
