import type { Trigger } from "deno-slack-sdk/types.ts";
import { TriggerContextData, TriggerTypes } from "deno-slack-api/mod.ts";
import { OpenGitHubIssueWorkflow } from "../workflows/open_github_issue.ts";

/**
 * `slack trigger create --trigger-def triggers/open_github_issue.ts`. The fingerprint is
 * customizable: a `workflow_button` on the alert supplies it
 * (`customizable_input_parameters: [{ name: "fingerprint", value: "<fingerprint>" }]`), so the
 * link only works from such a button, never bare.
 */
const trigger: Trigger<typeof OpenGitHubIssueWorkflow.definition> = {
  type: TriggerTypes.Shortcut,
  name: "Open a GitHub issue",
  description: "File a GitHub issue for this finding",
  workflow: `#/workflows/${OpenGitHubIssueWorkflow.definition.callback_id}`,
  inputs: {
    fingerprint: { customizable: true },
    user_id: { value: TriggerContextData.Shortcut.user_id },
    channel_id: { value: TriggerContextData.Shortcut.channel_id },
  },
};

export default trigger;
