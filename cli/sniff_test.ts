import { assertEquals } from "@std/assert";
import { sniffContent } from "./sniff.ts";

const enc = new TextEncoder();

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) view.setUint16((at += 2) - 2, 0xfeff, !bigEndian);
  for (let i = 0; i < text.length; i++, at += 2) view.setUint16(at, text.charCodeAt(i), !bigEndian);
  return out;
}

Deno.test("sniffContent: text, UTF-16 with and without a byte order mark, gzip, binary", () => {
  const text = "SLACK_BOT_TOKEN=placeholder\r\nsecond line\r\n";
  assertEquals(sniffContent(enc.encode(text)), "text");
  assertEquals(sniffContent(enc.encode("")), "text");
  assertEquals(sniffContent(utf16(text, false, true)), "utf-16le");
  assertEquals(sniffContent(utf16(text, true, true)), "utf-16be");
  assertEquals(sniffContent(utf16(text, false, false)), "utf-16le");
  assertEquals(sniffContent(utf16(text, true, false)), "utf-16be");
  assertEquals(sniffContent(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])), "gzip");
  // a PNG header, and binary with NULs in both byte lanes
  assertEquals(sniffContent(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49])), "binary");
  assertEquals(sniffContent(new Uint8Array([1, 0, 0, 2, 3, 0, 0, 4, 5, 0])), "binary");
  // a NUL in every high byte but also in a low one is not UTF-16
  const odd = utf16(text, false, false);
  odd[4] = 0;
  assertEquals(sniffContent(odd), "binary");
});
