// The weekly digest's scheduled trigger. Set up Token Guard creates it (workflows.triggers.create)
// when an admin ticks "weekly digest", keeps its id in the settings (digest_trigger_id) and
// deletes it when they untick it. Importing this file has no side effects.
import type { Trigger } from "deno-slack-sdk/types.ts";
import { TriggerTypes } from "deno-slack-api/mod.ts";
import { WeeklyDigestWorkflow } from "../workflows/weekly_digest.ts";

/** The next Monday 09:00 UTC strictly after `now` (ms): a scheduled trigger must start later. */
export function nextDigestStart(now: number): string {
  const d = new Date(now);
  d.setUTCHours(9, 0, 0, 0);
  const daysAhead = (8 - d.getUTCDay()) % 7; // 1 = Monday
  d.setUTCDate(d.getUTCDate() + daysAhead);
  if (d.getTime() <= now) d.setUTCDate(d.getUTCDate() + 7);
  return d.toISOString();
}

export function weeklyDigestTrigger(
  now = Date.now(),
): Trigger<typeof WeeklyDigestWorkflow.definition> {
  return {
    type: TriggerTypes.Scheduled,
    name: "Token Guard: weekly digest",
    description: "Created by Set up Token Guard; turn it off there.",
    workflow: `#/workflows/${WeeklyDigestWorkflow.definition.callback_id}`,
    inputs: {},
    schedule: {
      start_time: nextDigestStart(now),
      timezone: "UTC",
      frequency: { type: "weekly", repeats_every: 1, on_days: ["Monday"] },
    },
  };
}
