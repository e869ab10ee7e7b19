import { assertEquals } from "@std/assert";
import { fingerprint, fingerprintSync } from "./fingerprint.ts";

Deno.test("fingerprint: known SHA-256 vectors", async () => {
  const empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  assertEquals(await fingerprint(""), empty);
  assertEquals(fingerprintSync(""), empty);
  const abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  assertEquals(fingerprintSync("abc"), abc);
});

Deno.test("fingerprint: sync and WebCrypto agree on many lengths and non-ASCII", async () => {
  for (let n = 0; n < 200; n += 7) {
    const s = "é€𝄞x".repeat(n).slice(0, n * 2);
    assertEquals(fingerprintSync(s), await fingerprint(s));
  }
});
