import { assert, assertEquals } from "@std/assert";
import { redact } from "./redact.ts";
import { fakeChars } from "./rules/slack.ts";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

Deno.test("redact: type prefix, two characters, ellipsis, last four, length", () => {
  const secret = ["xo", "xb-"].join("") + "123456789012-1234567890123-" + fakeChars(ALNUM, 24, 1);
  const r = redact(secret);
  assertEquals(r, `${secret.slice(0, 7)}…${secret.slice(-4)} (${secret.length} chars)`);
});

Deno.test("redact: never shows more than a third of the secret part", () => {
  for (let n = 0; n < 60; n++) {
    const secret = fakeChars(ALNUM, n, n + 3);
    const r = redact(secret);
    const shown = r.slice(0, r.lastIndexOf(" (")).replace("…", "");
    assert(shown.length <= Math.floor(n / 3), `${n}: ${shown.length}`);
    assert(r.endsWith(`(${n} chars)`));
  }
});
