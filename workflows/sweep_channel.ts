import { DefineWorkflow, Schema } from "deno-slack-sdk/mod.ts";
import { SweepChannelFunction } from "../functions/sweep_channel/definition.ts";

export const SweepChannelWorkflow = DefineWorkflow({
  callback_id: "sweep_channel",
  title: "Sweep channel history",
  description: "Scan this channel's history and threads for leaked credentials",
  input_parameters: {
    properties: {
      channel_id: { type: Schema.slack.types.channel_id },
      user_id: { type: Schema.slack.types.user_id },
      period_days: { type: Schema.types.number },
      sweep_id: { type: Schema.types.string },
    },
    required: ["channel_id"],
  },
});

SweepChannelWorkflow.addStep(SweepChannelFunction, {
  channel_id: SweepChannelWorkflow.inputs.channel_id,
  user_id: SweepChannelWorkflow.inputs.user_id,
  period_days: SweepChannelWorkflow.inputs.period_days,
  sweep_id: SweepChannelWorkflow.inputs.sweep_id,
});
