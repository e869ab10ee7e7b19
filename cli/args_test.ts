import { assertEquals, assertThrows } from "@std/assert";
import { DEFAULT_MAX_SIZE, parseArgs, parseSize, UsageError } from "./args.ts";

Deno.test("parseArgs: paths, defaults and stdin", () => {
  const o = parseArgs(["a.txt", "-", "dir"]);
  assertEquals(o.paths, ["a.txt", "-", "dir"]);
  assertEquals(o.format, undefined);
  assertEquals(o.mrkdwn, "auto");
  assertEquals(o.maxSize, DEFAULT_MAX_SIZE);
  assertEquals(o.progress, true);
});

Deno.test("parseArgs: options with separate and inline values", () => {
  const o = parseArgs([
    "--format=sarif",
    "-b",
    "known.jsonl",
    "--max-size",
    "2MB",
    "--rules",
    "slack-bot-token, github-pat",
    "--workspace=https://acme.slack.com",
    "--no-mrkdwn",
    "--no-progress",
    "-o",
    "out.sarif",
    "--",
    "--weird-file-name",
  ]);
  assertEquals(o.format, "sarif");
  assertEquals(o.baseline, "known.jsonl");
  assertEquals(o.maxSize, 2 * 1024 * 1024);
  assertEquals(o.rules, ["slack-bot-token", "github-pat"]);
  assertEquals(o.workspace, "acme");
  assertEquals(o.mrkdwn, "off");
  assertEquals(o.progress, false);
  assertEquals(o.output, "out.sarif");
  assertEquals(o.paths, ["--weird-file-name"]);
  assertEquals(parseArgs(["-f", "jsonl", "x"]).format, "json");
  assertEquals(parseArgs(["--mrkdwn", "x"]).mrkdwn, "on");
});

Deno.test("parseArgs: help needs no path", () => {
  assertEquals(parseArgs(["--help"]).help, true);
  assertEquals(parseArgs(["-h"]).paths, []);
});

Deno.test("parseArgs: usage errors say what is wrong", () => {
  assertThrows(() => parseArgs([]), UsageError, "no input");
  assertThrows(() => parseArgs(["--format", "xml", "x"]), UsageError, "not one of");
  assertThrows(() => parseArgs(["--nope", "x"]), UsageError, "unknown option --nope");
  assertThrows(() => parseArgs(["x", "--baseline"]), UsageError, "needs a value");
  assertThrows(() => parseArgs(["--help=yes"]), UsageError, "takes no value");
  assertThrows(() => parseArgs(["--rules", " , ", "x"]), UsageError, "at least one");
});

Deno.test("parseSize: units are binary, bad sizes are usage errors", () => {
  assertEquals(parseSize("2048"), 2048);
  assertEquals(parseSize("512KB"), 512 * 1024);
  assertEquals(parseSize("1.5m"), 1.5 * 1024 * 1024);
  assertEquals(parseSize("1G"), 1024 ** 3);
  assertThrows(() => parseSize("ten"), UsageError);
  assertThrows(() => parseSize("5 parsecs"), UsageError);
});

Deno.test("parseArgs: --jobs takes 1 or 2", () => {
  assertEquals(parseArgs(["a"]).jobs, undefined);
  assertEquals(parseArgs(["--jobs", "1", "a"]).jobs, 1);
  assertEquals(parseArgs(["--jobs=2", "a"]).jobs, 2);
  for (const bad of ["0", "3", "x", "1.5", ""]) {
    assertThrows(() => parseArgs(["--jobs", bad, "a"]), UsageError, "--jobs");
  }
});
