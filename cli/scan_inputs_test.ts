// A plain file is read using the size its walk saw: a file that changed size since is still read
// to its end (grown: the rest streams; shrunk: what is there), as bytes and as mrkdwn text.
import { assertEquals } from "@std/assert";
import { fakeSlackToken } from "../test_support/fake_tokens.ts";
import { engineFns } from "./engine_fns.ts";
import { Progress } from "./progress.ts";
import { type ScanContext, scanInputs } from "./scan_inputs.ts";
import type { Input } from "./walk.ts";

function context(mrkdwn: "auto" | "on"): ScanContext {
  return {
    ...engineFns(),
    workers: 0,
    mrkdwn,
    maxSize: 64 * 1024 * 1024,
    progress: new Progress(0, false),
    onError: (line) => {
      throw new Error(line);
    },
    onSkip: () => {},
  };
}

Deno.test("scan inputs: a file that grew or shrank since the walk is read to its end", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const token = fakeSlackToken("xoxb", "stale-size");
    const text = `${"chat about nothing in particular\n".repeat(2000)}deploy with ${token}\n`;
    const path = `${dir}/chat.log`;
    await Deno.writeTextFile(path, text);
    const bytes = new TextEncoder().encode(text).length;
    // As bytes (the usual path) and as mrkdwn text (read in chunks).
    for (const mrkdwn of ["auto", "on"] as const) {
      for (const seen of [0, 100, bytes - 1, bytes, bytes + 5000]) {
        const input: Input = { kind: "file", path, size: seen, named: false };
        const totals = await scanInputs([input], context(mrkdwn));
        const why = `${mrkdwn}: walk saw ${seen} bytes`;
        assertEquals(totals.bytes, bytes, why);
        assertEquals(totals.found.map((l) => [l.finding.ruleId, l.line]), [
          ["slack-bot-token", 2001],
        ], why);
      }
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
