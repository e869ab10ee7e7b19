import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { SlackFunctionTester } from "deno-slack-sdk/mod.ts";
import { FAKE_IDS, type FakeSlack, startFakeSlack } from "../../test_support/fake_slack/mod.ts";
import { SetupGuardFunction } from "./definition.ts";
import handler from "./mod.ts";
import { B, SETUP_VIEW } from "./view.ts";

const t = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name, sanitizeOps: false, sanitizeResources: false, fn });

const { createContext } = SlackFunctionTester(SetupGuardFunction);
// deno-lint-ignore no-explicit-any
const routed = handler as any;

async function start(settings?: Record<string, unknown>): Promise<FakeSlack> {
  const fake = await startFakeSlack({
    datastores: { settings: "id", external_connections: "id" },
  });
  fake.addChannel({ id: "C0SECRETS01", name: "secrets", is_private: true, members: [] });
  if (settings) {
    fake.state.datastores.set(
      "settings",
      new Map([["workspace", { id: "workspace", ...settings }]]),
    );
  }
  return fake;
}

function ctx(fake: FakeSlack, userId: string) {
  return createContext({
    inputs: {
      interactivity: { interactivity_pointer: "1234.5678.abcd", interactor: { id: userId } },
      user_id: userId,
      channel_id: FAKE_IDS.general,
    } as never,
    env: fake.env,
    token: fake.botToken,
    team_id: FAKE_IDS.team,
  });
}

interface FormInput {
  channels?: string[];
  alert?: string;
  policy?: "alert" | "auto_revoke";
  revokers?: string[];
  usergroup?: string;
  admins?: string[];
  digest?: boolean;
  digestSheet?: boolean;
  github?: string;
}

function values(f: FormInput) {
  return {
    [B.channels]: { value: { selected_conversations: f.channels ?? [] } },
    [B.alert]: { value: { selected_conversation: f.alert ?? null } },
    [B.policy]: { value: { selected_option: { value: f.policy ?? "alert" } } },
    [B.revokers]: { value: { selected_users: f.revokers ?? [] } },
    [B.usergroup]: { value: { value: f.usergroup ?? "" } },
    [B.admins]: { value: { selected_users: f.admins ?? [] } },
    [B.digest]: { value: { selected_options: f.digest ? [{ value: "weekly" }] : [] } },
    [B.digestSheet]: { value: { selected_options: f.digestSheet ? [{ value: "mine" }] : [] } },
    [B.github]: { value: { value: f.github ?? "" } },
  };
}

let executions = 0;

async function submit(fake: FakeSlack, userId: string, f: FormInput) {
  const view = {
    id: "V0SETUP",
    callback_id: SETUP_VIEW,
    private_metadata: JSON.stringify({ channel_id: FAKE_IDS.general }),
    state: { values: values(f) },
  };
  const execution_id = `Fx0SETUP${++executions}`;
  const result = await routed.viewSubmission({
    ...ctx(fake, userId),
    view,
    body: {
      type: "view_submission",
      user: { id: userId },
      team: { id: FAKE_IDS.team },
      view,
      function_data: { execution_id, function: { callback_id: "setup_guard" } },
    },
  });
  return { result, execution_id };
}

function settings(fake: FakeSlack): Record<string, unknown> {
  return fake.state.datastores.get("settings")?.get("workspace") ?? {};
}

t("setup: a member is refused before any form opens, and told why", async () => {
  const fake = await start();
  try {
    const r = await handler(ctx(fake, FAKE_IDS.member)) as Record<string, unknown>;
    const out = r.outputs as Record<string, unknown>;
    assertEquals(out.saved, false);
    assertStringIncludes(String(out.summary), "admins and owners");
    assertEquals(fake.callsTo("views.open").length, 0);
    assertEquals(fake.state.ephemerals[0].user, FAKE_IDS.member);
  } finally {
    await fake.close();
  }
});

t("setup: an admin gets the form, prefilled from the settings", async () => {
  const fake = await start({
    alert_channel_id: FAKE_IDS.security,
    guarded_channels: [{ channel_id: FAKE_IDS.general, since: 1_700_000_000 }],
    policy: "auto_revoke",
    revoker_user_ids: [FAKE_IDS.other],
    digest_trigger_id: "Ft0DIGEST01",
  });
  try {
    const r = await handler(ctx(fake, FAKE_IDS.admin)) as Record<string, unknown>;
    assertEquals(r.completed, false);
    const open = fake.callsTo("views.open")[0];
    assertEquals(open.args.interactivity_pointer, "1234.5678.abcd");
    const view = JSON.stringify(open.args.view);
    assertStringIncludes(view, `"initial_conversations":["${FAKE_IDS.general}"]`);
    assertStringIncludes(view, `"initial_conversation":"${FAKE_IDS.security}"`);
    assertStringIncludes(view, `"initial_users":["${FAKE_IDS.other}"]`);
    assertStringIncludes(view, `"initial_option":{"value":"auto_revoke"`);
    assertStringIncludes(view, `"initial_options"`);
  } finally {
    await fake.close();
  }
});

t(
  "setup: saving joins, creates the trigger and digest, stores settings, shows coverage",
  async () => {
    const fake = await start();
    try {
      const { result, execution_id } = await submit(fake, FAKE_IDS.owner, {
        channels: [
          FAKE_IDS.general,
          FAKE_IDS.random,
          FAKE_IDS.privateChannel,
          "C0SECRETS01",
          FAKE_IDS.archived,
        ],
        alert: FAKE_IDS.security,
        policy: "auto_revoke",
        revokers: [FAKE_IDS.other],
        usergroup: FAKE_IDS.usergroup,
        digest: true,
      });
      assertEquals(result.response_action, "update");
      // Joined the public channel it was not in; did not try the private or archived ones.
      assertEquals(fake.callsTo("conversations.join").map((c) => c.args.channel), [
        FAKE_IDS.random,
      ]);
      const s = settings(fake);
      const guardIds = String(s.guard_trigger_id).split(",");
      assertEquals(guardIds.length, 1);
      const trigger = fake.state.triggers.get(guardIds[0])!;
      assertEquals(trigger.event?.event_type, "slack#/events/message_posted");
      assertEquals(trigger.event?.channel_ids, [
        FAKE_IDS.general,
        FAKE_IDS.random,
        FAKE_IDS.privateChannel,
      ]);
      assertEquals(s.policy, "auto_revoke");
      assertEquals(s.revoker_user_ids, [FAKE_IDS.other]);
      assertEquals(s.revoker_usergroup_id, FAKE_IDS.usergroup);
      assertEquals(s.updated_by, FAKE_IDS.owner);
      const guarded = s.guarded_channels as Array<{ channel_id: string; since?: number }>;
      assertEquals(guarded.length, 5);
      assert(guarded.find((g) => g.channel_id === FAKE_IDS.general)!.since! > 0);
      assertEquals(guarded.find((g) => g.channel_id === "C0SECRETS01")!.since, undefined);
      const digest = fake.state.triggers.get(String(s.digest_trigger_id))!;
      assertEquals(digest.type, "scheduled");
      assertEquals(digest.workflow, "#/workflows/weekly_digest");
      // Coverage: in the modal and in a copy for the admin; the function completes.
      const view = JSON.stringify(result.view);
      assertStringIncludes(view, "guards 3 of 5 channels");
      assertStringIncludes(view, "/invite @Token Guard");
      assertStringIncludes(view, "archived");
      assertStringIncludes(fake.state.ephemerals.at(-1)!.text, "guards 3 of 5");
      const done = fake.state.completions.find((c) => c.function_execution_id === execution_id)!;
      assertEquals(done.outputs?.saved, true);
    } finally {
      await fake.close();
    }
  },
);

t(
  "setup: editing keeps since, splits past 20 channels, and removing all deletes triggers",
  async () => {
    const fake = await start();
    try {
      const many = Array.from({ length: 25 }, (_, i) => `C0MANY${String(i).padStart(5, "0")}`);
      for (const id of many) fake.addChannel({ id, members: [] });
      await submit(fake, FAKE_IDS.admin, {
        channels: [FAKE_IDS.general],
        alert: FAKE_IDS.security,
        digest: true,
      });
      const first = settings(fake);
      const since = (first.guarded_channels as Array<{ since: number }>)[0].since;

      const { result } = await submit(fake, FAKE_IDS.admin, {
        channels: [FAKE_IDS.general, ...many],
        alert: FAKE_IDS.security,
        digest: true,
      });
      const second = settings(fake);
      const ids = String(second.guard_trigger_id).split(",");
      assertEquals(ids.length, 2, "26 channels need two triggers of at most 20");
      assertEquals(
        ids[0],
        String(first.guard_trigger_id),
        "the first trigger is updated, not replaced",
      );
      assertEquals((second.guarded_channels as Array<{ since: number }>)[0].since, since);
      assertEquals(second.digest_trigger_id, first.digest_trigger_id, "the digest is kept");
      assertStringIncludes(JSON.stringify(result.view), "2 event triggers");
      assertEquals(fake.callsTo("conversations.join").length, 25);

      await submit(fake, FAKE_IDS.admin, { channels: [], alert: FAKE_IDS.security, digest: false });
      const third = settings(fake);
      assertEquals(third.guard_trigger_id, "");
      assertEquals(third.digest_trigger_id, "");
      assertEquals(third.guarded_channels, []);
      assertEquals(fake.state.triggers.size, 0);
    } finally {
      await fake.close();
    }
  },
);

t("setup: refused at submit, bad input shown under the field, guard admins allowed", async () => {
  const fake = await start({ guard_admin_ids: [FAKE_IDS.other] });
  try {
    const refused = await submit(fake, FAKE_IDS.member, {
      channels: [FAKE_IDS.general],
      alert: FAKE_IDS.security,
    });
    assertEquals(refused.result.response_action, "update");
    assertStringIncludes(JSON.stringify(refused.result.view), "Only workspace admins");
    assertEquals(fake.state.triggers.size, 0);
    assertEquals(settings(fake).alert_channel_id, undefined);

    const bad = await submit(fake, FAKE_IDS.admin, { alert: undefined, usergroup: "S0NOSUCH01" });
    assertEquals(bad.result.response_action, "errors");
    assertStringIncludes(bad.result.errors[B.alert], "alerts go");
    const unknownGroup = await submit(fake, FAKE_IDS.admin, {
      alert: FAKE_IDS.security,
      usergroup: "S0NOSUCH01",
    });
    assertStringIncludes(unknownGroup.result.errors[B.usergroup], "No user group");

    const ok = await submit(fake, FAKE_IDS.other, {
      channels: [FAKE_IDS.general],
      alert: FAKE_IDS.security,
    });
    assertEquals(ok.result.response_action, "update");
    assertEquals(settings(fake).alert_channel_id, FAKE_IDS.security);
  } finally {
    await fake.close();
  }
});

t("setup: closing the form completes the function without saving", async () => {
  const fake = await start();
  try {
    await routed.viewClosed({
      ...ctx(fake, FAKE_IDS.admin),
      view: { callback_id: SETUP_VIEW },
      body: {
        type: "view_closed",
        user: { id: FAKE_IDS.admin },
        function_data: { execution_id: "Fx0CLOSE" },
      },
    });
    assertEquals(fake.state.completions[0].outputs?.saved, false);
  } finally {
    await fake.close();
  }
});

/** The block of the form opened for `userId`, found by block_id. */
async function formBlock(fake: FakeSlack, userId: string, blockId: string) {
  await handler(ctx(fake, userId));
  const view = fake.callsTo("views.open").at(-1)!.args.view as unknown as {
    blocks: Array<Record<string, unknown>>;
  };
  const i = view.blocks.findIndex((b) => b.block_id === blockId);
  return { block: view.blocks[i], before: view.blocks[i - 1] };
}

t("setup: digest spreadsheet and GitHub repository: validated, saved, prefilled", async () => {
  const fake = await start();
  try {
    const bad = await submit(fake, FAKE_IDS.admin, {
      alert: FAKE_IDS.security,
      github: "not a repository",
    });
    assertEquals(bad.result.response_action, "errors");
    assertStringIncludes(bad.result.errors[B.github], "owner/name");
    assertEquals(settings(fake).github_repository, undefined);

    const { result } = await submit(fake, FAKE_IDS.admin, {
      alert: FAKE_IDS.security,
      digest: true,
      digestSheet: true,
      github: "https://github.com/acme/security.git",
    });
    assertEquals(settings(fake).digest_sheet_user_id, FAKE_IDS.admin);
    assertEquals(settings(fake).github_repository, "acme/security");
    const view = JSON.stringify(result.view);
    assertStringIncludes(view, "Connect my Google account", "not connected yet: said at save");
    assertStringIncludes(view, `findings spreadsheet of <@${FAKE_IDS.admin}>`);
    assertStringIncludes(view, "GitHub issues in *acme/security*");

    // The admin who chose it sees the box ticked; another admin sees whose sheet it is.
    const mine = await formBlock(fake, FAKE_IDS.admin, B.digestSheet);
    assertEquals(
      (mine.block.element as { initial_options?: unknown[] }).initial_options?.length,
      1,
    );
    const repo = await formBlock(fake, FAKE_IDS.admin, B.github);
    assertEquals((repo.block.element as { initial_value?: string }).initial_value, "acme/security");
    const theirs = await formBlock(fake, FAKE_IDS.owner, B.digestSheet);
    assertEquals(
      (theirs.block.element as { initial_options?: unknown[] }).initial_options,
      undefined,
    );
    assertStringIncludes(JSON.stringify(theirs.before), `<@${FAKE_IDS.admin}>`);

    // Another admin saving without ticking keeps the first admin's choice; the repository
    // field left empty clears it.
    await submit(fake, FAKE_IDS.owner, { alert: FAKE_IDS.security, digest: true });
    assertEquals(settings(fake).digest_sheet_user_id, FAKE_IDS.admin);
    assertEquals(settings(fake).github_repository, "");
    // The admin unticking it stops it.
    await submit(fake, FAKE_IDS.admin, { alert: FAKE_IDS.security, digest: true });
    assertEquals(settings(fake).digest_sheet_user_id, "");
  } finally {
    await fake.close();
  }
});

t("setup: a connected admin with a spreadsheet gets no advice about it", async () => {
  const fake = await start();
  fake.state.datastores.set(
    "external_connections",
    new Map([[`google:${FAKE_IDS.admin}`, {
      id: `google:${FAKE_IDS.admin}`,
      provider: "google",
      user_id: FAKE_IDS.admin,
      external_token_id: "Et0FAKE01",
      account: "ada@example.com",
      connected_at: 1,
      spreadsheet_id: "fakeSheet0001",
      spreadsheet_url: "http://127.0.0.1/spreadsheets/d/fakeSheet0001/edit",
    }]]),
  );
  try {
    const { result } = await submit(fake, FAKE_IDS.admin, {
      alert: FAKE_IDS.security,
      digest: true,
      digestSheet: true,
    });
    const view = JSON.stringify(result.view);
    assert(!view.includes("Export findings to Google Sheets"), view);
    assertEquals(settings(fake).digest_sheet_user_id, FAKE_IDS.admin);
  } finally {
    await fake.close();
  }
});
