import { DefineWorkflow, Schema } from "deno-slack-sdk/mod.ts";
import { SetupGuardFunction } from "../functions/setup_guard/definition.ts";

export const SetupGuardWorkflow = DefineWorkflow({
  callback_id: "setup_guard",
  title: "Set up Token Guard",
  description: "Admins: choose the guarded channels, the alert channel, who may revoke, the policy",
  input_parameters: {
    properties: {
      interactivity: { type: Schema.slack.types.interactivity },
      user_id: { type: Schema.slack.types.user_id },
      channel_id: { type: Schema.slack.types.channel_id },
    },
    required: ["interactivity", "user_id"],
  },
});

SetupGuardWorkflow.addStep(SetupGuardFunction, {
  interactivity: SetupGuardWorkflow.inputs.interactivity,
  user_id: SetupGuardWorkflow.inputs.user_id,
  channel_id: SetupGuardWorkflow.inputs.channel_id,
});
