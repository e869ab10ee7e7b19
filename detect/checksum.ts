// CRC32 and base62, the two pieces of the checksum GitHub and npm build into their tokens: the
// last 6 characters of `ghp_…`/`npm_…` are the CRC32 of the 30 characters before them, written in
// base62 (0-9A-Za-z) and left-padded with "0". A scanner that checks it can tell a real token from
// a look-alike without calling the provider (roughly 1 in 57 billion random strings pass).

export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as zlib) of the UTF-8 bytes of `s`, as an unsigned 32-bit number. */
export function crc32(s: string): number {
  const bytes = new TextEncoder().encode(s);
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Base62 of a non-negative integer, left-padded with "0" to `width`. */
export function base62Encode(n: number, width = 0): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError("base62Encode: not a safe integer");
  let out = "";
  do {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(width, "0");
}

/** The integer a base62 string stands for, or -1 when it holds a character outside 0-9A-Za-z. */
export function base62Decode(s: string): number {
  let n = 0;
  for (const ch of s) {
    const d = BASE62.indexOf(ch);
    if (d < 0) return -1;
    n = n * 62 + d;
  }
  return n;
}

/**
 * True when `body` (the part after the prefix, e.g. the 36 characters after `ghp_`) ends with the
 * 6-character base62 CRC32 of everything before those 6 characters.
 */
export function hasBase62Crc32(body: string): boolean {
  if (body.length <= 6) return false;
  const payload = body.slice(0, -6);
  return base62Encode(crc32(payload), 6) === body.slice(-6);
}

/** Appends the 6-character checksum to `payload` (for building test tokens at run time). */
export function withBase62Crc32(payload: string): string {
  return payload + base62Encode(crc32(payload), 6);
}
