import { assertEquals } from "@std/assert";
import { printable } from "./printable.ts";

Deno.test("printable: control, bidi and zero-width characters become escapes; text stays", () => {
  const cases: Array<[string, string]> = [
    ["logs/app.log", "logs/app.log"],
    ["naïve 日本 🙂 tab", "naïve 日本 🙂 tab"],
    ["a\x1b[2Jb", "a\\x1b[2Jb"],
    ["title\x1b]0;pwned\x07", "title\\x1b]0;pwned\\x07"],
    ["line\nnext\tcol\r", "line\\x0anext\\x09col\\x0d"],
    ["c1\x9b31m del\x7f", "c1\\x9b31m del\\x7f"],
    ["invoice\u202etxt.exe", "invoice\\u202etxt.exe"],
    ["\u2066x\u2069", "\\u2066x\\u2069"],
    ["a\u200bb\u2060c\ufeffd\u2028e", "a\\u200bb\\u2060c\\ufeffd\\u2028e"],
  ];
  for (const [text, shown] of cases) assertEquals(printable(text), shown);
});
