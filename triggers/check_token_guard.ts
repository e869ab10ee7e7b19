import type { Trigger } from "deno-slack-sdk/types.ts";
import { TriggerContextData, TriggerTypes } from "deno-slack-api/mod.ts";
import { CheckTokenGuardWorkflow } from "../workflows/check_token_guard.ts";

/** `slack trigger create --trigger-def triggers/check_token_guard.ts` */
const trigger: Trigger<typeof CheckTokenGuardWorkflow.definition> = {
  type: TriggerTypes.Shortcut,
  name: "Check Token Guard",
  description: "Show who Token Guard runs as here and the scopes it holds",
  workflow: `#/workflows/${CheckTokenGuardWorkflow.definition.callback_id}`,
  inputs: {
    user_id: { value: TriggerContextData.Shortcut.user_id },
    channel_id: { value: TriggerContextData.Shortcut.channel_id },
  },
};

export default trigger;
