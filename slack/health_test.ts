import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { ALL_BOT_SCOPES, FAKE_IDS, startFakeSlack } from "../test_support/fake_slack/mod.ts";
import { checkHealth, healthBlocks } from "./health.ts";
import { applyGuardTriggers, formatTriggerIds, planGuardTriggers } from "./guard_trigger.ts";
import { plainCall } from "./slack_call.ts";
import { withDefaults } from "./settings_store.ts";

const t = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name, sanitizeOps: false, sanitizeResources: false, fn });

t("health: wired up when triggers, membership and scopes all match", async () => {
  const fake = await startFakeSlack();
  try {
    const client = SlackAPI(fake.botToken, { slackApiUrl: fake.url });
    const guarded = [FAKE_IDS.general, FAKE_IDS.security];
    const r = await applyGuardTriggers(plainCall(client), planGuardTriggers([], guarded));
    fake.state.datastores.set(
      "external_connections",
      new Map([["github:U1", {
        id: "github:U1",
        provider: "github",
        last_used_at: 1_700_000_000,
      }]]),
    );
    const settings = withDefaults({
      guarded_channels: guarded.map((channel_id) => ({ channel_id, since: 1_700_000_000 })),
      guard_trigger_id: formatTriggerIds(r.triggerIds),
    });
    const h = await checkHealth({ client, settings, botScopes: ALL_BOT_SCOPES });
    assertEquals(h.problems, []);
    assert(h.healthy);
    assertEquals(h.trigger.status, "ok");
    assertEquals(h.notMember, []);
    assertEquals(h.scopes.missing, []);
    assertEquals(h.external, {
      total: 1,
      byProvider: { github: 1 },
      usersByProvider: {},
      lastUsedAt: 1_700_000_000,
    });
    const { blocks } = healthBlocks(h);
    assertStringIncludes(JSON.stringify(blocks), "wired up");
  } finally {
    await fake.close();
  }
});

t("health: missing trigger, channel without the app, scope the token lacks", async () => {
  const fake = await startFakeSlack();
  try {
    const client = SlackAPI(fake.botToken, { slackApiUrl: fake.url });
    const settings = withDefaults({
      guarded_channels: [{ channel_id: FAKE_IDS.general }, { channel_id: FAKE_IDS.random }],
      guard_trigger_id: "Ft0GONE00001",
    });
    const h = await checkHealth({
      client,
      settings,
      botScopes: [...ALL_BOT_SCOPES, "channels:manage"],
    });
    assertEquals(h.healthy, false);
    assertEquals(h.trigger.status, "missing");
    assertEquals(h.trigger.missing, ["Ft0GONE00001"]);
    assertEquals(h.notMember, [FAKE_IDS.random]);
    assertEquals(h.scopes.missing, ["channels:manage"]);
    assertEquals(h.problems.length, 3);
    const json = JSON.stringify(healthBlocks(h).blocks);
    assertStringIncludes(json, "channels:manage");
    assertStringIncludes(json, `<#${FAKE_IDS.random}>`);
  } finally {
    await fake.close();
  }
});

t(
  "health: a trigger that covers other channels is a mismatch; nothing guarded is fine",
  async () => {
    const fake = await startFakeSlack();
    try {
      const client = SlackAPI(fake.botToken, { slackApiUrl: fake.url });
      const r = await applyGuardTriggers(
        plainCall(client),
        planGuardTriggers([], [FAKE_IDS.general]),
      );
      const settings = withDefaults({
        guarded_channels: [{ channel_id: FAKE_IDS.security }],
        guard_trigger_id: r.triggerIds[0],
      });
      const h = await checkHealth({ client, settings, botScopes: ALL_BOT_SCOPES });
      assertEquals(h.trigger.status, "mismatch");
      assertEquals(h.trigger.uncovered, [FAKE_IDS.security]);
      assertEquals(h.trigger.extra, [FAKE_IDS.general]);

      const none = await checkHealth({ client, settings: withDefaults(undefined) });
      assertEquals(none.trigger.status, "none");
      assertEquals(none.channels, []);
    } finally {
      await fake.close();
    }
  },
);

t("health: a failing trigger list or channel read becomes a sentence, not a throw", async () => {
  const fake = await startFakeSlack();
  try {
    const client = SlackAPI(fake.botToken, { slackApiUrl: fake.url });
    fake.fault("workflows.triggers.list", { error: "internal_error" });
    fake.fault("conversations.info", { error: "channel_not_found" });
    const settings = withDefaults({ guarded_channels: [{ channel_id: FAKE_IDS.general }] });
    const h = await checkHealth({ client, settings, botScopes: ALL_BOT_SCOPES });
    assertEquals(h.trigger.status, "unknown");
    assertEquals(h.notMember, [FAKE_IDS.general]);
    assert(h.problems.some((p) => p.includes("triggers")));
    assertEquals(h.healthy, false);
  } finally {
    await fake.close();
  }
});

t("health: scopes the caller already read are used without another auth.test", async () => {
  const fake = await startFakeSlack();
  try {
    const client = SlackAPI(fake.botToken, { slackApiUrl: fake.url });
    const h = await checkHealth({
      client,
      settings: withDefaults(undefined),
      botScopes: ["chat:write", "triggers:write"],
      grantedScopes: ["chat:write"],
    });
    assertEquals(h.scopes.missing, ["triggers:write"]);
    assertEquals(fake.callsTo("auth.test").length, 0);
  } finally {
    await fake.close();
  }
});

t("health: the digest's spreadsheet owner without a Google connection is a problem", async () => {
  const fake = await startFakeSlack();
  try {
    const client = SlackAPI(fake.botToken, { slackApiUrl: fake.url });
    const connection = (provider: string, user: string) =>
      [`${provider}:${user}`, {
        id: `${provider}:${user}`,
        provider,
        user_id: user,
        connected_at: 1_700_000_000,
      }] as const;
    fake.state.datastores.set(
      "external_connections",
      new Map([connection("github", FAKE_IDS.admin), connection("google", FAKE_IDS.member)]),
    );
    const check = (user: string) =>
      checkHealth({
        client,
        settings: withDefaults({ digest_sheet_user_id: user }),
        botScopes: ALL_BOT_SCOPES,
      });
    const ok = await check(FAKE_IDS.member);
    assertEquals(ok.problems.filter((p) => p.includes("spreadsheet")), []);
    const bad = await check(FAKE_IDS.admin);
    const line = bad.problems.find((p) => p.includes("spreadsheet"));
    assertStringIncludes(line ?? "", `<@${FAKE_IDS.admin}> has no Google connection`);
    assertEquals(bad.external?.usersByProvider, {
      github: [FAKE_IDS.admin],
      google: [FAKE_IDS.member],
    });
  } finally {
    await fake.close();
  }
});
