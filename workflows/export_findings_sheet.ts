import { DefineWorkflow, Schema } from "deno-slack-sdk/mod.ts";
import { ExportFindingsSheetFunction } from "../functions/export_findings_sheet/definition.ts";

/** Link trigger only (END_USER): the spreadsheet is created in the clicker's own Drive. */
export const ExportFindingsSheetWorkflow = DefineWorkflow({
  callback_id: "export_findings_sheet",
  title: "Export findings to Google Sheets",
  description: "Put every finding, values redacted, in a spreadsheet in your Google Drive",
  input_parameters: {
    properties: {
      user_id: { type: Schema.slack.types.user_id },
      channel_id: { type: Schema.slack.types.channel_id },
    },
    required: ["user_id"],
  },
});

ExportFindingsSheetWorkflow.addStep(ExportFindingsSheetFunction, {
  user_id: ExportFindingsSheetWorkflow.inputs.user_id,
  channel_id: ExportFindingsSheetWorkflow.inputs.channel_id,
  google_access_token_id: { credential_source: "END_USER" },
});
