// The manifest as the Slack CLI would see it (`slack manifest` runs get-manifest on manifest.ts):
// names, scopes with reasons, every workflow step's function, every source file present.
import "./test_support/manifest_env.ts";
import { assert, assertEquals } from "@std/assert";
import manifest from "./manifest.ts";
import { BOT_SCOPES, OUTGOING_DOMAINS } from "./scopes.ts";

const root = new URL("./", import.meta.url);
// deno-lint-ignore no-explicit-any
const json = manifest as any;

Deno.test("manifest names the app and describes it", () => {
  assertEquals(json.display_information.name, "Token Guard");
  assert(
    json.display_information.description.length <= 140,
    "short description fits Slack's limit",
  );
  assert(
    json.display_information.long_description.length >= 175,
    "long description is long enough",
  );
  assertEquals(json.settings.function_runtime, "slack");
});

Deno.test("bot scopes are exactly the ones with a reason in scopes.ts", () => {
  assertEquals([...json.oauth_config.scopes.bot].sort(), Object.keys(BOT_SCOPES).sort());
  for (const [scope, reason] of Object.entries(BOT_SCOPES)) {
    assert(reason.trim().length > 20, `scope ${scope} needs a reason an admin can read`);
  }
  for (const [domain, reason] of Object.entries(OUTGOING_DOMAINS)) {
    assert(reason.trim().length > 20, `outgoing domain ${domain} needs a reason`);
  }
  assertEquals(
    [...(json.outgoing_domains ?? [])].sort(),
    Object.keys(OUTGOING_DOMAINS).sort(),
  );
});

Deno.test("the health check workflow is declared and its function is a step", () => {
  const wf = json.workflows.check_token_guard;
  assert(wf, "check_token_guard workflow exists");
  assertEquals(wf.steps[0].function_id, "#/functions/check_token_guard");
});

Deno.test("every function's source file exists and every step names a declared function", async () => {
  const functions = Object.entries(json.functions ?? {}) as [string, { source_file: string }][];
  assert(functions.length >= 1);
  for (const [id, fn] of functions) {
    const stat = await Deno.stat(new URL(fn.source_file, root));
    assert(stat.isFile, `${id}: ${fn.source_file} exists`);
  }
  for (
    const [id, wf] of Object.entries(json.workflows ?? {}) as [
      string,
      { steps: { function_id: string }[] },
    ][]
  ) {
    for (const step of wf.steps) {
      const fn = step.function_id;
      if (fn.startsWith("#/functions/")) {
        assert(
          fn.slice("#/functions/".length) in json.functions,
          `${id}: step calls ${fn}, which is declared`,
        );
      } else {
        assert(fn.startsWith("slack#/functions/"), `${id}: step calls ${fn}, a built-in`);
      }
    }
  }
});

Deno.test("the icon is a square PNG of at least 512 px", async () => {
  const png = await Deno.readFile(new URL(json.icon, root));
  assertEquals([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(""), "PNG");
  const view = new DataView(png.buffer, png.byteOffset);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  assertEquals(width, height);
  assert(width >= 512 && width <= 2000, `icon is ${width}px`);
});

Deno.test("datastores hold no attribute that could carry a raw secret or message text", () => {
  for (
    const [name, ds] of Object.entries(json.datastores ?? {}) as [
      string,
      { attributes: Record<string, unknown> },
    ][]
  ) {
    for (const attr of Object.keys(ds.attributes)) {
      assert(
        !/^(secret|token|text|message|raw|value)$/.test(attr),
        `${name}.${attr} looks like it could hold a secret`,
      );
    }
  }
});
