import { assertEquals, assertMatch } from "@std/assert";
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { TriggerTypes } from "deno-slack-api/mod.ts";
import { FAKE_IDS, withFakeSlack } from "./mod.ts";

const api = (url: string, token: string) => SlackAPI(token, { slackApiUrl: url });

withFakeSlack("triggers: create event and link triggers, update, list, delete", async (fake) => {
  const c = api(fake.url, fake.botToken);
  const ev = await c.workflows.triggers.create({
    type: TriggerTypes.Event,
    name: "Guard messages",
    workflow: "#/workflows/guard_message",
    event: {
      event_type: "slack#/events/message_posted",
      channel_ids: [FAKE_IDS.general],
      filter: { version: 1, root: { statement: "1 == 1" } },
    },
    inputs: { channel_id: { value: "{{data.channel_id}}" } },
  });
  assertEquals(ev.ok, true);
  if (!ev.ok) return;
  assertMatch(ev.trigger.id, /^Ft/);
  assertEquals(ev.trigger.type, "event");
  assertEquals(ev.trigger.channel_ids, [FAKE_IDS.general]);
  assertEquals(ev.trigger.inputs, { channel_id: { value: "{{data.channel_id}}" } });
  assertEquals(ev.trigger.workflow.callback_id, "guard_message");

  const link = await c.workflows.triggers.create({
    type: TriggerTypes.Shortcut,
    name: "Check Token Guard",
    workflow: "#/workflows/check_token_guard",
    inputs: { interactivity: { value: "{{data.interactivity}}" } },
  });
  if (!link.ok) throw new Error(link.error);
  assertMatch(link.trigger.shortcut_url ?? "", /^https:\/\/slack\.com\/shortcuts\/Ft/);

  const up = await c.workflows.triggers.update({
    trigger_id: ev.trigger.id,
    type: TriggerTypes.Event,
    name: "Guard messages",
    workflow: "#/workflows/guard_message",
    event: {
      event_type: "slack#/events/message_posted",
      channel_ids: [FAKE_IDS.general, FAKE_IDS.random],
      filter: { version: 1, root: { statement: "1 == 1" } },
    },
    inputs: { channel_id: { value: "{{data.channel_id}}" } },
  });
  if (!up.ok) throw new Error(up.error);
  assertEquals(up.trigger.channel_ids, [FAKE_IDS.general, FAKE_IDS.random]);
  assertEquals(up.trigger.id, ev.trigger.id);

  const list = await c.workflows.triggers.list({ limit: 1 });
  if (!list.ok) throw new Error("list failed");
  assertEquals(list.triggers.length, 1);
  const rest = await c.workflows.triggers.list({ cursor: list.response_metadata?.next_cursor });
  if (!rest.ok) throw new Error("list failed");
  assertEquals(rest.triggers.length, 1);

  assertEquals((await c.workflows.triggers.delete({ trigger_id: ev.trigger.id })).ok, true);
  const again = await c.workflows.triggers.delete({ trigger_id: ev.trigger.id });
  assertEquals(again.ok ? "" : again.error, "trigger_does_not_exist");
  assertEquals(fake.state.triggers.size, 1);
});

withFakeSlack("triggers: validation errors", async (fake) => {
  const c = api(fake.url, fake.botToken);
  const create = (args: Record<string, unknown>) => c.apiCall("workflows.triggers.create", args);
  const base = { type: "shortcut", name: "x", workflow: "#/workflows/known" };
  assertEquals((await create({ ...base, type: "bogus" })).error, "invalid_trigger_type");
  assertEquals((await create({ ...base, workflow: "known" })).error, "invalid_workflow");
  assertEquals(
    (await create({ ...base, workflow: "#/workflows/other" })).error,
    "workflow_not_found",
  );
  assertEquals((await create({ ...base, inputs: { a: "raw" } })).error, "invalid_trigger_inputs");
  assertEquals(
    (await create({ ...base, inputs: { a: { value: 1, customizable: true } } })).error,
    "invalid_trigger_inputs",
  );
  const ev = { ...base, type: "event" };
  const posted = "slack#/events/message_posted";
  const filter = { version: 1, root: { statement: "1 == 1" } };
  assertEquals(
    (await create({ ...ev, event: { event_type: posted, filter } })).error,
    "invalid_arguments",
  );
  assertEquals(
    (await create({ ...ev, event: { event_type: posted, channel_ids: [FAKE_IDS.general] } })).error,
    "invalid_arguments",
  );
  assertEquals(
    (await create({ ...ev, event: { event_type: posted, channel_ids: ["C0MISSING01"], filter } }))
      .error,
    "invalid_channel_id",
  );
  fake.state.limits.triggerChannelIds = 1;
  const two = [FAKE_IDS.general, FAKE_IDS.random];
  assertEquals(
    (await create({ ...ev, event: { event_type: posted, channel_ids: two, filter } })).error,
    "invalid_arguments",
  );
  assertEquals(
    (await create({ ...base, type: "scheduled", schedule: { frequency: { type: "daily" } } }))
      .error,
    "invalid_arguments",
  );
  const sched = await create({
    ...base,
    type: "scheduled",
    schedule: { start_time: "2030-01-01T00:00:00Z", frequency: { type: "daily" } },
  });
  assertEquals(sched.trigger.schedule.frequency.type, "daily");
  const hook = await create({ ...base, type: "webhook" });
  assertMatch(hook.trigger.webhook_url, /\/triggers\//);
  const update = await c.apiCall("workflows.triggers.update", { ...base, trigger_id: "Ft0NOPE" });
  assertEquals(update.error, "trigger_does_not_exist");
}, { workflows: ["known"] });
