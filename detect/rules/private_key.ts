// PEM and PGP private keys: RSA, EC, DSA, OPENSSH, PKCS#8 (`PRIVATE KEY`), encrypted PKCS#8 and
// PGP private key blocks. The header alone proves nothing (docs print it around `...`), so the
// body must hold at least 64 characters of base64 (the smallest real key, PKCS#8 Ed25519, is 64)
// with base64-like entropy, once the `Proc-Type:`/`DEK-Info:`/`Version:` headers, the PGP `=CRC`
// line, whitespace and literal `\n` escapes (keys pasted from JSON or .env files) are set aside.
// Keys whose newlines became spaces in chat match too. A body made of a few base64 characters
// around a filler (`MIIEow...`, `<key here>`) is a placeholder; 200+ base64 characters are a
// leak even when cut short with an ellipsis. The END line must be present. Certificates and
// public keys have other headers and never match.
import type { Rule } from "../types.ts";
import { ALPHABET, hasFiller, randomString, seededRandom, shannonEntropy } from "../entropy.ts";

const DASHES = "-".repeat(5);
const BEGIN = DASHES + "BEGIN ";
const END = DASHES + "END ";
const PK = ["PRIVATE", "KEY"].join(" ");

const QUOTE_MARKERS = /(^|\n)[ \t]*(?:&gt;|>)/g;
const PEM_HEADER = /^(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset|MessageID):/i;

/**
 * The width a key's material was laid out at (64, 70, or another a generator chose): every line
 * of one length but the last, which is no longer. Kept, a key pasted as written is its own form
 * at any width, and the same lines quoted, indented, flattened or with CRLF or `\n` escapes give
 * the same form. One line, or uneven ones: none (the tools' width is used).
 */
function lineWidth(widths: number[]): number | undefined {
  if (widths.length < 2) return undefined;
  const w = widths[0];
  if (w < 40 || w > 100 || widths.at(-1)! > w) return undefined;
  return widths.slice(0, -1).every((x) => x === w) ? w : undefined;
}

/**
 * How much of `body` is base64 key material, after headers, escapes and whitespace are dropped:
 * the material (its padding apart, in `pad`), the headers (`Proc-Type: 4,ENCRYPTED`) and what is
 * neither.
 */
export function keyMaterial(
  body: string,
): { base64: string; pad: string; headers: string[]; other: string; widths: number[] } {
  // A key quoted in Slack has a quote marker (`>`, sent as `&gt;`) at the start of each line.
  // A removed key in a diff has `-` before each of its lines: no base64 starts with one.
  // A key escaped twice (JSON inside a JSON string) has `\\n` between its lines, and PHP's
  // encoder writes `/` as `\/`.
  const tokens = body.replace(/\\+[nrt]/g, " ").replace(/\\+\//g, "/").replace(QUOTE_MARKERS, "$1")
    .split(/\s+/)
    .map((t) => t.replace(/^-(?=[A-Za-z0-9+/])/, ""))
    .filter((t) => t.length > 0);
  let base64 = "", pad = "", other = "";
  const widths: number[] = [];
  const headers: string[] = [];
  let headerValue = false;
  for (const t of tokens) {
    const header = PEM_HEADER.exec(t);
    if (header) {
      const rest = t.slice(header[0].length);
      headers.push(rest ? `${header[0]} ${rest}` : header[0]);
      headerValue = true;
      continue;
    }
    if (headerValue && /[,.\-]|^\d/.test(t)) { // "4,ENCRYPTED", "AES-128-CBC,…"
      headers[headers.length - 1] += " " + t;
      continue;
    }
    headerValue = false;
    if (/^=[A-Za-z0-9+/]{4}$/.test(t)) continue; // PGP armor checksum
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(t)) {
      const material = t.replace(/=+$/, "");
      base64 += material;
      pad = t.slice(material.length);
      widths.push(t.length);
    } else other += t;
  }
  return { base64, pad, headers, other, widths };
}

export function plausibleKeyBody(body: string): boolean {
  const { base64, other } = keyMaterial(body);
  if (base64.length < 64) return false;
  if (base64.length < 200 && (hasFiller(body) || other.length > 0)) return false;
  if (other.length > base64.length / 4) return false;
  // Random base64 sits near 6 bits/char; real DER bodies are 5.5+. Filler like "AAAA…" or a
  // repeated line is far below.
  return shannonEntropy(base64) >= 4.5;
}

/**
 * One key, one form: the key as its tools write it (RFC 7468): the BEGIN line, any `Proc-Type` and
 * `DEK-Info` headers and a blank line, the base64 material in lines of the width it was pasted at
 * (64, or 70 for OpenSSH as ssh-keygen writes them, when it came as one run), the END line. A key
 * pasted flat, indented in YAML, quoted, with CRLF or with `\n` escapes is the same leak, and a
 * key pasted as written is its own fingerprint.
 * (PGP blocks keep the older form: BEGIN line, material, END line.)
 */
export function canonicalKey(secret: string): string {
  const open = secret.indexOf(DASHES, 5) + 5;
  const close = secret.lastIndexOf(END);
  const begin = secret.slice(0, open), end = secret.slice(close);
  const { base64, pad, headers, widths } = keyMaterial(secret.slice(open, close));
  if (begin.includes("PGP")) return [begin, base64, end].join("\n");
  const width = lineWidth(widths) ?? (begin.includes("OPENSSH") ? 70 : 64);
  const lines = (base64 + pad).match(new RegExp(`.{1,${width}}`, "g")) ?? [];
  const head = headers.length > 0 ? [...headers, ""] : [];
  return [begin, ...head, ...lines, end].join("\n");
}

export function pem(kind: string, body: string, sep = "\n"): string {
  const lines = body.match(/.{1,64}/g) ?? [];
  const label = (kind ? kind + " " : "") + PK;
  return [BEGIN + label + DASHES, ...lines, END + label + DASHES].join(sep);
}

/** How every base64-encoded PEM block starts (`-----BEGIN ` fixes its first 14 characters). */
const B64_BEGIN = btoa(DASHES + "BEGIN ").slice(0, 14);

/** The private key PEM inside base64 `encoded` (kubeconfig `client-key-data`), or null. */
function decodedKey(encoded: string): string | null {
  let text: string;
  try {
    text = atob(encoded);
  } catch {
    return null;
  }
  const m = new RegExp(KEY_PATTERN.source).exec(text);
  return m !== null && validKey(m[0]) ? m[0] : null;
}

/**
 * The private key of a Google service account key file encoded in base64 (one environment
 * variable for a platform that takes no files: `GOOGLE_CREDENTIALS_BASE64=…`), or null.
 */
export function serviceAccountKey(encoded: string): string | null {
  let file: unknown;
  try {
    file = JSON.parse(atob(encoded));
  } catch {
    return null;
  }
  const key = (file as { private_key?: unknown } | null)?.private_key;
  if (typeof key !== "string") return null;
  const m = new RegExp(KEY_PATTERN.source).exec(key.replaceAll("\\n", "\n"));
  return m !== null && validKey(m[0]) ? m[0] : null;
}

function validKey(secret: string): boolean {
  const open = secret.indexOf(DASHES, 5) + 5;
  const close = secret.lastIndexOf(END);
  return open > 5 && close > open && plausibleKeyBody(secret.slice(open, close));
}

const KEY_PATTERN =
  /-----BEGIN (?:[A-Z0-9]{1,12} ){0,2}PRIVATE KEY(?: BLOCK)?-----(?<body>(?:[^-]|-[^-]){0,10000})-?-----END (?:[A-Z0-9]{1,12} ){0,2}PRIVATE KEY(?: BLOCK)?-----/g;

export const rules: Rule[] = [
  {
    id: "private-key",
    family: "private-key",
    description: "Private key (PEM: RSA, EC, DSA, OpenSSH, PKCS#8, encrypted; PGP key block)",
    keywords: ["private key"],
    pattern: KEY_PATTERN,
    validate: validKey,
    canonical: canonicalKey,
    confidence: "high",
    window: { before: 48, after: 20100 },
    examples: {
      positives: () => {
        const rand = seededRandom(12101);
        const b64 = (n: number) => randomString(ALPHABET.base64, n, rand);
        const rsa = pem("RSA", "MIIEpAIBAAKCAQEA" + b64(1600));
        const pkcs8 = pem("", "MC4CAQAwBQYDK2VwBCIEI" + b64(43));
        const ssh = pem("OPENSSH", "b3BlbnNzaC1rZXktdjEA" + b64(380), " ");
        const ec = pem("EC", "MHcCAQEEI" + b64(220), "\\n");
        const twice = pem("EC", "MHcCAQEEI" + b64(220), "\\\\n");
        const enc = pem("ENCRYPTED", "MIIFHzBJBgkqhkiG9w0BBQ0w" + b64(1200));
        const legacyEnc = pem(
          "RSA",
          "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F2A9C" + "\n\n" + b64(1200),
        );
        const pgpLabel = "PGP " + PK + " BLOCK";
        const pgp = [
          BEGIN + pgpLabel + DASHES,
          "Version: GnuPG v2",
          "",
          ...(b64(900).match(/.{1,64}/g) ?? []),
          "=" + b64(4),
          END + pgpLabel + DASHES,
        ].join("\n");
        return [
          { text: `here is the deploy key:\n${rsa}\nthanks`, secret: rsa },
          { text: pkcs8, secret: pkcs8 },
          { text: `key: ${ssh} (from ~/.ssh)`, secret: ssh },
          { text: `{"private_key": "${ec}\\n"}`, secret: ec },
          // A service account file kept as a JSON string inside another JSON document.
          { text: `"{\\"private_key\\": \\"${twice}\\\\n\\"}"`, secret: twice },
          { text: enc, secret: enc },
          { text: legacyEnc, secret: legacyEnc },
          { text: pgp, secret: pgp },
        ];
      },
      negatives: () => [
        `${BEGIN}RSA ${PK}${DASHES}\n...\n${END}RSA ${PK}${DASHES}`,
        `${BEGIN}${PK}${DASHES}\n<your key here>\n${END}${PK}${DASHES}`,
        `${BEGIN}${PK}${DASHES}\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n${END}${PK}${DASHES}`,
        pem("RSA", "A".repeat(1200)),
        `paste everything from ${BEGIN}OPENSSH ${PK}${DASHES} down to the END line`,
        `${BEGIN}CERTIFICATE${DASHES}\nMIIB${"k".repeat(10)}\n${END}CERTIFICATE${DASHES}`,
      ],
    },
  },
  {
    id: "private-key-base64",
    family: "private-key",
    description: "Private key PEM encoded in base64 (kubeconfig client-key-data, Helm values)",
    keywords: [B64_BEGIN.toLowerCase()],
    exactKeywords: [B64_BEGIN],
    pattern:
      /(?<![A-Za-z0-9+/])(?<secret>LS0tLS1CRUdJTi[A-Za-z0-9+/]{80,16000}={0,2})(?![A-Za-z0-9+/=])/g,
    validate: (secret) => decodedKey(secret) !== null,
    // The key it holds: pasted decoded or encoded, one leak.
    canonical: (secret) => canonicalKey(decodedKey(secret) ?? secret),
    confidence: "high",
    window: { before: 0, after: 16100 },
    examples: {
      positives: () => {
        const rand = seededRandom(12201);
        const key = pem("RSA", "MIIEpAIBAAKCAQEA" + randomString(ALPHABET.base64, 1600, rand));
        const a = btoa(key + "\n");
        const b = btoa(pem("EC", "MHcCAQEEI" + randomString(ALPHABET.base64, 220, rand)));
        return [
          { text: `users:\n- name: ci\n  user:\n    client-key-data: ${a}`, secret: a },
          { text: `tls.key: ${b}`, secret: b },
        ];
      },
      negatives: () => {
        const rand = seededRandom(12202);
        const cert = `${BEGIN}CERTIFICATE${DASHES}\n${
          randomString(ALPHABET.base64, 600, rand)
        }\n${END}CERTIFICATE${DASHES}`;
        return [
          `client-certificate-data: ${btoa(cert)}`,
          `tls.key: ${btoa(pem("RSA", "A".repeat(1200)))}`,
        ];
      },
    },
  },
];
