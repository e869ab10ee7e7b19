import { assertEquals } from "@std/assert";
import { printable } from "./printable.ts";

Deno.test("printable: control characters and bidi overrides become escapes; text stays", () => {
  assertEquals(printable("logs/app.log"), "logs/app.log");
  assertEquals(printable("naïve 日本 🙂 tab"), "naïve 日本 🙂 tab");
  assertEquals(printable("a\x1b[2Jb"), "a\\x1b[2Jb");
  assertEquals(printable("title\x1b]0;pwned\x07"), "title\\x1b]0;pwned\\x07");
  assertEquals(printable("line\nnext\tcol\r"), "line\\x0anext\\x09col\\x0d");
  assertEquals(printable("c1\x9b31m del\x7f"), "c1\\x9b31m del\\x7f");
  assertEquals(printable("invoice\u202etxt.exe"), "invoice\\u202etxt.exe");
  assertEquals(printable("\u2066x\u2069"), "\\u2066x\\u2069");
});

Deno.test("printable: zero-width characters, the BOM and line separators are shown", () => {
  assertEquals(printable("a\u200bb\u2060c\ufeffd\u2028e"), "a\\u200bb\\u2060c\\ufeffd\\u2028e");
});
