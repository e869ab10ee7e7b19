import { assert, assertEquals, assertInstanceOf, assertRejects } from "@std/assert";
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { FAKE_IDS, type FakeSlack, startFakeSlack } from "../test_support/fake_slack/mod.ts";
import { fakeSlackToken } from "../test_support/fake_tokens.ts";
import { Budget } from "./budget.ts";
import { callSlack, pages, parseRetryAfter, slackCall, SlackTransportError } from "./client.ts";
import { timeline } from "../test_support/fake_clock.ts";

function withFake(name: string, fn: (fake: FakeSlack) => Promise<void>) {
  Deno.test({
    name,
    sanitizeOps: false,
    sanitizeResources: false,
    fn: async () => {
      const fake = await startFakeSlack();
      try {
        await fn(fake);
      } finally {
        await fake.close();
      }
    },
  });
}

const clientOf = (fake: FakeSlack, token = fake.botToken) =>
  SlackAPI(token, { slackApiUrl: fake.url });

withFake("client: 429 waits exactly Retry-After, then succeeds", async (fake) => {
  const tl = timeline();
  fake.fault("auth.test", { status: 429, retryAfter: 2 });
  const r = await callSlack<{ user_id: string }>(clientOf(fake), "auth.test", {}, {
    budget: new Budget(55_000, tl.clock),
    sleep: tl.sleep,
  });
  assert(r.ok);
  assertEquals(r.user_id, FAKE_IDS.botUser);
  assertEquals(tl.waits, [2_000]);
  assertEquals(fake.callsTo("auth.test").length, 2);
});

withFake("client: 5xx is retried with backoff", async (fake) => {
  const tl = timeline();
  fake.fault("conversations.info", { status: 503, times: 2 });
  const r = await callSlack(clientOf(fake), "conversations.info", { channel: FAKE_IDS.general }, {
    budget: new Budget(55_000, tl.clock),
    sleep: tl.sleep,
    jitter: () => 0,
  });
  assert(r.ok);
  assertEquals(fake.callsTo("conversations.info").length, 3);
  assertEquals(tl.waits, [125, 250]);
});

withFake("client: 5xx past maxAttempts becomes http_error, a value", async (fake) => {
  const tl = timeline();
  fake.fault("auth.test", { status: 502, times: Infinity });
  const r = await callSlack(clientOf(fake), "auth.test", {}, {
    budget: new Budget(55_000, tl.clock),
    sleep: tl.sleep,
    maxAttempts: 3,
  });
  assert(!r.ok);
  assertEquals(r.error, "http_error");
  assertEquals(r.status, 502);
  assertEquals(r.attempts, 3);
  assertEquals(r.transport, true);
  assertEquals(r.explanation.kind, "unknown");
});

withFake("client: ok:false is returned at once, never retried", async (fake) => {
  const r = await callSlack(clientOf(fake), "chat.postMessage", { channel: "C0NOPE", text: "x" });
  assert(!r.ok);
  assertEquals(r.error, "channel_not_found");
  assertEquals(r.attempts, 1);
  assertEquals(r.transport, false);
  assertEquals(r.explanation.kind, "input");
  assertEquals(fake.callsTo("chat.postMessage").length, 1);
});

withFake("client: missing_scope carries needed and provided into the sentence", async (fake) => {
  const token = fakeSlackToken("xoxb");
  fake.addToken({ token, kind: "bot", scopes: ["users:read"] });
  const r = await callSlack(clientOf(fake, token), "chat.postMessage", {
    channel: FAKE_IDS.general,
    text: "x",
  });
  assert(!r.ok);
  assertEquals(r.error, "missing_scope");
  assertEquals(r.needed, "chat:write");
  assertEquals(r.provided, "users:read");
  assert(r.explanation.sentence.includes("chat:write"));
});

withFake("client: ok:false ratelimited is retried", async (fake) => {
  const tl = timeline();
  fake.fault("users.info", { error: "ratelimited" });
  const r = await callSlack(clientOf(fake), "users.info", { user: FAKE_IDS.admin }, {
    budget: new Budget(55_000, tl.clock),
    sleep: tl.sleep,
  });
  assert(r.ok);
  assertEquals(fake.callsTo("users.info").length, 2);
});

withFake("client: retryOn makes chosen ok:false codes retryable", async (fake) => {
  const tl = timeline();
  fake.fault("conversations.history", { error: "internal_error" });
  const r = await callSlack(
    clientOf(fake),
    "conversations.history",
    { channel: FAKE_IDS.general },
    {
      budget: new Budget(55_000, tl.clock),
      sleep: tl.sleep,
      retryOn: ["internal_error"],
    },
  );
  assert(r.ok);
  assertEquals(fake.callsTo("conversations.history").length, 2);
});

withFake("client: a slow answer times out per attempt and is reported", async (fake) => {
  fake.fault("auth.test", { delayMs: 5_000, times: 2 });
  const r = await callSlack(clientOf(fake), "auth.test", {}, {
    timeoutMs: 50,
    maxAttempts: 2,
    sleep: () => Promise.resolve(),
  });
  assert(!r.ok);
  assertEquals(r.error, "timeout");
  assertEquals(r.attempts, 2);
  assertEquals(r.explanation.kind, "unknown");
});

withFake("client: a Retry-After longer than the budget gives up without sleeping", async (fake) => {
  const tl = timeline();
  fake.fault("auth.revoke", { status: 429, retryAfter: 30 });
  const r = await callSlack(clientOf(fake), "auth.revoke", {}, {
    budget: Budget.forHandler(tl.clock),
    sleep: tl.sleep,
  });
  assert(!r.ok);
  assertEquals(r.error, "ratelimited");
  assertEquals(r.status, 429);
  assertEquals(r.retryAfterMs, 30_000);
  assertEquals(r.attempts, 1);
  assertEquals(tl.waits, []);
  assert(r.explanation.sentence.includes("30 s"));
  // The token was not revoked: the one call never reached the handler.
  assert((await clientOf(fake).auth.test()).ok);
});

withFake("client: an exhausted budget makes no call at all", async (fake) => {
  const tl = timeline();
  const budget = new Budget(1_000, tl.clock);
  tl.advance(1_000);
  const r = await callSlack(clientOf(fake), "auth.test", {}, { budget });
  assert(!r.ok);
  assertEquals(r.error, "budget_exhausted");
  assertEquals(r.attempts, 0);
  assertEquals(fake.calls.length, 0);
});

withFake("client: a dropped connection is a network error and is retried", async (fake) => {
  const tl = timeline();
  fake.fault("auth.test", { drop: true });
  const r = await callSlack(clientOf(fake), "auth.test", {}, {
    budget: new Budget(55_000, tl.clock),
    sleep: tl.sleep,
  });
  assert(r.ok);
  assertEquals(fake.callsTo("auth.test").length, 2);
});

withFake("client: an unreachable server ends as network_error", async (fake) => {
  const url = fake.url;
  await fake.close();
  const r = await callSlack(SlackAPI(fake.botToken, { slackApiUrl: url }), "auth.test", {}, {
    maxAttempts: 2,
    sleep: () => Promise.resolve(),
  });
  assert(!r.ok);
  assertEquals(r.error, "network_error");
  assertEquals(r.transport, true);
});

withFake("slackCall: ok:false as a value, transport failures throw", async (fake) => {
  const tl = timeline();
  const call = slackCall(clientOf(fake), new Budget(55_000, tl.clock), { sleep: tl.sleep });
  const ok = await call("auth.test");
  assertEquals(ok.ok, true);
  const missing = await call("users.info", { user: "U0NOBODY" });
  assertEquals(missing, { ok: false, error: "user_not_found" });
  fake.fault("auth.test", { status: 500, times: Infinity });
  const err = await assertRejects(() => call("auth.test"), SlackTransportError);
  assertInstanceOf(err, SlackTransportError);
  assertEquals(err.code, "http_error");
});

withFake("pages: follows next_cursor to the end", async (fake) => {
  for (let i = 0; i < 25; i++) {
    fake.postMessage(FAKE_IDS.general, { user: FAKE_IDS.member, text: `m${i}` });
  }
  const pager = pages<{ messages: Array<{ text: string }> }>(
    clientOf(fake),
    "conversations.history",
    { channel: FAKE_IDS.general },
    { limit: 10 },
  );
  const texts: string[] = [];
  for await (const page of pager) texts.push(...page.messages.map((m) => m.text));
  assertEquals(texts.length, 25);
  assertEquals(texts[0], "m24");
  assertEquals(texts[24], "m0");
  assertEquals(pager.pagesRead, 3);
  assert(pager.complete);
  assertEquals(pager.nextCursor, "");
});

withFake("pages: stops before the budget runs out and resumes from its cursor", async (fake) => {
  for (let i = 0; i < 30; i++) {
    fake.postMessage(FAKE_IDS.general, { user: FAKE_IDS.member, text: `m${i}` });
  }
  const tl = timeline();
  const budget = new Budget(10_000, tl.clock);
  const client = clientOf(fake);
  const first = pages<{ messages: unknown[] }>(client, "conversations.history", {
    channel: FAKE_IDS.general,
  }, { budget, limit: 10, reserveMs: 2_000 });
  let seen = 0;
  for await (const page of first) {
    seen += page.messages.length;
    tl.advance(5_000); // each page "costs" 5 s of the run
  }
  assertEquals(seen, 20);
  assertEquals(first.stoppedBy, "budget");
  assert(!first.complete);
  assert(first.nextCursor !== "");
  const rest = pages<{ messages: unknown[] }>(client, "conversations.history", {
    channel: FAKE_IDS.general,
  }, { limit: 10, cursor: first.nextCursor });
  for await (const page of rest) seen += page.messages.length;
  assertEquals(seen, 30);
  assert(rest.complete);
});

withFake("pages: an error stops paging and is kept", async (fake) => {
  for (let i = 0; i < 15; i++) fake.postMessage(FAKE_IDS.general, { text: `m${i}` });
  const pager = pages(clientOf(fake), "conversations.history", { channel: FAKE_IDS.general }, {
    limit: 10,
  });
  let n = 0;
  for await (const _ of pager) {
    n++;
    fake.fault("conversations.history", { error: "invalid_cursor" });
  }
  assertEquals(n, 1);
  assertEquals(pager.stoppedBy, "error");
  assertEquals(pager.error?.error, "invalid_cursor");
});

Deno.test("parseRetryAfter: seconds, HTTP dates, junk", () => {
  assertEquals(parseRetryAfter("3"), 3_000);
  assertEquals(parseRetryAfter("0"), 0);
  assertEquals(parseRetryAfter(null), undefined);
  assertEquals(parseRetryAfter("soon"), undefined);
  const now = Date.parse("2024-01-01T00:00:00Z");
  assertEquals(parseRetryAfter("Mon, 01 Jan 2024 00:00:10 GMT", now), 10_000);
});
