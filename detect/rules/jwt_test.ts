import { assert, assertFalse } from "@std/assert";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { rules } from "./jwt.ts";
import { isSignedJwt } from "./jwt.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);

Deno.test("jwt: isSignedJwt needs a JSON header with alg (not none), a JSON payload and a signature", () => {
  const enc = (o: unknown) =>
    btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  const sig = randomString(ALPHABET.base64url, 43, seededRandom(6));
  assert(isSignedJwt(`${enc({ alg: "HS256" })}.${enc({ sub: 1 })}.${sig}`));
  assertFalse(isSignedJwt(`${enc({ alg: "none" })}.${enc({ sub: 1 })}.${sig}`));
  assertFalse(isSignedJwt(`${enc({ typ: "JWT" })}.${enc({ sub: 1 })}.${sig}`));
  assertFalse(isSignedJwt(`${enc({ alg: "HS256" })}.${enc([1])}.${sig}`));
  assertFalse(isSignedJwt(`${enc({ alg: "HS256" })}.${enc({ sub: 1 })}.`));
});
