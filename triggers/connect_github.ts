import type { Trigger } from "deno-slack-sdk/types.ts";
import { TriggerContextData, TriggerTypes } from "deno-slack-api/mod.ts";
import { ConnectGitHubWorkflow } from "../workflows/connect_github.ts";

/** `slack trigger create --trigger-def triggers/connect_github.ts`: a link people click themselves. */
const trigger: Trigger<typeof ConnectGitHubWorkflow.definition> = {
  type: TriggerTypes.Shortcut,
  name: "Connect my GitHub account",
  description: "Connect your GitHub account to Token Guard",
  workflow: `#/workflows/${ConnectGitHubWorkflow.definition.callback_id}`,
  inputs: {
    user_id: { value: TriggerContextData.Shortcut.user_id },
    channel_id: { value: TriggerContextData.Shortcut.channel_id },
  },
};

export default trigger;
