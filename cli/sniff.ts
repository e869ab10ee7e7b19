// What a file holds, told from its first bytes. Binary the way git and grep tell it: a NUL byte
// near the start, which text in UTF-8 (and every ASCII-compatible encoding) never has. Two kinds
// of file with NULs are text all the same and are read: UTF-16 (what Windows PowerShell's `>`
// writes, and .reg exports) and gzip (rotated logs).

export const SNIFF_BYTES = 8192;

export type Content = "text" | "binary" | "utf-16le" | "utf-16be" | "gzip";

export function looksBinary(head: Uint8Array): boolean {
  return head.subarray(0, SNIFF_BYTES).indexOf(0) !== -1;
}

export function sniffContent(bytes: Uint8Array): Content {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (head.indexOf(0) === -1) return "text";
  return unmarkedUtf16(head) ?? "binary";
}

/**
 * UTF-16 without a byte order mark: mostly ASCII text, so a NUL in nearly every high byte and in
 * no low byte. Binary formats do not keep that pattern over a whole head.
 */
function unmarkedUtf16(head: Uint8Array): Content | undefined {
  const pairs = head.length >> 1;
  if (pairs < 4) return undefined;
  let evenNul = 0, oddNul = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.9 && evenNul === 0) return "utf-16le";
  if (evenNul >= pairs * 0.9 && oddNul === 0) return "utf-16be";
  return undefined;
}
