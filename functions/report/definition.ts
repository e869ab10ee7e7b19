import { DefineFunction, Schema } from "deno-slack-sdk/mod.ts";

/** "Token Guard report" for a person, or the weekly digest to the alert channel. */
export const ReportFunction = DefineFunction({
  callback_id: "token_guard_report",
  title: "Token Guard report",
  description: "Open findings first, counts by family, state and channel, oldest leaks, revokers",
  source_file: "functions/report/mod.ts",
  input_parameters: {
    properties: {
      user_id: { type: Schema.slack.types.user_id, description: "Who asked (empty: the digest)" },
      channel_id: { type: Schema.slack.types.channel_id, description: "Where they asked" },
      period_days: { type: Schema.types.number, description: "How many days back (default 7)" },
      digest: {
        type: Schema.types.boolean,
        description: "Post the weekly digest to the alert channel instead of answering a person",
      },
    },
    required: [],
  },
  output_parameters: {
    properties: {
      open_findings: { type: Schema.types.number, description: "Open findings, all ages" },
      summary: { type: Schema.types.string, description: "The report's headline" },
    },
    required: ["open_findings", "summary"],
  },
});
