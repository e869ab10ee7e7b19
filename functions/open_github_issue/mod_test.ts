import { SlackFunctionTester } from "deno-slack-sdk/mod.ts";
import { assert, assertEquals, assertRejects, assertStringIncludes } from "@std/assert";
import handler from "./mod.ts";
import { OpenGitHubIssueFunction } from "./definition.ts";
import { FAKE_IDS } from "../../test_support/fake_slack/mod.ts";
import {
  assertNoProviderTokenLeaks,
  botDeps,
  type World,
  worldTest,
} from "../../test_support/external_world.ts";
import { fakeHex } from "../../test_support/fake_tokens.ts";
import type { FindingRecord } from "../../slack/findings_store.ts";
import { issueFor, openIssueForFinding } from "../../providers/github_issue.ts";
import { ExternalTokenError } from "../../slack/external_token.ts";
import { connectAccount } from "../../providers/accounts.ts";

const { createContext } = SlackFunctionTester(OpenGitHubIssueFunction);
const REPO = "acme/security-incidents";

function setUp(w: World, repository: string | null = REPO): FindingRecord {
  const f: FindingRecord = {
    fingerprint: fakeHex(64, "issue-finding"),
    rule_id: "github-pat",
    family: "github",
    redacted: "ghp_Ab…9xQz (40 chars)",
    state: "open",
    verification: "live",
    verification_detail: "GitHub accepts this token: it acts as octo-leaker.",
    verified_at: 1_700_000_100,
    owner_name: "octo-leaker",
    occurrences: [{
      channel_id: FAKE_IDS.general,
      ts: "1700000000.000100",
      seen_at: 1_700_000_000,
    }],
    occurrence_count: 2,
    first_seen: 1_700_000_000,
    last_seen: 1_700_000_900,
    permalink: "https://fake-workspace.slack.com/archives/C0GENERAL01/p1700000000000100",
  };
  w.slack.state.datastores.set("findings", new Map([[f.fingerprint, { ...f }]]));
  if (repository !== null) {
    w.slack.state.datastores.set(
      "settings",
      new Map([["workspace", { id: "workspace", github_repository: repository }]]),
    );
  }
  w.github.addRepo(REPO);
  return f;
}

function run(w: World, fingerprint: string, tokenId: string) {
  return handler(createContext({
    inputs: {
      fingerprint,
      user_id: FAKE_IDS.member,
      channel_id: FAKE_IDS.security,
      github_access_token_id: tokenId,
    },
    env: w.env,
    token: w.slack.botToken,
  }));
}

worldTest(
  "issue: filed in the settings' repository with the redacted value and verification",
  async (w) => {
    const f = setUp(w);
    const ext = w.slack.addExternalToken({ provider_key: "github", external_user_id: "mo-codes" });
    w.slack.state.channels.get(FAKE_IDS.security)!.members.push(FAKE_IDS.member);
    const result = await run(w, f.fingerprint, ext.external_token_id);
    assertEquals(result.error, undefined);
    assertEquals(result.outputs?.issue_number, 1);
    assertEquals(result.outputs?.issue_url, `https://github.com/${REPO}/issues/1`);
    const issue = w.github.repos.get(REPO)!.issues[0];
    assertEquals(issue.by, "mo-codes");
    assertStringIncludes(issue.title, f.redacted);
    assertStringIncludes(issue.body, f.redacted);
    assertStringIncludes(issue.body, "LIVE");
    assertStringIncludes(issue.body, "octo-leaker");
    assert(!issue.body.includes("slack.com"), "no Slack link goes to GitHub");
    assert(!issue.body.includes(FAKE_IDS.general), "no Slack ids go to GitHub");
    assertStringIncludes(w.slack.state.ephemerals[0].text, `${REPO}#1`);
    assertNoProviderTokenLeaks(w, [result]);
  },
);

worldTest(
  "issue: filed once: the address is noted, the alert redrawn, a second run files nothing",
  async (w) => {
    const f = setUp(w);
    // The finding has an alert in the security channel.
    const alertTs = w.slack.postMessage(FAKE_IDS.security, {
      user: FAKE_IDS.botUser,
      text: "alert",
    });
    const stored = w.slack.state.datastores.get("findings")!.get(f.fingerprint)!;
    Object.assign(stored, { alert_channel_id: FAKE_IDS.security, alert_ts: alertTs });
    w.slack.state.channels.get(FAKE_IDS.security)!.members.push(FAKE_IDS.member);
    const ext = w.slack.addExternalToken({ provider_key: "github", external_user_id: "mo-codes" });
    const first = await run(w, f.fingerprint, ext.external_token_id);
    assertEquals(first.outputs?.issue_number, 1);
    const noted = w.slack.state.datastores.get("findings")!.get(f.fingerprint)!;
    assertEquals(noted.github_issue_url, `https://github.com/${REPO}/issues/1`);
    assertEquals(noted.github_issue_by, FAKE_IDS.member);
    const alert = w.slack.messagesIn(FAKE_IDS.security).find((m) => m.ts === alertTs)!;
    assertStringIncludes(JSON.stringify(alert.blocks ?? []), `${REPO}#1`);
    // Again, by the same or another person: told where it is, nothing filed.
    const second = await run(w, f.fingerprint.slice(0, 16), ext.external_token_id);
    assertEquals(second.error, undefined);
    assertEquals(second.outputs, {
      issue_url: `https://github.com/${REPO}/issues/1`,
      issue_number: 1,
    });
    assertEquals(w.github.callsTo("issues.create").length, 1);
    assertStringIncludes(w.slack.state.ephemerals.at(-1)!.text, "already filed");
  },
);

worldTest("issue: the start of a fingerprint is enough", async (w) => {
  const f = setUp(w);
  const ext = w.slack.addExternalToken({ provider_key: "github", external_user_id: "mo-codes" });
  const result = await run(w, f.fingerprint.slice(0, 12).toUpperCase(), ext.external_token_id);
  assertEquals(result.outputs?.issue_number, 1);
  const bad = await run(w, "zz-not-hex", ext.external_token_id);
  assertStringIncludes(bad.error ?? "", "not a finding fingerprint");
  const none = await run(w, "0123456789abcdef", ext.external_token_id);
  assertStringIncludes(none.error ?? "", "no finding");
});

worldTest(
  "issue: no repository in the settings: a sentence for the admin, nothing sent",
  async (w) => {
    const f = setUp(w, null);
    const ext = w.slack.addExternalToken({ provider_key: "github" });
    const result = await run(w, f.fingerprint, ext.external_token_id);
    assertStringIncludes(result.error ?? "", "No GitHub repository is set");
    assertEquals(w.github.calls.length, 0);
  },
);

worldTest("issue: a private repository with a public_repo token: 404 explained", async (w) => {
  const f = setUp(w, "acme/private-stuff");
  w.github.addRepo("acme/private-stuff", { private: true });
  const ext = w.slack.addExternalToken({ provider_key: "github" });
  const result = await run(w, f.fingerprint, ext.external_token_id);
  assertStringIncludes(result.error ?? "", "GITHUB_OAUTH_SCOPE=repo");
});

worldTest(
  "issue: the same private repository works with the repo scope",
  async (w) => {
    const f = setUp(w, "acme/private-stuff");
    w.github.addRepo("acme/private-stuff", { private: true });
    const ext = w.slack.addExternalToken({ provider_key: "github" });
    const result = await run(w, f.fingerprint, ext.external_token_id);
    assertEquals(result.outputs?.issue_number, 1);
  },
  { githubScopes: ["repo"] },
);

worldTest("issue: GitHub 5xx on create is reported, never filed twice", async (w) => {
  const f = setUp(w);
  const ext = w.slack.addExternalToken({ provider_key: "github" });
  w.github.fault("issues.create", { status: 500 });
  const result = await run(w, f.fingerprint, ext.external_token_id);
  assertStringIncludes(result.error ?? "", "may or may not have been made");
  assertEquals(w.github.callsTo("issues.create").length, 1);
});

worldTest(
  "issue button: uses the clicker's stored connection, refreshes an expired token",
  async (w) => {
    const f = setUp(w);
    const ext = w.slack.addExternalToken({ provider_key: "github", external_user_id: "ada-sec" });
    await connectAccount(botDeps(w), {
      provider: "github",
      userId: FAKE_IDS.admin,
      tokenId: ext.external_token_id,
    });
    w.slack.expireExternalToken(ext.external_token_id);
    // A block-actions handler: no person-bound token id, only who clicked.
    const issue = await openIssueForFinding(botDeps(w), f.fingerprint, FAKE_IDS.admin);
    assertEquals(issue.repository, REPO);
    assertEquals(w.github.repos.get(REPO)!.issues[0].by, "ada-sec");
    assertEquals(ext.refreshes, 1);
    assertNoProviderTokenLeaks(w, [issue]);
  },
);

worldTest("issue button: a clicker with no GitHub connection is told what to run", async (w) => {
  const f = setUp(w);
  const e = await assertRejects(
    () => openIssueForFinding(botDeps(w), f.fingerprint, FAKE_IDS.other),
    ExternalTokenError,
  );
  assertStringIncludes(e.message, "Connect my GitHub account");
  assertEquals(w.github.calls.length, 0);
});

Deno.test("issue body: stored values cannot break the table or inject markup", () => {
  const body = issueFor({
    fingerprint: fakeHex(64, "x"),
    rule_id: "r|u`le",
    family: "generic",
    redacted: "ab…cd\n| injected |",
    state: "open",
    verification: "unknown",
    occurrences: [],
    occurrence_count: 1,
    first_seen: 1,
    last_seen: 1,
  }).body;
  assert(!body.includes("| injected |"));
  assert(!body.includes("r|u`le"));
});
