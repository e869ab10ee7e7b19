// Raw UTF-8 bytes read as characters by a gate (Rule.mayStart) that must never say "no" where
// the decoded text would say "maybe": an ASCII byte is its character, and any other byte reads
// as U+FFFD, which every gate treats as "may change" (so: maybe). Positions are byte offsets.
import type { CharReader } from "./types.ts";

export class ByteText implements CharReader {
  readonly length: number;

  constructor(readonly bytes: Uint8Array) {
    this.length = bytes.length;
  }

  charCodeAt(index: number): number {
    const c = this.bytes[index];
    if (c === undefined) return NaN;
    return c < 0x80 ? c : 0xfffd;
  }
}
