import { assert, assertEquals, assertFalse } from "@std/assert";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { rules } from "./private_key.ts";
import { canonicalKey, keyMaterial, plausibleKeyBody } from "./private_key.ts";
import { scan } from "../scan.ts";
import { fingerprint } from "../fingerprint.ts";
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
  // The one form is the key as its tools write it: a key pasted that way is its own fingerprint.
  assertEquals(canonicalKey(flat), flat);
  assertEquals([...prints][0], await fingerprint(flat));
});

Deno.test("private key: the key as written (OpenSSH's 70 columns, OpenSSL's encryption headers) is its own form", async () => {
  const rand = seededRandom(8);
  const wrap = (s: string, n: number) => s.match(new RegExp(`.{1,${n}}`, "g"))!;
  const ssh = ["OPENSSH", "PRIVATE", "KEY"].join(" ");
  const sshKey = [
    `-----BEGIN ${ssh}-----`,
    ...wrap("b3BlbnNzaC1rZXktdjEAAAAA" + randomString(ALPHABET.base64, 374, rand) + "==", 70),
    `-----END ${ssh}-----`,
  ].join("\n");
  assertEquals(canonicalKey(sshKey), sshKey);
  // Laid out at another width (a generator's 64), it is still its own form, with CRLF, quoted
  // or flattened too; as one run of base64, OpenSSH's 70.
  const ssh64 = sshKey.split("\n").slice(1, -1).join("").match(/.{1,64}/g)!;
  const [first, last] = [sshKey.split("\n")[0], sshKey.split("\n").at(-1)!];
  const sshKey64 = [first, ...ssh64, last].join("\n");
  assertEquals(canonicalKey(sshKey64), sshKey64);
  assertEquals(canonicalKey(sshKey64.replaceAll("\n", "\r\n")), sshKey64);
  assertEquals(canonicalKey(sshKey64.replaceAll("\n", "\n> ")), sshKey64);
  assertEquals(canonicalKey(sshKey64.replaceAll("\n", " ")), sshKey64);
  assertEquals(canonicalKey([first, ssh64.join(""), last].join("\n")), sshKey);
  // A removed key in a diff (`-` before each line) is the same key, and found.
  const removed = "-" + sshKey64.replaceAll("\n", "\n-");
  assertEquals(canonicalKey(removed.slice(1)), sshKey64);
  const found = await scan(`diff --git a/id b/id\n${removed}\n+rotated\n`);
  assertEquals(found.map((f) => f.ruleId), ["private-key"]);
  assertEquals(found[0].fingerprint, await fingerprint(sshKey64));
  const rsa = ["RSA", "PRIVATE", "KEY"].join(" ");
  const legacy = [
    `-----BEGIN ${rsa}-----`,
    "Proc-Type: 4,ENCRYPTED",
    "DEK-Info: AES-256-CBC,AE88DB027B0C3241A3E9651DE7EE6187",
    "",
    ...wrap("MIIEpAIBAAKCAQEA" + randomString(ALPHABET.base64, 1200, rand), 64),
    `-----END ${rsa}-----`,
  ].join("\n");
  assertEquals(canonicalKey(legacy), legacy);
  // Flattened onto one line, it is the same key.
  assertEquals(canonicalKey(legacy.replaceAll("\n", " ")), legacy);
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
