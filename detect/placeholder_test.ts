import { assert, assertEquals, assertFalse } from "@std/assert";
import { entropyOf, isPlaceholder, isWellKnownDigest, looksLikeFiller } from "./placeholder.ts";
import { fakeChars } from "./rules/slack.ts";
import { scanSync } from "./scan.ts";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const p = ["xo", "xb-"].join("");

Deno.test("placeholder: documentation shapes are placeholders", () => {
  for (
    const s of [
      p + "111-222-xxxxx",
      p + "your-token",
      p + "xxxxxxxxx-xxxx",
      "${SLACK_BOT_TOKEN}",
      "<token>",
      'os.environ["SLACK_BOT_TOKEN"]',
      "process.env.SLACK_TOKEN",
      "0000000000000000",
      "abcdefghijklmnop",
      "123456789012345678",
      "abababababababab",
      "REDACTED-" + fakeChars(ALNUM, 20, 3),
      "my-example-" + fakeChars(ALNUM, 20, 4),
      "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
      fakeChars(ALNUM, 20, 5) + "...",
      fakeChars(ALNUM, 20, 6) + "****",
    ]
  ) assert(isPlaceholder(s), s);
});

Deno.test("placeholder: random credentials are not placeholders", () => {
  for (let seed = 1; seed < 40; seed++) {
    const s = p + "123456789012-" + fakeChars(ALNUM, 24, seed);
    assertFalse(isPlaceholder(s), `seed ${seed}`);
  }
  assertFalse(isPlaceholder(fakeChars("0123456789abcdef", 32, 11)));
});

Deno.test("placeholder: a word in random mixed case is chance, in a written case a placeholder", () => {
  const rand = (seed: number) => fakeChars(ALNUM, 14, seed);
  for (const word of ["yOuR", "FAKe", "xXXx", "sAmPle"]) {
    assertFalse(isPlaceholder(p + "123456789012-" + rand(1) + word + rand(2)), word);
  }
  // A short word in a written case counts where it opens or closes a segment; wedged between
  // random letters and digits it is chance (see the test below), a long one never is.
  for (const word of ["your", "YOUR", "Your", "fake", "FAKE", "Sample", "xxxx", "XXXX"]) {
    assert(isPlaceholder(p + "123456789012-" + word + rand(2)), word);
    assert(isPlaceholder(p + "123456789012-" + rand(1) + word), word);
  }
  for (const word of ["example", "EXAMPLE", "redacted", "placeholder", "changeme"]) {
    assert(isPlaceholder(p + "123456789012-" + rand(1) + word + rand(2)), word);
  }
  assert(isPlaceholder(p + "Your-Bot-Token"));
  assert(isPlaceholder("yourApiKeyGoesHere1234"));
  assert(isPlaceholder("INSERT_TOKEN_HERE_1234"));
});

Deno.test("placeholder: hashes, data URIs and permalinks by context", () => {
  const hex = fakeChars("0123456789abcdef", 40, 12);
  const text = `commit ${hex} fixed it`;
  assert(isPlaceholder(hex, { text, start: 7, end: 47 }));
  assertFalse(isPlaceholder(hex, { text: `key ${hex}`, start: 4, end: 44 }));
  const b64 = fakeChars(ALNUM, 40, 13);
  const img = `<img src="data:image/png;base64,${b64}">`;
  const at = img.indexOf(b64);
  assert(isPlaceholder(b64, { text: img, start: at, end: at + b64.length }));
  const link = `https://acme.slack.com/archives/C0123/p${fakeChars("0123456789", 16, 3)}`;
  const s = link.lastIndexOf("/") + 1;
  assert(isPlaceholder(link.slice(s), { text: link, start: s, end: link.length }));
  // A token as the label of a link to the app's settings is no part of the link.
  const token = ["xo", "xb-"].join("") + fakeChars("0123456789", 13, 4) + "-" +
    fakeChars("0123456789", 13, 5) + "-" + fakeChars(ALNUM, 24, 6);
  const label = `<https://api.slack.com/apps/A0123456789/oauth|${token}>`;
  const l = label.indexOf(token);
  assertFalse(isPlaceholder(token, { text: label, start: l, end: l + token.length }));
  assertEquals(scanSync(label).map((f) => f.ruleId), ["slack-bot-token"]);
});

Deno.test("placeholder: exemptions keep formats that legitimately look like a UUID", () => {
  const uuid = "8203ef18-2e69-47dd-a397-2b1f2605f7b7";
  assert(isPlaceholder(uuid));
  assertFalse(isPlaceholder(uuid, undefined, { exempt: ["uuid"] }));
});

Deno.test("placeholder: filler and entropy helpers", () => {
  assert(looksLikeFiller("aaaaaaaaaaaa"));
  // The alphabet in alternating case: documentation's filler, not a key.
  assert(looksLikeFiller("AbCdEfGhIjKlMnOpQrStUvWx"));
  assertFalse(looksLikeFiller(fakeChars(ALNUM, 24, 2)));
  assert(entropyOf("aaaa") === 0);
  assert(entropyOf(fakeChars(ALNUM, 64, 2)) > 4.5);
});

Deno.test("placeholder: symbol-heavy passwords are judged whole, not by their longest run", () => {
  const pw = ["Xk9", "#mP2", "$vL"].join("");
  assertFalse(looksLikeFiller(pw));
  assertFalse(isPlaceholder(pw));
  assertFalse(isPlaceholder(["q7", "%21", "Zr", "%40", "w9K"].join("")));
  assert(looksLikeFiller("a-b-c"));
  assert(looksLikeFiller("**-**-**-**"));
  assert(looksLikeFiller("ab#ab#ab#ab#"));
});

Deno.test("placeholder: Slack's documented example bot token is a placeholder", () => {
  const documented = ["xoxb", "17653672481", "19874698323", "pdFZKVeTuE8sk7oOcBrzbqgy"].join("-");
  assert(isPlaceholder(documented));
  assertFalse(isPlaceholder(documented.replace("pdFZ", "qdFZ")));
});

Deno.test("placeholder: a doubled $ inside a password is no variable reference", () => {
  assertFalse(isPlaceholder(["Qwerty", "$$", "XZNY"].join("")));
  assert(isPlaceholder(["pre-", "$", "DB_PASSWORD"].join("")));
  assert(isPlaceholder(["$", "{DB_PASSWORD}"].join("")));
});

Deno.test("placeholder: digests of nothing are not secrets", async () => {
  const empty = new Uint8Array(0);
  const hexOf = async (alg: string) =>
    [...new Uint8Array(await crypto.subtle.digest(alg, empty))]
      .map((b) => b.toString(16).padStart(2, "0")).join("");
  for (const alg of ["SHA-1", "SHA-256", "SHA-512"]) {
    const h = await hexOf(alg);
    assert(isWellKnownDigest(h), alg);
    assert(isWellKnownDigest(h.toUpperCase()), alg);
    assert(isPlaceholder(h), alg);
  }
  // MD5 is not in WebCrypto: its empty-string digest is assembled from its well-known halves.
  assert(isWellKnownDigest(["d41d8cd98f00b204", "e9800998ecf8427e"].join("")));
  assertFalse(isWellKnownDigest(fakeChars("0123456789abcdef", 32, 21)));
  assertFalse(isWellKnownDigest(fakeChars("0123456789abcdef", 64, 22)));
});

Deno.test("a Slack channel, user or group reference after 'password is' is no secret", async () => {
  const { scan } = await import("./scan.ts");
  const { assertEquals } = await import("@std/assert");
  for (const ref of ["<#CV06D2C35LK|index>", "<@US880MN4CVL>", "<!subteam^S0614TZR7|@oncall>"]) {
    const text = `the password for the build queue is ${ref}`;
    assertEquals(await scan(text), [], text);
    assertEquals(await scan(text, { mrkdwn: false }), [], text);
  }
});

Deno.test("placeholder: a data URI's body from its media type on is no secret", () => {
  const png = "image/png;base64,iVBORw0KGgoAAAANSUhEUgAAocDkeTyEWMTDaPYiEPIwgPPfXCYAVa";
  assert(isPlaceholder(png));
  assertEquals(
    scanSync(`la contraseña está en 1Password \`data:${png}\``).map((f) => f.ruleId),
    [],
  );
});

Deno.test("isPlaceholder: a short word wedged inside a random token is chance, not a placeholder", () => {
  // One random GitHub token in ~3,000 holds `your`, `fake`, `xxxx`… between letters and digits.
  for (const word of ["YOUR", "your", "Fake", "xxxx", "XXXX", "dummy", "Sample", "lorem"]) {
    assertEquals(isPlaceholder(`Qz8Rk2${word}A2mT9vLp4Wn7Xc1Bh5`), false, word);
  }
  // At a segment's edge, or a camelCase segment, they are placeholders.
  for (
    const text of [
      ["xoxb", "your", "token"].join("-"),
      ["AKIA", "IOSFODNN7", "EXAMPLE"].join(""),
      "myFakeTokenValue123",
      "sample_key_Qz8Rk2mT9v",
      "Qz8Rk2mT9vLp4Wn7_dummy",
      "YOURTOKENHERE1234",
    ]
  ) {
    assertEquals(isPlaceholder(text), true, text);
  }
});
