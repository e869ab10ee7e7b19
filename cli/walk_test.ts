import { assertEquals } from "@std/assert";
import { type Input, walk } from "./walk.ts";

Deno.test("walk: sorted files, skipped folders, size limit, exports, zips, missing paths", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const w = (p: string, t = "x") =>
      Deno.mkdir(`${dir}/${p}`.replace(/\/[^/]*$/, ""), { recursive: true }).then(() =>
        Deno.writeTextFile(`${dir}/${p}`, t)
      );
    await w("b.txt");
    await w("a/z.txt");
    await w("a/big.log", "y".repeat(5000));
    await w(".git/config");
    await w("node_modules/pkg/index.js");
    await w("sub/node_modules/x.js");
    await w("export/users.json", "[]");
    await w("export/general/2024-01-01.json", "[]");
    await w("pack.zip", "PK");
    // A folder named like an export's marker file does not make an export.
    await w("odd/channels.json/readme.txt");
    await Deno.symlink(`${dir}/b.txt`, `${dir}/link.txt`);
    const got: Input[] = [];
    for (const i of walk([dir, `${dir}/missing`, "-", `${dir}/a/big.log`, `${dir}/export`], 1000)) {
      got.push(i);
    }
    const short = got.map((i) => `${i.kind}:${i.path.replace(dir, "")}`);
    assertEquals(short, [
      "skip:/a/big.log",
      "file:/a/z.txt",
      "file:/b.txt",
      "export-dir:/export",
      "file:/odd/channels.json/readme.txt",
      "zip:/pack.zip",
      "error:/missing",
      "stdin:-",
      "file:/a/big.log", // named on the command line: streamed whatever its size
      "export-dir:/export", // named on the command line
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
