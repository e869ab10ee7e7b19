// Every path of the alert's buttons, through the real block-actions handler and the fake Slack.
import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { fakeSlackToken } from "../../test_support/fake_tokens.ts";
import { fingerprint } from "../../detect/fingerprint.ts";
import { FAKE_IDS, type Kit, kitTest, startKit } from "./test_kit.ts";

const REVOKE = "token_guard_revoke";
const RESOLVE = "token_guard_resolve";
const NOT_SECRET = "token_guard_not_secret";

/** Posts a live bot token in #general and runs the guard: the alert is up, the run is open. */
async function leak(kit: Kit, seed: string) {
  const token = fakeSlackToken("xoxb", seed);
  kit.fake.addToken({ token, kind: "bot" });
  const ev = kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: `key: ${token}` });
  const run = await kit.guard(ev);
  assertEquals(run.result, { completed: false });
  return { token, fp: await fingerprint(token), run, ev };
}

function alertText(kit: Kit): string {
  return JSON.stringify(kit.alerts()[0].blocks);
}

function hasButtons(kit: Kit): boolean {
  return alertText(kit).includes('"type":"actions"');
}

function toldTo(kit: Kit, user: string): string[] {
  return kit.fake.state.ephemerals.filter((e) => e.user === user && e.channel === FAKE_IDS.security)
    .map((e) => e.text);
}

kitTest(
  "Revoke by a workspace admin: revoked with the token, verified dead, alert redrawn, run completed",
  async () => {
    const kit = await startKit();
    try {
      const { token, fp, run } = await leak(kit, "a1");
      await kit.click(REVOKE, fp, FAKE_IDS.admin, run.executionId);
      assertEquals(kit.fake.state.tokens.get(token)?.revoked, true);
      const f = kit.finding(fp);
      assertEquals([f.state, f.verification, f.action], ["revoked", "dead", "revoked"]);
      assertEquals([f.revoked_by, f.acted_by], [FAKE_IDS.admin, FAKE_IDS.admin]);
      assert(typeof f.revoked_at === "number");
      // The original message was read again to find the value (it was never stored).
      assertEquals(kit.fake.callsTo("conversations.history").length, 1);
      assertEquals(kit.fake.callsTo("chat.update").length, 1);
      assertStringIncludes(alertText(kit), `Revoked* by <@${FAKE_IDS.admin}>`);
      assert(!hasButtons(kit));
      assertStringIncludes(toldTo(kit, FAKE_IDS.admin)[0], "Done.");
      const done = kit.fake.state.completions;
      assertEquals(done.length, 1);
      assertEquals([done[0].function_execution_id, done[0].kind], [run.executionId, "success"]);
      assertEquals(kit.fake.calls.filter((c) => c.token === token).map((c) => c.method), [
        "auth.test",
        "auth.revoke",
        "auth.test",
      ]);
    } finally {
      await kit.close();
    }
  },
);

kitTest("Revoke by a person named in the settings", async () => {
  const kit = await startKit({
    alert_channel_id: FAKE_IDS.security,
    revoker_user_ids: [FAKE_IDS.other],
  });
  try {
    const { token, fp, run } = await leak(kit, "a2");
    await kit.click(REVOKE, fp, FAKE_IDS.other, run.executionId);
    assertEquals(kit.fake.state.tokens.get(token)?.revoked, true);
    assertEquals(kit.finding(fp).revoked_by, FAKE_IDS.other);
    // A named revoker needs no users.info lookup.
    assertEquals(kit.fake.callsTo("users.info").length, 0);
  } finally {
    await kit.close();
  }
});

kitTest("Revoke by a member of the revoker user group", async () => {
  const kit = await startKit({
    alert_channel_id: FAKE_IDS.security,
    revoker_usergroup_id: FAKE_IDS.usergroup,
  });
  try {
    const { token, fp, run } = await leak(kit, "a3");
    await kit.click(REVOKE, fp, FAKE_IDS.member, run.executionId);
    assertEquals(kit.fake.state.tokens.get(token)?.revoked, true);
    assertEquals(kit.fake.callsTo("usergroups.users.list")[0].args.usergroup, FAKE_IDS.usergroup);
  } finally {
    await kit.close();
  }
});

kitTest("anyone else is refused politely and nothing changes", async () => {
  const kit = await startKit({
    alert_channel_id: FAKE_IDS.security,
    revoker_usergroup_id: FAKE_IDS.usergroup,
  });
  try {
    const { token, fp, run } = await leak(kit, "a4");
    const before = alertText(kit);
    for (const action of [REVOKE, RESOLVE, NOT_SECRET]) {
      await kit.click(action, fp, FAKE_IDS.other, run.executionId);
    }
    assertEquals(kit.fake.state.tokens.get(token)?.revoked, undefined);
    const f = kit.finding(fp);
    assertEquals([f.state, f.action], ["open", undefined]);
    assertEquals(alertText(kit), before);
    assertEquals(kit.fake.callsTo("chat.update").length, 0);
    assertEquals(kit.fake.callsTo("auth.revoke").length, 0);
    // #security-alerts is public and Nia is not in it: she is told by direct message.
    const dm = [...kit.fake.state.channels.values()].find((c) =>
      c.is_im && c.members.includes(FAKE_IDS.other)
    );
    const told = kit.fake.messagesIn(dm!.id).map((m) => m.text);
    assertEquals(told.length, 3);
    assertStringIncludes(told[0], "Nothing was changed");
    assertEquals(kit.fake.state.completions.length, 0);
  } finally {
    await kit.close();
  }
});

kitTest(
  "Revoke when the message was deleted: says so, how to rotate by hand, stays open",
  async () => {
    const kit = await startKit();
    try {
      const { token, fp, run, ev } = await leak(kit, "a5");
      const msgs = kit.fake.state.messages;
      msgs.splice(msgs.findIndex((m) => m.ts === ev.message_ts), 1);
      await kit.click(REVOKE, fp, FAKE_IDS.admin, run.executionId);
      assertEquals(kit.fake.state.tokens.get(token)?.revoked, undefined);
      const f = kit.finding(fp);
      assertEquals([f.state, f.action], ["open", "revoke_failed"]);
      assertStringIncludes(String(f.action_detail), "deleted");
      assertStringIncludes(alertText(kit), "deleted");
      assert(hasButtons(kit), "Resolved stays available");
      assertStringIncludes(toldTo(kit, FAKE_IDS.admin)[0], "OAuth & Permissions");
      assertEquals(kit.fake.state.completions.length, 0);
      // Resolved afterwards settles it and completes the run.
      await kit.click(RESOLVE, fp, FAKE_IDS.admin, run.executionId);
      assertEquals(kit.finding(fp).state, "resolved");
      assertEquals(kit.fake.state.completions.length, 1);
    } finally {
      await kit.close();
    }
  },
);

kitTest("Revoke when the message was edited and no longer holds the token", async () => {
  const kit = await startKit();
  try {
    const { token, fp, run, ev } = await leak(kit, "a6");
    const msg = kit.fake.state.messages.find((m) => m.ts === ev.message_ts)!;
    msg.text = "oops, removed";
    msg.edited = { user: FAKE_IDS.member, ts: String(Math.floor(Date.now() / 1000)) };
    await kit.click(REVOKE, fp, FAKE_IDS.owner, run.executionId);
    assertEquals(kit.fake.state.tokens.get(token)?.revoked, undefined);
    const f = kit.finding(fp);
    assertEquals([f.state, f.action], ["open", "revoke_failed"]);
    assertStringIncludes(String(f.action_detail), "edited");
    assertStringIncludes(toldTo(kit, FAKE_IDS.owner)[0], "edited");
  } finally {
    await kit.close();
  }
});

kitTest(
  "Resolved and Not a secret: recorded with who and when, alert redrawn without buttons",
  async () => {
    const kit = await startKit();
    try {
      const a = await leak(kit, "a7");
      await kit.click(RESOLVE, a.fp, FAKE_IDS.admin, a.run.executionId);
      const f = kit.finding(a.fp);
      assertEquals([f.state, f.action, f.acted_by], ["resolved", "resolved", FAKE_IDS.admin]);
      assert(typeof f.acted_at === "number");
      assertStringIncludes(alertText(kit), "Marked resolved");
      assert(!hasButtons(kit));
      assertEquals(kit.fake.state.tokens.get(a.token)?.revoked, undefined);

      const b = await leak(kit, "a8");
      await kit.click(NOT_SECRET, b.fp, FAKE_IDS.owner, b.run.executionId);
      assertEquals(kit.finding(b.fp).state, "not_secret");
      assertStringIncludes(JSON.stringify(kit.alerts()[1].blocks), "Marked not a secret");
      assertEquals(
        kit.fake.state.completions.map((c) => c.function_execution_id),
        [a.run.executionId, b.run.executionId],
      );
      // A second click on a settled alert changes nothing.
      await kit.click(NOT_SECRET, a.fp, FAKE_IDS.admin, a.run.executionId);
      assertEquals(kit.finding(a.fp).state, "resolved");
      assertStringIncludes(toldTo(kit, FAKE_IDS.admin).at(-1)!, "already settled");
      assertEquals(kit.fake.state.completions.length, 2, "a settled run is not completed twice");
      assertEquals(kit.fake.state.completions[0].outputs?.alerts, 1);
    } finally {
      await kit.close();
    }
  },
);

kitTest("a run with two alerts completes only when both are settled", async () => {
  const kit = await startKit();
  try {
    const t1 = fakeSlackToken("xoxb", "b1");
    const t2 = fakeSlackToken("xoxp", "b2");
    kit.fake.addToken({ token: t1, kind: "bot" });
    kit.fake.addToken({ token: t2, kind: "user", user_id: FAKE_IDS.member });
    const run = await kit.guard(
      kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: `${t1}\n${t2}` }),
    );
    assertEquals(run.result, { completed: false });
    assertEquals(kit.alerts().length, 2);
    await kit.click(REVOKE, await fingerprint(t2), FAKE_IDS.admin, run.executionId);
    assertEquals(kit.fake.state.tokens.get(t2)?.revoked, true);
    assertEquals(kit.fake.state.completions.length, 0);
    await kit.click(RESOLVE, await fingerprint(t1), FAKE_IDS.admin, run.executionId);
    assertEquals(kit.fake.state.completions.length, 1);
  } finally {
    await kit.close();
  }
});

kitTest(
  "Revoke while Slack rate-limits the revoke call: recorded as failed, alert stays open",
  async () => {
    const kit = await startKit();
    try {
      const { token, fp, run } = await leak(kit, "a9");
      kit.fake.fault("auth.revoke", { status: 429, retryAfter: 30, times: 5 });
      await kit.click(REVOKE, fp, FAKE_IDS.admin, run.executionId);
      assertEquals(kit.fake.state.tokens.get(token)?.revoked, undefined);
      const f = kit.finding(fp);
      assertEquals([f.state, f.action, f.verification], ["open", "revoke_failed", "live"]);
      assertStringIncludes(String(f.action_detail), "did not revoke");
      assert(hasButtons(kit));
    } finally {
      await kit.close();
    }
  },
);
