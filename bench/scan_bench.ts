// `deno task bench`: the engine on 1 MB of generated chat (see bench/corpus.ts), as one text
// (the CLI's plain-file path), as mrkdwn, and message by message (the Slack export path).
import { scanSync } from "../detect/scan.ts";
import { generate } from "./corpus.ts";

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
