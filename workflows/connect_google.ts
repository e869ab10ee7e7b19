import { DefineWorkflow, Schema } from "deno-slack-sdk/mod.ts";
import { ConnectGoogleFunction } from "../functions/connect_google/definition.ts";

/**
 * Started from a link trigger only: END_USER credentials need a person clicking, and Slack asks
 * them to authorize Google the first time.
 */
export const ConnectGoogleWorkflow = DefineWorkflow({
  callback_id: "connect_google",
  title: "Connect my Google account",
  description: "Connect your Google account so Token Guard can act for you later",
  input_parameters: {
    properties: {
      user_id: { type: Schema.slack.types.user_id },
      channel_id: { type: Schema.slack.types.channel_id },
    },
    required: ["user_id"],
  },
});

ConnectGoogleWorkflow.addStep(ConnectGoogleFunction, {
  user_id: ConnectGoogleWorkflow.inputs.user_id,
  channel_id: ConnectGoogleWorkflow.inputs.channel_id,
  google_access_token_id: { credential_source: "END_USER" },
});
