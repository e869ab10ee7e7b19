import { DefineWorkflow, Schema } from "deno-slack-sdk/mod.ts";
import { ConnectGitHubFunction } from "../functions/connect_github/definition.ts";

/**
 * Started from a link trigger only: END_USER credentials need a person clicking, and Slack asks
 * them to authorize GitHub the first time.
 */
export const ConnectGitHubWorkflow = DefineWorkflow({
  callback_id: "connect_github",
  title: "Connect my GitHub account",
  description: "Connect your GitHub account so Token Guard can act for you later",
  input_parameters: {
    properties: {
      user_id: { type: Schema.slack.types.user_id },
      channel_id: { type: Schema.slack.types.channel_id },
    },
    required: ["user_id"],
  },
});

ConnectGitHubWorkflow.addStep(ConnectGitHubFunction, {
  user_id: ConnectGitHubWorkflow.inputs.user_id,
  channel_id: ConnectGitHubWorkflow.inputs.channel_id,
  github_access_token_id: { credential_source: "END_USER" },
});
