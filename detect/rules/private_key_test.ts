import { assert, assertEquals, assertFalse } from "@std/assert";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { rules } from "./private_key.ts";
import { keyMaterial, plausibleKeyBody } from "./private_key.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);

Deno.test("private key: keyMaterial sets aside headers, escapes and PGP checksums", () => {
  const body = "Proc-Type: 4,ENCRYPTED\\nDEK-Info: AES-128-CBC,ABCDEF\\n\\nQUJD REVG =AbCd";
  const { base64, other } = keyMaterial(body);
  assertEquals(base64, "QUJDREVG");
  assertEquals(other, "");
  assertFalse(plausibleKeyBody("QUJD"));
  assert(plausibleKeyBody(randomString(ALPHABET.base64, 80, seededRandom(5))));
});
