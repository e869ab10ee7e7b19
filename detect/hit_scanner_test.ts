// The hit scanner's JSON splitter and inner-marker finder, checked against JSON.parse and a
// plain reading of the text.
import { assert, assertEquals } from "@std/assert";
import { HitScanner } from "./hit_scanner.ts";
import { seededRandom } from "./entropy.ts";

const enc = new TextEncoder();
const dec = new TextDecoder();

function randomValue(rand: () => number, depth = 0): unknown {
  const r = rand();
  const strings = ['a"b', "[{", "}]", "\\", "x,y:z", "\n\t", "é🙂", "\u2028", "", "text", "url"];
  if (depth > 3 || r < 0.3) return strings[Math.floor(rand() * strings.length)];
  if (r < 0.4) return Math.floor(rand() * 1000) / 7;
  if (r < 0.45) return [true, false, null][Math.floor(rand() * 3)];
  if (r < 0.7) {
    return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
  }
  const o: Record<string, unknown> = {};
  for (let k = Math.floor(rand() * 4); k > 0; k--) {
    o[["text", "url", "type", "a]b", 'q"'][Math.floor(rand() * 5)]] = randomValue(rand, depth + 1);
  }
  return o;
}

/** Splits `text` (the JSON of `arr`) and checks that each element's bytes parse to it. */
function assertSplits(scanner: HitScanner, arr: unknown[], text: string): void {
  const bytes = enc.encode(text);
  scanner.input(bytes.length).set(bytes);
  const got = scanner.jsonElements(bytes.length);
  assert(got !== null, text);
  const view = scanner.input(bytes.length);
  assertEquals(got.elements.length / 2, arr.length, text);
  for (let k = 0; k < arr.length; k++) {
    const slice = view.subarray(got.elements[k * 2], got.elements[k * 2 + 1]);
    assertEquals(JSON.parse(dec.decode(slice)), arr[k], text);
  }
}

Deno.test("jsonElements: each element's bytes parse to that element (compact and pretty)", () => {
  const scanner = new HitScanner([]);
  const rand = seededRandom(31337);
  for (let round = 0; round < 300; round++) {
    const arr = Array.from({ length: Math.floor(rand() * 6) }, () => randomValue(rand));
    for (const text of [JSON.stringify(arr), JSON.stringify(arr, null, 4)]) {
      assertSplits(scanner, arr, text);
    }
  }
});

Deno.test("jsonElements: escapes, quotes and brackets at every place of a 64-byte block", () => {
  const scanner = new HitScanner([]);
  const tricky = ["\\", '\\"', '"', "\\\\", "]},[{", "\n", "\\u0022"];
  for (let pad = 0; pad < 140; pad++) {
    for (const t of tricky) {
      const arr = [{ text: "x".repeat(pad) + t + "y" }, ["a" + t, { url: t }], t];
      assertSplits(scanner, arr, JSON.stringify(arr));
    }
  }
  // Malformed: an unterminated string or array, a raw control character in a string.
  for (const bad of ['["abc', "[1, 2", '["a\u0001b"]', "[1,]"]) {
    const bytes = enc.encode(bad);
    scanner.input(bytes.length).set(bytes);
    assertEquals(scanner.jsonElements(bytes.length), null, bad);
  }
});

Deno.test("jsonElements: rich-text leaves of one container are joined, nothing else", () => {
  const scanner = new HitScanner([]);
  const leaves = (...t: string[]) => t.map((text) => ({ type: "text", text }));
  const msg = {
    text: "top",
    blocks: [{
      type: "rich_text",
      elements: [{ type: "rich_text_section", elements: leaves("ab", "cd", "ef") }],
    }],
    attachments: [{ text: "att" }],
  };
  const text = JSON.stringify([msg, { text: "next" }]);
  const bytes = enc.encode(text);
  scanner.input(bytes.length).set(bytes);
  const { joins } = scanner.jsonElements(bytes.length)!;
  const view = scanner.input(bytes.length);
  const pairs = [];
  for (let k = 0; k < joins.length; k += 2) {
    // The end of one text (its closing quote) and the start of the next (after its quote).
    pairs.push([
      dec.decode(view.subarray(joins[k] - 2, joins[k])),
      dec.decode(view.subarray(joins[k + 1], joins[k + 1] + 2)),
    ]);
  }
  assertEquals(pairs, [["ab", "cd"], ["cd", "ef"]]);
});

Deno.test("innerMarkers: a marker run between word characters, at any offset", () => {
  const scanner = new HitScanner([]);
  const text = "a *bold* pass*word x~~y `code` 2*3 end* *start .*x -`_ " + "q".repeat(20) + "*z";
  const want: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if (!"*~`".includes(text[i]) || "*~`".includes(text[i - 1])) continue;
    let e = i + 1;
    while (e < text.length && "*~`".includes(text[e])) e++;
    if (/[0-9A-Za-z_.-]/.test(text[i - 1]) && e < text.length && /[0-9A-Za-z_-]/.test(text[e])) {
      want.push(i);
    }
  }
  const bytes = enc.encode(text);
  scanner.input(bytes.length).set(bytes);
  assertEquals(Array.from(scanner.innerMarkers(bytes.length)), want);
  assert(want.length >= 5);
});
