// Azure Storage shared access signatures: a SAS URL (`…blob.core.windows.net/c?sv=2022-11-02&…
// &sig=…`) or token grants what its `sp=` lists until `se=`, to anyone holding it. The secret is
// `sig`, an HMAC-SHA256 in base64 (32 bytes), URL-encoded; the parameters before it say it is a
// SAS: a service version `sv=` (a date) in the same query.
import type { Rule } from "../types.ts";
import { ALPHABET, isLowVariety, randomString, seededRandom } from "../entropy.ts";

/** Whether `sig`, URL-decoded (`%2B`, `%2F`, `%3D`), is the base64 of 32 bytes. */
function isSignature(sig: string): boolean {
  try {
    return /^[A-Za-z0-9+/]{43}=?$/.test(decodeURIComponent(sig));
  } catch {
    return false;
  }
}

/** The query the signature ends: a service version (`sv=2022-11-02`) before it, on its line. */
const SAS_QUERY =
  /(?:^|[?&;])sv=\d{4}-\d{2}-\d{2}(?:&(?:amp;)?[a-z]{2,5}=[^&\s"'`]{0,80}){1,16}&(?:amp;)?$/;

function validateSas(secret: string, ctx: { text: string; start: number }): boolean {
  if (!isSignature(secret) || isLowVariety(secret)) return false;
  const line = ctx.text.slice(Math.max(0, ctx.start - 600), ctx.start - 4);
  return SAS_QUERY.test(line.slice(line.lastIndexOf("\n") + 1));
}

export const rules: Rule[] = [
  {
    id: "azure-sas-token",
    family: "azure",
    description: "Azure Storage shared access signature (SAS URL or token: sv=…&sig=…)",
    keywords: ["sig="],
    pattern: /(?<![A-Za-z0-9_])sig=(?<secret>[A-Za-z0-9%+/]{43,90}=?)(?![A-Za-z0-9%+/=])/g,
    validate: validateSas,
    confidence: "high",
    // The query's other parameters (about 200 characters) come before `sig=`.
    window: { before: 620, after: 80 },
    examples: {
      positives: () => {
        const rand = seededRandom(15101);
        const sig = encodeURIComponent(btoa(randomString(ALPHABET.base62, 32, rand)).slice(0, 43)) +
          "%3D";
        const query = "sv=2022-11-02&ss=b&srt=sco&sp=rwdlac&se=2026-01-01T00:00:00Z&spr=https";
        return [
          {
            text: `EXPORT_SAS_URL='https://acme.blob.core.windows.net/r?${query}&sig=${sig}'`,
            secret: sig,
          },
          {
            text: `--set sasUrl=https://x.blob.core.windows.net/c?${
              query.replaceAll("&", "&amp;")
            }&amp;sig=${sig} \\`,
            secret: sig,
          },
          { text: `?sv=2021-08-06&se=2025-07-01&sr=c&sp=rl&sig=${sig}`, secret: sig },
        ];
      },
      negatives: () => [
        "https://acme.blob.core.windows.net/r?sv=2022-11-02&sp=r&sig=<signature>",
        `https://api.example.com/callback?sig=${
          randomString(ALPHABET.base62, 43, seededRandom(15102))
        }`,
        `sv=2022-11-02&sp=r&sig=${"A".repeat(43)}%3D`,
      ],
    },
  },
];
