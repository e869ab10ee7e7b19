// workflows.triggers.*: the typed trigger methods send type, name, workflow ("#/workflows/<id>"),
// inputs, and event / schedule / shortcut / webhook objects (JSON-stringified in a form body).
import { type Ctx, fail, json, type MethodSpec, need, pageByOffset, str } from "./method_types.ts";
import { fakeAlnum, fakeHex } from "../fake_tokens.ts";
import { type FakeState, type FakeTrigger, nextId } from "./state.ts";

const TYPES = ["event", "scheduled", "shortcut", "webhook"];

/** Event types scoped to channels: they need channel_ids or all_resources. */
const CHANNEL_EVENTS = new Set(
  [
    "app_mentioned",
    "channel_shared",
    "channel_unshared",
    "message_metadata_posted",
    "message_posted",
    "pin_added",
    "pin_removed",
    "reaction_added",
    "reaction_removed",
    "user_joined_channel",
    "user_left_channel",
  ].map((e) => `slack#/events/${e}`),
);

type Obj = Record<string, unknown>;

function validate(ctx: Ctx, existing?: FakeTrigger): Omit<FakeTrigger, "id" | "date_created"> {
  const { args, state } = ctx;
  const type = need(args, "type");
  if (!TYPES.includes(type)) fail("invalid_trigger_type");
  const name = need(args, "name");
  const workflow = need(args, "workflow");
  const m = /^#\/workflows\/([A-Za-z0-9_-]+)$/.exec(workflow);
  if (!m) fail("invalid_workflow");
  if (state.workflows.size > 0 && !state.workflows.has(m[1])) fail("workflow_not_found");
  const inputs = json<Obj>(args, "inputs") ?? {};
  if (typeof inputs !== "object" || Array.isArray(inputs)) fail("invalid_trigger_inputs");
  for (const [key, v] of Object.entries(inputs)) {
    const input = v as Obj | null;
    const ok = input && typeof input === "object" &&
      (("value" in input && !("customizable" in input)) ||
        (input.customizable === true && !("value" in input)));
    if (!ok) fail("invalid_trigger_inputs", { detail: `input "${key}" needs a value` });
  }
  const t: Omit<FakeTrigger, "id" | "date_created"> = {
    type,
    name,
    description: str(args, "description"),
    workflow,
    inputs,
    date_updated: Math.floor(Date.now() / 1000),
    owner: ctx.token.user_id,
    extra: {},
  };
  if (type === "event") {
    const event = json<Obj>(args, "event");
    if (!event || typeof event.event_type !== "string") {
      fail("invalid_arguments", { detail: "event.event_type is required" });
    }
    if (CHANNEL_EVENTS.has(event.event_type)) {
      const ids = event.channel_ids;
      const scoped = Array.isArray(ids) && ids.length > 0;
      if (!scoped && event.all_resources !== true) {
        fail("invalid_arguments", { detail: "event.channel_ids or all_resources is required" });
      }
      if (scoped) {
        if (ids.length > state.limits.triggerChannelIds) {
          fail("invalid_arguments", {
            // Slack's wording for the limit (20 channel_ids per event trigger).
            detail:
              `no more than ${state.limits.triggerChannelIds} items allowed [json-pointer:/event/channel_ids]`,
          });
        }
        for (const id of ids) if (!state.channels.has(String(id))) fail("invalid_channel_id");
      }
      if (event.event_type === "slack#/events/message_posted" && !event.filter) {
        fail("invalid_arguments", { detail: "message_posted triggers need a filter" });
      }
    }
    t.event = event;
  } else if (type === "scheduled") {
    const schedule = json<Obj>(args, "schedule");
    if (!schedule || typeof schedule.start_time !== "string") {
      fail("invalid_arguments", { detail: "schedule.start_time is required" });
    }
    t.schedule = schedule;
  } else if (type === "shortcut") {
    t.shortcut = json<Obj>(args, "shortcut");
  } else {
    t.webhook = json<Obj>(args, "webhook");
  }
  if (existing) t.extra = existing.extra;
  return t;
}

function urlFor(state: FakeState, t: FakeTrigger): Obj {
  if (t.type === "shortcut") {
    return { shortcut_url: `https://slack.com/shortcuts/${t.id}/${fakeHex(32, t.id)}` };
  }
  if (t.type === "webhook") {
    return {
      webhook_url: `https://hooks.slack.com/triggers/${state.team.id}/${t.id}/${
        fakeAlnum(32, t.id)
      }`,
    };
  }
  return {};
}

export function triggerJson(state: FakeState, t: FakeTrigger): Obj {
  const callback_id = t.workflow.replace("#/workflows/", "");
  const out: Obj = {
    id: t.id,
    type: t.type,
    name: t.name,
    description: t.description ?? "",
    workflow: {
      id: `Fn${callback_id.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 9)}`,
      workflow_id: `Wf${callback_id.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 9)}`,
      callback_id,
      title: callback_id,
      description: "",
      type: "workflow",
      input_parameters: [],
      output_parameters: [],
      app_id: state.app_id,
      app: { id: state.app_id, name: "Token Guard", icons: {} },
      date_created: t.date_created,
      date_updated: t.date_updated,
      date_deleted: 0,
    },
    inputs: t.inputs,
    outputs: {},
    available_data: {},
    date_created: t.date_created,
    date_updated: t.date_updated,
    ...urlFor(state, t),
  };
  if (t.event) {
    out.event_type = t.event.event_type;
    if (Array.isArray(t.event.channel_ids)) out.channel_ids = [...t.event.channel_ids];
    if (t.event.filter) out.filter = t.event.filter;
    out.event = t.event;
  }
  if (t.schedule) out.schedule = t.schedule;
  if (t.webhook) out.webhook = t.webhook;
  return out;
}

export const triggerMethods: Record<string, MethodSpec> = {
  "workflows.triggers.create": {
    scope: "triggers:write",
    handler(ctx) {
      const now = Math.floor(Date.now() / 1000);
      const t: FakeTrigger = { id: nextId(ctx.state, "Ft"), date_created: now, ...validate(ctx) };
      ctx.state.triggers.set(t.id, t);
      return { trigger: triggerJson(ctx.state, t) };
    },
  },
  "workflows.triggers.update": {
    scope: "triggers:write",
    handler(ctx) {
      const id = need(ctx.args, "trigger_id");
      const old = ctx.state.triggers.get(id);
      if (!old) fail("trigger_does_not_exist");
      const t: FakeTrigger = { id, date_created: old.date_created, ...validate(ctx, old) };
      ctx.state.triggers.set(id, t);
      return { trigger: triggerJson(ctx.state, t) };
    },
  },
  "workflows.triggers.delete": {
    scope: "triggers:write",
    handler(ctx) {
      const id = need(ctx.args, "trigger_id");
      if (!ctx.state.triggers.delete(id)) fail("trigger_does_not_exist");
      return {};
    },
  },
  "workflows.triggers.list": {
    scope: "triggers:read",
    handler(ctx) {
      const all = [...ctx.state.triggers.values()].map((t) => triggerJson(ctx.state, t));
      const { page, next_cursor } = pageByOffset(all, ctx.args, "trigger", 100, 1000);
      return { triggers: page, response_metadata: { next_cursor } };
    },
  },
};
