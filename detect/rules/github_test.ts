import { assertEquals } from "@std/assert";
import { scan } from "../scan.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { rules } from "./github.ts";
import { withBase62Crc32 } from "../checksum.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);

Deno.test("github: a real-shaped classic token with a valid checksum is found; flipped checksum is not", async () => {
  const rand = seededRandom(42);
  const prefix = ["gh", "p_"].join("");
  const tok = prefix + withBase62Crc32(randomString(ALPHABET.base62, 30, rand));
  const found = await scan(`token: ${tok}`, { includeSecret: true });
  assertEquals(found.map((f) => [f.ruleId, f.secret]), [["github-classic-pat", tok]]);
  const bad = tok.slice(0, -2) + (tok.endsWith("00") ? "11" : "00");
  assertEquals((await scan(`token: ${bad}`)).filter((f) => f.family === "github"), []);
});
