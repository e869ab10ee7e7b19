import { assert, assertEquals } from "@std/assert";
import { scan, scanSync } from "../scan.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { rules } from "./aws.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);

Deno.test("aws: a pasted id + secret pair gives two findings, id medium and secret high", async () => {
  const rand = seededRandom(43);
  const id = ["AK", "IA"].join("") + randomString(ALPHABET.base32Upper, 16, rand);
  const secret = randomString(ALPHABET.base64, 40, rand);
  const found = await scan(`access key ${id}\nsecret ${secret}`, { includeSecret: true });
  assertEquals(
    found.map((f) => [f.ruleId, f.confidence, f.secret]),
    [["aws-access-key-id", "medium", id], ["aws-secret-access-key", "high", secret]],
  );
  // The same 40 characters with no id and no name nearby are not reported.
  assertEquals(await scan(`blob ${secret} here`), []);
});

Deno.test("aws: a JWT beside a key id is the JWT, not a secret key from its 40-character header", async () => {
  const rand = seededRandom(44);
  const id = ["AK", "IA"].join("") + randomString(ALPHABET.base32Upper, 16, rand);
  const b64url = (s: string) => btoa(s).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  // `{"alg": "HS256", "typ": "JWT"}` (spaces after the colons) is 40 base64url characters.
  const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }).replace(/[:,]/g, "$& "));
  assertEquals(header.length, 40);
  const payload = b64url(JSON.stringify({ sub: randomString(ALPHABET.base62, 12, rand) }));
  const token = `${header}.${payload}.${randomString(ALPHABET.base64url, 43, rand)}`;
  // A signature with a `-` or `_` 3 characters in: the 40 after it are no secret key either.
  const signed = `${header}.${payload}.Ie-${randomString(ALPHABET.base62, 40, rand)}`;
  const cases: Array<[string, string]> = [
    [`key id ${id}\nsession: ${token}`, token],
    [`${id} ${token}.`, token],
    [`key id ${id}\nsession: \`${signed}\``, signed],
  ];
  for (const [text, jwt] of cases) {
    const found = await scan(text, { includeSecret: true });
    assertEquals(found.map((f) => [f.ruleId, f.secret]), [["aws-access-key-id", id], [
      "jwt",
      jwt,
    ]]);
  }
});

Deno.test("aws: a key id whose tail reads as words is one only beside an AWS secret", () => {
  const id = ["AK", "IA", "SUPERSECRET", "VALUE"].join("");
  const secret = randomString(ALPHABET.base64, 40, seededRandom(10151));
  assertEquals(scanSync(`AWS_ACCESS_KEY_ID=${id}`).map((f) => f.ruleId), []);
  const pair = `AWS_ACCESS_KEY_ID=${id}\nAWS_SECRET_ACCESS_KEY=${secret}`;
  assertEquals(scanSync(pair).map((f) => f.ruleId).sort(), [
    "aws-access-key-id",
    "aws-secret-access-key",
  ]);
  const unnamed = `creds: ${id} / ${secret}`;
  assertEquals(scanSync(unnamed).map((f) => f.ruleId).sort(), [
    "aws-access-key-id",
    "aws-secret-access-key",
  ]);
});

Deno.test("aws: 40 characters in the middle of another key beside a key id are that key's", () => {
  const run = (n: number, seed: number) => randomString(ALPHABET.base62, n, seededRandom(seed));
  const middle = run(40, 10161);
  const key = ["sk-", "ant-api03-"].join("") + run(38, 10162) + "-" + middle + "_-" +
    run(13, 10163) + "AA";
  const id = ["AS", "IA"].join("") + "42I556FR4RXBKFLV";
  const found = scanSync(`token: *${key}*\nAWS_ACCESS_KEY_ID=${id}`, { mrkdwn: false });
  assertEquals(found.map((f) => f.ruleId).sort(), ["anthropic-api-key", "aws-access-key-id"]);
  // The same 40 characters as a key of their own, in italics, are one.
  const alone = scanSync(`AWS_ACCESS_KEY_ID=${id}\nsecret: _${middle}_`, { mrkdwn: false });
  assertEquals(alone.map((f) => f.ruleId).sort(), ["aws-access-key-id", "aws-secret-access-key"]);
});

Deno.test("aws: 40 characters between two escapes of a URL-encoded session token are no secret", () => {
  const rand = seededRandom(10203);
  const id = ["AS", "IA"].join("") + randomString(ALPHABET.base32Upper, 16, rand);
  const text = `?X-Amz-Credential=${id}%2F20240501&X-Amz-Security-Token=IQoJb3%2F${
    // `2F` and these 38 make a run of 40 between the escapes.
    randomString(ALPHABET.base62, 38, rand)}%2Bq`;
  const found = scanSync(text).map((f) => f.ruleId);
  assert(!found.includes("aws-secret-access-key"), found.join(", "));
});
