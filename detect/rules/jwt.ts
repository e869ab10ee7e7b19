// JSON Web Tokens: three base64url segments where the first two decode to JSON objects and the
// header names an `alg`. Unsigned tokens (`alg: none`, or an empty third segment) are not reported:
// they carry no secret, anyone can mint one, and a leaked one grants nothing a forger could not
// already build. A signature shorter than 16 characters (under 96 bits) is a truncated sample, not
// a token. jwt.io's "John Doe" sample, printed across countless tutorials, is recognised by the
// CRC32 of its signature and not reported, nor is Supabase's anon key (public by design: every
// client app ships it). Confidence is medium: JWTs are often short-lived, but a session or service
// token in chat is a leak.
import type { Rule } from "../types.ts";
import { crc32 } from "../checksum.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";

/** CRC32 of signatures of JWTs printed in public documentation. */
const DOC_SIGNATURES = new Set([386614585]);

function decodeSegment(seg: string): unknown {
  try {
    const b64 = seg.replace(/-/g, "+").replace(/_/g, "/");
    const bin = atob(b64 + "===".slice((b64.length + 3) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function isSignedJwt(token: string): boolean {
  const [h, p, s] = token.split(".");
  if (s === undefined || s.length < 16) return false;
  if (DOC_SIGNATURES.has(crc32(s))) return false;
  const header = decodeSegment(h);
  if (!isObject(header) || typeof header.alg !== "string") return false;
  if (header.alg.toLowerCase() === "none") return false;
  return isObject(decodeSegment(p));
}

/**
 * Supabase's anon key: a JWT of `role: anon` that every client app ships, public by design (its
 * service-role key, the same shape with `role: service_role`, is the secret).
 */
function isPublicAnonKey(token: string): boolean {
  const payload = decodeSegment(token.split(".")[1]);
  return isObject(payload) && payload.role === "anon" && payload.iss === "supabase";
}

function b64url(s: string): string {
  return btoa(s).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

function makeJwt(header: object, payload: object, sig: string): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${sig}`;
}

export const rules: Rule[] = [
  {
    id: "jwt",
    family: "jwt",
    description: "JSON Web Token (signed)",
    keywords: ["eyj"],
    exactKeywords: ["eyJ"],
    pattern:
      /(?<![A-Za-z0-9_-](?<!%[0-9A-Fa-f]{2}))(?<secret>eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{2,16384}\.[A-Za-z0-9_-]{16,1024})(?![A-Za-z0-9_-])/g,
    validate: (token) => isSignedJwt(token) && !isPublicAnonKey(token),
    confidence: "medium",
    window: { before: 16, after: 21600 },
    examples: {
      positives: () => {
        const rand = seededRandom(11101);
        const a = makeJwt(
          { alg: "HS256", typ: "JWT" },
          { sub: "U123", iat: 1700000000, role: "admin" },
          randomString(ALPHABET.base64url, 43, rand),
        );
        const b = makeJwt(
          { alg: "RS256", kid: "k1" },
          { iss: "https://auth.acme.io", exp: 1900000000 },
          randomString(ALPHABET.base64url, 342, rand),
        );
        return [
          { text: `Authorization: Bearer ${a}`, secret: a },
          { text: `cookie session=${b}; Path=/`, secret: b },
        ];
      },
      negatives: () => {
        const rand = seededRandom(11102);
        const unsigned = makeJwt({ alg: "none" }, { sub: "x" }, "");
        const noneSigned = makeJwt(
          { alg: "none" },
          { sub: "x" },
          randomString(ALPHABET.base64url, 43, rand),
        );
        const notJson = `${b64url("{not json")}.${b64url('{"a":1}')}.${
          randomString(ALPHABET.base64url, 43, rand)
        }`;
        const noAlg = makeJwt({ typ: "JWT" }, { a: 1 }, randomString(ALPHABET.base64url, 43, rand));
        const truncated = makeJwt({ alg: "HS256" }, { a: 1 }, "abc");
        const anon = makeJwt(
          { alg: "HS256", typ: "JWT" },
          { iss: "supabase", ref: "abcdefghijklmnopqrst", role: "anon", iat: 1700000000 },
          randomString(ALPHABET.base64url, 43, rand),
        );
        return [
          unsigned,
          noneSigned,
          notJson,
          noAlg,
          truncated,
          "eyJhbGciOi...",
          "eyJ0eXAi",
          `SUPABASE_ANON_KEY=${anon}`,
        ];
      },
    },
  },
];
