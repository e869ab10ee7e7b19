import { assert, assertEquals, assertMatch, assertNotEquals } from "@std/assert";
import {
  fakeSlackId,
  fakeSlackToken,
  fakeWebhookParts,
  fakeWebhookUrl,
  SLACK_TOKEN_KINDS,
  type SlackTokenKind,
} from "./fake_tokens.ts";

// Expected shapes, assembled from parts like the factory itself.
const d = (kind: string) => new RegExp("^" + kind.replace(".", "\\.") + "-");
const SHAPES: Record<SlackTokenKind, RegExp> = {
  xoxb: /^[a-z]{4}-[1-9]\d{9,12}-[1-9]\d{9,12}-[A-Za-z0-9]{24}$/,
  xoxp: /^[a-z]{4}-[1-9]\d{9,12}-[1-9]\d{9,12}-[1-9]\d{9,12}-[0-9a-f]{32}$/,
  xoxa: /^[a-z]{4}-2-\d{10,13}-\d{10,13}-[0-9a-f]{64}$/,
  xoxr: /^[a-z]{4}-2-\d{10,13}-\d{10,13}-[0-9a-f]{64}$/,
  xoxs: /^[a-z]{4}-\d{10,13}-\d{10,13}-\d{10,13}-[0-9a-f]{64}$/,
  xoxc: /^[a-z]{4}-\d{10,13}-\d{10,13}-\d{10,13}-[0-9a-f]{64}$/,
  xapp: /^[a-z]{4}-1-A[A-Z0-9]{10}-\d{13}-[0-9a-f]{64}$/,
  "xoxe.xoxp": /^[a-z.]{9}-1-[A-Z0-9]{164}$/,
  "xoxe.xoxb": /^[a-z.]{9}-1-[A-Z0-9]{164}$/,
  xoxe: /^[a-z]{4}-1-[A-Z0-9]{146}$/,
  xoxd: /^[a-z]{4}-[A-Za-z0-9%]{140,}$/,
  xwfp: /^[a-z]{4}-\d{10,13}-\d{10,13}-[A-Za-z0-9]{24}$/,
};

Deno.test("fake tokens: every kind has its prefix and Slack's shape", () => {
  for (const kind of SLACK_TOKEN_KINDS) {
    for (let i = 0; i < 20; i++) {
      const tok = fakeSlackToken(kind, i);
      assertMatch(tok, d(kind), kind);
      assertMatch(tok, SHAPES[kind], `${kind}: ${tok.length} chars`);
    }
  }
});

Deno.test("fake tokens: deterministic with a seed, random without", () => {
  for (const kind of SLACK_TOKEN_KINDS) {
    assertEquals(fakeSlackToken(kind, "a"), fakeSlackToken(kind, "a"));
    assertNotEquals(fakeSlackToken(kind, "a"), fakeSlackToken(kind, "b"));
    assertNotEquals(fakeSlackToken(kind), fakeSlackToken(kind));
  }
  // Different kinds with one seed do not share their random parts.
  assertNotEquals(fakeSlackToken("xoxb", 1).slice(5), fakeSlackToken("xwfp", 1).slice(5));
});

Deno.test("fake webhook URLs: hooks host, T…/B…/24 alnum, base override", () => {
  const url = fakeWebhookUrl("x");
  assertMatch(
    url,
    /^https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{8,10}\/B[A-Z0-9]{8,10}\/[A-Za-z0-9]{24}$/,
  );
  assertEquals(url, fakeWebhookUrl("x"));
  assertNotEquals(fakeWebhookUrl(), fakeWebhookUrl());
  const local = fakeWebhookUrl("x", "http://127.0.0.1:9/services/");
  const { teamId, botId, secret } = fakeWebhookParts("x");
  assertEquals(local, `http://127.0.0.1:9/services/${teamId}/${botId}/${secret}`);
});

Deno.test("fake ids: letter plus upper alphanumerics", () => {
  assertMatch(fakeSlackId("C", 1), /^C[A-Z0-9]{10}$/);
  assertEquals(fakeSlackId("U", "z"), fakeSlackId("U", "z"));
  assert(fakeSlackId("T", 1, 8).length === 9);
});
