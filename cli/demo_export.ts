// Builds a small but realistic Slack workspace export (the shape of Slack's own "Export data"):
// users.json, channels.json, groups.json, dms.json, one folder per conversation with day files,
// a thread, rich-text blocks, a bot attachment, a shared file, and JSON with escaped slashes as
// Slack writes it. Fake credentials are planted among ordinary chat and documentation
// placeholders. Used by `deno task demo` and by the CLI tests.
import { strToU8, zipSync } from "fflate";
import { fakeSlackId } from "../test_support/fake_tokens.ts";
import { placeholders, type Planted, plantedSet } from "./fake_secrets.ts";

export interface DemoExport {
  folder: string;
  zip: string;
  workspace: string;
  /** What was planted, and where: conversation folder and message ts (never print `secret`). */
  planted: Array<Planted & { channel: string; ts: string }>;
  placeholders: number;
  messages: number;
}

type Msg = Record<string, unknown>;

/** Slack's exporter escapes "/" in strings; mirroring it proves we parse rather than grep. */
function slackJson(value: unknown): string {
  return JSON.stringify(value, null, 4).replace(/\//g, "\\/");
}

export async function buildDemoExport(dir: string, seed = "demo"): Promise<DemoExport> {
  const workspace = "acme-demo";
  const people = ["alice", "bob", "carol", "dave"].map((name, i) => ({
    id: fakeSlackId("U", `${seed}:${name}`),
    name,
    real_name: ["Alice Liddell", "Bob Builder", "Carol Danvers", "Dave Bowman"][i],
  }));
  const [alice, bob, carol, dave] = people;
  const conv = {
    general: fakeSlackId("C", `${seed}:general`),
    "dev-ops": fakeSlackId("C", `${seed}:devops`),
    random: fakeSlackId("C", `${seed}:random`),
    "incident-response": fakeSlackId("G", `${seed}:incident`),
    dm: fakeSlackId("D", `${seed}:dm`),
  };
  const p = Object.fromEntries(plantedSet(seed).map((x) => [x.label, x]));
  const planted: DemoExport["planted"] = [];
  const plant = (label: string, channel: string): Planted => {
    const item = p[label];
    if (!item) throw new Error(`demo: no planted item ${label}`);
    planted.push({ ...item, channel, ts: "" });
    return item;
  };

  let clock = 1714557600; // 2024-05-01 10:00 UTC
  const ts = () => `${clock += 97}.${String(100 + (clock % 899)).padStart(6, "0")}`;
  const msg = (user: { id: string; name: string }, text: string, extra: Msg = {}): Msg => ({
    type: "message",
    user: user.id,
    text,
    ts: ts(),
    user_profile: { display_name: user.name, real_name: user.name },
    ...extra,
  });

  // #general: chatter, and a thread whose reply carries a bot token.
  const parent = msg(alice, "anyone know why the deploy bot stopped posting?");
  const threadTs = parent.ts as string;
  const general: Msg[] = [
    msg(bob, "morning all :wave: standup in 5"),
    parent,
    msg(bob, plant("Slack bot token", "general").message, { thread_ts: threadTs }),
    msg(carol, "thanks! also the signing secret for the events endpoint:", {
      thread_ts: threadTs,
    }),
    msg(carol, plant("Slack signing secret", "general").message, { thread_ts: threadTs }),
    msg(dave, "see <https://docs.example.com/runbook#deploy|the runbook> before Friday"),
  ];
  Object.assign(parent, { thread_ts: threadTs, reply_count: 3 });

  // #dev-ops: a webhook in a link, a token split by bold styling in rich text, AWS keys in a code
  // block, an npm token inside a shared file's preview.
  const gh = plant("GitHub personal access token", "dev-ops");
  const [before, token] = [gh.message.slice(0, gh.message.indexOf(gh.secret)), gh.secret];
  const after = gh.message.slice(before.length + token.length);
  const npm = plant("npm token", "dev-ops");
  const devops: Msg[] = [
    msg(alice, plant("Slack incoming webhook", "dev-ops").message),
    msg(bob, gh.message.replace(token, `*${token.slice(0, 12)}*${token.slice(12)}`), {
      blocks: [{
        type: "rich_text",
        block_id: "b1",
        elements: [{
          type: "rich_text_section",
          elements: [
            { type: "text", text: before },
            { type: "text", text: token.slice(0, 12), style: { bold: true } },
            { type: "text", text: token.slice(12) },
            { type: "text", text: after },
          ],
        }],
      }],
    }),
    msg(carol, plant("AWS access key pair", "dev-ops").message),
    msg(dave, "uploaded the registry config", {
      files: [{
        id: fakeSlackId("F", `${seed}:file`),
        name: ".npmrc",
        title: ".npmrc",
        filetype: "text",
        preview: npm.message,
        permalink: `https://${workspace}.slack.com/files/${dave.id}/F0DEMO/npmrc`,
      }],
    }),
    msg(
      alice,
      "```\n$ kubectl get pods -n prod\nNAME          READY   STATUS\napi-7d9f      1/1     Running\n```",
    ),
  ];

  // #random: documentation placeholders and look-alikes that must stay quiet.
  const quiet = placeholders();
  const random: Msg[] = quiet.map((text, i) => msg(people[i % 4], text));
  random.push(msg(bob, "lunch? :taco:"));

  // #incident-response (private): a PEM key in a code block, a Stripe key in a bot attachment.
  const incident: Msg[] = [
    msg(dave, plant("RSA private key (PEM)", "incident-response").message),
    {
      type: "message",
      subtype: "bot_message",
      bot_id: fakeSlackId("B", `${seed}:bot`),
      username: "billing-alerts",
      text: "",
      ts: ts(),
      attachments: [{
        fallback: "Billing config changed",
        title: "Billing config changed",
        text: plant("Stripe live secret key", "incident-response").message,
        color: "#d00000",
      }],
    },
  ];

  // A direct message: user and app-level tokens, a Google key, a JWT.
  const dm: Msg[] = [
    msg(alice, plant("Slack user token", conv.dm).message),
    msg(bob, plant("Slack app-level token", conv.dm).message),
    msg(alice, plant("Google API key", conv.dm).message),
    msg(bob, plant("JWT", conv.dm).message),
  ];

  // Which message carries each planted secret (a slice of it survives any formatting split).
  const lists: Record<string, Msg[]> = {
    general,
    "dev-ops": devops,
    random,
    "incident-response": incident,
    [conv.dm]: dm,
  };
  for (const item of planted) {
    const probe = item.secret.slice(14, 26);
    const m = lists[item.channel].find((x) => JSON.stringify(x).includes(probe));
    if (!m) throw new Error(`demo: ${item.label} is in no message`);
    item.ts = m.ts as string;
  }

  const files: Record<string, string> = {
    "users.json": slackJson(people.map((u) => ({
      id: u.id,
      team_id: fakeSlackId("T", `${seed}:team`),
      name: u.name,
      real_name: u.real_name,
      profile: { display_name: u.name, real_name: u.real_name, title: "" },
    }))),
    "channels.json": slackJson(
      (["general", "dev-ops", "random"] as const).map((name) => ({
        id: conv[name],
        name,
        created: 1714000000,
        is_general: name === "general",
        members: people.map((u) => u.id),
        topic: { value: name === "dev-ops" ? "deploys, on-call, CI" : "", creator: "" },
        purpose: { value: "", creator: "" },
      })),
    ),
    "groups.json": slackJson([{
      id: conv["incident-response"],
      name: "incident-response",
      created: 1714000000,
      members: [alice.id, dave.id],
    }]),
    "dms.json": slackJson([{ id: conv.dm, created: 1714000000, members: [alice.id, bob.id] }]),
    "mpims.json": "[]",
    "general/2024-05-01.json": slackJson(general.slice(0, 3)),
    "general/2024-05-02.json": slackJson(general.slice(3)),
    "dev-ops/2024-05-01.json": slackJson(devops),
    "random/2024-05-01.json": slackJson(random),
    "incident-response/2024-05-02.json": slackJson(incident),
    [`${conv.dm}/2024-05-02.json`]: slackJson(dm),
  };

  const folder = `${dir}/acme-demo-export`;
  for (const [rel, text] of Object.entries(files)) {
    const path = `${folder}/${rel}`;
    await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
    await Deno.writeTextFile(path, text);
  }
  const zip = `${dir}/Acme Demo Slack export May 1 2024 - May 2 2024.zip`;
  await Deno.writeFile(
    zip,
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))),
  );
  return {
    folder,
    zip,
    workspace,
    planted,
    placeholders: quiet.length,
    messages: general.length + devops.length + random.length + incident.length + dm.length,
  };
}
