import { assert, assertEquals, assertFalse } from "@std/assert";
import type { Rule } from "../types.ts";
import { scan } from "../scan.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { rules } from "./generic.ts";
import { classifyName, isNonSecretValue, looksGenerated, looksLikePassword } from "./generic.ts";

/** The rule's own matches in `text` (pattern + validator only, as scan would before its filters). */
function direct(rule: Rule, text: string): string[] {
  const out: string[] = [];
  const re = new RegExp(
    rule.pattern.source,
    rule.pattern.flags.includes("d") ? rule.pattern.flags : rule.pattern.flags + "d",
  );
  for (const m of text.matchAll(re)) {
    const g = m.indices?.groups?.secret;
    const [s, e] = g ?? [m.index!, m.index! + m[0].length];
    const secret = text.slice(s, e);
    if (!rule.validate || rule.validate(secret, { text, start: s, end: e })) out.push(secret);
  }
  return out;
}

for (const rule of rules) {
  Deno.test(`${rule.id}: pattern and validator on its own examples`, () => {
    assert(rule.pattern.global, "pattern must be global");
    for (const k of rule.keywords) assertEquals(k, k.toLowerCase());
    for (const p of rule.examples.positives()) {
      const got = direct(rule, p.text);
      assertEquals(got.length, 1, `one match expected in an example of ${rule.id}`);
      if (p.secret) assertEquals(got[0], p.secret);
      const lower = got[0].toLowerCase();
      assert(rule.keywords.some((k) => p.text.toLowerCase().includes(k)), "a keyword must occur");
      void lower;
    }
  });
  Deno.test(`${rule.id}: found through scan(), negatives stay silent`, async () => {
    for (const p of rule.examples.positives()) {
      const found = await scan(p.text, { includeSecret: true });
      const mine = found.filter((f) => f.ruleId === rule.id);
      assertEquals(mine.length, 1, `scan missed an example of ${rule.id}`);
      if (p.secret) assertEquals(mine[0].secret, p.secret);
      assertEquals(mine[0].confidence, rule.confidence);
    }
    for (const n of rule.examples.negatives()) {
      assertEquals((await scan(n)).map((f) => f.ruleId), [], `false positive for ${rule.id}`);
    }
  });
}

Deno.test("generic: names are classified into password, secret or neither", () => {
  assertEquals(classifyName("DB_PASSWORD"), "password");
  assertEquals(classifyName("--password"), "password");
  assertEquals(classifyName("dbPassword"), "password");
  assertEquals(classifyName("apiKey"), "secret");
  assertEquals(classifyName("x-api-key"), "secret");
  assertEquals(classifyName("client_secret"), "secret");
  assertEquals(classifyName("GITHUB_TOKEN"), "secret");
  assertEquals(classifyName("password_hash"), null);
  assertEquals(classifyName("token_url"), null);
  assertEquals(classifyName("monkey"), null);
  assertEquals(classifyName("cache_key"), null);
});

Deno.test("generic: values that reference, template or describe are not secrets", () => {
  for (
    const v of [
      "${TOKEN}",
      "$TOKEN_VALUE",
      "process.env.API_KEY",
      "os.environ.get",
      "{{ api_key }}",
      "/etc/ssl/private/server.key",
      "./secrets/token.txt",
      "https://example.org/token",
      "1234567890",
      "v1.2.3-beta.4",
      "2024-01-31",
      "true",
    ]
  ) assert(isNonSecretValue(v), v);
  assert(looksGenerated(randomString(ALPHABET.base62, 32, seededRandom(8))));
  assertFalse(looksGenerated("getUserAccessTokenFromCache"));
  assertFalse(looksGenerated("somethingsomething"));
  assert(looksLikePassword("Kx9#mP2vLq"));
  assertFalse(looksLikePassword("Password1!"));
  assertFalse(looksLikePassword("hunter2"));
});

Deno.test("generic: a specific family's look-alike is left to that family", async () => {
  const prefix = ["gh", "p_"].join("");
  const bad = prefix + randomString(ALPHABET.base62, 36, seededRandom(11));
  assertEquals(await scan(`GITHUB_TOKEN=${bad}`), []);
});
