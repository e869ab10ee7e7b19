// Character classes the gates read, one table load per byte (CHARS, filled by the module).
import { CHARS, PREFIX_FIRST, PREFIXES } from "./layout.as";

@inline
export function isBlank(c: u32): bool {
  return c == 32 || c == 9;
}

// Character classes (bits of CHARS), read with one load instead of a chain of compares: the
// gates read tens of characters per hit, and the compares' branches cost a quarter of their time.
const CH_SPACE: u8 = 1; // a blank or line end: 32, 9 to 13
const CH_NAME: u8 = 2; // a name character: letter, digit, _ . - [ ]
const CH_STOP: u8 = 4; // ends a value: a space, " ' ` , ; ) ] } >
export const CH_ALNUM: u8 = 8;
export const CH_HOST: u8 = 16; // letter, digit, . -
export const CH_PLAIN: u8 = 32; // letter, digit, . [ ]
export const CH_HEX: u8 = 64;
export const CH_SCHEME: u8 = 128; // letter, digit, + . -
let charsReady = false;

/** Fills CHARS and PREFIX_FIRST (once per instance, after the caller wrote PREFIXES). */
export function fillChars(): void {
  if (charsReady) return;
  memory.fill(PREFIX_FIRST, 0, 256);
  let at = PREFIXES + 1;
  for (let p = 0, count = load<u8>(PREFIXES) as i32; p < count; p++) {
    const len = load<u8>(at) as usize;
    if (len > 0) {
      const c = load<u8>(at + 1) as u32;
      store<u8>(PREFIX_FIRST + c, 1);
      if (c >= 97 && c <= 122) store<u8>(PREFIX_FIRST + c - 32, 1);
    }
    at += 1 + len;
  }
  for (let c: u32 = 0; c < 256; c++) {
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    const space = c == 32 || (c >= 9 && c <= 13);
    let k: u8 = 0;
    if (space) k |= CH_SPACE;
    if (alnum || c == 95 || c == 46 || c == 45 || c == 91 || c == 93) k |= CH_NAME;
    if (
      space || c == 34 || c == 39 || c == 96 || c == 44 || c == 59 || c == 41 || c == 93 ||
      c == 125 || c == 62
    ) k |= CH_STOP;
    if (alnum) k |= CH_ALNUM;
    if (alnum || c == 46 || c == 45) k |= CH_HOST;
    if (alnum || c == 46 || c == 91 || c == 93) k |= CH_PLAIN;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)) k |= CH_HEX;
    if (alnum || c == 43 || c == 46 || c == 45) k |= CH_SCHEME;
    store<u8>(CHARS + c, k);
  }
  charsReady = true;
}

/** Whether the byte (or read character: CHANGE and marks above 0xff have no class) is in `k`. */
@inline
export function inClass(c: u32, k: u8): bool {
  return c < 256 && (load<u8>(CHARS + c) & k) != 0;
}

@inline
export function isSpaceByte(c: u32): bool {
  return inClass(c, CH_SPACE);
}

@inline
export function isNameByte(c: u32): bool {
  return inClass(c, CH_NAME);
}

@inline
export function isValueStop(c: u32): bool {
  return inClass(c, CH_STOP);
}
