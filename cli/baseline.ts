// `--baseline FILE`: fingerprints already known (accepted, or being handled) are not reported
// again. The file is either a previous `--format json` output (one object per line with a
// `fingerprint`) or a plain list of fingerprints, one per line; `#` starts a comment.

const FINGERPRINT = /^[0-9a-f]{64}$/;

export class BaselineError extends Error {
  override name = "BaselineError";
}

/** Parses a baseline's text into a set of fingerprints; throws BaselineError on a bad line. */
export function parseBaseline(text: string, name = "baseline"): Set<string> {
  const known = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#")) continue;
    if (line.startsWith("{")) {
      let fp: unknown;
      try {
        fp = (JSON.parse(line) as { fingerprint?: unknown }).fingerprint;
      } catch {
        throw new BaselineError(`${name}:${i + 1}: not valid JSON`);
      }
      if (typeof fp !== "string" || !FINGERPRINT.test(fp.toLowerCase())) {
        throw new BaselineError(`${name}:${i + 1}: no "fingerprint" (64 hex characters)`);
      }
      known.add(fp.toLowerCase());
      continue;
    }
    const word = line.split(/\s+/)[0].toLowerCase();
    if (!FINGERPRINT.test(word)) {
      throw new BaselineError(`${name}:${i + 1}: expected a SHA-256 fingerprint (64 hex)`);
    }
    known.add(word);
  }
  return known;
}

export async function readBaseline(path: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    throw new BaselineError(`${path}: cannot read baseline (${(e as Error).message})`);
  }
  return parseBaseline(text, path);
}
