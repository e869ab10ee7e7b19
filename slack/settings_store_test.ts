import { assertEquals, assertRejects } from "@std/assert";
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { startFakeSlack } from "../test_support/fake_slack/mod.ts";
import { loadSettings, saveSettings, withDefaults } from "./settings_store.ts";
import { plainCall } from "./slack_call.ts";

function test(name: string, fn: () => Promise<void>) {
  Deno.test({ name, sanitizeOps: false, sanitizeResources: false, fn });
}

Deno.test("defaults: alert policy, empty lists, environment stand-ins", () => {
  const d = withDefaults(undefined);
  assertEquals(d.policy, "alert");
  assertEquals(d.revoker_user_ids, []);
  assertEquals(d.alert_channel_id, undefined);
  const e = withDefaults(undefined, {
    TOKEN_GUARD_ALERT_CHANNEL: "C0SEC",
    TOKEN_GUARD_POLICY: "auto-revoke",
  });
  assertEquals(e.alert_channel_id, "C0SEC");
  assertEquals(e.policy, "auto_revoke");
  const stored = withDefaults({ alert_channel_id: "C1", policy: "alert" }, {
    TOKEN_GUARD_ALERT_CHANNEL: "C0SEC",
    TOKEN_GUARD_POLICY: "auto_revoke",
  });
  assertEquals(stored.alert_channel_id, "C1");
  assertEquals(stored.policy, "alert");
});

test("load before any save gives defaults; save merges and stamps who and when", async () => {
  const fake = await startFakeSlack();
  try {
    const call = plainCall(SlackAPI(fake.botToken, { slackApiUrl: fake.url }));
    assertEquals((await loadSettings(call)).policy, "alert");
    await saveSettings(
      call,
      { alert_channel_id: "C0SEC", revoker_user_ids: ["U1"] },
      "U0A",
      () => 5,
    );
    const s = await saveSettings(call, { policy: "auto_revoke" }, "U0B", () => 6);
    assertEquals(s.alert_channel_id, "C0SEC");
    assertEquals(s.revoker_user_ids, ["U1"]);
    assertEquals(s.policy, "auto_revoke");
    assertEquals(s.updated_by, "U0B");
    assertEquals(s.updated_at, 6);
    assertEquals((await loadSettings(call)).policy, "auto_revoke");
    await assertRejects(() => saveSettings(call, { policy: "nope" as never }));
  } finally {
    await fake.close();
  }
});
