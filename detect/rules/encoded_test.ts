import { assertEquals } from "@std/assert";
import { scanSync } from "../scan.ts";
import { decodeBase64Text, encodedPrefix, SPECS } from "./encoded.ts";

Deno.test("encodedPrefix: only the characters the prefix fixes, whatever follows", () => {
  for (const prefix of ["xox", "sk-ant-", "postgres://", "hooks.slack"]) {
    const lead = encodedPrefix(prefix);
    for (const tail of ["a", "Z9", "-_/", "\u00e9t\u00e9"]) {
      assertEquals(btoa(unescape(encodeURIComponent(prefix + tail))).slice(0, lead.length), lead);
    }
  }
  assertEquals(encodedPrefix("xox").length, 4);
});

Deno.test("decodeBase64Text: standard and URL-safe, padded or not; bytes that are no UTF-8 are null", () => {
  assertEquals(decodeBase64Text(btoa("token-1")), "token-1");
  assertEquals(decodeBase64Text(btoa("token-1").replace(/=+$/, "")), "token-1");
  assertEquals(decodeBase64Text(btoa("??>>").replace(/\+/g, "-").replace(/\//g, "_")), "??>>");
  assertEquals(decodeBase64Text(btoa(String.fromCharCode(0xff, 0xfe, 0x00))), null);
  assertEquals(decodeBase64Text("abcde"), null);
});

Deno.test("a token found encoded is the same leak as the token found plain", () => {
  for (const spec of SPECS) {
    for (const { text, secret } of spec.samples()) {
      const plain = scanSync(`value: ${text}`, { includeSecret: true });
      for (const encoded of [btoa(text), btoa(text + "\n"), btoa(text).replace(/=+$/, "")]) {
        const found = scanSync(`  TOKEN: ${encoded}\n`, { includeSecret: true })
          .filter((f) => f.ruleId === spec.id);
        assertEquals(found.length, 1, spec.id);
        assertEquals(found[0].secret, secret, spec.id);
        assertEquals(found[0].fingerprint, plain.find((f) => f.secret === secret)?.fingerprint);
        assertEquals(found[0].family, spec.family);
      }
    }
  }
});

Deno.test("an encoded value that is no token of the family is not reported", () => {
  const bot = ["xo", "xb-"].join("");
  const hooks = ["https://hooks", "slack", "com/services"].join(".");
  const values = [
    bot + "your-token-here",
    bot + "1".repeat(12) + "-" + "x".repeat(24),
    ["sk-", "ant-"].join("") + "a".repeat(60),
    "postgres://user:password@localhost:5432/db",
    `${hooks}/T${"0".repeat(8)}/B${"0".repeat(8)}/${"X".repeat(24)}`,
    "xox is a word, then more words after it",
  ];
  for (const v of values) {
    assertEquals(scanSync(`DATA: ${btoa(v)}`).map((f) => f.ruleId), [], v);
  }
});
