import { assert, assertEquals } from "@std/assert";
import {
  normalize,
  originalEnd,
  originalStart,
  withoutEntities,
  withoutInvisibles,
} from "./normalize.ts";

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

Deno.test("normalize: a marker at a word's edge with no partner on its line is shown", () => {
  // A value that ends or starts with `*` or `_`: nothing to pair with, Slack shows it as typed.
  assertEquals(normalize("value: Gc7&amp;qrcMX*").text, "value: Gc7&qrcMX*");
  const lead = "the password is *";
  assertEquals(normalize(lead + "ots&amp;sQ1").text, lead + "ots&sQ1");
  assertEquals(
    normalize("key: AIza\u200Bq9_ (from my notes)").text,
    "key: AIzaq9_ (from my notes)",
  );
  // Paired on the line: formatting, even when the slice normalized starts after the opener.
  assertEquals(normalize("*pass: Xk9m2*").text, " pass: Xk9m2 ");
  const line = "_db password is Xk9m2_";
  const slice = line.slice(4);
  assertEquals(normalize(slice, { within: { text: line, offset: 4 } }).text, "password is Xk9m2 ");
  assertEquals(normalize(slice).text, "password is Xk9m2_");
  // Inside a token (`-_`, `/_`) a marker opens nothing: the key's last `_` is its own.
  assertEquals(normalize("k: sk-q-_HHw\u2060x9_ ok").text, "k: sk-q-_HHwx9_ ok");
  // On another line, a marker is no partner.
  assertEquals(normalize("_note\nkey=Xk9m2_").text, "_note\nkey=Xk9m2_");
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

Deno.test("withoutEntities: decodes the five entities only, mapping back to the original", () => {
  const plain = "a *b* _c_ & <x> &nbsp; &#40;";
  assertEquals(withoutEntities(plain), { text: plain, map: null });
  const text = "p&amp;s&lt;s&gt;&quot;&#39;!";
  const out = withoutEntities(text);
  assertEquals(out.text, "p&s<s>\"'!");
  assertEquals([...out.map!], [0, 1, 6, 7, 11, 12, 16, 22, 27, 28]);
  // A secret read in the decoded text covers its entities in the original.
  assertEquals([originalStart(out, 1), originalEnd(out, text, 2)], [1, 6]);
});

Deno.test("withoutInvisibles: drops only invisible characters, mapping back to the original", () => {
  const plain = "a *b* _c_ &amp; <x>";
  assertEquals(withoutInvisibles(plain), { text: plain, map: null });
  const text = "ab\u200bc\u00add";
  const out = withoutInvisibles(text);
  assertEquals(out.text, "abcd");
  assertEquals([...out.map!], [0, 1, 3, 5, 6]);
});
