import type { Trigger } from "deno-slack-sdk/types.ts";
import { TriggerContextData, TriggerTypes } from "deno-slack-api/mod.ts";
import { SetupGuardWorkflow } from "../workflows/setup_guard.ts";

/** `slack trigger create --trigger-def triggers/setup_guard.ts` (share the link with admins). */
const trigger: Trigger<typeof SetupGuardWorkflow.definition> = {
  type: TriggerTypes.Shortcut,
  name: "Set up Token Guard",
  description: "Admins: choose what Token Guard guards, where alerts go and who may revoke",
  workflow: `#/workflows/${SetupGuardWorkflow.definition.callback_id}`,
  inputs: {
    interactivity: { value: TriggerContextData.Shortcut.interactivity },
    user_id: { value: TriggerContextData.Shortcut.user_id },
    channel_id: { value: TriggerContextData.Shortcut.channel_id },
  },
};

export default trigger;
