import { assert, assertEquals } from "@std/assert";
import { fakeChars, rules } from "./slack.ts";
import { scanSync } from "../scan.ts";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const HEX = "0123456789abcdef";
const x = (k: string) => ["x", "o", "x", k, "-"].join("");

function only(text: string) {
  return scanSync(text, { includeSecret: true });
}

Deno.test("slack: every rule is family slack with keywords inside its own positives", () => {
  for (const r of rules) {
    assertEquals(r.family, "slack");
    for (const p of r.examples.positives()) {
      assert(r.keywords.some((k) => p.text.toLowerCase().includes(k)), r.id);
    }
  }
});

Deno.test("slack: rotating tokens are not reported as plain bot/user tokens", () => {
  const t = ["x", "o", "x", "e", "."].join("") + x("p") + "1-" + fakeChars(ALNUM, 163, 1);
  const found = only(`token ${t}`);
  assertEquals(found.map((f) => f.ruleId), ["slack-rotating-user-token"]);
  assertEquals(found[0].secret, t);
});

Deno.test("slack: prefix glued to other text or URL-encoded still counts", () => {
  const t = x("b") + "123456789012-2345678901234-" + fakeChars(ALNUM, 24, 2);
  for (const text of [`Authorization: Bearer%20${t}`, `/api/call/${t}?x=1`, `token:${t}`]) {
    const found = only(text);
    assertEquals(found.length, 1, text.slice(0, 20));
    assertEquals(found[0].secret, t);
  }
});

Deno.test("slack: a webhook's secret is the URL as pasted, scheme included, not its link label", () => {
  const hook = ["hooks", "slack", "com"].join(".") + "/services/T0ABCDEFGH/B0ABCDEFGH/" +
    fakeChars(ALNUM, 24, 3);
  const text = `<https://${hook}|webhook>`;
  const [f] = only(text);
  assertEquals(f.ruleId, "slack-webhook-url");
  assertEquals(f.secret, `https://${hook}`);
  assertEquals(text.slice(f.start, f.end), `https://${hook}`);
  assertEquals(f.verifyAs, "webhook");
  // Encoded in another URL's query: the span as written, reported as the URL it encodes.
  const encoded = encodeURIComponent(`https://${hook}`);
  const query = `https://ci.acme.io/notify?target=${encoded}&retry=3`;
  const [g] = only(query);
  assertEquals(query.slice(g.start, g.end), encoded);
  assertEquals(g.secret, `https://${hook}`);
  assertEquals(g.fingerprint, f.fingerprint);
});

Deno.test("slack: a signing secret needs its keyword; bare hex is nothing", () => {
  const hex = fakeChars(HEX, 32, 4);
  assertEquals(only(`build ${hex} passed`).length, 0);
  assertEquals(only(`SLACK_SIGNING_SECRET=${hex}`)[0].ruleId, "slack-signing-secret");
});

Deno.test("slack: client token and cookie pair are two findings", () => {
  const c = x("c") + "123456789012-123456789012-1234567890123-" + fakeChars(HEX, 64, 5);
  const d = x("d") + fakeChars(ALNUM, 80, 6) + "%2F" + fakeChars(ALNUM, 40, 7) + "%3D";
  const found = only(`token=${c}; cookie d=${d};`);
  assertEquals(found.map((f) => f.ruleId), ["slack-client-token", "slack-session-cookie"]);
});
