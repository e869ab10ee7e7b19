import { SlackFunction } from "deno-slack-sdk/mod.ts";
import { ExportFindingsSheetFunction } from "./definition.ts";
import { exportFindingsToSheet } from "../../providers/sheets_export.ts";
import { externalDepsFor } from "../../providers/external_deps.ts";
import { sentenceFor } from "../../providers/errors.ts";
import { tellPerson } from "../../slack/tell_person.ts";

export default SlackFunction(ExportFindingsSheetFunction, async ({ inputs, client, env }) => {
  const deps = externalDepsFor({ client, env });
  const who = { user_id: inputs.user_id, channel_id: inputs.channel_id };
  try {
    const r = await exportFindingsToSheet(deps, {
      userId: inputs.user_id,
      tokenId: inputs.google_access_token_id,
      source: "END_USER",
    });
    const what = r.rows === 0
      ? "Token Guard has no findings yet, so it holds only the header row"
      : `${r.rows} finding(s), values redacted`;
    const partial = r.complete ? "" : " This run ran out of time before the last findings; " +
      "they will be added by the weekly digest, or run the export again for a full new sheet.";
    const text = `Your findings spreadsheet is ready in ${r.account}'s Google Drive: ` +
      `<${r.spreadsheetUrl}|open it> (${what}).${partial} New findings can be added to it ` +
      `by the weekly digest.`;
    await tellPerson(client, { ...who, text }, deps.budget);
    return {
      outputs: { spreadsheet_url: r.spreadsheetUrl, rows: r.rows, complete: r.complete },
    };
  } catch (e) {
    const { sentence, expected } = sentenceFor(e);
    if (!expected) {
      console.error("export_findings_sheet failed:", e instanceof Error ? e.name : typeof e);
    }
    await tellPerson(client, { ...who, text: sentence }, deps.budget);
    return { error: sentence };
  }
});
