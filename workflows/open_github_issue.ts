import { DefineWorkflow, Schema } from "deno-slack-sdk/mod.ts";
import { OpenGitHubIssueFunction } from "../functions/open_github_issue/definition.ts";

/**
 * Started by a workflow button on the alert (a link trigger whose `fingerprint` input is
 * customizable), so the clicker's own GitHub authorization (END_USER) files the issue.
 */
export const OpenGitHubIssueWorkflow = DefineWorkflow({
  callback_id: "open_github_issue",
  title: "Open a GitHub issue",
  description: "File a GitHub issue for a finding in the repository set in Token Guard's settings",
  input_parameters: {
    properties: {
      fingerprint: { type: Schema.types.string },
      user_id: { type: Schema.slack.types.user_id },
      channel_id: { type: Schema.slack.types.channel_id },
    },
    required: ["fingerprint", "user_id"],
  },
});

OpenGitHubIssueWorkflow.addStep(OpenGitHubIssueFunction, {
  fingerprint: OpenGitHubIssueWorkflow.inputs.fingerprint,
  user_id: OpenGitHubIssueWorkflow.inputs.user_id,
  channel_id: OpenGitHubIssueWorkflow.inputs.channel_id,
  github_access_token_id: { credential_source: "END_USER" },
});
