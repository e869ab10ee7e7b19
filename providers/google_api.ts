// The three Google calls Token Guard makes, each through providerFetch (timeouts, retries, budget):
// who the token belongs to (OpenID userinfo), create a spreadsheet, append rows to it.
import { type HttpDeps, joinUrl, ProviderError, providerFetch } from "./http.ts";

export interface GoogleIdentity {
  email: string;
  sub?: string;
}

/** GET {GOOGLE_API_BASE_URL}/v1/userinfo: the connected account's email (scopes openid, email). */
export async function googleUserinfo(
  http: HttpDeps,
  base: string,
  token: string,
): Promise<GoogleIdentity> {
  const r = await providerFetch<{ email?: unknown; sub?: unknown }>(http, {
    provider: "Google",
    url: joinUrl(base, "v1/userinfo"),
    token,
  });
  if (typeof r.json?.email !== "string" || r.json.email === "") {
    throw new ProviderError(
      "Google",
      "invalid",
      "Google did not say which account this is (no email in userinfo): reconnect and allow the email permission.",
      r.status,
    );
  }
  return { email: r.json.email, sub: typeof r.json.sub === "string" ? r.json.sub : undefined };
}

export interface Spreadsheet {
  spreadsheetId: string;
  spreadsheetUrl: string;
}

/** POST {sheets}/v4/spreadsheets: a new spreadsheet in the person's Drive with one named tab. */
export async function createSpreadsheet(
  http: HttpDeps,
  base: string,
  token: string,
  title: string,
  sheetTitle: string,
): Promise<Spreadsheet> {
  const r = await providerFetch<{ spreadsheetId?: unknown; spreadsheetUrl?: unknown }>(http, {
    provider: "Google",
    url: joinUrl(base, "v4/spreadsheets"),
    token,
    // Re-sent after a 5xx or a timeout: at worst an empty duplicate spreadsheet in the person's
    // Drive, which beats failing the export on a transient error.
    idempotent: true,
    body: {
      properties: { title },
      sheets: [{ properties: { title: sheetTitle, gridProperties: { frozenRowCount: 1 } } }],
    },
  });
  const id = r.json?.spreadsheetId;
  if (typeof id !== "string" || id === "") {
    throw new ProviderError("Google", "invalid", "Google created no spreadsheet id.", r.status);
  }
  const url = typeof r.json.spreadsheetUrl === "string"
    ? r.json.spreadsheetUrl
    : `https://docs.google.com/spreadsheets/d/${id}/edit`;
  return { spreadsheetId: id, spreadsheetUrl: url };
}

/** How many rows go in one append request (well under the Sheets API's request size limit). */
export const APPEND_BATCH = 500;

export type Cell = string | number | boolean;

/**
 * POST {sheets}/v4/spreadsheets/{id}/values/{tab}!A1:append, in batches. `RAW` keeps every value
 * as typed text: a cell that starts with "=" is never run as a formula. Returns rows appended.
 */
export async function appendRows(
  http: HttpDeps,
  base: string,
  token: string,
  spreadsheetId: string,
  sheetTitle: string,
  rows: Cell[][],
): Promise<number> {
  let appended = 0;
  for (let i = 0; i < rows.length; i += APPEND_BATCH) {
    const batch = rows.slice(i, i + APPEND_BATCH);
    const range = encodeURIComponent(`'${sheetTitle}'!A1`);
    const r = await providerFetch<{ updates?: { updatedRows?: unknown } }>(http, {
      provider: "Google",
      url: joinUrl(
        base,
        `v4/spreadsheets/${encodeURIComponent(spreadsheetId)}/values/${range}:append` +
          "?valueInputOption=RAW&insertDataOption=INSERT_ROWS",
      ),
      token,
      // Re-sent after a 5xx or a timeout: a batch Google applied but did not confirm may appear
      // twice (rare); failing the export would lose every later row instead.
      idempotent: true,
      body: { majorDimension: "ROWS", values: batch },
    });
    const n = r.json?.updates?.updatedRows;
    appended += typeof n === "number" ? n : batch.length;
  }
  return appended;
}
