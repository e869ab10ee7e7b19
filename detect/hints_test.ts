import { assert, assertFalse } from "@std/assert";
import { contentMayBeElsewhere } from "./hints.ts";

Deno.test("hints: empty, stand-in or truncated text may hide content", () => {
  for (
    const t of [
      "",
      "   ",
      "This message contains interactive elements.",
      "here is the bot token " + ["xo", "xb-"].join(""),
      "token: ",
      "new key " + ["gh", "p_"].join("") + "Ab12…",
      "uploaded a file: config.env",
    ]
  ) assert(contentMayBeElsewhere(t), JSON.stringify(t));
});

Deno.test("hints: ordinary messages are complete", () => {
  for (
    const t of [
      "lunch at noon?",
      "deployed build 42 to staging, all green",
      "see the doc... thanks",
    ]
  ) assertFalse(contentMayBeElsewhere(t), t);
});
