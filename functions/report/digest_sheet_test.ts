// The weekly digest appending the period's findings to a person's findings spreadsheet, through
// the real report handler, the fake Slack and the fake Google.
import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { SlackFunctionTester } from "deno-slack-sdk/mod.ts";
import { ReportFunction } from "./definition.ts";
import handler from "./mod.ts";
import { FAKE_IDS } from "../../test_support/fake_slack/mod.ts";
import {
  assertNoProviderTokenLeaks,
  type World,
  worldTest,
} from "../../test_support/external_world.ts";
import { EXPORT_PAGE, FINDING_COLUMNS, SHEET_TAB } from "../../providers/sheets_export.ts";

const { createContext } = SlackFunctionTester(ReportFunction);
const DAY = 86_400;
const NOW = Math.floor(Date.now() / 1000);

function finding(i: number, opts: { ageDays: number; state: string }) {
  const seen = NOW - opts.ageDays * DAY - 60;
  return {
    fingerprint: i.toString(16).padStart(64, "0"),
    rule_id: "slack-bot-token",
    family: "slack",
    redacted: `xoxb-12…${String(i).padStart(4, "0")} (55 chars)`,
    state: opts.state,
    verification: "dead",
    occurrences: [{ channel_id: FAKE_IDS.general, ts: `${seen}.000100`, seen_at: seen }],
    occurrence_count: 1,
    first_seen: seen,
    last_seen: seen,
  };
}

/** `recent` findings in the last week, 3 old open ones and 4 old settled ones. */
function seed(w: World, recent: number, settings: Record<string, unknown>) {
  const items = new Map<string, Record<string, unknown>>();
  const add = (f: ReturnType<typeof finding>) => items.set(f.fingerprint, f);
  for (let i = 0; i < recent; i++) {
    add(finding(i, { ageDays: i % 6, state: i % 2 ? "open" : "resolved" }));
  }
  for (let i = 0; i < 3; i++) add(finding(10_000 + i, { ageDays: 30, state: "open" }));
  for (let i = 0; i < 4; i++) add(finding(20_000 + i, { ageDays: 30, state: "resolved" }));
  w.slack.state.datastores.set("findings", items);
  w.slack.state.datastores.set(
    "settings",
    new Map([["workspace", { id: "workspace", alert_channel_id: FAKE_IDS.security, ...settings }]]),
  );
}

/** Mo connected Google and exported once: a connection with a spreadsheet holding the header. */
function connect(w: World, opts: { spreadsheet?: boolean } = {}) {
  const ext = w.slack.addExternalToken({
    provider_key: "google",
    external_user_id: "mo@example.com",
  });
  const id = "fakeSheetMo01";
  const conn: Record<string, unknown> = {
    id: `google:${FAKE_IDS.member}`,
    provider: "google",
    user_id: FAKE_IDS.member,
    external_token_id: ext.external_token_id,
    account: "mo@example.com",
    connected_at: NOW - 8 * DAY,
  };
  if (opts.spreadsheet !== false) {
    w.google.spreadsheets.set(id, {
      id,
      title: "Token Guard findings",
      owner: "mo@example.com",
      sheets: new Map([[SHEET_TAB, [[...FINDING_COLUMNS]]]]),
    });
    conn.spreadsheet_id = id;
    conn.spreadsheet_url = `${w.google.url}/spreadsheets/d/${id}/edit`;
  }
  w.slack.state.datastores.set("external_connections", new Map([[String(conn.id), conn]]));
  return { ext, rows: () => w.google.spreadsheets.get(id)?.sheets.get(SHEET_TAB) ?? [] };
}

async function digest(w: World) {
  const r = await handler(createContext({
    inputs: { digest: true, period_days: 7 } as never,
    env: w.env,
    token: w.slack.botToken,
    team_id: FAKE_IDS.team,
  })) as Record<string, unknown>;
  const posted = w.slack.messagesIn(FAKE_IDS.security);
  assertEquals(posted.length, 1, "one digest message");
  return { r, blocks: JSON.stringify(posted[0].blocks) };
}

worldTest("digest sheet: the period's findings arrive, redacted, in pages", async (w) => {
  const recent = EXPORT_PAGE + 50;
  seed(w, recent, { digest_sheet_user_id: FAKE_IDS.member });
  const { rows } = connect(w);
  const { r, blocks } = await digest(w);
  assertEquals(r.error, undefined);
  const got = rows();
  assertEquals(got.length, 1 + recent, "header + one row per finding of the period");
  const redacted = new Set(got.slice(1).map((row) => row[3]));
  for (let i = 0; i < recent; i++) {
    assert(redacted.has(`xoxb-12…${String(i).padStart(4, "0")} (55 chars)`), `finding ${i}`);
  }
  assert(!redacted.has("xoxb-12…10000 (55 chars)"), "an old open finding is not the period's");
  assertEquals(w.google.callsTo("sheets.append").length, 2, "two pages of rows");
  assertStringIncludes(blocks, `Added ${recent} findings from this period`);
  assertStringIncludes(blocks, "findings spreadsheet");
  assertNoProviderTokenLeaks(w, [r]);
});

worldTest("digest sheet: no setting, nothing is sent to Google", async (w) => {
  seed(w, 5, {});
  connect(w);
  const { r, blocks } = await digest(w);
  assertEquals(r.error, undefined);
  assertEquals(w.google.calls.length, 0);
  assertEquals(w.slack.callsTo("apps.auth.external.get").length, 0);
  assertEquals(w.slack.callsTo("chat.update").length, 0);
  assert(!blocks.includes("spreadsheet"));
});

worldTest("digest sheet: not connected, the digest still goes out with what to do", async (w) => {
  seed(w, 5, { digest_sheet_user_id: FAKE_IDS.other });
  const { r, blocks } = await digest(w);
  assertEquals(r.error, undefined);
  assertEquals((r.outputs as Record<string, unknown>).open_findings, 2 + 3);
  assertEquals(w.google.calls.length, 0);
  assertStringIncludes(blocks, `findings spreadsheet of <@${FAKE_IDS.other}>`);
  assertStringIncludes(blocks, "Connect my Google account");
});

worldTest("digest sheet: connected but never exported says to export once", async (w) => {
  seed(w, 5, { digest_sheet_user_id: FAKE_IDS.member });
  connect(w, { spreadsheet: false });
  const { r, blocks } = await digest(w);
  assertEquals(r.error, undefined);
  assertStringIncludes(blocks, "Export findings to Google Sheets");
  assertEquals(w.google.calls.length, 0);
});

worldTest("digest sheet: an expired token is refreshed once (force_refresh)", async (w) => {
  seed(w, 4, { digest_sheet_user_id: FAKE_IDS.member });
  const { ext, rows } = connect(w);
  w.slack.expireExternalToken(ext.external_token_id);
  const { r, blocks } = await digest(w);
  assertEquals(r.error, undefined);
  assertEquals(rows().length, 1 + 4);
  assertEquals(ext.refreshes, 1);
  const gets = w.slack.callsTo("apps.auth.external.get");
  assertEquals(gets.length, 2);
  assertEquals(gets[1].args.force_refresh, "true");
  assertEquals(gets[1].token, w.slack.botToken);
  assertStringIncludes(blocks, "Added 4 findings");
  assertNoProviderTokenLeaks(w, [r]);
});

worldTest("digest sheet: a refresh Google refuses becomes a sentence, not a failure", async (w) => {
  seed(w, 4, { digest_sheet_user_id: FAKE_IDS.member });
  const { ext, rows } = connect(w);
  ext.refreshable = false;
  w.slack.expireExternalToken(ext.external_token_id);
  const { r, blocks } = await digest(w);
  assertEquals(r.error, undefined);
  assertEquals(rows().length, 1, "only the header");
  assertStringIncludes(blocks, "not added to the findings spreadsheet");
  assertStringIncludes(blocks, "Connect my Google account");
});
