// Findings to Google Sheets: one row per finding, redacted values only (the findings datastore
// holds nothing else). "Export findings to Google Sheets" creates a spreadsheet in the person's
// Drive and fills it page by page inside the run's budget; the weekly digest appends rows to the
// same spreadsheet later with the stored token id (`appendFindingsToSheet`).
import type { FindingRecord } from "../slack/findings_store.ts";
import { queryFindings } from "../slack/findings_store.ts";
import {
  type CredentialSource,
  ExternalTokenError,
  providerTokenSession,
} from "../slack/external_token.ts";
import {
  getConnection,
  saveConnection,
  updateConnection,
} from "../slack/external_connections_store.ts";
import { type ExternalDeps, httpOf, nowSeconds } from "./external_deps.ts";
import { sheetsApiBase } from "./base_urls.ts";
import { appendRows, type Cell, createSpreadsheet } from "./google_api.ts";
import { identify } from "./accounts.ts";

export const SHEET_TAB = "Findings";

export const FINDING_COLUMNS = [
  "Fingerprint (start)",
  "Family",
  "Rule",
  "Redacted value",
  "State",
  "Verification",
  "Verification detail",
  "Owner",
  "Occurrences",
  "First seen (UTC)",
  "Last seen (UTC)",
] as const;

/** Findings read per datastore page. */
export const EXPORT_PAGE = 200;
/** Do not start another page with less than this left in the run. */
export const EXPORT_RESERVE_MS = 8_000;

function iso(epochSeconds: number | undefined): string {
  return typeof epochSeconds === "number" && Number.isFinite(epochSeconds)
    ? new Date(epochSeconds * 1000).toISOString().replace(".000Z", "Z")
    : "";
}

function owner(f: FindingRecord): string {
  const parts = [f.owner_name, f.owner_team_name].filter((p): p is string => !!p);
  return parts.join(" @ ");
}

/** A finding as one spreadsheet row. Only fields the datastore holds: no raw secret exists here. */
export function findingRow(f: FindingRecord): Cell[] {
  return [
    f.fingerprint.slice(0, 12),
    f.family ?? "",
    f.rule_id ?? "",
    f.redacted ?? "",
    f.state ?? "",
    f.verification ?? "",
    f.verification_detail ?? "",
    owner(f),
    f.occurrence_count ?? 0,
    iso(f.first_seen),
    iso(f.last_seen),
  ];
}

export interface ExportInput {
  userId: string;
  tokenId: string;
  source?: CredentialSource;
  /** Spreadsheet title; default "Token Guard findings <date>". */
  title?: string;
}

export interface ExportResult {
  spreadsheetId: string;
  spreadsheetUrl: string;
  account: string;
  rows: number;
  /** False when the run's budget ended before the last page: the sheet holds the first `rows`. */
  complete: boolean;
}

export async function exportFindingsToSheet(
  deps: ExternalDeps,
  input: ExportInput,
): Promise<ExportResult> {
  const o = { provider: "google" as const, source: input.source };
  const google = providerTokenSession(deps, input.tokenId, o);
  const http = httpOf(deps);
  const base = sheetsApiBase(deps.env);
  const account = await google.use((token) => identify(deps, "google", token));
  const date = new Date(nowSeconds(deps) * 1000).toISOString().slice(0, 10);
  const sheet = await google.use((token) =>
    createSpreadsheet(http, base, token, input.title ?? `Token Guard findings ${date}`, SHEET_TAB)
  );
  await google.use((token) =>
    appendRows(http, base, token, sheet.spreadsheetId, SHEET_TAB, [[...FINDING_COLUMNS]])
  );
  // Keep the link and the token id first, so a digest can append even if paging stops early.
  const now = nowSeconds(deps);
  await saveConnection(deps.call, {
    provider: "google",
    user_id: input.userId,
    external_token_id: input.tokenId,
    account,
    connected_at: now,
    last_used_at: now,
    spreadsheet_id: sheet.spreadsheetId,
    spreadsheet_url: sheet.spreadsheetUrl,
  });

  let rows = 0;
  let cursor = "";
  let complete = true;
  do {
    if (cursor && deps.budget.remainingMs() < EXPORT_RESERVE_MS) {
      complete = false;
      break;
    }
    const page = await queryFindings(deps.call, { limit: EXPORT_PAGE, cursor });
    if (page.items.length > 0) {
      const values = page.items.map(findingRow);
      rows += await google.use((token) =>
        appendRows(http, base, token, sheet.spreadsheetId, SHEET_TAB, values)
      );
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { ...sheet, account, rows, complete };
}

export interface AppendInput {
  /** The person whose Google connection and spreadsheet to use. */
  userId: string;
  findings: FindingRecord[];
}

export interface AppendResult {
  appended: number;
  spreadsheetUrl: string;
  /** False when the run's budget ended first: the first `appended` findings are in the sheet. */
  complete: boolean;
}

/**
 * Appends `findings` to the person's findings spreadsheet with their stored token id: for the
 * weekly digest and any other run that has no person at the keyboard. Rows go in pages of
 * EXPORT_PAGE with one token (refreshed once on a 401). Throws ExternalTokenError (not connected,
 * refresh impossible, ...) or ProviderError (Google trouble) with sentences.
 */
export async function appendFindingsToSheet(
  deps: ExternalDeps,
  input: AppendInput,
): Promise<AppendResult> {
  const conn = await getConnection(deps.call, "google", input.userId);
  if (!conn) {
    throw new ExternalTokenError(
      "not_connected",
      "google",
      "no_connection",
      `<@${input.userId}> has not connected a Google account to Token Guard. Run "Connect my ` +
        `Google account", then "Export findings to Google Sheets" once.`,
    );
  }
  if (!conn.spreadsheet_id || !conn.spreadsheet_url) {
    throw new ExternalTokenError(
      "not_connected",
      "google",
      "no_spreadsheet",
      `<@${input.userId}> has no findings spreadsheet yet. Run "Export findings to Google ` +
        `Sheets" once; later findings are then added to it.`,
    );
  }
  const google = providerTokenSession(deps, conn.external_token_id, { provider: "google" });
  const http = httpOf(deps);
  const base = sheetsApiBase(deps.env);
  let appended = 0;
  let complete = true;
  for (let i = 0; i < input.findings.length; i += EXPORT_PAGE) {
    if (i > 0 && deps.budget.remainingMs() < EXPORT_RESERVE_MS) {
      complete = false;
      break;
    }
    const values = input.findings.slice(i, i + EXPORT_PAGE).map(findingRow);
    appended += await google.use((token) =>
      appendRows(http, base, token, conn.spreadsheet_id!, SHEET_TAB, values)
    );
  }
  await updateConnection(deps.call, "google", input.userId, { last_used_at: nowSeconds(deps) });
  return { appended, spreadsheetUrl: conn.spreadsheet_url, complete };
}
