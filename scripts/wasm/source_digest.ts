// The SHA-256 (hex) of the keyword scanner's AssemblyScript source: every `*.as.ts` file in this
// folder, by name, each name and its bytes in turn. The embedded build carries it, so a test can
// tell when the source changed without a rebuild.

export async function sourceDigest(dir: URL = new URL(".", import.meta.url)): Promise<string> {
  const names = [...Deno.readDirSync(dir)]
    .filter((e) => e.isFile && e.name.endsWith(".as.ts"))
    .map((e) => e.name)
    .sort();
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const name of names) {
    parts.push(enc.encode(`${name}\n`), await Deno.readFile(new URL(name, dir)), enc.encode("\n"));
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", all));
  return Array.from(digest).map((b) => b.toString(16).padStart(2, "0")).join("");
}
