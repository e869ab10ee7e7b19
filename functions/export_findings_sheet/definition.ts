import { DefineFunction, Schema } from "deno-slack-sdk/mod.ts";
import { endUserTokenInput } from "../../external_auth/end_user_token.ts";
import { GOOGLE_PROVIDER_KEY } from "../../external_auth/provider_keys.ts";

/** Creates a spreadsheet in the person's Drive with one row per finding (redacted values only). */
export const ExportFindingsSheetFunction = DefineFunction({
  callback_id: "export_findings_sheet",
  title: "Export findings to Google Sheets",
  description: "Create a spreadsheet in your Google Drive with every finding, values redacted",
  source_file: "functions/export_findings_sheet/mod.ts",
  input_parameters: {
    properties: {
      user_id: { type: Schema.slack.types.user_id, description: "Who asked" },
      channel_id: { type: Schema.slack.types.channel_id, description: "Where they asked" },
      google_access_token_id: endUserTokenInput(GOOGLE_PROVIDER_KEY),
    },
    required: ["user_id", "google_access_token_id"],
  },
  output_parameters: {
    properties: {
      spreadsheet_url: { type: Schema.types.string, description: "Link to the spreadsheet" },
      rows: { type: Schema.types.number, description: "Findings written" },
      complete: { type: Schema.types.boolean, description: "Every finding fitted in this run" },
    },
    required: ["spreadsheet_url", "rows", "complete"],
  },
});
