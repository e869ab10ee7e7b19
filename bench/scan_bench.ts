// `deno task bench`: the engine on 1 MB of generated chat (see bench/corpus.ts), as one text,
// as mrkdwn, and message by message (what the Slack app does); then the CLI's byte paths.
import { scanSync } from "../detect/scan.ts";
import { hitPlan } from "../detect/hit_plan.ts";
import { scanBytes } from "../detect/scan_bytes.ts";
import { HitScanner } from "../detect/hit_scanner.ts";
import { dayMessages } from "../cli/day_filter.ts";
import { generate, writeCorpusExport } from "./corpus.ts";

const parts: string[] = [];
await generate(1 << 20, (t) => {
  parts.push(t);
  return Promise.resolve();
}, { seed: 3, plantEvery: 250_000 });
const text = parts.join("");
const messages = text.split("\n[");

Deno.bench("scanSync 1 MB chat, plain text", { group: "chat", baseline: true }, () => {
  scanSync(text, { mrkdwn: false });
});

Deno.bench("scanSync 1 MB chat, mrkdwn", { group: "chat" }, () => {
  scanSync(text, { mrkdwn: true });
});

Deno.bench(`scanSync 1 MB chat, ${messages.length} messages one by one`, { group: "chat" }, () => {
  for (const m of messages) scanSync(m, { mrkdwn: true });
});

// The byte paths the CLI takes: plain files as bytes (wasm keyword scan, gates, regions), and
// export day files split into messages with only the marked ones read.
const bytes = new TextEncoder().encode(text);
Deno.bench("scanBytes 1 MB chat (the CLI's plain-file path)", { group: "chat" }, () => {
  scanBytes(bytes);
});

const hitScanner = new HitScanner(
  hitPlan().keywords.map((k, id) => ({ bytes: new TextEncoder().encode(k), id })),
);
hitScanner.input(bytes.length).set(bytes);
Deno.bench("wasm keyword hits only, 1 MB chat (no gates)", { group: "hits" }, () => {
  hitScanner.scan(bytes.length);
});

const dir = await Deno.makeTempDir();
await writeCorpusExport(dir, 1 << 20, 5);
const days: Uint8Array[] = [];
for (const c of Deno.readDirSync(dir)) {
  if (!c.isDirectory) continue;
  for (const f of Deno.readDirSync(`${dir}/${c.name}`)) {
    days.push(Deno.readFileSync(`${dir}/${c.name}/${f.name}`));
  }
}
await Deno.remove(dir, { recursive: true });
Deno.bench(`dayMessages over a 1 MB export (${days.length} day files)`, { group: "export" }, () => {
  for (const d of days) dayMessages(d);
});

// One long line, as a minified JSON dump gives: its hits share one line, and time must grow with
// its length, not with its square (compare the two sizes).
for (const records of [2000, 4000]) {
  const rows = Array.from({ length: records }, (_, i) => ({ id: i, user: `u${i}`, password: "x" }));
  const line = new TextEncoder().encode(JSON.stringify(rows).replaceAll('"x"', '"Zq8rK2mT9vLp"'));
  Deno.bench(
    `scanBytes, minified JSON: one ${line.length >> 10} KB line`,
    { group: "line" },
    () => {
      scanBytes(line);
    },
  );
}
