import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { ACTION_OPEN_ISSUE, ALERT_BUTTON_ACTIONS, alertMessage } from "./alert.ts";
import type { FindingRecord } from "../findings_store.ts";

const FP = "e".repeat(64);

function record(patch: Partial<FindingRecord> = {}): FindingRecord {
  return {
    fingerprint: FP,
    rule_id: "github-pat",
    family: "github",
    redacted: "ghp_Ab…9xQz (40 chars)",
    state: "open",
    verification: "live",
    occurrences: [{ channel_id: "C0GENERAL01", ts: "1700000000.000100", seen_at: 1_700_000_000 }],
    occurrence_count: 1,
    first_seen: 1_700_000_000,
    last_seen: 1_700_000_000,
    ...patch,
  };
}

function actionIds(f: FindingRecord, repo?: string): string[] {
  const blocks = alertMessage(f, { githubRepository: repo }).blocks;
  const actions = blocks.find((b) => b.type === "actions") as
    | { elements: Array<{ action_id: string; value: string }> }
    | undefined;
  return actions?.elements.map((e) => e.action_id) ?? [];
}

Deno.test("alert: Open GitHub issue only when a repository is set, on open findings", () => {
  assert(!actionIds(record()).includes(ACTION_OPEN_ISSUE), "no repository, no button");
  assert(actionIds(record(), "acme/security").includes(ACTION_OPEN_ISSUE));
  assertEquals(actionIds(record({ state: "resolved" }), "acme/security"), []);
  assert(ALERT_BUTTON_ACTIONS.includes(ACTION_OPEN_ISSUE), "the handlers listen for it");
});

Deno.test("alert: a filed issue shows its link and who filed it, and no second button", () => {
  const filed = record({
    github_issue_url: "https://github.com/acme/security/issues/7",
    github_issue_by: "U0ADMIN0001",
    github_issue_at: 1_700_000_500,
  });
  assert(!actionIds(filed, "acme/security").includes(ACTION_OPEN_ISSUE));
  const text = JSON.stringify(alertMessage(filed, { githubRepository: "acme/security" }).blocks);
  assertStringIncludes(text, "<https://github.com/acme/security/issues/7|acme/security#7>");
  assertStringIncludes(text, "filed by <@U0ADMIN0001>");
  // Settled later: the issue line stays.
  const settled = JSON.stringify(alertMessage({ ...filed, state: "resolved" }).blocks);
  assertStringIncludes(settled, "acme/security#7");
});
