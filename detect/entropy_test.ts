import { assert, assertEquals, assertFalse, assertGreater, assertLess } from "@std/assert";
import {
  ALPHABET,
  charClasses,
  hasFiller,
  isLowVariety,
  randomString,
  seededRandom,
  shannonEntropy,
  wordFraction,
} from "./entropy.ts";
import { acceptRates, calibrate, chosenTest, nonSecretSamples } from "./entropy_calibration.ts";
import { isSecretValue } from "./rules/generic_value.ts";

Deno.test("shannonEntropy: known values", () => {
  assertEquals(shannonEntropy(""), 0);
  assertEquals(shannonEntropy("aaaa"), 0);
  assertEquals(shannonEntropy("abab"), 1);
  assertEquals(shannonEntropy("abcd"), 2);
  assert(Math.abs(shannonEntropy("0123456789abcdef") - 4) < 1e-9);
  assertGreater(shannonEntropy(randomString(ALPHABET.base64, 4096)), 5.9);
});

Deno.test("charClasses and isLowVariety", () => {
  assertEquals(charClasses("aB3!").count, 4);
  assertEquals(charClasses("abc").count, 1);
  assert(isLowVariety("xxxxxxxxxxxx"));
  assert(isLowVariety("abcabcabcabc"));
  assert(isLowVariety("0123456789"));
  assert(isLowVariety("abcdefghijklmnopqrstuvwx"));
  assertFalse(isLowVariety(randomString(ALPHABET.base62, 32, seededRandom(1))));
  // Long hex has its 16 symbols whatever its length (a Rails secret_key_base is 128).
  assertFalse(isLowVariety(randomString(ALPHABET.hexLower, 128, seededRandom(2))));
  assert(isLowVariety("0123".repeat(40)));
});

Deno.test("hasFiller and wordFraction", () => {
  assert(hasFiller("your-api-key"));
  assert(hasFiller("<token>"));
  assert(hasFiller("pass<word>"));
  assert(hasFiller("<name>-prod"));
  // Letters or digits on both sides: a password's own brackets, not a stand-in.
  assertFalse(hasFiller("Bcta&1cEIO<TbLq>673"));
  assert(hasFiller("abc..."));
  assertFalse(hasFiller(randomString(ALPHABET.hexLower, 40, seededRandom(2))));
  assertGreater(wordFraction("YourSecretKeyGoesHere"), 0.85);
  assertGreater(wordFraction("getUserToken"), 0.85);
  assertLess(wordFraction("k8Qz2Lp0Xv7Rw3Ty"), 0.6);
});

Deno.test("seededRandom is deterministic", () => {
  assertEquals(
    randomString(ALPHABET.base62, 20, seededRandom(9)),
    randomString(ALPHABET.base62, 20, seededRandom(9)),
  );
});

Deno.test("calibration: the generic value test keeps its measured error rates", () => {
  const r = calibrate();
  // Measured 3.4% / 0.5% when the constants were chosen; these bounds catch a regression.
  assertLess(r.falseNegativeRate, 0.05);
  assertLess(r.falsePositiveRate, 0.01);
});

Deno.test("calibration: a person's choice under a secret name adds only passwords' shapes", () => {
  // A word with a number (`Deploy1995!`) reads as a person's password under any secret's name
  // (a webhook or session secret people choose); every other kind of non-secret stays out.
  const non = nonSecretSamples().filter((s) => s.kind !== "word+digits");
  const generated = acceptRates(non, chosenTest).rate;
  const named = acceptRates(non, (v) => isSecretValue(v, "secret")).rate;
  assertLess(named, generated + 0.001);
  assert(isSecretValue("Cedar^Tundra8590", "secret"));
  assert(isSecretValue("Maple2024!x", "secret"));
  for (
    const v of ["MySecretToken1", "TestKey2024x", "v2.10.3-Beta", "eu-west-1a", "release2024x"]
  ) {
    assert(!isSecretValue(v, "secret"), v);
  }
});
