import type { Trigger } from "deno-slack-sdk/types.ts";
import { TriggerContextData, TriggerTypes } from "deno-slack-api/mod.ts";
import { ReportWorkflow } from "../workflows/report.ts";

/** `slack trigger create --trigger-def triggers/report.ts` */
const trigger: Trigger<typeof ReportWorkflow.definition> = {
  type: TriggerTypes.Shortcut,
  name: "Token Guard report",
  description: "Open leaks first, then the last 7 days by family, state and channel",
  workflow: `#/workflows/${ReportWorkflow.definition.callback_id}`,
  inputs: {
    user_id: { value: TriggerContextData.Shortcut.user_id },
    channel_id: { value: TriggerContextData.Shortcut.channel_id },
  },
};

export default trigger;
