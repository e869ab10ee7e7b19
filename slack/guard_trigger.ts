// The `message_posted` event triggers that start the guard workflow in the enrolled channels.
//
// Slack refuses an event trigger with more than 20 `channel_ids` ("no more than 20 items allowed
// [json-pointer:/event/channel_ids]", `invalid_arguments`), so Token Guard keeps one trigger per
// 20 channels. Their ids live, comma-separated, in the settings' `guard_trigger_id` (one id for
// up to 20 channels, as before). Planning is pure (`planGuardTriggers`); `applyGuardTriggers` does
// the Web API calls and reports what it did.
//
//   const plan = planGuardTriggers(parseTriggerIds(settings.guard_trigger_id), channelIds);
//   const r = await applyGuardTriggers(call, plan);
//   await saveSettings(call, { guard_trigger_id: formatTriggerIds(r.triggerIds) });
import type { SlackCall } from "./slack_call.ts";
import { guardTrigger } from "../triggers/guard_trigger.ts";
import { GuardMessageWorkflow } from "../workflows/guard_message.ts";

/** Slack's documented maximum of `channel_ids` on one event trigger. */
export const MAX_CHANNELS_PER_TRIGGER = 20;

export const MESSAGE_POSTED = "slack#/events/message_posted";

export const GUARD_WORKFLOW_CALLBACK_ID: string = GuardMessageWorkflow.definition.callback_id;

/** The body of workflows.triggers.create (and, with trigger_id, of .update). */
export type GuardTriggerRequest = ReturnType<typeof guardTrigger>;

/**
 * The trigger for one group of channels: the guard's own definition (triggers/guard_trigger.ts),
 * so the trigger the CLI creates and the ones setup creates can never drift apart.
 */
export function guardTriggerRequest(channelIds: string[]): GuardTriggerRequest {
  if (channelIds.length === 0) throw new RangeError("an event trigger needs at least one channel");
  if (channelIds.length > MAX_CHANNELS_PER_TRIGGER) {
    throw new RangeError(`an event trigger takes at most ${MAX_CHANNELS_PER_TRIGGER} channels`);
  }
  return guardTrigger([...channelIds]);
}

/** Distinct channel ids, in the order given. */
export function uniqueChannels(ids: readonly string[]): string[] {
  return [...new Set(ids.map((s) => s.trim()).filter((s) => s !== ""))];
}

export function chunk<T>(items: readonly T[], size = MAX_CHANNELS_PER_TRIGGER): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The settings keep the trigger ids comma-separated (one id for a single trigger). */
export function parseTriggerIds(stored: string | undefined): string[] {
  return (stored ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
}

export function formatTriggerIds(ids: readonly string[]): string {
  return ids.join(",");
}

export interface TriggerPlan {
  /** Existing triggers to point at a new set of channels. */
  update: Array<{ trigger_id: string; channel_ids: string[] }>;
  /** New triggers to create, one per group of channels. */
  create: string[][];
  /** Existing triggers no longer needed (all channels removed, or fewer groups). */
  delete: string[];
}

/**
 * Reuses existing triggers in order for the groups of 20, creates what is missing and deletes the
 * rest. Stable: the same channels in the same order give updates only (no churn of trigger ids).
 */
export function planGuardTriggers(existing: readonly string[], channelIds: readonly string[]) {
  const groups = chunk(uniqueChannels(channelIds));
  const plan: TriggerPlan = { update: [], create: [], delete: [] };
  groups.forEach((channel_ids, i) => {
    if (i < existing.length) plan.update.push({ trigger_id: existing[i], channel_ids });
    else plan.create.push(channel_ids);
  });
  plan.delete = existing.slice(groups.length);
  return plan;
}

export interface TriggerChange {
  action: "created" | "updated" | "recreated" | "deleted" | "already_gone" | "failed";
  trigger_id?: string;
  channel_ids?: string[];
  /** Slack's error code when it failed. */
  error?: string;
  /** Slack's own words, e.g. "no more than 20 items allowed [json-pointer:/event/channel_ids]". */
  detail?: string;
}

export interface ApplyResult {
  /** The triggers that now exist for the guarded channels, in group order. */
  triggerIds: string[];
  changes: TriggerChange[];
  ok: boolean;
}

function errorDetail(reply: Record<string, unknown>): string | undefined {
  const meta = reply.response_metadata as { messages?: unknown } | undefined;
  if (Array.isArray(meta?.messages)) return meta.messages.map(String).join("; ");
  return typeof reply.detail === "string" ? reply.detail : undefined;
}

function triggerId(reply: Record<string, unknown>): string | undefined {
  const t = reply.trigger as { id?: unknown } | undefined;
  return typeof t?.id === "string" ? t.id : undefined;
}

/** Runs the plan. A trigger someone deleted by hand is created again. Never throws for `ok: false`. */
export async function applyGuardTriggers(
  call: SlackCall,
  plan: TriggerPlan,
): Promise<ApplyResult> {
  const changes: TriggerChange[] = [];
  const triggerIds: string[] = [];
  const create = async (channel_ids: string[], recreated: boolean) => {
    const reply = await call("workflows.triggers.create", {
      ...guardTriggerRequest(channel_ids),
    });
    const id = triggerId(reply);
    if (reply.ok === false || !id) {
      changes.push({
        action: "failed",
        channel_ids,
        error: String(reply.error ?? "no_trigger_id"),
        detail: errorDetail(reply),
      });
      return;
    }
    triggerIds.push(id);
    changes.push({ action: recreated ? "recreated" : "created", trigger_id: id, channel_ids });
  };
  for (const u of plan.update) {
    const reply = await call("workflows.triggers.update", {
      trigger_id: u.trigger_id,
      ...guardTriggerRequest(u.channel_ids),
    });
    if (reply.ok === false && reply.error === "trigger_does_not_exist") {
      await create(u.channel_ids, true);
    } else if (reply.ok === false) {
      // Keep the old trigger: it still guards its previous channels.
      triggerIds.push(u.trigger_id);
      changes.push({
        action: "failed",
        trigger_id: u.trigger_id,
        channel_ids: u.channel_ids,
        error: String(reply.error),
        detail: errorDetail(reply),
      });
    } else {
      triggerIds.push(u.trigger_id);
      changes.push({ action: "updated", trigger_id: u.trigger_id, channel_ids: u.channel_ids });
    }
  }
  for (const channel_ids of plan.create) await create(channel_ids, false);
  for (const id of plan.delete) {
    const reply = await call("workflows.triggers.delete", { trigger_id: id });
    if (reply.ok === false && reply.error !== "trigger_does_not_exist") {
      triggerIds.push(id);
      changes.push({ action: "failed", trigger_id: id, error: String(reply.error) });
    } else {
      changes.push({ action: reply.ok === false ? "already_gone" : "deleted", trigger_id: id });
    }
  }
  return { triggerIds, changes, ok: changes.every((c) => c.action !== "failed") };
}

/** What the trigger list says about our guard triggers (for the health check). */
export interface LiveTrigger {
  id: string;
  workflowCallbackId?: string;
  eventType?: string;
  channelIds: string[];
}

export function liveTriggerFrom(t: Record<string, unknown>): LiveTrigger {
  const wf = t.workflow as { callback_id?: unknown } | undefined;
  const event = t.event as { event_type?: unknown; channel_ids?: unknown } | undefined;
  const ids = Array.isArray(t.channel_ids)
    ? t.channel_ids
    : Array.isArray(event?.channel_ids)
    ? event.channel_ids
    : [];
  const eventType = typeof t.event_type === "string"
    ? t.event_type
    : typeof event?.event_type === "string"
    ? event.event_type
    : undefined;
  return {
    id: String(t.id ?? ""),
    workflowCallbackId: typeof wf?.callback_id === "string" ? wf.callback_id : undefined,
    eventType,
    channelIds: ids.map(String),
  };
}
