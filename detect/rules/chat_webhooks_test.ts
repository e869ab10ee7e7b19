import { assertEquals } from "@std/assert";
import { rules } from "./chat_webhooks.ts";
import { testRuleExamples } from "./family_examples.ts";
import { scan } from "../scan.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";

testRuleExamples(rules);

Deno.test("telegram-bot-token: found in a Bot API URL, where `bot` touches it", async () => {
  const rand = seededRandom(4242);
  const token = "61" + randomString("0123456789", 8, rand) + ":" + "AA" +
    randomString(ALPHABET.base62, 33, rand);
  const url = `https://api.telegram.org/bot${token}/sendMessage?chat_id=-100123`;
  const found = await scan(`curl "${url}"`, { includeSecret: true });
  assertEquals(found.map((f) => [f.ruleId, f.secret]), [["telegram-bot-token", token]]);
  // A longer run of digits before the colon is no bot id.
  assertEquals(await scan(`order 1234567890123:AA${token.slice(-33)} shipped`), []);
});
