import { DefineWorkflow, Schema } from "deno-slack-sdk/mod.ts";
import { ReportFunction } from "../functions/report/definition.ts";

export const ReportWorkflow = DefineWorkflow({
  callback_id: "token_guard_report",
  title: "Token Guard report",
  description: "Open leaks, counts by family, state and channel, and who revoked what",
  input_parameters: {
    properties: {
      user_id: { type: Schema.slack.types.user_id },
      channel_id: { type: Schema.slack.types.channel_id },
    },
    required: ["user_id"],
  },
});

ReportWorkflow.addStep(ReportFunction, {
  user_id: ReportWorkflow.inputs.user_id,
  channel_id: ReportWorkflow.inputs.channel_id,
  period_days: 7,
  digest: false,
});
