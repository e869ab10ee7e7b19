import { SlackFunctionTester } from "deno-slack-sdk/mod.ts";
import { assert, assertEquals, assertRejects, assertStringIncludes } from "@std/assert";
import handler from "./mod.ts";
import { ExportFindingsSheetFunction } from "./definition.ts";
import { FAKE_IDS } from "../../test_support/fake_slack/mod.ts";
import {
  assertNoProviderTokenLeaks,
  botDeps,
  type World,
  worldTest,
} from "../../test_support/external_world.ts";
import { fakeHex } from "../../test_support/fake_tokens.ts";
import { getConnection } from "../../slack/external_connections_store.ts";
import type { FindingRecord } from "../../slack/findings_store.ts";
import {
  appendFindingsToSheet,
  EXPORT_PAGE,
  FINDING_COLUMNS,
  SHEET_TAB,
} from "../../providers/sheets_export.ts";
import { ExternalTokenError } from "../../slack/external_token.ts";

const { createContext } = SlackFunctionTester(ExportFindingsSheetFunction);

function finding(i: number): FindingRecord {
  return {
    fingerprint: fakeHex(64, `finding-${i}`),
    rule_id: "slack-bot-token",
    family: "slack",
    redacted: `xoxb-12…${String(i).padStart(4, "0")} (55 chars)`,
    state: "open",
    verification: i % 2 ? "live" : "dead",
    verification_detail: i % 2 ? "It still works." : "The token has been revoked.",
    owner_name: "deploy-bot",
    owner_team_name: "Fake Workspace",
    occurrences: [{
      channel_id: FAKE_IDS.general,
      ts: "1700000000.000100",
      seen_at: 1_700_000_000,
    }],
    occurrence_count: 1,
    first_seen: 1_700_000_000 + i,
    last_seen: 1_700_000_000 + i,
  };
}

function seed(w: World, n: number): FindingRecord[] {
  const items = Array.from({ length: n }, (_, i) => finding(i));
  const store = new Map<string, Record<string, unknown>>();
  for (const f of items) store.set(f.fingerprint, { ...f });
  w.slack.state.datastores.set("findings", store);
  return items;
}

function run(w: World, tokenId: string) {
  return handler(createContext({
    inputs: {
      user_id: FAKE_IDS.member,
      channel_id: FAKE_IDS.general,
      google_access_token_id: tokenId,
    },
    env: w.env,
    token: w.slack.botToken,
  }));
}

worldTest("export: one row per finding, over several pages, link posted, id kept", async (w) => {
  const n = EXPORT_PAGE + 37;
  const items = seed(w, n);
  const ext = w.slack.addExternalToken({
    provider_key: "google",
    external_user_id: "mo@example.com",
  });
  const result = await run(w, ext.external_token_id);
  assertEquals(result.error, undefined);
  assertEquals(result.outputs?.rows, n);
  assertEquals(result.outputs?.complete, true);
  assertEquals(w.google.spreadsheets.size, 1);
  const sheet = [...w.google.spreadsheets.values()][0];
  assertEquals(sheet.owner, "mo@example.com");
  const rows = sheet.sheets.get(SHEET_TAB)!;
  assertEquals(rows.length, n + 1);
  assertEquals(rows[0], [...FINDING_COLUMNS]);
  const redacted = new Set(rows.slice(1).map((r) => r[3]));
  for (const f of items) assert(redacted.has(f.redacted), `row for ${f.redacted}`);
  // Paged: at least two datastore queries and two appends of findings after the header.
  assert(w.slack.callsTo("apps.datastore.query").length >= 2);
  assertEquals(w.google.callsTo("sheets.append").length, 3);
  for (const c of w.google.callsTo("sheets.append")) {
    assertStringIncludes(c.path, "valueInputOption=RAW");
  }
  const told = w.slack.state.ephemerals[0].text;
  assertStringIncludes(told, sheet.id);
  assertStringIncludes(told, "mo@example.com");
  const conn = await getConnection(botDeps(w).call, "google", FAKE_IDS.member);
  assertEquals(conn?.spreadsheet_id, sheet.id);
  assertEquals(conn?.external_token_id, ext.external_token_id);
  assertNoProviderTokenLeaks(w, [result]);
});

worldTest("export: no findings yet gives a sheet with the header and says so", async (w) => {
  const ext = w.slack.addExternalToken({
    provider_key: "google",
    external_user_id: "mo@example.com",
  });
  const result = await run(w, ext.external_token_id);
  assertEquals(result.outputs?.rows, 0);
  assertStringIncludes(w.slack.state.ephemerals[0].text, "no findings yet");
});

worldTest("export: Sheets 429 and 5xx mid-way are retried; every row lands once", async (w) => {
  seed(w, 10);
  const ext = w.slack.addExternalToken({
    provider_key: "google",
    external_user_id: "mo@example.com",
  });
  w.google.fault("sheets.create", { status: 503 });
  w.google.fault("sheets.append", { status: 429, retryAfter: 0 });
  const result = await run(w, ext.external_token_id);
  assertEquals(result.outputs?.rows, 10);
  const sheet = [...w.google.spreadsheets.values()][0];
  assertEquals(sheet.sheets.get(SHEET_TAB)!.length, 11);
  assertEquals(w.google.spreadsheets.size, 1, "the 503 on create did not leave a second sheet");
});

worldTest("export: the token expires mid-export and is refreshed once", async (w) => {
  seed(w, EXPORT_PAGE + 5);
  const ext = w.slack.addExternalToken({
    provider_key: "google",
    external_user_id: "mo@example.com",
  });
  // Expire after the spreadsheet exists: the next append gets a 401, then force_refresh.
  w.google.fault("sheets.append", { status: 401 });
  const result = await run(w, ext.external_token_id);
  assertEquals(result.outputs?.rows, EXPORT_PAGE + 5);
  assertEquals(w.slack.callsTo("apps.auth.external.get").length, 2);
  assertEquals(w.slack.callsTo("apps.auth.external.get")[1].args.force_refresh, "true");
  assertEquals(w.google.spreadsheets.size, 1);
  assertNoProviderTokenLeaks(w, [result]);
});

worldTest("export: no Google connection: the sentence says what to run", async (w) => {
  seed(w, 3);
  const result = await run(w, "EtNOTHINGHERE");
  assertStringIncludes(result.error ?? "", "Connect my Google account");
  assertEquals(w.google.calls.length, 0);
});

worldTest(
  "digest reuse: a run with no person appends with the stored token id, refreshing it",
  async (w) => {
    const ext = w.slack.addExternalToken({
      provider_key: "google",
      external_user_id: "mo@example.com",
    });
    seed(w, 4);
    const first = await run(w, ext.external_token_id);
    assertEquals(first.outputs?.rows, 4);
    // A week later: the access token has expired, nobody is at the keyboard.
    w.slack.expireExternalToken(ext.external_token_id);
    const fresh = [finding(100), finding(101)];
    const r = await appendFindingsToSheet(botDeps(w), { userId: FAKE_IDS.member, findings: fresh });
    assertEquals(r.appended, 2);
    assertEquals(ext.refreshes, 1);
    const rows = [...w.google.spreadsheets.values()][0].sheets.get(SHEET_TAB)!;
    assertEquals(rows.length, 1 + 4 + 2);
    assertEquals(rows.at(-1)![3], fresh[1].redacted);
    const get = w.slack.callsTo("apps.auth.external.get").at(-1)!;
    assertEquals(get.args.external_token_id, ext.external_token_id);
    assertEquals(get.token, w.slack.botToken, "the bot token, not a person's, asked for it");
    assertNoProviderTokenLeaks(w, [first, r]);
  },
);

worldTest("digest reuse: nobody connected, or never exported: sentences", async (w) => {
  const e1 = await assertRejects(
    () => appendFindingsToSheet(botDeps(w), { userId: FAKE_IDS.other, findings: [finding(1)] }),
    ExternalTokenError,
  );
  assertStringIncludes(e1.message, "Connect my Google account");
  const ext = w.slack.addExternalToken({
    provider_key: "google",
    external_user_id: "nia@example.com",
  });
  w.slack.state.datastores.set(
    "external_connections",
    new Map([[`google:${FAKE_IDS.other}`, {
      id: `google:${FAKE_IDS.other}`,
      provider: "google",
      user_id: FAKE_IDS.other,
      external_token_id: ext.external_token_id,
      account: "nia@example.com",
      connected_at: 1,
    }]]),
  );
  const e2 = await assertRejects(
    () => appendFindingsToSheet(botDeps(w), { userId: FAKE_IDS.other, findings: [finding(1)] }),
    ExternalTokenError,
  );
  assertStringIncludes(e2.message, "Export findings to Google Sheets");
});
