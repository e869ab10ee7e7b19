// A whole guard flow (detect, verify, warn, alert, Revoke click, a refused click, a known leak
// reposted, a webhook), then a search of everything that was captured for the raw secrets:
// every request the fake Slack received except the verify/revoke calls themselves (which must
// carry the leaked value, to Slack only), every datastore item, every function output, every
// message and ephemeral posted, and every console line.
import { assert, assertEquals } from "@std/assert";
import { fakeSlackToken, fakeWebhookUrl } from "../../test_support/fake_tokens.ts";
import { fingerprint } from "../../detect/fingerprint.ts";
import { webhookPath } from "../../slack/verify.ts";
import { FAKE_IDS, kitTest, startKit } from "./test_kit.ts";

/** The calls that legitimately carry a leaked value: to Slack's own API, for that check. */
const VERIFY_METHODS = new Set(["auth.test", "auth.revoke", "apps.connections.open", "webhook"]);

kitTest("no raw secret in any request, record, output, message or log line", async () => {
  const lines: string[] = [];
  const saved = {
    log: console.log,
    error: console.error,
    warn: console.warn,
    info: console.info,
    debug: console.debug,
  };
  const capture = (...args: unknown[]) => {
    lines.push(args.map((a) => typeof a === "string" ? a : JSON.stringify(a)).join(" "));
  };
  console.log =
    console.error =
    console.warn =
    console.info =
    console.debug =
      capture;
  const kit = await startKit({
    alert_channel_id: FAKE_IDS.security,
    revoker_usergroup_id: FAKE_IDS.usergroup,
  });
  const outputs: unknown[] = [];
  let secrets: string[] = [];
  try {
    const bot = fakeSlackToken("xoxb", "n1");
    const user = fakeSlackToken("xoxp", "n2");
    const app = fakeSlackToken("xapp", "n3");
    kit.fake.addToken({ token: bot, kind: "bot" });
    kit.fake.addToken({ token: user, kind: "user", user_id: FAKE_IDS.member });
    kit.fake.addToken({ token: app, kind: "app", scopes: ["connections:write"] });
    kit.fake.addWebhook({ channel: FAKE_IDS.random, seed: "n4" });
    const hook = fakeWebhookUrl("n4");
    secrets = [bot, user, app, hook, webhookPath(hook)!];

    const first = await kit.guard(kit.post(FAKE_IDS.general, {
      user: FAKE_IDS.member,
      text: `prod: ${bot}\nme: ${user}`,
    }));
    outputs.push(first.result);
    const second = await kit.guard(kit.post(FAKE_IDS.privateChannel, {
      user: FAKE_IDS.other,
      text: "",
      blocks: [{
        type: "rich_text",
        elements: [{
          type: "rich_text_section",
          elements: [{ type: "link", url: hook, text: "hook" }, { type: "text", text: ` ${app}` }],
        }],
      }],
    }));
    outputs.push(second.result);
    outputs.push(
      (await kit.guard(kit.post(FAKE_IDS.general, { user: FAKE_IDS.other, text: bot })))
        .result,
    );
    await kit.click(
      "token_guard_revoke",
      await fingerprint(user),
      FAKE_IDS.other,
      first.executionId,
    );
    await kit.click(
      "token_guard_revoke",
      await fingerprint(bot),
      FAKE_IDS.member,
      first.executionId,
    );
    await kit.click(
      "token_guard_resolve",
      await fingerprint(hook),
      FAKE_IDS.admin,
      second.executionId,
    );
    assertEquals(kit.fake.state.tokens.get(bot)?.revoked, true);
    assertEquals(kit.fake.state.tokens.get(user)?.revoked, undefined);
  } finally {
    Object.assign(console, saved);
    await kit.close();
  }

  // The flow did what it should, so the search below searched something real.
  assert(kit.findings().length === 4, `4 findings, got ${kit.findings().length}`);
  assert(kit.alerts().length === 4);
  assert(lines.length >= 3);

  const places: Array<[string, string]> = [];
  for (const c of kit.fake.calls) {
    if (VERIFY_METHODS.has(c.method)) continue;
    places.push([`request ${c.method}`, JSON.stringify(c.args)]);
    places.push([`token of ${c.method}`, String(c.token ?? "")]);
  }
  for (const [name, items] of kit.fake.state.datastores) {
    places.push([`datastore ${name}`, JSON.stringify([...items.values()])]);
  }
  places.push(["function outputs", JSON.stringify(outputs)]);
  places.push(["completions", JSON.stringify(kit.fake.state.completions)]);
  places.push(["ephemerals", JSON.stringify(kit.fake.state.ephemerals)]);
  const ours = kit.fake.state.messages.filter((m) => m.user === FAKE_IDS.botUser);
  assert(ours.length >= 4);
  places.push(["messages posted by Token Guard", JSON.stringify(ours)]);
  places.push(["console", lines.join("\n")]);

  // Verify/revoke calls carried the leaked value only to Slack's API or its webhook host.
  const carrying = kit.fake.calls.filter((c) => secrets.includes(String(c.token)));
  assert(carrying.every((c) => VERIFY_METHODS.has(c.method)));

  for (const [where, text] of places) {
    for (const s of secrets) {
      assert(!text.includes(s), `a raw secret appears in ${where}`);
    }
  }
});
