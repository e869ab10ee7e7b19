import { assert, assertEquals } from "@std/assert";
import { normalize, originalEnd, originalStart } from "./normalize.ts";

const tok = ["xo", "xb-"].join("") + "1234";

Deno.test("normalize: plain text is returned as is with no map", () => {
  const n = normalize("hello world, nothing here");
  assertEquals(n.text, "hello world, nothing here");
  assertEquals(n.map, null);
});

Deno.test("normalize: entities, references and links become what a person sees", () => {
  const n = normalize(
    "a &amp; b &lt;x&gt; <https://e.test/p?a=1&amp;b=2|label> <@U0123> <#C1|gen>",
  );
  assertEquals(n.text, "a & b <x>  https://e.test/p?a=1&b=2 label   @U0123   #C1 gen ");
});

Deno.test("normalize: markers inside a token are dropped, at word edges become spaces", () => {
  assertEquals(normalize(tok + "*56*78").text, tok + "5678");
  assertEquals(normalize("*" + tok + "*").text, " " + tok + " ");
  assertEquals(normalize("_" + tok + "_ and ~" + tok + "~").text, ` ${tok}  and  ${tok} `);
  assertEquals(normalize("```" + tok + "```").text, "   " + tok + "   ");
  // Underscores inside identifiers are characters, not italics.
  assertEquals(normalize("SLACK_BOT_TOKEN=1").text, "SLACK_BOT_TOKEN=1");
});

Deno.test("normalize: invisible characters are removed", () => {
  const zw = "\u200B\u200C\u200D\u2060\uFEFF\u00AD";
  assertEquals(normalize("xo" + zw + "xb-12" + zw + "34").text, tok);
});

Deno.test("normalize: offsets map back to the original", () => {
  const original = "say &amp; " + "xo\u200Dxb-12*34*" + " end";
  const n = normalize(original);
  const at = n.text.indexOf(tok);
  assert(at >= 0);
  const s = originalStart(n, at);
  const e = originalEnd(n, original, at + tok.length);
  assertEquals(original.slice(s, e), "xo\u200Dxb-12*34");
  // An entity at the end of a span maps past the whole entity.
  const amp = n.text.indexOf("&");
  assertEquals(original.slice(originalStart(n, amp), originalEnd(n, original, amp + 1)), "&amp;");
});

Deno.test("normalize: a lone `<` or unterminated reference stays text", () => {
  assertEquals(normalize("a < b and c <d").text, "a < b and c <d");
  assertEquals(normalize("<\n>").text, "<\n>");
});
