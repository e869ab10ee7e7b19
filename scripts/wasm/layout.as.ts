// The module's memory layout and the constants its parts share. Table layout: byte offsets in
// linear memory. The caller (detect/hit_scanner.ts) writes the tables, then the input, then
// calls scan(); tableOffsets() lets it check its own copy of this layout.
export const CLASS: usize = 1024; // 256 x u8: byte -> its trie column (0: in no keyword)
// Sixteen places at a time: each keyword's first three bytes (OR 0x20, so both cases of a
// letter look alike) belong to one of 16 buckets, one per first byte where possible, in 2 sets
// of 8. For set s and byte k of a place, NIBBLES + (s * 3 + k) * 32 holds the buckets whose k-th
// byte may have that low nibble (16 bytes), then that high nibble (16 bytes). A place is a
// candidate when some bucket allows all three of its bytes: about 2 in 100 in chat text.
export const NIBBLES: usize = 2048; // 2 sets x 3 bytes x (16 + 16) bytes
// u8 per byte: its character classes (CH_*), for the gates; then u8 per byte: 1 when a value
// prefix (PREFIXES) starts with it, in either case. The module fills both itself.
export const CHARS: usize = 2304;
export const PREFIX_FIRST: usize = 2560;
export const BEFORE: usize = 3072; // u8 per gate kind: how far back a hit's word may start
// Value prefixes of references to a secret kept elsewhere (`vault:`, `process.env`, …, lower
// case): u8 count, then per prefix u8 length and its bytes. A value starting with one is never
// accepted by the name = value rules' validator.
export const PREFIXES: usize = 3200;
// u16 per trie node: 1 + the id of the keyword ending there, or 0.
export const ACCEPT: usize = 4096;
export const GATES: usize = 12288; // u8 per keyword id: gates to pass (GATE_*), 0: always reported
// 128 x u16 per node: column -> child node (0: none); node 0 is root.
export const TRIE: usize = 16384;
const FREE: usize = 1048576; // first byte the caller may use for output and input

export const TRIGGER_ID: u32 = 0xfff0;
export const GATE_NAME_VALUE: u32 = 1;
export const GATE_URL: u32 = 2;
export const GATE_HEX32: u32 = 4;
export const GATE_SENTENCE: u32 = 8;
export const GATE_DELIMITED: u32 = 16;
export const GATE_PHRASE: u32 = 32;


// scan() modes. SHOWN: the text is Slack mrkdwn, which the scanner also reads as a person sees
// it, so the gates say "maybe" at any character normalize() may change. JSON: the bytes are a
// JSON document whose string values hold the text: escapes are read as what they stand for
// (`\/` is `/`, `\n` and `\r` end a line, any other escape is "maybe"), a raw quote ends the
// text, and hits inside ZONES (near places where two strings' texts are joined) pass ungated.
export const MODE_SHOWN: u32 = 1;
export const MODE_JSON: u32 = 2;

/** What a gate reads for a byte it cannot vouch for: always "maybe". */
export const CHANGE: u32 = 0x100;

export function freeOffset(): usize {
  return FREE;
}

export function tableOffsets(): usize {
  // The tables' offsets, written at `FREE` so the caller can check them against its own copy
  // of the layout.
  store<u32>(FREE, CLASS as u32);
  store<u32>(FREE + 4, NIBBLES as u32);
  store<u32>(FREE + 8, ACCEPT as u32);
  store<u32>(FREE + 12, TRIE as u32);
  store<u32>(FREE + 16, BEFORE as u32);
  store<u32>(FREE + 20, GATES as u32);
  store<u32>(FREE + 24, PREFIXES as u32);
  store<u32>(FREE + 28, CHARS as u32);
  store<u32>(FREE + 32, PREFIX_FIRST as u32);
  return FREE;
}
