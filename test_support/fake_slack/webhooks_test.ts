import { assertEquals } from "@std/assert";
import { FAKE_IDS, withFakeSlack } from "./mod.ts";
import { fakeWebhookUrl } from "../fake_tokens.ts";

async function post(url: string, body: string, type = "application/json") {
  const res = await fetch(url, { method: "POST", headers: { "content-type": type }, body });
  return [res.status, await res.text()] as const;
}

withFakeSlack(
  "webhook: a live hook refuses empty and broken payloads without posting",
  async (fake) => {
    const url = fake.addWebhook({ channel: FAKE_IDS.general, seed: 1 });
    assertEquals(url.startsWith(fake.webhookBase), true);
    assertEquals(await post(url, "{}"), [400, "no_text"]);
    assertEquals(await post(url, ""), [400, "no_text"]);
    assertEquals(await post(url, "{broken"), [400, "invalid_payload"]);
    assertEquals(await post(url, "[1]"), [400, "no_text"]);
    assertEquals(fake.messagesIn(FAKE_IDS.general).length, 0);
    assertEquals(await post(url, JSON.stringify({ text: "hello" })), [200, "ok"]);
    assertEquals(
      await post(
        url,
        new URLSearchParams({ payload: '{"text":"form"}' }).toString(),
        "application/x-www-form-urlencoded",
      ),
      [200, "ok"],
    );
    assertEquals(fake.messagesIn(FAKE_IDS.general).map((m) => m.text), ["hello", "form"]);
    assertEquals(fake.callsTo("webhook").length, 6);
  },
);

withFakeSlack("webhook: dead hooks answer like Slack", async (fake) => {
  const unknown = fakeWebhookUrl("nope", fake.webhookBase);
  assertEquals(await post(unknown, "{}"), [404, "no_service"]);
  const url = fake.addWebhook({ channel: FAKE_IDS.general });
  fake.setWebhookStatus(url, "revoked");
  assertEquals(await post(url, "{}"), [403, "invalid_token"]);
  fake.setWebhookStatus(url, "removed");
  assertEquals(await post(url, "{}"), [404, "no_service"]);
  fake.setWebhookStatus(url, "archived");
  assertEquals(await post(url, "{}"), [410, "channel_is_archived"]);
  fake.setWebhookStatus(url, "team_disabled");
  assertEquals(await post(url, "{}"), [410, "team_disabled"]);
});

withFakeSlack("webhook: faults apply to webhook posts too", async (fake) => {
  const url = fake.addWebhook({ channel: FAKE_IDS.general });
  fake.fault("webhook", { status: 429, retryAfter: 3 });
  const res = await fetch(url, { method: "POST", body: "{}" });
  assertEquals(res.status, 429);
  assertEquals(res.headers.get("retry-after"), "3");
  await res.body?.cancel();
  assertEquals(await post(url, "{}"), [400, "no_text"]);
});
