import { assert, assertEquals, assertThrows } from "@std/assert";
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { FAKE_IDS, type FakeSlack, startFakeSlack } from "../test_support/fake_slack/mod.ts";
import {
  applyGuardTriggers,
  chunk,
  formatTriggerIds,
  guardTriggerRequest,
  liveTriggerFrom,
  MAX_CHANNELS_PER_TRIGGER,
  parseTriggerIds,
  planGuardTriggers,
} from "./guard_trigger.ts";
import { plainCall } from "./slack_call.ts";

const t = (name: string, fn: () => Promise<void> | void) =>
  Deno.test({ name, sanitizeOps: false, sanitizeResources: false, fn });

const ids = (n: number, prefix = "C0GT") =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(6, "0")}`);

async function fakeWithChannels(n: number): Promise<FakeSlack> {
  const fake = await startFakeSlack();
  // Slack's real limit, which the fake does not assume by default.
  fake.state.limits.triggerChannelIds = MAX_CHANNELS_PER_TRIGGER;
  for (const id of ids(n)) fake.addChannel({ id, members: [fake.state.bot_user_id] });
  return fake;
}

t("guard trigger: request shape is a message_posted event with data.* inputs", () => {
  const r = guardTriggerRequest([FAKE_IDS.general]);
  assertEquals(r.type, "event");
  assertEquals(r.event.event_type, "slack#/events/message_posted");
  assertEquals(r.workflow, "#/workflows/guard_message");
  assertEquals(r.event.event_type, "slack#/events/message_posted");
  assertEquals(r.event.channel_ids, [FAKE_IDS.general]);
  assert(r.event.filter);
  assertEquals(r.inputs.channel_id, { value: "{{data.channel_id}}" });
  assertEquals(r.inputs.text, { value: "{{data.text}}" });
  assertThrows(() => guardTriggerRequest([]), RangeError);
  assertThrows(() => guardTriggerRequest(ids(21)), RangeError);
});

t("guard trigger: planning reuses ids in order, creates and deletes the rest", () => {
  assertEquals(planGuardTriggers([], []), { update: [], create: [], delete: [] });
  const p1 = planGuardTriggers([], ids(45));
  assertEquals(p1.create.map((g) => g.length), [20, 20, 5]);
  const p2 = planGuardTriggers(["Ft1", "Ft2", "Ft3"], ids(21));
  assertEquals(p2.update.map((u) => [u.trigger_id, u.channel_ids.length]), [["Ft1", 20], [
    "Ft2",
    1,
  ]]);
  assertEquals(p2.delete, ["Ft3"]);
  assertEquals(planGuardTriggers(["Ft1"], []).delete, ["Ft1"]);
  // duplicates and blanks do not count twice
  assertEquals(planGuardTriggers([], ["C1", "C1", " ", "C2"]).create, [["C1", "C2"]]);
  assertEquals(chunk([1, 2, 3], 2), [[1, 2], [3]]);
  assertEquals(parseTriggerIds(" Ft1, Ft2 ,,"), ["Ft1", "Ft2"]);
  assertEquals(parseTriggerIds(undefined), []);
  assertEquals(formatTriggerIds(["Ft1", "Ft2"]), "Ft1,Ft2");
});

t("guard trigger: create, update, split past 20, delete against the fake", async () => {
  const fake = await fakeWithChannels(45);
  try {
    const call = plainCall(SlackAPI(fake.botToken, { slackApiUrl: fake.url }));
    const all = ids(45);

    const r1 = await applyGuardTriggers(call, planGuardTriggers([], all.slice(0, 3)));
    assert(r1.ok);
    assertEquals(r1.triggerIds.length, 1);
    const first = fake.state.triggers.get(r1.triggerIds[0])!;
    assertEquals(first.event?.channel_ids, all.slice(0, 3));
    assertEquals(first.workflow, "#/workflows/guard_message");

    const r2 = await applyGuardTriggers(call, planGuardTriggers(r1.triggerIds, all));
    assert(r2.ok, JSON.stringify(r2.changes));
    assertEquals(r2.triggerIds.length, 3);
    assertEquals(r2.triggerIds[0], r1.triggerIds[0]);
    assertEquals(r2.changes.map((c) => c.action), ["updated", "created", "created"]);
    const covered = r2.triggerIds.flatMap((id) =>
      fake.state.triggers.get(id)!.event!.channel_ids as string[]
    );
    assertEquals(covered, all);

    const r3 = await applyGuardTriggers(call, planGuardTriggers(r2.triggerIds, []));
    assert(r3.ok);
    assertEquals(r3.triggerIds, []);
    assertEquals(fake.state.triggers.size, 0);
    assertEquals(r3.changes.map((c) => c.action), ["deleted", "deleted", "deleted"]);
  } finally {
    await fake.close();
  }
});

t(
  "guard trigger: a trigger deleted by hand is created again; failures keep the old one",
  async () => {
    const fake = await fakeWithChannels(3);
    try {
      const call = plainCall(SlackAPI(fake.botToken, { slackApiUrl: fake.url }));
      const r1 = await applyGuardTriggers(call, planGuardTriggers([], ids(2)));
      fake.state.triggers.clear();
      const r2 = await applyGuardTriggers(call, planGuardTriggers(r1.triggerIds, ids(3)));
      assert(r2.ok);
      assertEquals(r2.changes[0].action, "recreated");
      assert(r2.triggerIds[0] !== r1.triggerIds[0]);

      // Slack refuses an unknown channel: the existing trigger stays in the list and is reported.
      const r3 = await applyGuardTriggers(
        call,
        planGuardTriggers(r2.triggerIds, ["C0NOSUCHCH1"]),
      );
      assertEquals(r3.ok, false);
      assertEquals(r3.changes[0].action, "failed");
      assertEquals(r3.changes[0].error, "invalid_channel_id");
      assertEquals(r3.triggerIds, r2.triggerIds);

      // Deleting one that is already gone is fine.
      fake.state.triggers.clear();
      const r4 = await applyGuardTriggers(call, planGuardTriggers(r2.triggerIds, []));
      assert(r4.ok);
      assertEquals(r4.changes[0].action, "already_gone");
    } finally {
      await fake.close();
    }
  },
);

t("guard trigger: live trigger shape from workflows.triggers.list", async () => {
  const fake = await fakeWithChannels(2);
  try {
    const call = plainCall(SlackAPI(fake.botToken, { slackApiUrl: fake.url }));
    await applyGuardTriggers(call, planGuardTriggers([], ids(2)));
    const list = await call("workflows.triggers.list", {});
    const live = (list.triggers as Record<string, unknown>[]).map(liveTriggerFrom);
    assertEquals(live[0].workflowCallbackId, "guard_message");
    assertEquals(live[0].eventType, "slack#/events/message_posted");
    assertEquals(live[0].channelIds, ids(2));
  } finally {
    await fake.close();
  }
});
