// Binary detection the way git and grep do it: a NUL byte near the start. Text in UTF-8 (and
// every ASCII-compatible encoding) has none; images, archives, executables almost always do.
// UTF-16 text has NULs too and is skipped as binary, which the help text documents.

export const SNIFF_BYTES = 8192;

export function looksBinary(head: Uint8Array): boolean {
  return head.subarray(0, SNIFF_BYTES).indexOf(0) !== -1;
}
