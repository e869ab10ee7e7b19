import type { Trigger } from "deno-slack-sdk/types.ts";
import { TriggerContextData, TriggerTypes } from "deno-slack-api/mod.ts";
import { ExportFindingsSheetWorkflow } from "../workflows/export_findings_sheet.ts";

/** `slack trigger create --trigger-def triggers/export_findings_sheet.ts` */
const trigger: Trigger<typeof ExportFindingsSheetWorkflow.definition> = {
  type: TriggerTypes.Shortcut,
  name: "Export findings to Google Sheets",
  description: "Create a spreadsheet of Token Guard's findings (redacted) in your Google Drive",
  workflow: `#/workflows/${ExportFindingsSheetWorkflow.definition.callback_id}`,
  inputs: {
    user_id: { value: TriggerContextData.Shortcut.user_id },
    channel_id: { value: TriggerContextData.Shortcut.channel_id },
  },
};

export default trigger;
