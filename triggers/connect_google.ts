import type { Trigger } from "deno-slack-sdk/types.ts";
import { TriggerContextData, TriggerTypes } from "deno-slack-api/mod.ts";
import { ConnectGoogleWorkflow } from "../workflows/connect_google.ts";

/** `slack trigger create --trigger-def triggers/connect_google.ts`: a link people click themselves. */
const trigger: Trigger<typeof ConnectGoogleWorkflow.definition> = {
  type: TriggerTypes.Shortcut,
  name: "Connect my Google account",
  description: "Connect your Google account to Token Guard",
  workflow: `#/workflows/${ConnectGoogleWorkflow.definition.callback_id}`,
  inputs: {
    user_id: { value: TriggerContextData.Shortcut.user_id },
    channel_id: { value: TriggerContextData.Shortcut.channel_id },
  },
};

export default trigger;
