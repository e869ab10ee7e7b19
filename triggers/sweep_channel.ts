// `slack trigger create --trigger-def triggers/sweep_channel.ts`: a link that sweeps the channel
// it is clicked in (the last 30 days). The sweep continues itself through one-time scheduled
// triggers (sweepContinuationTrigger) when one run of 60 s is not enough.
import type { Trigger } from "deno-slack-sdk/types.ts";
import { TriggerContextData, TriggerTypes } from "deno-slack-api/mod.ts";
import { SweepChannelWorkflow } from "../workflows/sweep_channel.ts";

const trigger: Trigger<typeof SweepChannelWorkflow.definition> = {
  type: TriggerTypes.Shortcut,
  name: "Sweep this channel for leaked credentials",
  description: "Scan the last 30 days of this channel, threads included",
  workflow: `#/workflows/${SweepChannelWorkflow.definition.callback_id}`,
  inputs: {
    channel_id: { value: TriggerContextData.Shortcut.channel_id },
    user_id: { value: TriggerContextData.Shortcut.user_id },
  },
};

export default trigger;

/** Starts the next run of sweep `sweepId` a few seconds from `nowMs`, once. */
export function sweepContinuationTrigger(
  sweepId: string,
  channelId: string,
  userId: string | undefined,
  nowMs = Date.now(),
): Trigger<typeof SweepChannelWorkflow.definition> {
  const inputs: Record<string, { value: string }> = {
    channel_id: { value: channelId },
    sweep_id: { value: sweepId },
  };
  if (userId) inputs.user_id = { value: userId };
  return {
    type: TriggerTypes.Scheduled,
    name: `Token Guard: continue sweep ${sweepId.slice(0, 8)}`,
    description: "Created by a history sweep to continue itself; it runs once.",
    workflow: `#/workflows/${SweepChannelWorkflow.definition.callback_id}`,
    inputs: inputs as Trigger<typeof SweepChannelWorkflow.definition>["inputs"],
    schedule: {
      start_time: new Date(nowMs + 15_000).toISOString(),
      frequency: { type: "once" },
    },
  };
}
