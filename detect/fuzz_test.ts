// Adversarial and random input to normalize and scan: no exception, and every run finishes
// (the suite's own timeout is the hang detector; sizes are bounded so it stays fast).
import { assert } from "@std/assert";
import { normalize } from "./normalize.ts";
import { scanSync } from "./scan.ts";
import { fakeChars } from "./rules/slack.ts";

function check(text: string): void {
  const n = normalize(text);
  assert(n.text.length <= text.length);
  if (n.map) assert(n.map.length === n.text.length + 1);
  for (const f of scanSync(text)) {
    assert(f.start >= 0 && f.end <= text.length && f.start < f.end);
  }
}

Deno.test("fuzz: long adversarial runs", () => {
  const x = ["x", "o", "x"].join("");
  const cases = [
    x.repeat(50000),
    (x + "b-").repeat(20000),
    (x + "b-1234-").repeat(10000),
    "-".repeat(200000),
    "0123456789abcdef".repeat(20000),
    "QUJDRA+/=".repeat(30000),
    "*_~`".repeat(50000),
    "*_".repeat(10000) + x + "b-" + "1".repeat(12) + "_*".repeat(10000),
    "<".repeat(200000),
    "&".repeat(100000) + "&amp;".repeat(20000),
    "<" + "a".repeat(100000) + ">",
    "<https://" + "a|".repeat(50000) + ">",
    "\uD800".repeat(50000) + "\uDC00x".repeat(10000),
    "\u200D".repeat(100000),
    (x + "\u200Db-").repeat(10000),
    "a".repeat(1_000_000),
    ["hooks", "slack", "com"].join(".") + "/services/T".repeat(20000),
    "signing_secret=".repeat(20000),
    "-----BEGIN ".repeat(20000),
    // Values the validators read with regexes of their own (identifiers, words, adjectives).
    "password: " + "aB1".repeat(300) + "!",
    "password=#" + "Ab1-".repeat(200) + "!",
    "the password is " + "SSO".repeat(300) + "-only",
    'wifi password is "' + "word ".repeat(2000) + '"',
  ];
  for (const c of cases) check(c);
});

Deno.test("fuzz: random mixes of token-ish pieces", () => {
  const pieces = [
    ["x", "o", "x", "b-"].join(""),
    ["x", "o", "x", "e."].join(""),
    ["x", "a", "pp-1-"].join(""),
    "hooks.slack.com/services/",
    "*",
    "_",
    "~",
    "`",
    "```",
    "<",
    ">",
    "|",
    "&amp;",
    "&lt;",
    "\u200B",
    "\u00AD",
    "\n",
    " ",
    "-",
    "=",
    "token=",
    "secret: ",
  ];
  let seed = 7;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  for (let round = 0; round < 300; round++) {
    let s = "";
    const len = 1 + rnd(400);
    for (let i = 0; i < len; i++) {
      s += rnd(3) === 0
        ? fakeChars("ABCDEFabcdef0123456789", 1 + rnd(30), round * 1000 + i)
        : pieces[rnd(pieces.length)];
    }
    check(s);
  }
});
