// The weekly digest's second stop: the week's findings appended (redacted rows only) to the
// findings spreadsheet of the person named in the settings (`digest_sheet_user_id`), with their
// stored Google token id. Nobody is at the keyboard, so nothing here may fail the digest: every
// problem becomes one sentence saying what to do, shown under the digest.
import type { FindingRecord } from "../../slack/findings_store.ts";
import type { ExternalDeps } from "../../providers/external_deps.ts";
import { appendFindingsToSheet } from "../../providers/sheets_export.ts";
import { sentenceFor } from "../../providers/errors.ts";

export interface DigestSheetOutcome {
  ok: boolean;
  appended: number;
  /** The line added under the digest (mrkdwn). */
  line: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export async function appendDigestToSheet(
  deps: ExternalDeps,
  userId: string,
  findings: FindingRecord[],
): Promise<DigestSheetOutcome> {
  try {
    const r = await appendFindingsToSheet(deps, { userId, findings });
    const sheet = `<${r.spreadsheetUrl}|findings spreadsheet> of <@${userId}>`;
    const line = r.appended === 0
      ? `:bar_chart: Nothing new this period for the ${sheet}.`
      : r.complete
      ? `:bar_chart: Added ${plural(r.appended, "finding")} from this period to the ${sheet}.`
      : `:bar_chart: Added ${r.appended} of ${findings.length} findings from this period to the ` +
        `${sheet}; the rest did not fit in this run. Run "Export findings to Google Sheets" for ` +
        `a complete sheet.`;
    return { ok: true, appended: r.appended, line };
  } catch (e) {
    const { sentence, expected } = sentenceFor(e);
    if (!expected) {
      console.log(`Weekly digest: appending to the spreadsheet failed (${(e as Error)?.name}).`);
    }
    return {
      ok: false,
      appended: 0,
      line: `:warning: This period's findings were not added to the findings spreadsheet of ` +
        `<@${userId}>. ${sentence}`,
    };
  }
}
