import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { SlackFunctionTester } from "deno-slack-sdk/mod.ts";
import { FAKE_IDS, type FakeSlack, startFakeSlack } from "../../test_support/fake_slack/mod.ts";
import { ReportFunction } from "./definition.ts";
import handler from "./mod.ts";

const t = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name, sanitizeOps: false, sanitizeResources: false, fn });

const { createContext } = SlackFunctionTester(ReportFunction);
const DAY = 86_400;

async function start(findings: number, settings: Record<string, unknown> = {}) {
  const fake = await startFakeSlack({ datastores: { findings: "fingerprint", settings: "id" } });
  fake.state.datastores.set(
    "settings",
    new Map([["workspace", { id: "workspace", alert_channel_id: FAKE_IDS.security, ...settings }]]),
  );
  const now = Math.floor(Date.now() / 1000);
  const items = new Map<string, Record<string, unknown>>();
  const states = ["open", "revoked", "resolved", "not_secret"];
  for (let i = 0; i < findings; i++) {
    const seen = now - (i % 40) * DAY - 60;
    const fp = i.toString(16).padStart(64, "0");
    const state = states[i % 4];
    items.set(fp, {
      fingerprint: fp,
      rule_id: "slack-bot-token",
      family: i % 2 ? "slack" : "github",
      redacted: `abcd…${i} (40 chars)`,
      state,
      verification: i % 3 === 0 ? "live" : "dead",
      occurrences: [{ channel_id: FAKE_IDS.general, ts: `${seen}.000100`, seen_at: seen }],
      occurrence_count: 1,
      first_seen: seen,
      last_seen: seen,
      ...(state === "revoked" ? { revoked_by: FAKE_IDS.admin, revoked_at: seen + 10 } : {}),
    });
  }
  fake.state.datastores.set("findings", items);
  return fake;
}

function run(fake: FakeSlack, inputs: Record<string, unknown>) {
  return handler(createContext({
    inputs: inputs as never,
    env: fake.env,
    token: fake.botToken,
    team_id: FAKE_IDS.team,
  })) as Promise<Record<string, unknown>>;
}

t("report: thousands of findings in a few pages, open first, privately to an admin", async () => {
  const fake = await start(3000);
  try {
    const r = await run(fake, { user_id: FAKE_IDS.admin, channel_id: FAKE_IDS.general });
    const out = r.outputs as Record<string, unknown>;
    assertEquals(out.open_findings, 750);
    const queries = fake.callsTo("apps.datastore.query");
    assert(queries.length <= 4, `${queries.length} pages`);
    assertEquals(queries[0].args.limit, "1000");
    const e = fake.state.ephemerals.at(-1)!;
    assertEquals(e.user, FAKE_IDS.admin);
    const json = JSON.stringify(e.blocks);
    assertStringIncludes(json, "750 open");
    assertStringIncludes(json, "Open findings");
    assertStringIncludes(json, "Who revoked what");
    assert(json.indexOf("Open findings") < json.indexOf("By family"), "open findings come first");
  } finally {
    await fake.close();
  }
});

t(
  "report: refused for someone who may not act on alerts; allowed for a named revoker",
  async () => {
    const fake = await start(10, { revoker_user_ids: [FAKE_IDS.other] });
    try {
      const r = await run(fake, { user_id: FAKE_IDS.member, channel_id: FAKE_IDS.general });
      assertStringIncludes(String((r.outputs as Record<string, unknown>).summary), "Refused");
      assertEquals(fake.callsTo("apps.datastore.query").length, 0);
      assertStringIncludes(fake.state.ephemerals[0].text, "only for");
      const ok = await run(fake, { user_id: FAKE_IDS.other, channel_id: FAKE_IDS.general });
      assertEquals((ok.outputs as Record<string, unknown>).open_findings, 3);
    } finally {
      await fake.close();
    }
  },
);

t("weekly digest: posted to the alert channel; an empty store says so", async () => {
  const fake = await start(0);
  try {
    const r = await run(fake, { digest: true, period_days: 7 });
    assertEquals((r.outputs as Record<string, unknown>).open_findings, 0);
    const posted = fake.messagesIn(FAKE_IDS.security).at(-1)!;
    assertStringIncludes(JSON.stringify(posted.blocks), "weekly digest");
    assertStringIncludes(JSON.stringify(posted.blocks), "No open leaks");
  } finally {
    await fake.close();
  }
});

t("weekly digest: without an alert channel it fails with what to do", async () => {
  const fake = await start(0, { alert_channel_id: "" });
  try {
    const r = await run(fake, { digest: true });
    assertStringIncludes(String(r.error), "Set up Token Guard");
  } finally {
    await fake.close();
  }
});
