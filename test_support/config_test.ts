// The production config (deno.jsonc, official imports for `slack deploy`) and the offline configs
// (npm build of the same SDK, for tests here) must never drift apart, and source code must only
// use bare specifiers so that both configs decide where a module comes from.
import { assert, assertEquals } from "@std/assert";
import { parseJsonc } from "./jsonc.ts";

const root = new URL("../", import.meta.url);

interface DenoConfig {
  imports: Record<string, string>;
  nodeModulesDir?: unknown;
  exclude?: string[];
  lock?: boolean;
}

async function readConfig(name: string): Promise<DenoConfig> {
  return parseJsonc(await Deno.readTextFile(new URL(name, root))) as DenoConfig;
}

const SKIP_DIRS = new Set(["node_modules", ".git", ".ci", ".tools", "docs"]);

async function sourceFiles(dir: URL, out: URL[] = []): Promise<URL[]> {
  for await (const entry of Deno.readDir(dir)) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const url = new URL(entry.name + (entry.isDirectory ? "/" : ""), dir);
    if (entry.isDirectory) await sourceFiles(url, out);
    else if (/\.(ts|tsx|js|mjs)$/.test(entry.name)) out.push(url);
  }
  return out;
}

const IMPORT =
  /^\s*(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

function specifiersOf(code: string): string[] {
  return [...code.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function resolves(map: Record<string, string>, specifier: string): boolean {
  if (specifier in map) return true;
  return Object.keys(map).some((key) => key.endsWith("/") && specifier.startsWith(key));
}

Deno.test("production imports are the official ones", async () => {
  const prod = await readConfig("deno.jsonc");
  assertEquals(prod.imports["deno-slack-sdk/"], "https://deno.land/x/deno_slack_sdk@2.15.1/");
  assertEquals(prod.imports["deno-slack-api/"], "https://deno.land/x/deno_slack_api@2.8.0/");
  assertEquals(prod.imports["@std/assert"], "jsr:@std/assert@^1.0.15");
});

Deno.test("the two offline configs map the same specifiers to the same places", async () => {
  const deno2 = await readConfig("offline.jsonc");
  const deno1 = await readConfig("offline.deno1.jsonc");
  assertEquals(deno1.imports, deno2.imports);
  assertEquals(deno1.exclude, deno2.exclude);
  // The only difference: Deno 1.46 takes a boolean, Deno 2 takes "manual".
  assertEquals(deno2.nodeModulesDir, "manual");
  assertEquals(deno1.nodeModulesDir, true);
});

Deno.test("every offline specifier is also mapped by the production config, and back", async () => {
  const prod = await readConfig("deno.jsonc");
  const offline = await readConfig("offline.jsonc");
  for (const key of Object.keys(offline.imports)) {
    assert(resolves(prod.imports, key), `offline.jsonc maps "${key}" but deno.jsonc does not`);
  }
  for (const key of Object.keys(prod.imports)) {
    const covered = key.endsWith("/")
      ? Object.keys(offline.imports).some((k) => k.startsWith(key))
      : key in offline.imports;
    assert(covered, `deno.jsonc maps "${key}" but offline.jsonc maps nothing under it`);
  }
});

Deno.test("source code imports only bare specifiers that both configs resolve", async () => {
  const prod = await readConfig("deno.jsonc");
  const offline = await readConfig("offline.jsonc");
  const files = await sourceFiles(root);
  assert(files.length > 10, "the walk found the source files");
  const problems: string[] = [];
  for (const file of files) {
    const code = await Deno.readTextFile(file);
    const where = file.pathname.slice(root.pathname.length);
    for (const spec of specifiersOf(code)) {
      if (spec.startsWith(".") || spec.startsWith("/")) continue;
      if (spec.startsWith("node:")) continue;
      if (/^(npm|jsr|https?|file):/.test(spec)) {
        problems.push(`${where} names "${spec}" directly: map a bare specifier in the configs`);
      } else if (!resolves(prod.imports, spec) || !resolves(offline.imports, spec)) {
        problems.push(
          `${where} imports "${spec}", which deno.jsonc and offline.jsonc do not both map`,
        );
      }
    }
  }
  assertEquals(problems, []);
});

Deno.test("the specifier check itself catches a direct npm: import", () => {
  const code = ['import { x } from "n', 'pm:left-pad@1";\n', 'import "./local.ts";'].join("");
  assertEquals(specifiersOf(code).filter((s) => s.startsWith("npm:")).length, 1);
});
