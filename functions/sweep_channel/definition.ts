import { DefineFunction, Schema } from "deno-slack-sdk/mod.ts";

/** Sweep a channel's history (and every thread in it) for leaked credentials, resumably. */
export const SweepChannelFunction = DefineFunction({
  callback_id: "sweep_channel",
  title: "Sweep channel history",
  description: "Scan a channel's history and threads for leaked credentials",
  source_file: "functions/sweep_channel/mod.ts",
  input_parameters: {
    properties: {
      channel_id: { type: Schema.slack.types.channel_id, description: "The channel to sweep" },
      user_id: { type: Schema.slack.types.user_id, description: "Who asked" },
      period_days: { type: Schema.types.number, description: "How many days back (default 30)" },
      sweep_id: {
        type: Schema.types.string,
        description: "Continue this sweep (set by the sweep's own scheduled trigger)",
      },
    },
    required: ["channel_id"],
  },
  output_parameters: {
    properties: {
      done: { type: Schema.types.boolean, description: "The whole period was scanned" },
      messages_scanned: { type: Schema.types.number, description: "Messages scanned so far" },
      summary: { type: Schema.types.string, description: "Where the sweep stands, in words" },
    },
    required: ["done", "messages_scanned", "summary"],
  },
});
