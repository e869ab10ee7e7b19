import { assert, assertEquals, assertFalse } from "@std/assert";
import { base62Decode, base62Encode, crc32, hasBase62Crc32, withBase62Crc32 } from "./checksum.ts";
import { ALPHABET, randomString } from "./entropy.ts";

Deno.test("crc32 matches the standard check values", () => {
  assertEquals(crc32("123456789"), 0xcbf43926);
  assertEquals(crc32("The quick brown fox jumps over the lazy dog"), 0x414fa339);
  assertEquals(crc32(""), 0);
  assertEquals(crc32("a"), 0xe8b7be43);
});

Deno.test("base62 round-trips and pads", () => {
  assertEquals(base62Encode(0, 6), "000000");
  assertEquals(base62Encode(61), "z");
  assertEquals(base62Encode(62), "10");
  assertEquals(base62Encode(0xffffffff, 6).length, 6);
  for (const n of [1, 61, 62, 3843, 123456789, 0xffffffff]) {
    assertEquals(base62Decode(base62Encode(n)), n);
  }
  assertEquals(base62Decode("ab-c"), -1);
});

Deno.test("base62 CRC32 suffix: built tokens pass, any single change fails", () => {
  for (let i = 0; i < 200; i++) {
    const body = withBase62Crc32(randomString(ALPHABET.base62, 30));
    assert(hasBase62Crc32(body));
    const j = i % 36;
    const swapped = body.slice(0, j) + (body[j] === "a" ? "b" : "a") + body.slice(j + 1);
    assertFalse(hasBase62Crc32(swapped));
  }
  assertFalse(hasBase62Crc32("short"));
});
