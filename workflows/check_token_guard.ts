import { DefineWorkflow, Schema } from "deno-slack-sdk/mod.ts";
import { CheckTokenGuardFunction } from "../functions/check_token_guard/definition.ts";

export const CheckTokenGuardWorkflow = DefineWorkflow({
  callback_id: "check_token_guard",
  title: "Check Token Guard",
  description: "Show who Token Guard runs as in this workspace and the scopes it holds",
  input_parameters: {
    properties: {
      user_id: { type: Schema.slack.types.user_id },
      channel_id: { type: Schema.slack.types.channel_id },
    },
    required: ["user_id"],
  },
});

CheckTokenGuardWorkflow.addStep(CheckTokenGuardFunction, {
  user_id: CheckTokenGuardWorkflow.inputs.user_id,
  channel_id: CheckTokenGuardWorkflow.inputs.channel_id,
});
