import { assert, assertEquals, assertFalse, assertStringIncludes } from "@std/assert";
import { posterWarning } from "./poster_warning.ts";
import { ACTION_NOT_SECRET, ACTION_RESOLVE, ACTION_REVOKE, alertMessage } from "./alert.ts";
import { rotationAdvice } from "./rotation_advice.ts";
import type { FindingRecord } from "../findings_store.ts";
import { FAMILIES } from "../../detect/types.ts";

const FP = "f".repeat(64);

function record(patch: Partial<FindingRecord> = {}): FindingRecord {
  return {
    fingerprint: FP,
    rule_id: "slack-bot-token",
    family: "slack",
    redacted: "xoxb-12…ab9f (55 chars)",
    description: "Slack bot token",
    verify_as: "xoxb",
    state: "open",
    verification: "live",
    verification_detail: "It answers auth.test.",
    owner_team_id: "T0FAKETEAM1",
    owner_team_name: "Fake Workspace",
    owner_user_id: "U0BOT",
    owner_name: "deploybot",
    owner_bot_id: "B0BOT",
    owner_is_this_workspace: true,
    occurrences: [{
      channel_id: "C0GENERAL01",
      ts: "1700000000.000100",
      user_id: "U0MEMBER001",
      seen_at: 1700000001,
    }],
    occurrence_count: 1,
    first_seen: 1700000001,
    last_seen: 1700000001,
    permalink: "https://fake-workspace.slack.test/archives/C0GENERAL01/p1700000000000100",
    ...patch,
  };
}

function allText(blocks: unknown): string {
  return JSON.stringify(blocks);
}

function buttons(blocks: Record<string, unknown>[]): Array<Record<string, unknown>> {
  const actions = blocks.find((b) => b.type === "actions");
  return (actions?.elements as Array<Record<string, unknown>>) ?? [];
}

Deno.test("poster warning: redacted preview, why, what to do for a bot token, delete", () => {
  const m = posterWarning({
    channelId: "C0GENERAL01",
    findings: [{
      family: "slack",
      kind: "xoxb",
      redacted: "xoxb-12…ab9f (55 chars)",
      verification: { state: "live", reason: "It works." },
    }],
  });
  const t = allText(m.blocks);
  assertStringIncludes(t, "xoxb-12…ab9f (55 chars)");
  assertStringIncludes(t, "OAuth & Permissions");
  assertStringIncludes(t, "Why it matters");
  assertStringIncludes(t, "Delete message");
  assertStringIncludes(t, "It works right now");
  assertStringIncludes(m.text, "<#C0GENERAL01>");
});

Deno.test("poster warning: app-level token and webhook point at their own settings pages", () => {
  const t = allText(
    posterWarning({
      channelId: "C1",
      findings: [
        { family: "slack", kind: "xapp", redacted: "r1" },
        { family: "slack", kind: "webhook", redacted: "r2" },
        { family: "github", redacted: "r3" },
      ],
    }).blocks,
  );
  assertStringIncludes(t, "App-Level Tokens");
  assertStringIncludes(t, "Incoming Webhooks");
  assertStringIncludes(t, "Personal access tokens");
  assertStringIncludes(t, "3 credentials");
});

Deno.test("poster warning: an auto-revoked token says so and gives no rotation chore", () => {
  const t = allText(
    posterWarning({
      channelId: "C1",
      findings: [{ family: "slack", kind: "xoxb", redacted: "r", autoRevoked: true }],
    }).blocks,
  );
  assertStringIncludes(t, "already revoked");
  assertFalse(t.includes("What to do now"));
});

Deno.test("rotation advice covers every family and falls back politely", () => {
  for (
    const f of [...FAMILIES, "other"]
  ) assert(rotationAdvice(f).length > 20, f);
  assertStringIncludes(rotationAdvice("slack", "xoxc"), "Sign out all other sessions");
  assertStringIncludes(rotationAdvice("slack", "xoxp"), "legacy");
});

Deno.test("alert: family, preview, permalink, poster, date, verification, owner, buttons", () => {
  const m = alertMessage(record());
  const t = allText(m.blocks);
  assertStringIncludes(t, "Slack credential");
  assertStringIncludes(t, "xoxb-12…ab9f (55 chars)");
  assertStringIncludes(t, "View message");
  assertStringIncludes(t, "<@U0MEMBER001>");
  assertStringIncludes(t, "<!date^1700000000^");
  assertStringIncludes(t, "It works right now");
  assertStringIncludes(t, "Fake Workspace");
  assertStringIncludes(t, "This workspace");
  const b = buttons(m.blocks);
  assertEquals(b.map((x) => x.action_id), [ACTION_REVOKE, ACTION_RESOLVE, ACTION_NOT_SECRET]);
  for (const x of b) assertEquals(x.value, FP);
});

Deno.test("alert: no Revoke for a dead token or a kind auth.revoke cannot revoke", () => {
  const dead = buttons(alertMessage(record({ verification: "dead" })).blocks);
  assertEquals(dead.map((x) => x.action_id), [ACTION_RESOLVE, ACTION_NOT_SECRET]);
  const hook = buttons(alertMessage(record({ verify_as: "webhook" })).blocks);
  assertEquals(hook.map((x) => x.action_id), [ACTION_RESOLVE, ACTION_NOT_SECRET]);
  const aws = buttons(alertMessage(record({ family: "aws", verify_as: undefined })).blocks);
  assertEquals(aws.map((x) => x.action_id), [ACTION_RESOLVE, ACTION_NOT_SECRET]);
});

Deno.test("alert after an action: who did what and when, no buttons once settled", () => {
  const m = alertMessage(record({
    state: "revoked",
    verification: "dead",
    action: "revoked",
    acted_by: "U0ADMIN0001",
    acted_at: 1700000500,
    action_detail: "Slack confirms it no longer works.",
  }));
  const t = allText(m.blocks);
  assertStringIncludes(t, "Revoked");
  assertStringIncludes(t, "<@U0ADMIN0001>");
  assertStringIncludes(t, "<!date^1700000500^");
  assertEquals(buttons(m.blocks), []);
  const ns = allText(
    alertMessage(record({ state: "not_secret", action: "not_secret", acted_by: "U2" })).blocks,
  );
  assertStringIncludes(ns, "not a secret");
  const auto = allText(
    alertMessage(record({ state: "revoked", action: "auto_revoked", acted_at: 1 })).blocks,
  );
  assertStringIncludes(auto, "automatically");
});

Deno.test("alert: another workspace, sweep source and repeated sightings are spelled out", () => {
  const t = allText(
    alertMessage(record({
      owner_is_this_workspace: false,
      owner_team_id: "T0OTHER",
      owner_team_name: undefined,
      owner_enterprise_id: "E0ORG",
      source: "sweep",
      occurrence_count: 3,
      last_seen: 1700000900,
    })).blocks,
  );
  assertStringIncludes(t, "Another workspace");
  assertStringIncludes(t, "E0ORG");
  assertStringIncludes(t, "history sweep");
  assertStringIncludes(t, "Seen 3 times");
});

Deno.test("poster warning: a repost of a revoked credential says it no longer works", () => {
  const dead = posterWarning({
    channelId: "C1",
    findings: [{
      family: "slack",
      redacted: "xoxb-12…ab (55 chars)",
      kind: "xoxb",
      settled: "revoked",
    }],
  });
  assertStringIncludes(dead.text, "no longer works. Delete the message.");
  const body = JSON.stringify(dead.blocks);
  assertStringIncludes(body, "revoked then");
  assertFalse(body.includes("What to do now"));
  const handled = posterWarning({
    channelId: "C1",
    findings: [{ family: "github", redacted: "ghp_Ab…9x (40 chars)", settled: "resolved" }],
  });
  assertStringIncludes(handled.text, "Revoke or rotate it");
  assertStringIncludes(JSON.stringify(handled.blocks), "What to do now");
});
