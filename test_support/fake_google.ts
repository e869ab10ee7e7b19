// A fake Google on loopback: OpenID userinfo and the two Sheets calls Token Guard makes
// (spreadsheets.create, spreadsheets.values.append). Access tokens are the ones the fake Slack
// hands out for provider "google" (`apps.auth.external.get`): an expired one gets 401 until a
// `force_refresh` rotates it, exactly what the real pair does. Tokens added with `addToken` work
// too. Faults (429, 5xx, delays) and call recording come from fake_http.ts.
//
//   const slack = await startFakeSlack();
//   const google = await startFakeGoogle({ slack });
//   const ext = slack.addExternalToken({ provider_key: "google", external_user_id: "mo@example.com" });
//   env: { ...slack.env, ...google.env }   // GOOGLE_API_BASE_URL, GOOGLE_SHEETS_API_BASE_URL
//   google.fault("sheets.append", { status: 429, retryAfter: 0 });
//   google.spreadsheets.get(id)?.sheets.get("Findings")  // rows as written
import type { FakeSlack } from "./fake_slack/mod.ts";
import { FakeHttpServer, json, type ProviderCall, type ProviderFault } from "./fake_http.ts";

export interface FakeSpreadsheet {
  id: string;
  title: string;
  /** The account that created it: drive.file only reaches files the app created for them. */
  owner: string;
  /** Sheet title -> rows. */
  sheets: Map<string, unknown[][]>;
}

export interface FakeGoogleOptions {
  /** Accept the fake Slack's live external tokens for provider "google". */
  slack?: FakeSlack;
  providerKey?: string;
}

const UNAUTHENTICATED = {
  error: {
    code: 401,
    message: "Request had invalid authentication credentials.",
    status: "UNAUTHENTICATED",
  },
};

function googleError(status: number): unknown {
  const names: Record<number, string> = {
    400: "INVALID_ARGUMENT",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
  };
  return { error: { code: status, message: `fake ${status}`, status: names[status] ?? "UNKNOWN" } };
}

export class FakeGoogle {
  readonly server: FakeHttpServer;
  readonly spreadsheets = new Map<string, FakeSpreadsheet>();
  /** Tokens added directly: value -> account email. */
  readonly tokens = new Map<string, string>();
  #seq = 0;

  constructor(readonly opts: FakeGoogleOptions = {}) {
    this.server = new FakeHttpServer([
      {
        name: "userinfo",
        method: "GET",
        pattern: /^\/(v1\/userinfo|oauth2\/v3\/userinfo)$/,
        handle: (_req, call) => this.#userinfo(call),
      },
      {
        name: "sheets.create",
        method: "POST",
        pattern: /^\/v4\/spreadsheets$/,
        handle: (_req, call) => this.#create(call),
      },
      {
        name: "sheets.append",
        method: "POST",
        pattern: /^\/v4\/spreadsheets\/[^/]+\/values\/[^/]+:append$/,
        handle: (_req, call, url) => this.#append(call, url),
      },
    ], googleError);
  }

  get url(): string {
    return this.server.url;
  }

  get calls(): ProviderCall[] {
    return this.server.calls;
  }

  /** What Token Guard's functions read from `env` to reach this fake. */
  get env(): { GOOGLE_API_BASE_URL: string; GOOGLE_SHEETS_API_BASE_URL: string } {
    return { GOOGLE_API_BASE_URL: this.url, GOOGLE_SHEETS_API_BASE_URL: this.url };
  }

  fault(route: string, fault: ProviderFault): void {
    this.server.fault(route, fault);
  }

  callsTo(route: string): ProviderCall[] {
    return this.server.callsTo(route);
  }

  addToken(token: string, email: string): void {
    this.tokens.set(token, email);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** The account a bearer token stands for, or undefined when Google would answer 401. */
  accountFor(token: string | undefined): string | undefined {
    if (!token) return undefined;
    const direct = this.tokens.get(token);
    if (direct) return direct;
    const rec = this.opts.slack?.externalTokenLive(token);
    if (rec && rec.provider_key === (this.opts.providerKey ?? "google")) {
      return rec.external_user_id ?? "someone@example.com";
    }
    return undefined;
  }

  #userinfo(call: ProviderCall): Response {
    const email = this.accountFor(call.token);
    if (!email) return json(UNAUTHENTICATED, 401);
    return json({ sub: `sub-${email.length}${email.charCodeAt(0)}`, email, email_verified: true });
  }

  #create(call: ProviderCall): Response {
    const owner = this.accountFor(call.token);
    if (!owner) return json(UNAUTHENTICATED, 401);
    const body = (call.body ?? {}) as {
      properties?: { title?: string };
      sheets?: Array<{ properties?: { title?: string } }>;
    };
    this.#seq += 1;
    const id = `fakeSheet${String(this.#seq).padStart(4, "0")}`;
    const titles = (body.sheets ?? []).map((s) => s.properties?.title ?? "Sheet1");
    const sheet: FakeSpreadsheet = {
      id,
      title: body.properties?.title ?? "Untitled spreadsheet",
      owner,
      sheets: new Map((titles.length ? titles : ["Sheet1"]).map((t) => [t, []])),
    };
    this.spreadsheets.set(id, sheet);
    return json({
      spreadsheetId: id,
      spreadsheetUrl: `${this.url}/spreadsheets/d/${id}/edit`,
      properties: { title: sheet.title },
      sheets: [...sheet.sheets.keys()].map((title, i) => ({ properties: { sheetId: i, title } })),
    });
  }

  #append(call: ProviderCall, url: URL): Response {
    const owner = this.accountFor(call.token);
    if (!owner) return json(UNAUTHENTICATED, 401);
    const m = /^\/v4\/spreadsheets\/([^/]+)\/values\/([^/]+):append$/.exec(url.pathname)!;
    const sheet = this.spreadsheets.get(decodeURIComponent(m[1]));
    if (!sheet) return json(googleError(404), 404);
    if (sheet.owner !== owner) return json(googleError(403), 403);
    const range = decodeURIComponent(m[2]);
    const tab = range.includes("!") ? range.slice(0, range.indexOf("!")) : range;
    const rows = sheet.sheets.get(tab.replace(/^'|'$/g, ""));
    if (!rows) return json(googleError(400), 400);
    if (url.searchParams.get("valueInputOption") === null) return json(googleError(400), 400);
    const values = ((call.body ?? {}) as { values?: unknown[][] }).values ?? [];
    const start = rows.length + 1;
    rows.push(...values.map((r) => [...r]));
    const width = Math.max(0, ...values.map((r) => r.length));
    return json({
      spreadsheetId: sheet.id,
      tableRange: `${tab}!A1`,
      updates: {
        spreadsheetId: sheet.id,
        updatedRange: `${tab}!A${start}`,
        updatedRows: values.length,
        updatedColumns: width,
        updatedCells: values.reduce((n, r) => n + r.length, 0),
      },
    });
  }
}

export async function startFakeGoogle(opts: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  const fake = new FakeGoogle(opts);
  await fake.server.listen();
  return fake;
}
