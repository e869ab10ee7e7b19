import { assert, assertEquals, assertFalse } from "@std/assert";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { rules } from "./private_key.ts";
import { canonicalKey, keyMaterial, plausibleKeyBody } from "./private_key.ts";
import { scan } from "../scan.ts";
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

Deno.test("private key: one key pasted in any shape is one finding with one fingerprint", async () => {
  const rand = seededRandom(6);
  const label = ["EC", "PRIVATE", "KEY"].join(" ");
  const begin = `-----BEGIN ${label}-----`, end = `-----END ${label}-----`;
  const lines = ("MHcCAQEEI" + randomString(ALPHABET.base64, 150, rand)).match(/.{1,64}/g)!;
  const flat = [begin, ...lines, end].join("\n");
  const shapes = {
    flat,
    // Slack sends a quote's `>` as `&gt;`; mrkdwn off reads it raw, on reads it as shown.
    quoted: flat.split("\n").map((l) => `&gt; ${l}`).join("\n"),
    quotedTight: flat.split("\n").map((l) => `>${l}`).join("\n"),
    yaml: "tls:\n  key: |\n" + flat.split("\n").map((l) => `    ${l}`).join("\n"),
    json: `{"private_key": "${[begin, ...lines, end].join("\\n")}\\n"}`,
    oneLine: [begin, ...lines, end].join(" "),
    crlf: [begin, ...lines, end].join("\r\n"),
  };
  const prints = new Set<string>();
  for (const [shape, text] of Object.entries(shapes)) {
    for (const mrkdwn of [true, false]) {
      const found = await scan(`the key:\n${text}\nthanks`, { mrkdwn });
      assertEquals(found.map((f) => f.ruleId), ["private-key"], `${shape}, mrkdwn ${mrkdwn}`);
      prints.add(found[0].fingerprint);
    }
  }
  assertEquals(prints.size, 1);
  assertEquals(canonicalKey(flat), [begin, lines.join(""), end].join("\n"));
});

Deno.test("private key: a base64-encoded key (kubeconfig) is the same leak as the key itself", async () => {
  const rand = seededRandom(7);
  const label = ["RSA", "PRIVATE", "KEY"].join(" ");
  const lines = ("MIIEpAIBAAKCAQEA" + randomString(ALPHABET.base64, 900, rand)).match(/.{1,64}/g)!;
  const key = [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join("\n");
  const pasted = await scan(`the key:\n${key}`);
  const encoded = await scan(`    client-key-data: ${btoa(key + "\n")}`);
  assertEquals(encoded.map((f) => f.ruleId), ["private-key-base64"]);
  assertEquals(encoded[0].fingerprint, pasted[0].fingerprint);
});
