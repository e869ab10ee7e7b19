// The guard path through the real SlackFunction handler against the fake Slack Web API.
import { assert, assertEquals, assertFalse, assertStringIncludes } from "@std/assert";
import { fakeSlackToken, fakeWebhookUrl } from "../../test_support/fake_tokens.ts";
import { fingerprint } from "../../detect/fingerprint.ts";
import { FAKE_IDS, kitTest, startKit } from "./test_kit.ts";

function liveBotToken(kit: { fake: { addToken: (t: never) => unknown } }, seed: string): string {
  const t = fakeSlackToken("xoxb", seed);
  kit.fake.addToken({ token: t, kind: "bot", bot_id: "B0LEAKED01", app_id: "A0LEAKED01" } as never);
  return t;
}

function buttonIds(blocks: unknown[] | undefined): string[] {
  const actions = (blocks ?? []).find((b) => (b as { type: string }).type === "actions") as
    | { elements: Array<{ action_id: string }> }
    | undefined;
  return actions?.elements.map((e) => e.action_id) ?? [];
}

kitTest(
  "a live bot token: recorded, poster warned, one alert with buttons, run stays open",
  async () => {
    const kit = await startKit();
    try {
      const leaked = liveBotToken(kit, "g1");
      const ev = kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: `try ${leaked} now` });
      const run = await kit.guard(ev);
      assertEquals(run.result, { completed: false });
      const fp = await fingerprint(leaked);
      const f = kit.finding(fp);
      assertEquals(f.state, "open");
      assertEquals(f.verification, "live");
      assertEquals(f.owner_is_this_workspace, true);
      assertEquals(f.owner_bot_id, "B0LEAKED01");
      assertEquals(f.verify_as, "xoxb");
      assertEquals(f.claim, run.executionId);
      assertEquals(f.occurrence_count, 1);
      assert(String(f.permalink).includes(FAKE_IDS.general));
      const alerts = kit.alerts();
      assertEquals(alerts.length, 1);
      assertEquals(f.alert_ts, alerts[0].ts);
      assertEquals(buttonIds(alerts[0].blocks), [
        "token_guard_revoke",
        "token_guard_resolve",
        "token_guard_not_secret",
      ]);
      assertStringIncludes(JSON.stringify(alerts[0].blocks), String(f.redacted));
      const eph = kit.fake.state.ephemerals;
      assertEquals(eph.length, 1);
      assertEquals(eph[0].user, FAKE_IDS.member);
      assertEquals(eph[0].channel, FAKE_IDS.general);
      assertStringIncludes(JSON.stringify(eph[0].blocks), "OAuth & Permissions");
      assertEquals(kit.fake.state.completions.length, 0);
      // The leaked token was used for auth.test and nothing else.
      assertEquals(kit.fake.calls.filter((c) => c.token === leaked).map((c) => c.method), [
        "auth.test",
      ]);
    } finally {
      await kit.close();
    }
  },
);

kitTest("the same event delivered twice: one finding, one alert, one warning", async () => {
  const kit = await startKit();
  try {
    const leaked = liveBotToken(kit, "g2");
    const ev = kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: leaked });
    await kit.guard(ev);
    const second = await kit.guard(ev);
    const out = (second.result as { outputs: Record<string, unknown> }).outputs;
    assertEquals(out.new_findings, 0);
    assertEquals(out.alerts, 0);
    assertStringIncludes(String(out.summary), "already recorded for this message");
    assertEquals(kit.findings().length, 1);
    assertEquals(kit.finding(await fingerprint(leaked)).occurrence_count, 1);
    assertEquals(kit.alerts().length, 1);
    assertEquals(kit.fake.state.ephemerals.length, 1);
    assertEquals(kit.fake.callsTo("auth.test").length, 1);
  } finally {
    await kit.close();
  }
});

kitTest(
  "a known fingerprint in a new message adds an occurrence, warns, no second alert",
  async () => {
    const kit = await startKit();
    try {
      const leaked = liveBotToken(kit, "g3");
      await kit.guard(kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: leaked }));
      const again = kit.post(FAKE_IDS.random, { user: FAKE_IDS.other, text: `again ${leaked}` });
      const run = await kit.guard(again);
      const out = (run.result as { outputs: Record<string, unknown> }).outputs;
      assertEquals(out.alerts, 0);
      assertStringIncludes(String(out.summary), "1 already known");
      const f = kit.finding(await fingerprint(leaked));
      assertEquals(f.occurrence_count, 2);
      const occ = f.occurrences as Array<{ channel_id: string; user_id: string }>;
      assertEquals(occ[1].channel_id, FAKE_IDS.random);
      assertEquals(occ[1].user_id, FAKE_IDS.other);
      assertEquals(kit.alerts().length, 1);
      assertEquals(kit.fake.state.ephemerals.map((e) => e.user), [FAKE_IDS.member, FAKE_IDS.other]);
      assertEquals(kit.fake.callsTo("auth.test").length, 1);
      // The existing alert is redrawn in place: count, newest place and poster, link to it.
      const updates = kit.fake.callsTo("chat.update");
      assertEquals(updates.length, 1);
      assertEquals([updates[0].args.channel, updates[0].args.ts], [f.alert_channel_id, f.alert_ts]);
      const drawn = JSON.stringify(kit.alerts()[0].blocks);
      assertStringIncludes(drawn, "Seen 2 times");
      assertStringIncludes(drawn, `in <#${FAKE_IDS.random}> by <@${FAKE_IDS.other}>`);
      assertStringIncludes(
        drawn,
        `${FAKE_IDS.random}/p${again.message_ts.replace(".", "")}|View latest`,
      );
      assertEquals(buttonIds(kit.alerts()[0].blocks).length, 3, "still open, buttons kept");
      // The same repeat delivered again changes nothing more.
      await kit.guard(again);
      assertEquals(kit.finding(await fingerprint(leaked)).occurrence_count, 2);
      assertEquals(kit.fake.callsTo("chat.update").length, 1);
      assertEquals(kit.alerts().length, 1);
    } finally {
      await kit.close();
    }
  },
);

kitTest(
  "posted again after it was resolved: the state stays, the alert says AGAIN, no new alert",
  async () => {
    const kit = await startKit();
    try {
      const leaked = liveBotToken(kit, "g11");
      const run = await kit.guard(
        kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: leaked }),
      );
      const fp = await fingerprint(leaked);
      await kit.click("token_guard_resolve", fp, FAKE_IDS.admin, run.executionId);
      assertEquals(kit.finding(fp).state, "resolved");
      assertFalse(JSON.stringify(kit.alerts()[0].blocks).includes("AGAIN"));
      const second = await kit.guard(
        kit.post(FAKE_IDS.random, { user: FAKE_IDS.other, text: `once more ${leaked}` }),
      );
      assert("outputs" in second.result, "nothing to click: the run completes");
      const f = kit.finding(fp);
      assertEquals([f.state, f.occurrence_count], ["resolved", 2]);
      assertEquals(kit.alerts().length, 1);
      const drawn = JSON.stringify(kit.alerts()[0].blocks);
      assertStringIncludes(drawn, "Posted AGAIN");
      assertStringIncludes(drawn, "after it was marked resolved");
      assertStringIncludes(drawn, "Marked resolved");
      assertEquals(buttonIds(kit.alerts()[0].blocks), []);
      // The new poster hears about it privately, with what happened to the earlier post.
      const told = kit.fake.state.ephemerals.filter((e) => e.user === FAKE_IDS.other);
      assertEquals(told.length, 1);
      assertStringIncludes(JSON.stringify(told[0].blocks), "marked that as handled");
    } finally {
      await kit.close();
    }
  },
);

kitTest("a clean message completes at once and writes nothing", async () => {
  const kit = await startKit();
  try {
    const run = await kit.guard(
      kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: "lunch at noon?" }),
    );
    assertEquals(
      (run.result as { outputs: { summary: string } }).outputs.summary,
      "No credentials found.",
    );
    assertEquals(kit.findings().length, 0);
    assertEquals(kit.fake.callsTo("conversations.history").length, 0);
  } finally {
    await kit.close();
  }
});

kitTest(
  "empty event text: the full message is read and its blocks and attachments scanned",
  async () => {
    const kit = await startKit();
    try {
      const inBlocks = liveBotToken(kit, "g4");
      const inAttachment = fakeSlackToken("xoxp", "g4");
      const ev = kit.post(FAKE_IDS.general, {
        user: FAKE_IDS.member,
        text: "",
        blocks: [{
          type: "rich_text",
          elements: [{
            type: "rich_text_preformatted",
            elements: [{ type: "text", text: `TOKEN=${inBlocks}` }],
          }],
        }],
        attachments: [{ fallback: "cfg", fields: [{ title: "user token", value: inAttachment }] }],
      });
      ev.text = "";
      await kit.guard(ev);
      assertEquals(kit.fake.callsTo("conversations.history").length, 1);
      const h = kit.fake.callsTo("conversations.history")[0].args;
      assertEquals([h.latest, String(h.inclusive), String(h.limit)], [ev.message_ts, "true", "1"]);
      const fps = kit.findings().map((f) => f.fingerprint).sort();
      assertEquals(fps, [await fingerprint(inBlocks), await fingerprint(inAttachment)].sort());
      // The never-issued user token is dead: its alert offers no Revoke.
      const deadOne = kit.finding(await fingerprint(inAttachment));
      assertEquals(deadOne.verification, "dead");
      assertEquals(deadOne.verification_code, "invalid_auth");
      assertEquals(kit.alerts().length, 2);
    } finally {
      await kit.close();
    }
  },
);

kitTest("a thread reply with a stand-in text is read back with conversations.replies", async () => {
  const kit = await startKit();
  try {
    const parent = kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: "deploy notes" });
    const leaked = liveBotToken(kit, "g5");
    const reply = kit.post(FAKE_IDS.general, {
      user: FAKE_IDS.member,
      thread_ts: parent.message_ts,
      text: "This message contains interactive elements.",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: `use \`${leaked}\`` } }],
    });
    await kit.guard(reply);
    assertEquals(kit.fake.callsTo("conversations.history").length, 0);
    assertEquals(kit.fake.callsTo("conversations.replies").length, 1);
    const f = kit.finding(await fingerprint(leaked));
    const occ = (f.occurrences as Array<{ thread_ts?: string }>)[0];
    assertEquals(occ.thread_ts, parent.message_ts);
    assertEquals(kit.fake.state.ephemerals[0].thread_ts, parent.message_ts);
  } finally {
    await kit.close();
  }
});

kitTest(
  "verification states: app token live, webhook live and dead, unknown under 429s",
  async () => {
    const kit = await startKit();
    try {
      const app = fakeSlackToken("xapp", "g6");
      kit.fake.addToken({ token: app, kind: "app", scopes: ["connections:write"] });
      kit.fake.addWebhook({ channel: FAKE_IDS.random, seed: "h-live" });
      kit.fake.addWebhook({ channel: FAKE_IDS.random, seed: "h-dead", status: "revoked" });
      const liveHook = fakeWebhookUrl("h-live");
      const deadHook = fakeWebhookUrl("h-dead");
      const limited = liveBotToken(kit, "g6");
      await kit.guard(kit.post(FAKE_IDS.general, {
        user: FAKE_IDS.member,
        text: `app ${app}\nhook ${liveHook}\nold ${deadHook}`,
      }));
      kit.fake.fault("auth.test", { status: 429, retryAfter: 0, times: 5 });
      await kit.guard(kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: limited }));
      const state = async (s: string) => {
        const f = kit.finding(await fingerprint(s));
        return [f.verification, f.verification_code];
      };
      assertEquals(await state(app), ["live", undefined]);
      const hookFp = kit.findings().filter((f) => f.verify_as === "webhook");
      assertEquals(hookFp.map((f) => f.verification).sort(), ["dead", "live"]);
      assertEquals(await state(limited), ["unknown", "ratelimited"]);
      // Nothing was posted through the live webhook.
      assertEquals(kit.fake.state.webhookPosts.length, 0);
      // An unknown verdict still alerts, and says to treat it as live.
      assertStringIncludes(JSON.stringify(kit.alerts().at(-1)?.blocks), "treat it as live");
    } finally {
      await kit.close();
    }
  },
);

kitTest(
  "auto-revoke: a live Slack token is revoked in the same run; the alert says so",
  async () => {
    const kit = await startKit({ alert_channel_id: FAKE_IDS.security, policy: "auto_revoke" });
    try {
      const leaked = liveBotToken(kit, "g7");
      const run = await kit.guard(
        kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: leaked }),
      );
      assert("outputs" in run.result, "nothing left to click: the run completes");
      assertEquals(kit.fake.state.tokens.get(leaked)?.revoked, true);
      const f = kit.finding(await fingerprint(leaked));
      assertEquals([f.state, f.verification, f.action], ["revoked", "dead", "auto_revoked"]);
      const alert = JSON.stringify(kit.alerts()[0].blocks);
      assertStringIncludes(alert, "Revoked automatically");
      assertEquals(buttonIds(kit.alerts()[0].blocks), []);
      assertStringIncludes(JSON.stringify(kit.fake.state.ephemerals[0].blocks), "already revoked");
      assertEquals(kit.fake.calls.filter((c) => c.token === leaked).map((c) => c.method), [
        "auth.test",
        "auth.revoke",
        "auth.test",
      ]);
    } finally {
      await kit.close();
    }
  },
);

kitTest("auto-revoke leaves app tokens and dead tokens alone", async () => {
  const kit = await startKit({ alert_channel_id: FAKE_IDS.security, policy: "auto_revoke" });
  try {
    const app = fakeSlackToken("xapp", "g8");
    kit.fake.addToken({ token: app, kind: "app", scopes: ["connections:write"] });
    await kit.guard(kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: app }));
    assertEquals(kit.fake.callsTo("auth.revoke").length, 0);
    assertEquals(kit.finding(await fingerprint(app)).state, "open");
  } finally {
    await kit.close();
  }
});

kitTest(
  "the client rides out 429 and 5xx faults in the flow: still one finding, one alert",
  async () => {
    const kit = await startKit();
    try {
      const leaked = liveBotToken(kit, "g9");
      kit.fake.fault("apps.datastore.get", { status: 503 });
      kit.fake.fault("chat.postMessage", { status: 429, retryAfter: 0 });
      kit.fake.fault("chat.postEphemeral", { status: 500 });
      kit.fake.fault("apps.datastore.update", { status: 429, retryAfter: 0 });
      const run = await kit.guard(
        kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: leaked }),
      );
      assertEquals(run.result, { completed: false });
      assertEquals(kit.findings().length, 1);
      assertEquals(kit.alerts().length, 1);
      assertEquals(kit.fake.state.ephemerals.length, 1);
      assertEquals(kit.fake.callsTo("chat.postMessage").length, 2);
    } finally {
      await kit.close();
    }
  },
);

kitTest("no alert channel: recorded and warned, the summary says what to set up", async () => {
  const kit = await startKit({});
  try {
    const leaked = liveBotToken(kit, "g10");
    const run = await kit.guard(
      kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: leaked }),
    );
    const out = (run.result as { outputs: { summary: string; alerts: number } }).outputs;
    assertEquals(out.alerts, 0);
    assertStringIncludes(out.summary, "No alert channel is set");
    assertEquals(kit.findings().length, 1);
    assertEquals(kit.fake.state.ephemerals.length, 1);
    assertFalse(kit.fake.callsTo("chat.postMessage").length > 0);
  } finally {
    await kit.close();
  }
});

kitTest("posted again after it was judged not a secret: the poster is not warned", async () => {
  const kit = await startKit();
  try {
    const leaked = liveBotToken(kit, "g12");
    const run = await kit.guard(
      kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: leaked }),
    );
    const fp = await fingerprint(leaked);
    await kit.click("token_guard_not_secret", fp, FAKE_IDS.admin, run.executionId);
    assertEquals(kit.finding(fp).state, "not_secret");
    await kit.guard(kit.post(FAKE_IDS.random, { user: FAKE_IDS.other, text: `here ${leaked}` }));
    assertEquals(kit.finding(fp).occurrence_count, 2);
    assertEquals(kit.fake.state.ephemerals.filter((e) => e.user === FAKE_IDS.other).length, 0);
  } finally {
    await kit.close();
  }
});
