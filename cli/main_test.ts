// The CLI as people run it: `cli/main.ts` in a subprocess over real files, folders, zips and
// standard input, checking exit codes, every output format, and that no raw secret is printed.
import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { strToU8, zipSync } from "fflate";
import { fakeSlackToken } from "../test_support/fake_tokens.ts";
import { buildDemoExport } from "./demo_export.ts";
import { awsKeyPair, githubPat, pemPrivateKey, placeholders } from "./fake_secrets.ts";

const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const CONFIG = Deno.version.deno.startsWith("1.") ? "offline.deno1.jsonc" : "offline.jsonc";

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(
  args: string[],
  opts: { stdin?: string; cwd?: string; write?: boolean } = {},
): Promise<Ran> {
  const cmd = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "--config",
      `${ROOT}/${CONFIG}`,
      "--allow-read",
      "--allow-env",
      ...(opts.write ? ["--allow-write"] : []),
      `${ROOT}/cli/main.ts`,
      ...args,
    ],
    cwd: opts.cwd,
    stdin: opts.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  });
  const child = cmd.spawn();
  if (opts.stdin !== undefined) {
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(opts.stdin));
    await w.close();
  }
  const out = await child.output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

function jsonl(text: string): Array<Record<string, unknown>> {
  return text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
}

async function tempDir(fn: (dir: string) => Promise<void>) {
  const dir = await Deno.makeTempDir({ prefix: "tg-cli-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

function assertNoSecret(ran: Ran, secrets: string[]) {
  for (const s of secrets) {
    // the distinctive middle of each secret must appear nowhere in what the CLI printed
    const middle = s.slice(Math.floor(s.length / 2) - 6, Math.floor(s.length / 2) + 6);
    assert(!ran.stdout.includes(middle), "a raw secret reached standard output");
    assert(!ran.stderr.includes(middle), "a raw secret reached standard error");
  }
}

const bot = fakeSlackToken("xoxb", "cli-test");
const gh = githubPat("cli-test");

Deno.test("cli: --help exits 0; usage errors exit 2 with one line", async () => {
  const help = await cli(["--help"]);
  assertEquals(help.code, 0);
  assertStringIncludes(help.stdout, "Usage: deno task scan");
  const none = await cli([]);
  assertEquals(none.code, 2);
  assertEquals(none.stderr.trim().split("\n").length, 1);
  assertStringIncludes(none.stderr, "no input");
  const bad = await cli(["--format", "xml", "."]);
  assertEquals(bad.code, 2);
  assertStringIncludes(bad.stderr, "--format");
  const rule = await cli(["--rules", "no-such-rule", "."]);
  assertEquals(rule.code, 2);
  assertStringIncludes(rule.stderr, "no-such-rule");
});

Deno.test("cli: clean input exits 0 with no output; placeholders stay quiet", async () => {
  await tempDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/README.md`, placeholders().join("\n\n") + "\n");
    await Deno.writeTextFile(`${dir}/notes.txt`, "nothing to see here\n".repeat(100));
    const ran = await cli(["--format", "json", dir]);
    assertEquals(ran.stderr, "");
    assertEquals(ran.stdout, "");
    assertEquals(ran.code, 0);
  });
});

Deno.test("cli: json findings carry rule, path, line, column, fingerprint, redacted; exit 1", async () => {
  await tempDir(async (dir) => {
    await Deno.mkdir(`${dir}/config`);
    await Deno.writeTextFile(`${dir}/config/app.env`, `# app\nDEBUG=1\nSLACK_BOT_TOKEN=${bot}\n`);
    await Deno.writeTextFile(`${dir}/ci.yml`, `env:\n  GH_TOKEN: ${gh}\n`);
    const ran = await cli(["--format", "json", "."], { cwd: dir });
    assertEquals(ran.code, 1, ran.stderr);
    const rows = jsonl(ran.stdout);
    assertEquals(rows.length, 2);
    const byPath = Object.fromEntries(rows.map((r) => [r.path, r]));
    const env = byPath["config/app.env"];
    assertEquals([env.family, env.line, env.column], ["slack", 3, 17]);
    // The end: the character after the secret, on the same line.
    assertEquals([env.end_line, env.end_column], [3, 17 + bot.length]);
    assertEquals(byPath["ci.yml"].family, "github");
    assertEquals([byPath["ci.yml"].line, byPath["ci.yml"].column], [2, 13]);
    assertEquals([byPath["ci.yml"].end_line, byPath["ci.yml"].end_column], [2, 13 + gh.length]);
    for (const r of rows) {
      for (const key of ["rule", "family", "path", "line", "column", "fingerprint", "redacted"]) {
        assert(key in r, `missing ${key}`);
      }
      assert(/^[0-9a-f]{64}$/.test(String(r.fingerprint)));
    }
    assertNoSecret(ran, [bot, gh]);
  });
});

Deno.test("cli: table is aligned and sarif is valid 2.1.0, neither shows a secret", async () => {
  await tempDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/a b.txt`, `token ${bot}\nand ${gh}\n`);
    const table = await cli(["--format", "table", dir]);
    assertEquals(table.code, 1);
    const lines = table.stdout.split("\n");
    assert(lines[0].startsWith("RULE"));
    const col = lines[0].indexOf("WHERE");
    for (const row of lines.slice(2, 4)) assertStringIncludes(row.slice(col), "a b.txt:");
    assertStringIncludes(table.stdout, "2 credentials found");
    assertNoSecret(table, [bot, gh]);

    const sarif = await cli(["--format", "sarif", "."], { cwd: dir });
    assertEquals(sarif.code, 1);
    assertNoSecret(sarif, [bot, gh]);
    const doc = JSON.parse(sarif.stdout);
    assertEquals(doc.version, "2.1.0");
    assert(String(doc.$schema).includes("sarif"));
    const run = doc.runs[0];
    const ruleIds = new Set(run.tool.driver.rules.map((r: { id: string }) => r.id));
    for (const r of run.tool.driver.rules) {
      assert(r.shortDescription.text && r.help.text, `rule ${r.id} lacks text`);
    }
    assertEquals(run.results.length, 2);
    for (const res of run.results) {
      assert(ruleIds.has(res.ruleId));
      assertEquals(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
      assert(["error", "warning", "note"].includes(res.level));
      const loc = res.locations[0].physicalLocation;
      assertEquals(loc.artifactLocation.uri, "a%20b.txt");
      assert(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
      // The region covers the whole secret (one line here): GitHub highlights all of it.
      assertEquals(loc.region.endLine, loc.region.startLine);
      assert([bot.length, gh.length].includes(loc.region.endColumn - loc.region.startColumn));
      assert(/^[0-9a-f]{64}$/.test(Object.values(res.partialFingerprints)[0] as string));
    }
  });
});

Deno.test("cli: - reads standard input", async () => {
  const ran = await cli(["--format", "json", "-"], { stdin: `hello\n  ${bot}\n` });
  assertEquals(ran.code, 1);
  const [row] = jsonl(ran.stdout);
  assertEquals([row.path, row.line, row.column, row.family], ["-", 2, 3, "slack"]);
  const clean = await cli(["-"], { stdin: "nothing here\n" });
  assertEquals([clean.code, clean.stdout], [0, ""]);
});

Deno.test("cli: --baseline ignores known fingerprints (JSONL or plain list)", async () => {
  await tempDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/a.txt`, `${bot}\n${gh}\n`);
    const first = await cli(["--format", "json", `${dir}/a.txt`]);
    assertEquals(first.code, 1);
    await Deno.writeTextFile(`${dir}/known.jsonl`, first.stdout);
    const again = await cli([
      "--format",
      "json",
      "--baseline",
      `${dir}/known.jsonl`,
      `${dir}/a.txt`,
    ]);
    assertEquals([again.code, again.stdout], [0, ""]);
    const rows = jsonl(first.stdout);
    const ghRow = rows.find((r) => r.family === "github")!;
    await Deno.writeTextFile(`${dir}/known.txt`, `# triaged\n${ghRow.fingerprint}\n`);
    const partial = await cli(["--format", "json", "-b", `${dir}/known.txt`, `${dir}/a.txt`]);
    assertEquals(partial.code, 1);
    assertEquals(jsonl(partial.stdout).map((r) => r.family), ["slack"]);
    await Deno.writeTextFile(`${dir}/bad.txt`, "not a fingerprint\n");
    const bad = await cli(["-b", `${dir}/bad.txt`, `${dir}/a.txt`]);
    assertEquals(bad.code, 2);
    assertStringIncludes(bad.stderr, "bad.txt:1");
  });
});

Deno.test("cli: a corrupt zip is named and the rest is still scanned", async () => {
  await tempDir(async (dir) => {
    const good = zipSync({ "notes.txt": strToU8(`x\n${gh}\n`.repeat(1)) });
    await Deno.writeFile(`${dir}/good.zip`, good);
    const z = zipSync({ "a.txt": strToU8("hello world ".repeat(5000)) });
    await Deno.writeFile(`${dir}/broken.zip`, z.slice(0, z.length - 30));
    await Deno.writeTextFile(`${dir}/plain.txt`, `${bot}\n`);
    const ran = await cli(["--format", "json", dir]);
    assertEquals(ran.code, 1);
    assertStringIncludes(ran.stderr, "broken.zip");
    assertEquals(ran.stderr.trim().split("\n").length, 1);
    const paths = jsonl(ran.stdout).map((r) => String(r.path).replace(dir, ""));
    assertEquals(paths, ["/good.zip/notes.txt", "/plain.txt"]);
    // nothing found and an unreadable input: exit 2
    const alone = await cli(["--format", "json", `${dir}/broken.zip`]);
    assertEquals([alone.code, alone.stdout], [2, ""]);
    const missing = await cli([`${dir}/nope.txt`]);
    assertEquals(missing.code, 2);
    assertStringIncludes(missing.stderr, "nope.txt");
  });
});

Deno.test("cli: binary files and files over --max-size are skipped in folders", async () => {
  await tempDir(async (dir) => {
    const bin = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, ...strToU8(` ${bot} `)]);
    await Deno.writeFile(`${dir}/image.png`, bin);
    await Deno.writeTextFile(`${dir}/big.log`, "log line\n".repeat(500) + `${gh}\n`);
    const ran = await cli(["--format", "json", "--max-size", "2KB", dir]);
    assertEquals([ran.code, ran.stdout], [0, ""]);
    assertStringIncludes(ran.stderr, "big.log");
    assertStringIncludes(ran.stderr, "--max-size");
    // named on the command line, a large file is streamed whatever the limit
    const named = await cli(["--format", "json", "--max-size", "2KB", `${dir}/big.log`]);
    assertEquals(named.code, 1);
    assertEquals(jsonl(named.stdout)[0].line, 501);
  });
});

function utf16le(text: string, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) view.setUint16((at += 2) - 2, 0xfeff, true);
  for (let i = 0; i < text.length; i++, at += 2) view.setUint16(at, text.charCodeAt(i), true);
  return out;
}

async function gzipped(bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Blob([bytes.slice()]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(out).arrayBuffer());
}

Deno.test("cli: UTF-16 and gzip files are read as their text; a named binary file is reported", async () => {
  await tempDir(async (dir) => {
    const text = `# written by PowerShell\r\nSLACK_BOT_TOKEN=${bot}\r\n`;
    await Deno.writeFile(`${dir}/env-bom.txt`, utf16le(text, true));
    await Deno.writeFile(`${dir}/env-nobom.txt`, utf16le(text, false));
    await Deno.writeFile(`${dir}/app.log.1.gz`, await gzipped(strToU8(`start\n${text}`)));
    await Deno.writeFile(`${dir}/nested.gz`, await gzipped(utf16le(text, true)));
    const bin = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, ...strToU8(` ${bot} `)]);
    await Deno.writeFile(`${dir}/image.png`, bin);
    await Deno.writeFile(`${dir}/image.png.gz`, await gzipped(bin));
    for (const mode of ["--no-mrkdwn", "--mrkdwn"]) {
      const ran = await cli(["--format", "json", mode, dir]);
      assertEquals(ran.code, 1, ran.stderr);
      const rows = jsonl(ran.stdout).map((r) => [r.path, r.rule, r.line, r.column]);
      assertEquals(rows, [
        [`${dir}/app.log.1.gz`, "slack-bot-token", 3, 17],
        [`${dir}/env-bom.txt`, "slack-bot-token", 2, 17],
        [`${dir}/env-nobom.txt`, "slack-bot-token", 2, 17],
        [`${dir}/nested.gz`, "slack-bot-token", 2, 17],
      ], mode);
      // binary files met in a folder are counted, not announced
      assertEquals(ran.stderr, "", mode);
      assertNoSecret(ran, [bot]);
    }
    for (const name of ["image.png", "image.png.gz"]) {
      const named = await cli(["--format", "json", `${dir}/${name}`]);
      assertEquals([named.code, named.stdout], [0, ""]);
      assertStringIncludes(named.stderr, `skipped ${dir}/${name}: binary`);
    }
    await Deno.writeFile(
      `${dir}/broken.gz`,
      (await gzipped(strToU8(text.repeat(40)))).slice(0, 30),
    );
    const broken = await cli(["--format", "json", `${dir}/broken.gz`]);
    assertEquals(broken.code, 2);
    assertStringIncludes(broken.stderr, "broken.gz: read failed");
    // A log cut short keeps what it held before the cut.
    const packedLog = await gzipped(strToU8(`${text}${"request served\n".repeat(20000)}`));
    await Deno.writeFile(`${dir}/cut.log.gz`, packedLog.slice(0, packedLog.length - 40));
    const cut = await cli(["--format", "json", `${dir}/cut.log.gz`]);
    assertEquals([cut.code, jsonl(cut.stdout).length], [1, 1]);
    assertStringIncludes(cut.stderr, "cut.log.gz: read failed");
  });
});

Deno.test("cli: control characters in a file's name reach the terminal as escapes", async () => {
  await tempDir(async (dir) => {
    const name = "evil\x1b[2J\x1b]0;title\x07\nname\u202etxt.log";
    await Deno.writeTextFile(`${dir}/${name}`, `SLACK_BOT_TOKEN=${bot}\n`);
    await Deno.writeFile(`${dir}/${name}.bin`, new Uint8Array([0, 1, 2]));
    const table = await cli(["--format", "table", dir]);
    assertEquals(table.code, 1, table.stderr);
    assertStringIncludes(
      table.stdout,
      "evil\\x1b[2J\\x1b]0;title\\x07\\x0aname\\u202etxt.log:1:17",
    );
    const named = await cli(["--format", "table", `${dir}/${name}.bin`]);
    assertStringIncludes(named.stderr, "evil\\x1b[2J");
    for (const out of [table.stdout, table.stderr, named.stdout, named.stderr]) {
      // deno-lint-ignore no-control-regex
      assert(!/[\x00-\x09\x0b-\x1f\u202e]/.test(out), JSON.stringify(out));
    }
  });
});

Deno.test({
  name: "cli: a named pipe is read as a stream, as <(command) gives one",
  ignore: Deno.build.os === "windows",
  fn: async () => {
    await tempDir(async (dir) => {
      const fifo = `${dir}/pipe`;
      assertEquals((await new Deno.Command("mkfifo", { args: [fifo] }).output()).code, 0);
      for (const mode of ["--no-mrkdwn", "--mrkdwn"]) {
        // The writer, a process of its own, blocks until the scanner opens the pipe.
        const writer = new Deno.Command("sh", {
          args: [
            "-c",
            'printf "%s" "$1" > "$2"',
            "sh",
            `first line\nSLACK_BOT_TOKEN=${bot}\n`,
            fifo,
          ],
        }).spawn();
        const ran = await cli(["--format", "json", mode, fifo]);
        // a scanner that never read the pipe would leave the writer blocked: opened for reading
        // and writing (which does not wait for a writer), the pipe takes its text
        if (ran.code !== 1) (await Deno.open(fifo, { read: true, write: true })).close();
        await writer.status;
        assertEquals(ran.code, 1, ran.stderr);
        assertEquals(jsonl(ran.stdout).map((r) => [r.path, r.line, r.column]), [[fifo, 2, 17]]);
      }
      const zero = await cli(["--format", "json", "/dev/zero"]);
      assertEquals([zero.code, zero.stdout], [0, ""]);
      assertStringIncludes(zero.stderr, "skipped /dev/zero: binary");
    });
  },
});

Deno.test("cli: start and end are the secret's offsets in the text, in every reading", async () => {
  await tempDir(async (dir) => {
    const text = `héllo 🙂\nwörld ✓ ${bot} and\n${"日本".repeat(50)} GITHUB_TOKEN=${gh}\n`;
    const want = [bot, gh].map((s) => [text.indexOf(s), text.indexOf(s) + s.length]);
    await Deno.writeTextFile(`${dir}/chat.txt`, text);
    await Deno.writeFile(`${dir}/chat-utf16.txt`, utf16le(text, true));
    await Deno.writeFile(`${dir}/chat.txt.gz`, await gzipped(strToU8(text)));
    for (const mode of ["--no-mrkdwn", "--mrkdwn"]) {
      for (const name of ["chat.txt", "chat-utf16.txt", "chat.txt.gz"]) {
        const ran = await cli(["--format", "json", mode, `${dir}/${name}`]);
        assertEquals(jsonl(ran.stdout).map((r) => [r.start, r.end]), want, `${mode} ${name}`);
      }
    }
    // A byte order mark (Windows editors write one) is no character of the text.
    await Deno.writeFile(`${dir}/bom.txt`, new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)]));
    const bom = await cli(["--format", "json", `${dir}/bom.txt`]);
    assertEquals(jsonl(bom.stdout).map((r) => [r.start, r.end]), want);
    const sarif = JSON.parse((await cli(["--format", "sarif", `${dir}/chat.txt`])).stdout);
    const regions = sarif.runs[0].results.map((
      r: { locations: [{ physicalLocation: { region: Record<string, number> } }] },
    ) => r.locations[0].physicalLocation.region);
    assertEquals(
      regions.map((r: Record<string, number>) => [r.charOffset, r.charOffset + r.charLength]),
      want,
    );
  });
});

Deno.test("cli: a report that cannot be written is said so; -o never replaces an input", async () => {
  await tempDir(async (dir) => {
    const input = `${dir}/chat.txt`;
    const text = `SLACK_BOT_TOKEN=${bot}\n`;
    await Deno.writeTextFile(input, text);
    const clobber = await cli(["--format", "json", "-o", input, input], { write: true });
    assertEquals(clobber.code, 2);
    assertStringIncludes(clobber.stderr, "that is an input");
    assertEquals(await Deno.readTextFile(input), text);
    // standard output on a full disk, and a reader that stops after one line
    const command = [Deno.execPath(), "run", "--quiet", "--config", `${ROOT}/${CONFIG}`, "-A"]
      .concat([`${ROOT}/cli/main.ts`, "--format", "json"]).map((a) => `'${a}'`).join(" ");
    const sh = (line: string) =>
      new Deno.Command("bash", { args: ["-c", line], stdout: "piped", stderr: "piped" }).output();
    const full = await sh(`${command} '${input}' > /dev/full`);
    assertEquals(full.code, 2);
    assertStringIncludes(new TextDecoder().decode(full.stderr), "cannot write the report");
    await Deno.writeTextFile(input, text.repeat(5000));
    const head = await sh(`set -o pipefail; ${command} '${input}' | head -1`);
    assertEquals(head.code, 1);
    assertEquals(new TextDecoder().decode(head.stderr), "");
  });
});

Deno.test("cli: gzip and UTF-16 on standard input are read as their text", async () => {
  const text = `first line\nSLACK_BOT_TOKEN=${bot}\n`;
  for (const bytes of [await gzipped(strToU8(text)), utf16le(text, true), strToU8(text)]) {
    for (const mode of ["--no-mrkdwn", "--mrkdwn"]) {
      const child = new Deno.Command(Deno.execPath(), {
        args: ["run", "--quiet", "--config", `${ROOT}/${CONFIG}`, "-A", `${ROOT}/cli/main.ts`]
          .concat(["--format", "json", mode, "-"]),
        stdin: "piped",
        stdout: "piped",
        stderr: "piped",
      }).spawn();
      const w = child.stdin.getWriter();
      await w.write(bytes);
      await w.close();
      const out = await child.output();
      assertEquals(out.code, 1, new TextDecoder().decode(out.stderr));
      const rows = jsonl(new TextDecoder().decode(out.stdout));
      assertEquals(rows.map((r) => [r.path, r.line, r.column]), [["-", 2, 17]], mode);
    }
  }
});

Deno.test("cli: a SARIF or JSON report scanned again finds nothing (reports hold no secret)", async () => {
  await tempDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/chat.txt`, `SLACK_BOT_TOKEN=${bot}\nGITHUB_TOKEN=${gh}\n`);
    for (const format of ["sarif", "json"]) {
      const report = `${dir}/report.${format}`;
      const ran = await cli(["--format", format, "-o", report, `${dir}/chat.txt`], { write: true });
      assertEquals(ran.code, 1, ran.stderr);
      const again = await cli(["--format", "json", report]);
      assertEquals([again.code, again.stdout], [0, ""], format);
    }
  });
});

Deno.test("cli: a gzip file in a folder is read up to --max-size of what it inflates to", async () => {
  await tempDir(async (dir) => {
    const early = `SLACK_BOT_TOKEN=${bot}\n`;
    const late = `GITHUB_TOKEN=${gh}\n`;
    // 4 KB compressed, 3 MB inflated: under the limit on disk, over it inflated
    const packed = await gzipped(strToU8(early + "0".repeat(3 * 1024 * 1024) + "\n" + late));
    await Deno.writeFile(`${dir}/bomb.log.gz`, packed);
    const walked = await cli(["--format", "json", "--max-size", "1MB", dir]);
    assertEquals(jsonl(walked.stdout).map((r) => r.family), ["slack"]);
    assertStringIncludes(walked.stderr, `skipped ${dir}/bomb.log.gz: what it inflates to past`);
    // named, it is read whole
    const named = await cli(["--format", "json", "--max-size", "1MB", `${dir}/bomb.log.gz`]);
    assertEquals(jsonl(named.stdout).map((r) => r.family), ["slack", "github"]);
    assertEquals(named.stderr, "");
  });
});

Deno.test("cli: a PEM key across the 4 MiB chunk boundary is found once, at its line", async () => {
  await tempDir(async (dir) => {
    const line = "2024-05-01T10:00:00Z INFO request served in 12ms path=/api/v1/items status=200\n";
    const before = line.repeat(Math.floor((4 * 1024 * 1024 - 900) / line.length));
    const key = pemPrivateKey("boundary", 30);
    const text = before + key + "\n" + line.repeat(2000);
    // the key starts before the first cut and ends after it
    assert(before.length < 4 * 1024 * 1024 && before.length + key.length > 4 * 1024 * 1024);
    await Deno.writeTextFile(`${dir}/server.log`, text);
    const ran = await cli(["--format", "json", `${dir}/server.log`]);
    assertEquals(ran.code, 1, ran.stderr);
    const rows = jsonl(ran.stdout);
    assertEquals(rows.map((r) => [r.family, r.line, r.column]), [[
      "private-key",
      before.split("\n").length,
      1,
    ]]);
    assertNoSecret(ran, [key.split("\n")[10]]);
  });
});

Deno.test("cli: a file over 8 MiB streams in blocks: a key across the boundary, found once", async () => {
  await tempDir(async (dir) => {
    const line = "2024-05-01T10:00:00Z INFO request served in 12ms path=/api/v1/items status=200\n";
    const before = line.repeat(Math.floor((8 * 1024 * 1024 - 900) / line.length));
    const key = pemPrivateKey("boundary8", 30);
    const text = before + key + "\n" + line.repeat(2000) + "é🙂 " + pemPrivateKey("tail", 20);
    assert(before.length < 8 * 1024 * 1024 && before.length + key.length > 8 * 1024 * 1024);
    await Deno.writeTextFile(`${dir}/server.log`, text);
    const ran = await cli(["--format", "json", `${dir}/server.log`]);
    assertEquals(ran.code, 1, ran.stderr);
    const rows = jsonl(ran.stdout);
    const tailLine = (before + key + "\n" + line.repeat(2000)).split("\n").length;
    assertEquals(rows.map((r) => [r.family, r.line, r.column]), [
      ["private-key", before.split("\n").length, 1],
      ["private-key", tailLine, 5], // "é🙂 " is 4 UTF-16 code units
    ]);
    assertNoSecret(ran, [key.split("\n")[10]]);
  });
});

Deno.test("cli: a Slack export (zip and folder) names channel, ts, user and permalink", async () => {
  await tempDir(async (dir) => {
    const demo = await buildDemoExport(dir, "cli-test");
    const zip = await cli(["--format", "json", demo.zip]);
    assertEquals(zip.code, 1, zip.stderr);
    assertNoSecret(zip, demo.planted.map((p) => p.secret));
    const rows = jsonl(zip.stdout);
    for (const p of demo.planted) {
      const row = rows.find((r) => r.ts === p.ts && r.family === p.family);
      assert(row, `${p.label} not found`);
      assertEquals(row.channel, p.channel);
      assert(row.user, `${p.label}: no user`);
      assert(String(row.permalink).startsWith(`https://${demo.workspace}.slack.com/archives/`));
      assertStringIncludes(String(row.permalink), `/p${p.ts.replace(".", "")}`);
    }
    // a thread reply by bob in #general, named from users.json
    const reply = rows.find((r) => r.channel === "general" && r.family === "slack" && r.thread_ts);
    assertEquals(reply?.user, "bob");
    assertStringIncludes(String(reply?.permalink), "?thread_ts=");
    assert(!rows.some((r) => r.channel === "random"), "a placeholder was reported");

    const folder = await cli(["--format", "json", demo.folder]);
    assertEquals(folder.code, 1);
    const prints = (t: string) => jsonl(t).map((r) => `${r.fingerprint}@${r.ts}`).sort();
    assertEquals(prints(folder.stdout), prints(zip.stdout));
  });
});

Deno.test("cli: an export reports each occurrence in a field, not its copy in blocks", async () => {
  await tempDir(async (dir) => {
    const pat = githubPat("repeat");
    const said = `old ${pat} and again ${pat}`;
    const blocks = [{
      type: "rich_text",
      elements: [{ type: "rich_text_section", elements: [{ type: "text", text: said }] }],
    }];
    await Deno.writeTextFile(`${dir}/channels.json`, '[{"id": "C1", "name": "general"}]');
    await Deno.writeTextFile(`${dir}/users.json`, '[{"id": "U1", "name": "alice"}]');
    await Deno.mkdir(`${dir}/general`);
    await Deno.writeTextFile(
      `${dir}/general/2024-05-01.json`,
      JSON.stringify([
        { type: "message", user: "U1", ts: "1714550400.000100", text: said, blocks },
        { type: "message", user: "U1", ts: "1714550401.000100", text: `once ${pat}`, blocks },
      ]),
    );
    const ran = await cli(["--format", "json", dir]);
    assertEquals(ran.code, 1, ran.stderr);
    assertNoSecret(ran, [pat]);
    const rows = jsonl(ran.stdout);
    // Two in the first message's text (its blocks repeat them); one in the second's text, and
    // the second its blocks hold beyond it.
    assertEquals(rows.map((r) => `${r.ts} ${r.field}`), [
      "1714550400.000100 text",
      "1714550400.000100 text",
      "1714550401.000100 text",
      "1714550401.000100 blocks",
    ]);
  });
});

Deno.test("cli: bad JSON in an export is named and the other days are scanned", async () => {
  await tempDir(async (dir) => {
    const demo = await buildDemoExport(dir, "bad-json");
    // Broken where a secret sits: the parser's message would quote it.
    const pat = githubPat("bad-json");
    await Deno.writeTextFile(`${demo.folder}/random/2024-05-03.json`, `[{"text": ${pat} cut sh`);
    const ran = await cli(["--format", "json", demo.folder]);
    assertEquals(ran.code, 1);
    assertStringIncludes(ran.stderr, "random/2024-05-03.json");
    assertStringIncludes(ran.stderr, "bad JSON");
    assertNoSecret(ran, [pat, pat.slice(0, 8)]);
    const rows = jsonl(ran.stdout);
    assertEquals(rows.length >= demo.planted.length + 1, true);
    // The file is still read, as plain text.
    assert(rows.some((r) => String(r.path).endsWith("random/2024-05-03.json")));
  });
});

Deno.test("cli: AWS pair in a plain file is reported without the secret", async () => {
  await tempDir(async (dir) => {
    const aws = awsKeyPair("cli");
    await Deno.writeTextFile(
      `${dir}/credentials`,
      `[default]\naws_access_key_id = ${aws.id}\naws_secret_access_key = ${aws.secret}\n`,
    );
    const ran = await cli(["--format", "table", dir]);
    assertEquals(ran.code, 1);
    assertNoSecret(ran, [aws.id, aws.secret]);
  });
});

Deno.test("cli: -o writes the report, as `deno task scan` runs it (write granted for it)", async () => {
  const config = await Deno.readTextFile(`${ROOT}/deno.jsonc`);
  const task = /"scan": "deno run ([^"]*) cli\/main\.ts"/.exec(config);
  assert(task, "the scan task");
  assertStringIncludes(task[1], "--allow-write");
  await tempDir(async (dir) => {
    const pat = githubPat("output");
    await Deno.writeTextFile(`${dir}/notes.txt`, `token ${pat}\n`);
    const ran = await cli(["-o", `${dir}/report.json`, "-f", "json", `${dir}/notes.txt`], {
      write: true,
    });
    assertEquals(ran.code, 1, ran.stderr);
    const rows = jsonl(await Deno.readTextFile(`${dir}/report.json`));
    assertEquals(rows.map((r) => r.rule), ["github-classic-pat"]);
  });
});

Deno.test("cli: a secret typed where a path goes is echoed redacted", async () => {
  const pat = githubPat("typed");
  const ran = await cli(["--format", "json", pat]);
  assertEquals(ran.code, 2);
  assertStringIncludes(ran.stderr, "no such file or folder");
  assertNoSecret(ran, [pat]);
  assertStringIncludes(ran.stderr, `${pat.slice(0, 4)}`);
});

Deno.test("cli: the repository itself holds no credential", async () => {
  const ran = await cli(["--format", "json", "--no-progress", "."], { cwd: ROOT });
  assertEquals(ran.stdout, "", "the repository must hold no literal credential");
  assertEquals(ran.code, 0, ran.stderr);
});
