// "Open GitHub issue" on the alert, through the real block-actions handler, the fake Slack and
// the fake GitHub: filed once with the clicker's connected account, the alert redrawn with the
// link, the run left open; every failure a sentence with nothing recorded.
import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { fakeSlackToken } from "../../test_support/fake_tokens.ts";
import { fingerprint } from "../../detect/fingerprint.ts";
import { type FakeGitHub, startFakeGitHub } from "../../test_support/fake_github.ts";
import { FAKE_IDS, type Kit, kitTest, startKit } from "./test_kit.ts";
import { ACTION_OPEN_ISSUE } from "../../slack/blocks/alert.ts";

const REPO = "acme/security-incidents";
const RESOLVE = "token_guard_resolve";

/** A kit whose settings name the repository (or not) and a fake GitHub Slack hands tokens for. */
async function start(repository?: string): Promise<{ kit: Kit; github: FakeGitHub }> {
  const kit = await startKit({
    alert_channel_id: FAKE_IDS.security,
    ...(repository ? { github_repository: repository } : {}),
  });
  const github = await startFakeGitHub({ slack: kit.fake });
  github.addRepo(REPO);
  Object.assign(kit.env, github.env);
  return { kit, github };
}

/** The admin connected GitHub ("Connect my GitHub account" stores the token id). */
function connect(kit: Kit, userId: string = FAKE_IDS.admin) {
  const ext = kit.fake.addExternalToken({ provider_key: "github", external_user_id: "ada-sec" });
  kit.fake.state.datastores.set(
    "external_connections",
    new Map([[`github:${userId}`, {
      id: `github:${userId}`,
      provider: "github",
      user_id: userId,
      external_token_id: ext.external_token_id,
      account: "ada-sec",
      connected_at: 1_700_000_000,
    }]]),
  );
  return ext;
}

async function leak(kit: Kit, seed: string) {
  const token = fakeSlackToken("xoxb", seed);
  kit.fake.addToken({ token, kind: "bot" });
  const ev = kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: `key: ${token}` });
  const run = await kit.guard(ev);
  assertEquals(run.result, { completed: false });
  return { fp: await fingerprint(token), run };
}

function told(kit: Kit, user: string): string[] {
  return kit.fake.state.ephemerals.filter((e) => e.user === user).map((e) => e.text);
}

function alertJson(kit: Kit): string {
  return JSON.stringify(kit.alerts()[0].blocks);
}

async function stop(kit: Kit, github: FakeGitHub) {
  await Promise.all([kit.close(), github.close()]);
}

kitTest("Open GitHub issue: filed once, alert shows the link and who, run stays open", async () => {
  const { kit, github } = await start(REPO);
  try {
    connect(kit);
    const { fp, run } = await leak(kit, "gh1");
    await kit.click(ACTION_OPEN_ISSUE, fp, FAKE_IDS.admin, run.executionId);
    const issues = github.repos.get(REPO)!.issues;
    assertEquals(issues.length, 1);
    assertEquals(issues[0].by, "ada-sec", "filed with the clicker's own account");
    const f = kit.finding(fp);
    assertEquals(f.github_issue_url, `https://github.com/${REPO}/issues/1`);
    assertEquals(f.github_issue_by, FAKE_IDS.admin);
    assertEquals(f.state, "open");
    const alert = alertJson(kit);
    assertStringIncludes(alert, `${REPO}#1`);
    assertStringIncludes(alert, `filed by <@${FAKE_IDS.admin}>`);
    assert(!alert.includes(ACTION_OPEN_ISSUE), "no second button once filed");
    assertStringIncludes(alert, RESOLVE, "the other buttons stay");
    assertStringIncludes(told(kit, FAKE_IDS.admin)[0], `${REPO}#1`);
    assertEquals(kit.fake.state.completions.length, 0, "the finding is open: the run is too");

    // A second click (anyone allowed) says where it is and files nothing.
    await kit.click(ACTION_OPEN_ISSUE, fp, FAKE_IDS.owner, run.executionId);
    assertEquals(github.repos.get(REPO)!.issues.length, 1);
    assertStringIncludes(told(kit, FAKE_IDS.owner)[0], "already filed");
    assertStringIncludes(told(kit, FAKE_IDS.owner)[0], f.github_issue_url as string);

    // Resolving afterwards still completes the run, and the issue line stays on the alert.
    await kit.click(RESOLVE, fp, FAKE_IDS.admin, run.executionId);
    assertEquals(kit.fake.state.completions.length, 1);
    assertStringIncludes(alertJson(kit), `${REPO}#1`);
  } finally {
    await stop(kit, github);
  }
});

kitTest("Open GitHub issue: no GitHub connection gets a polite note, nothing filed", async () => {
  const { kit, github } = await start(REPO);
  try {
    const { fp, run } = await leak(kit, "gh2");
    await kit.click(ACTION_OPEN_ISSUE, fp, FAKE_IDS.admin, run.executionId);
    assertEquals(github.calls.length, 0);
    assertEquals(kit.finding(fp).github_issue_url, undefined);
    assertStringIncludes(told(kit, FAKE_IDS.admin)[0], "Connect my GitHub account");
    assertEquals(kit.fake.callsTo("apps.auth.external.get").length, 0);
  } finally {
    await stop(kit, github);
  }
});

kitTest("Open GitHub issue: GitHub 5xx is a sentence and nothing is recorded", async () => {
  const { kit, github } = await start(REPO);
  try {
    connect(kit);
    const { fp, run } = await leak(kit, "gh3");
    const updatesBefore = kit.fake.callsTo("chat.update").length;
    github.fault("issues.create", { status: 503 });
    await kit.click(ACTION_OPEN_ISSUE, fp, FAKE_IDS.admin, run.executionId);
    // A POST that may have been applied is reported, not re-sent (no duplicate issue).
    assertEquals(github.callsTo("issues.create").length, 1);
    assertEquals(github.repos.get(REPO)!.issues.length, 0);
    const f = kit.finding(fp);
    assertEquals([f.github_issue_url, f.state], [undefined, "open"]);
    assertEquals(kit.fake.callsTo("chat.update").length, updatesBefore, "alert unchanged");
    assertStringIncludes(told(kit, FAKE_IDS.admin)[0], "GitHub");
    assertStringIncludes(told(kit, FAKE_IDS.admin)[0], "Check GitHub before trying again");
    // GitHub is back: the next click files it.
    await kit.click(ACTION_OPEN_ISSUE, fp, FAKE_IDS.admin, run.executionId);
    assertEquals(github.repos.get(REPO)!.issues.length, 1);
  } finally {
    await stop(kit, github);
  }
});

kitTest(
  "Open GitHub issue: repository unset: no button, and an old button files nothing",
  async () => {
    const { kit, github } = await start();
    try {
      connect(kit);
      const { fp, run } = await leak(kit, "gh4");
      assert(!alertJson(kit).includes(ACTION_OPEN_ISSUE));
      await kit.click(ACTION_OPEN_ISSUE, fp, FAKE_IDS.admin, run.executionId);
      assertEquals(github.calls.length, 0);
      assertEquals(kit.finding(fp).github_issue_url, undefined);
      assertStringIncludes(told(kit, FAKE_IDS.admin)[0], "No GitHub repository is set");
    } finally {
      await stop(kit, github);
    }
  },
);

kitTest("Open GitHub issue: someone who may not act on alerts is refused", async () => {
  const { kit, github } = await start(REPO);
  try {
    connect(kit, FAKE_IDS.other);
    const { fp, run } = await leak(kit, "gh5");
    await kit.click(ACTION_OPEN_ISSUE, fp, FAKE_IDS.other, run.executionId);
    assertEquals(github.calls.length, 0);
    assertEquals(kit.finding(fp).github_issue_url, undefined);
  } finally {
    await stop(kit, github);
  }
});
