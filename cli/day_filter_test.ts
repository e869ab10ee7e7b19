// Reading a day file message by message (only the messages day_filter.ts marks) must report
// exactly what reading every message does: same findings, same places, same permalinks, same
// errors. Checked on the demo export, the benchmark's export, and day files built to break the
// shortcut: keywords and gate readings split across rich-text leaves, JSON escapes, invisible
// characters, markers inside words, a workspace named only by a file permalink, bad JSON.
import { assert, assertEquals } from "@std/assert";
import { scanSync } from "../detect/scan.ts";
import { buildDemoExport } from "./demo_export.ts";
import { writeCorpusExport } from "../bench/corpus.ts";
import { dayInput, dayMessages, READ } from "./day_filter.ts";
import { Progress } from "./progress.ts";
import { type ScanContext, scanInputs } from "./scan_inputs.ts";
import { walk } from "./walk.ts";
import { formatJsonl } from "./format_jsonl.ts";
import { compareLocated } from "./report.ts";
import { fakeSlackId } from "../test_support/fake_tokens.ts";
import { seededRandom } from "../detect/entropy.ts";

async function scanFolder(dir: string, fast: boolean) {
  const inputs = [];
  for (const i of walk([dir], 64 * 1024 * 1024)) inputs.push(i);
  const errors: string[] = [];
  const ctx: ScanContext = {
    scan: (text, mrkdwn) => scanSync(text, { mrkdwn }),
    mrkdwn: "auto",
    maxSize: 64 * 1024 * 1024,
    progress: new Progress(0, false),
    onError: (line) => errors.push(line),
    onSkip: () => {},
  };
  if (fast) ctx.day = { input: (size) => dayInput(size), messages: (b) => dayMessages(b) };
  const totals = await scanInputs(inputs, ctx);
  totals.found.sort(compareLocated);
  return { report: formatJsonl(totals.found), errors, count: totals.found.length };
}

async function assertSameBothWays(dir: string): Promise<number> {
  const slow = await scanFolder(dir, false);
  const fast = await scanFolder(dir, true);
  assertEquals(fast.report, slow.report);
  assertEquals(fast.errors, slow.errors);
  return slow.count;
}

Deno.test("day filter: the demo export and the benchmark's export read the same", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const demo = await buildDemoExport(`${dir}/demo`);
    assertEquals(await assertSameBothWays(demo.folder) >= demo.planted.length, true);
    await writeCorpusExport(`${dir}/bench`, 3_000_000, 11);
    assert(await assertSameBothWays(`${dir}/bench`) > 0);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

const x = "x";
const bot = () =>
  `${x}oxb-${"1234567890"}${"12"}-${"9876543210"}${"987"}-${"Zq8Lm2Rt6Yb4Wn1Kc5Hd7Pj"}`;

/** A message with rich-text leaves (each `[text, style?]`), Slack's shape. */
function richMessage(ts: string, leaves: Array<[string, Record<string, boolean>?]>, text = "") {
  return {
    type: "message",
    user: "U0123ABCD",
    text,
    ts,
    blocks: [{
      type: "rich_text",
      block_id: "b1",
      elements: [{
        type: "rich_text_section",
        elements: leaves.map(([t, style]) => (style ? { type: "text", text: t, style } : {
          type: "text",
          text: t,
        })),
      }],
    }],
  };
}

async function writeDay(dir: string, channel: string, day: string, body: string) {
  await Deno.mkdir(`${dir}/${channel}`, { recursive: true });
  await Deno.writeTextFile(`${dir}/${channel}/${day}.json`, body);
}

Deno.test("day filter: leaves, escapes, invisibles, markers, permalinks read the same", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(
      `${dir}/channels.json`,
      JSON.stringify([{ id: "C0123", name: "general" }]),
    );
    await Deno.writeTextFile(
      `${dir}/users.json`,
      JSON.stringify([{ id: "U0123ABCD", name: "ann" }]),
    );
    const token = bot();
    const pw = "Kx9" + "mQ2vLr8" + "Tz4";
    const messages = [
      // Quiet chatter (skipped either way).
      {
        type: "message",
        user: "U0123ABCD",
        text: "the token rotation is due friday",
        ts: "1.000001",
      },
      // A keyword split across two leaves, bold then plain.
      richMessage("1.000002", [[token.slice(0, 2), { bold: true }], [token.slice(2)]]),
      richMessage("1.000003", [["xo", { code: true }], ["xb-" + token.slice(5)]]),
      // A gate's reading across leaves: the name in one, "= value" in the next.
      richMessage("1.000004", [["db password", { bold: true }], [` = ${pw}`]]),
      richMessage("1.000005", [["export API_KEY"], ["=" + "aB3dE5gH7jK9mN1pQ3sT5vX7"]]),
      // Escapes: an escaped slash in a webhook URL, a keyword spelled with \\u escapes.
      {
        type: "message",
        text: `hook https://hooks.slack.com/services/${fakeSlackId("T", "a")}/${
          fakeSlackId("B", "b")
        }/${"Zq8Lm2Rt6Yb4Wn1Kc5Hd7Pj"}`,
        ts: "1.000006",
      },
      { type: "message", text: "\u0078ox" + token.slice(3), ts: "1.000007" },
      // Invisible characters and markers inside a word.
      { type: "message", text: `${x}ox\u200bb-` + token.slice(5), ts: "1.000008" },
      { type: "message", text: `${x}o*xb-` + token.slice(5), ts: "1.000009" },
      { type: "message", text: `pass*word*: ${pw}`, ts: "1.000010" },
      // A password in a URL (its slashes escaped by the exporter); a name in code markers,
      // which the scanner reads as shown.
      {
        type: "message",
        text: `cache at redis://:${"Zr8" + pw}@cache.acme.io:6379`,
        ts: "1.000012",
      },
      { type: "message", text: "`token`: " + "aB3dE5gH7jK9mN1pQ3sT5vX7", ts: "1.000013" },
      // Keywords with non-ASCII characters, which the exporter writes as \u escapes.
      { type: "message", text: `la contraseña de la base es ${pw}!51`, ts: "1.000014" },
      { type: "message", text: `本番DBのパスワードは「${pw}」です`, ts: "1.000015" },
      { type: "message", text: `Пароль от стенда: ${pw}#9`, ts: "1.000016" },
      // A keyword holding a quote, which JSON escapes (`variable \"db_password\"`).
      {
        type: "message",
        text: '```\nvariable "db_password" {\n  default = "' + pw + 'Yf5"\n}\n```',
        ts: "1.000017",
      },
      // A file permalink: the report's links name this workspace.
      {
        type: "message",
        text: "see file",
        ts: "1.000011",
        files: [{
          id: "F1",
          name: "notes.txt",
          permalink: "https://acme-x.slack.com/files/U1/F1/notes.txt",
        }],
      },
    ];
    // Slack's exporter escapes every slash, and this one every non-ASCII character too.
    const body = JSON.stringify(messages, null, 4).replace(/\//g, "\\/")
      .replace(/[\u007f-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
    // One message whose text spells the keyword with an ASCII \\u escape.
    await writeDay(dir, "general", "2024-05-01", body.replace('"xox', '"\\u0078ox'));
    await writeDay(dir, "general", "2024-05-02", JSON.stringify(messages));
    // Malformed and odd files: reported the same way.
    await writeDay(dir, "general", "2024-05-03", body.slice(0, body.length - 40));
    await writeDay(dir, "general", "2024-05-04", '{"not": "an array"}');
    await writeDay(dir, "general", "2024-05-05", body.replace('"see file"', '"see file" tru'));
    await writeDay(dir, "general", "2024-05-06", "[]");
    const found = await assertSameBothWays(dir);
    assert(found >= 10, `found ${found}`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("day filter: quiet messages are not read; hits, joins and markers are", () => {
  const token = bot();
  const quiet = { type: "message", text: "please rotate the token and the password", ts: "1.1" };
  const loud = { type: "message", text: `here ${token}`, ts: "1.2" };
  const joined = richMessage("1.3", [["x", { bold: true }], ["oxb-" + token.slice(5)]]);
  const marker = { type: "message", text: "se*cret: aB3dE5gH7jK9mN1pQ3sT5vX7", ts: "1.4" };
  const bytes = new TextEncoder().encode(JSON.stringify([quiet, loud, quiet, joined, marker]));
  const { elements, marks } = dayMessages(bytes);
  assertEquals(elements!.length / 2, 5);
  assertEquals(Array.from(marks!).map((m) => m & READ), [0, READ, 0, READ, READ]);
  // Not an array, or malformed: no elements (the caller reads the file whole).
  for (const bad of ['{"a": 1}', "[1, 2", '["unterminated]', "[1] 2", "[1,]x", ""]) {
    assertEquals(dayMessages(new TextEncoder().encode(bad)).elements, null, bad);
  }
  assertEquals(dayMessages(new TextEncoder().encode(" [ ] ")).elements!.length, 0);
});

Deno.test("day filter: random messages split into random leaves read the same", async () => {
  const rand = seededRandom(5150);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const token = bot();
  const pieces = [
    "token",
    "password",
    "secret",
    "api_key",
    "://",
    "redis://:",
    "=",
    ": ",
    " is ",
    '"',
    "\n",
    " ",
    " ",
    "*",
    "_",
    "~",
    "`",
    "&amp;",
    "<",
    ">",
    "|",
    "é",
    "🙂",
    "\u200b",
    "/",
    "\\",
    token,
    token.slice(0, 7),
    token.slice(7),
    "aB3dE5gH7jK9mN1pQ3sT5vX7",
    "Kx9mQ2vLr8Tz4",
    "hooks.slack.com/services/",
    "AKIA",
    "eyJ",
    "-----BEGIN",
    "private key",
    "the",
    "deploy",
  ];
  const messages = [];
  for (let i = 0; i < 400; i++) {
    let text = "";
    const n = 1 + Math.floor(rand() * 14);
    for (let k = 0; k < n; k++) text += pick(pieces);
    // Cut the text into 1-4 leaves at random places, some styled.
    const cuts = [0];
    for (let k = Math.floor(rand() * 4); k > 0; k--) cuts.push(Math.floor(rand() * text.length));
    cuts.sort((a, b) => a - b);
    cuts.push(text.length);
    const leaves: Array<[string, Record<string, boolean>?]> = [];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const t = text.slice(cuts[k], cuts[k + 1]);
      if (t) leaves.push(rand() < 0.5 ? [t, { bold: true }] : [t]);
    }
    const ts = `1.${String(i).padStart(6, "0")}`;
    messages.push(
      rand() < 0.5
        ? richMessage(ts, leaves, rand() < 0.5 ? text : "")
        : { type: "message", text, ts },
    );
  }
  const dir = await Deno.makeTempDir();
  try {
    await writeDay(dir, "general", "2024-05-01", JSON.stringify(messages, null, 4));
    await writeDay(
      dir,
      "general",
      "2024-05-02",
      JSON.stringify(messages).replace(/\//g, "\\/").replace(
        /[\u007f-\uffff]/g,
        (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
      ),
    );
    assert(await assertSameBothWays(dir) > 20);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("day filter: a fixed prefix in the wrong case (acca, eyj in hex) wakes nothing", () => {
  const msgs = [
    { type: "message", text: "request_id=acca6c4f96fc7a4e eyjn5f3 done", ts: "1.1" },
    { type: "message", text: "key id " + "AC" + "CA" + "ZQ4MB6N2XKR7TWY5", ts: "1.2" },
    { type: "message", text: "jwt " + "ey" + "J0eXAiOiJKV1QifQ", ts: "1.3" },
  ];
  const { marks } = dayMessages(new TextEncoder().encode(JSON.stringify(msgs)));
  assertEquals(Array.from(marks!).map((m) => m & READ), [0, READ, READ]);
});
