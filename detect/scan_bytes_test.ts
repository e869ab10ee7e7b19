// The byte path must find exactly what the string path finds: same hits as the keyword regex,
// same findings (rule, line, column, fingerprint, preview) as scanSync on the decoded text, with
// start/end as byte offsets. Inputs: every rule's examples in varied surroundings, the labelled
// evaluation corpus, the benchmark's chat corpus, and random and adversarial bytes.
import { assertEquals } from "@std/assert";
import { scanSync } from "./scan.ts";
import { hitPlan, keywordHits } from "./hit_plan.ts";
import { bytesInput, scanBytes, utf8Length } from "./scan_bytes.ts";
import { HitScanner, nonAsciiCaseForms, TRIGGER_ID } from "./hit_scanner.ts";
import { RULES } from "./rules/mod.ts";
import { evalCorpus } from "./eval/corpus.ts";
import { ChatGenerator } from "../bench/corpus.ts";
import { SOURCE_SHA256 } from "./wasm/hits_wasm.ts";
import { sourceDigest } from "../scripts/wasm/source_digest.ts";
import { seededRandom } from "./entropy.ts";
import type { Finding } from "./types.ts";
import { fakeSlackToken } from "../test_support/fake_tokens.ts";

const enc = new TextEncoder();

function shape(f: Finding) {
  return [
    f.ruleId,
    f.line,
    f.column,
    f.endLine,
    f.endColumn,
    f.fingerprint,
    f.redacted,
    f.confidence,
  ]
    .join(" ");
}

function assertSameFindings(text: string, label = "") {
  const bytes = enc.encode(text);
  const want = scanSync(text, { mrkdwn: false });
  const got = scanBytes(bytes);
  assertEquals(got.map(shape), want.map(shape), label);
  for (let i = 0; i < got.length; i++) {
    assertEquals(got[i].start, enc.encode(text.slice(0, want[i].start)).length, label);
    assertEquals(got[i].end, enc.encode(text.slice(0, want[i].end)).length, label);
  }
}

/** Byte-scanner hits of an ASCII text, as [index, id] with split shapes and invisibles -1. */
function byteHits(text: string): number[] {
  const plan = hitPlan();
  const words = plan.keywords.map((k) => ({ bytes: enc.encode(k), id: 0 }));
  words.forEach((w, i) => w.id = i);
  const scanner = new HitScanner(words);
  const bytes = enc.encode(text);
  scanner.input(bytes.length).set(bytes);
  const hits = Array.from(scanner.scan(bytes.length));
  for (let i = 1; i < hits.length; i += 2) if (hits[i] === TRIGGER_ID) hits[i] = -1;
  return hits;
}

function ruleTexts(): string[] {
  const out: string[] = [];
  for (const rule of RULES) {
    for (const p of rule.examples.positives()) out.push(p.text);
    for (const n of rule.examples.negatives()) out.push(n);
  }
  return out;
}

Deno.test("hit scanner: same hits as the keyword regex (rule examples, mixed case, any offset)", () => {
  const texts = ruleTexts();
  for (const [i, t] of texts.entries()) {
    for (const pad of [0, 1, 7, 15, 16, 17]) {
      // ASCII only here: the regex reports characters, the scanner bytes.
      const text = ".".repeat(pad) + (i % 2 ? t.toUpperCase() : t);
      if (/[^ -~\t\n\r]/.test(text)) continue;
      const want = keywordHits(text).filter((_, k, a) =>
        k % 2 === 1 ? a[k] !== -1 : a[k + 1] !== -1
      );
      const got = byteHits(text).filter((_, k, a) => k % 2 === 1 ? a[k] !== -1 : a[k + 1] !== -1);
      assertEquals(got, want, text);
    }
  }
});

Deno.test("hit scanner: split shapes (x*oxb-) are reported, at the end of the input too", () => {
  const x = "x";
  for (
    const s of [
      `${x}*ox`,
      `${x}o_${x}`,
      `${x}ox*b`,
      `${x}oxb*-`,
      `${x}ap*p`,
      `${x}a~pp`,
      `${x}\`app`,
    ]
  ) {
    for (const text of [s, "ab " + s, "a".repeat(40) + s + " tail"]) {
      const hits = byteHits(text);
      assertEquals(hits.filter((_, k) => k % 2 === 1).includes(-1), true, text);
    }
  }
});

Deno.test("hit scanner: more hits than its first output room (the list grows, none lost)", () => {
  const text = "token ".repeat(40000);
  assertEquals(byteHits(text).length / 2, 40000);
});

Deno.test("scanBytes: rule examples among non-ASCII, CRLF and long lines give scanSync's findings", () => {
  const texts = ruleTexts();
  const around = [
    (t: string) => t,
    (t: string) => `héllo wörld 🙂\n${t}\nmerci ✓`,
    (t: string) => `a\r\n${t}\r\nb`,
    (t: string) => "x".repeat(5000) + " " + t + " " + "é".repeat(3000),
    (t: string) => `line one\n\n${t} ${t}\n`,
  ];
  for (const t of texts) for (const f of around) assertSameFindings(f(t), t);
});

Deno.test("utf8Length: TextEncoder's length of any slice, lone surrogates included", () => {
  const random = seededRandom(7);
  const units = [0x41, 0x7f, 0x80, 0x7ff, 0x800, 0xe9, 0xffff, 0xd83d, 0xde42, 0xdc00, 0xdbff];
  for (let round = 0; round < 500; round++) {
    const codes = Array.from(
      { length: 1 + Math.floor(random() * 40) },
      () =>
        random() < 0.5
          ? units[Math.floor(random() * units.length)]
          : Math.floor(random() * 0x10000),
    );
    const text = String.fromCharCode(...codes);
    const from = Math.floor(random() * text.length);
    const to = from + Math.floor(random() * (text.length - from + 1));
    assertEquals(utf8Length(text, from, to), enc.encode(text.slice(from, to)).length, text);
  }
});

Deno.test("scanBytes: thousands of findings in one region keep exact byte offsets", () => {
  const token = fakeSlackToken("xoxb", "many-findings");
  const lines = Array.from(
    { length: 3000 },
    (_, i) =>
      i % 3 === 0 ? `héllo 🙂 token ${token} ✓` : i % 3 === 1 ? `ok ${token}` : `é ${token} ü`,
  );
  assertSameFindings(lines.join("\n"));
});

Deno.test("scanBytes: keywords with non-ASCII letters, capitalised and in capitals", () => {
  const value = "Kx9" + "mQ2vLr8" + "Tz4#9";
  for (const k of hitPlan().keywords.filter((k) => /[\u0080-\uffff]/.test(k))) {
    for (const form of [k, ...nonAsciiCaseForms(k)]) {
      for (const text of [`${form}: ${value}`, `nouveau ${form} du serveur : ${value}`]) {
        assertSameFindings(text, text);
      }
    }
  }
  assertEquals(scanBytes(new TextEncoder().encode(`Пароль от стенда: ${value}`)).length, 1);
});

Deno.test("scanBytes: the labelled evaluation corpus, one message and all together", () => {
  const samples = evalCorpus();
  for (const s of samples) assertSameFindings(s.text, s.shape);
  assertSameFindings(samples.map((s) => s.text).join("\n"));
});

Deno.test("scanBytes: 2 MB of the benchmark's chat corpus with planted secrets", () => {
  const gen = new ChatGenerator(7);
  const lines: string[] = [];
  let size = 0;
  while (size < 2_000_000) {
    const line = gen.line();
    lines.push(line);
    size += line.length + 1;
  }
  const text = lines.join("\n");
  const found = scanSync(text, { mrkdwn: false });
  assertEquals(found.length > 0, true);
  assertSameFindings(text);
});

Deno.test("scanBytes: more live hits than the scanner's first output room (its memory grows)", () => {
  // 50,000 name = value lines the gates cannot rule out (the validator rejects them), which
  // outgrow the hit list the scanner starts with; real credentials before, among and after them.
  const x = "x";
  const token = (n: number) =>
    `${x}oxb-${String(n).repeat(12)}-${String(n + 1).repeat(13)}-aB3dE5gH7jK9mN1pQ3sT5vX${n}`;
  const lines = [`SLACK_BOT_TOKEN=${token(1)}`];
  for (let i = 0; i < 50_000; i++) {
    lines.push(`svc_${i}.secret_ref = vault:secret/data/svc${i}/prod`);
    if (i === 25_000) lines.push(`backup token: ${token(2)}`);
  }
  lines.push(`late: ${token(3)}`);
  const text = lines.join("\n");
  assertEquals(scanSync(text, { mrkdwn: false }).length, 3);
  assertSameFindings(text);
});

Deno.test("scanBytes: random and adversarial bytes", () => {
  const rand = seededRandom(4242);
  const pieces = [
    "xox",
    "b-",
    "-",
    "token",
    "PASS",
    "://",
    "=",
    ": ",
    '"',
    "\n",
    " ",
    "é",
    "🙂",
    "\u200b",
    "*",
    "_",
    "~",
    "`",
    "AKIA",
    "eyJ",
    "ghp_",
    "sk-",
    "1234567890",
    "abcdefABCDEF",
    "\r\n",
  ];
  for (let round = 0; round < 200; round++) {
    let t = "";
    const n = 1 + Math.floor(rand() * 300);
    for (let i = 0; i < n; i++) t += pieces[Math.floor(rand() * pieces.length)];
    assertSameFindings(t, JSON.stringify(t));
  }
  // Invalid UTF-8 decodes to U+FFFD on both paths.
  const bad = new Uint8Array([0x74, 0x6f, 0x6b, 0x65, 0x6e, 0x3d, 0xff, 0xfe, 0x41, 0x0a]);
  const text = new TextDecoder().decode(bad);
  assertEquals(scanBytes(bad).map(shape), scanSync(text, { mrkdwn: false }).map(shape));
});

Deno.test("scanBytes: input read straight into its buffer is not copied and scans the same", () => {
  const x = "x";
  const text = `deploy\nSLACK_BOT_TOKEN=${x}oxb-${"1".repeat(12)}-${
    "2".repeat(13)
  }-${"aB3dE5gH7jK9mN1pQ3sT5vX7"}\n`;
  const bytes = enc.encode(text);
  const buf = bytesInput(bytes.length);
  buf.set(bytes);
  assertEquals(scanBytes(buf).map(shape), scanSync(text, { mrkdwn: false }).map(shape));
  assertEquals(scanBytes(new Uint8Array(0)), []);
});

Deno.test("wasm build: the embedded module was built from scripts/wasm/*.as.ts as they are", async () => {
  assertEquals(
    await sourceDigest(),
    SOURCE_SHA256,
    "run `bash scripts/wasm/build.sh` after editing scripts/wasm/*.as.ts",
  );
});
