// The keyword scan: sixteen places at a time through the nibble filter, the trie at each
// candidate, and each hit's gates.
import { fillChars } from "./chars.as";
import { gatesPass } from "./gates.as";
import { GATES, NIBBLES, TRIGGER_ID } from "./layout.as";
import { allowed, matchAt } from "./match.as";
import { setMode } from "./read.as";

/** Zones (u32 start, u32 end, ascending) where hits pass ungated; the next one not passed. */
let zoneAt: usize = 0;
let zoneEnd: usize = 0;

@inline
function inZone(at: i32): bool {
  while (zoneAt < zoneEnd && (load<u32>(zoneAt + 4) as i32) < at) zoneAt += 8;
  return zoneAt < zoneEnd && (load<u32>(zoneAt) as i32) <= at;
}

@inline
function passes(input: usize, n: i32, found: usize, at: i32, len: i32): bool {
  const id = load<u32>(found);
  if (id >= TRIGGER_ID) return true;
  const gates = load<u8>(GATES + id) as u32;
  if (gates == 0 || inZone(at)) return true;
  return gatesPass(input, n, gates, at, at + len);
}

/**
 * Scans `n` bytes at `input`; writes each hit its gates pass (see GATES) as (u32 start,
 * u32 keyword id) at `out`, at most
 * `cap` hits, and returns how many there are (more than `cap` means the output was cut: the
 * caller scans again with room for all).
 */
export function scan(
  input: usize,
  n: i32,
  out: usize,
  cap: i32,
  scanMode: u32,
  zones: usize,
  zoneCount: i32,
): i32 {
  fillChars();
  setMode(scanMode);
  zoneAt = zones;
  zoneEnd = zones + ((zoneCount as usize) << 3);
  const found = out - 4; // scratch word for matchAt's id (the caller leaves it free)
  let count = 0;
  let next = 0; // hits do not overlap: none starts before the end of the previous one
  let i = 0;
  // The tables, loaded once: twelve vectors.
  const a0 = v128.load(NIBBLES), a1 = v128.load(NIBBLES + 16);
  const a2 = v128.load(NIBBLES + 32), a3 = v128.load(NIBBLES + 48);
  const a4 = v128.load(NIBBLES + 64), a5 = v128.load(NIBBLES + 80);
  const c0 = v128.load(NIBBLES + 96), c1 = v128.load(NIBBLES + 112);
  const c2 = v128.load(NIBBLES + 128), c3 = v128.load(NIBBLES + 144);
  const c4 = v128.load(NIBBLES + 160), c5 = v128.load(NIBBLES + 176);
  while (i + 18 <= n) {
    const p = input + i;
    const low = i8x16.splat(15), fold = i8x16.splat(0x20);
    const b0 = v128.or(v128.load(p), fold);
    const b1 = v128.or(v128.load(p + 1), fold);
    const b2 = v128.or(v128.load(p + 2), fold);
    const l0 = v128.and(b0, low), h0 = i8x16.shr_u(b0, 4);
    const l1 = v128.and(b1, low), h1 = i8x16.shr_u(b1, 4);
    const l2 = v128.and(b2, low), h2 = i8x16.shr_u(b2, 4);
    const m = v128.or(
      v128.and(
        v128.and(allowed(a0, a1, l0, h0), allowed(a2, a3, l1, h1)),
        allowed(a4, a5, l2, h2),
      ),
      v128.and(
        v128.and(allowed(c0, c1, l0, h0), allowed(c2, c3, l1, h1)),
        allowed(c4, c5, l2, h2),
      ),
    );
    if (v128.any_true(m)) {
      let bits = i8x16.bitmask(i8x16.ne(m, i8x16.splat(0)));
      while (bits != 0) {
        const at = i + ctz(bits);
        bits &= bits - 1;
        if (at < next) continue;
        const len = matchAt(input, n, at, found);
        if (len == 0) continue;
        next = at + len;
        if (!passes(input, n, found, at, len)) continue;
        if (count < cap) {
          store<u32>(out + ((count as usize) << 3), at as u32);
          store<u32>(out + ((count as usize) << 3) + 4, load<u32>(found));
        }
        count++;
      }
    }
    i += 16;
  }
  // The last few places, one by one.
  if (next > i) i = next;
  while (i < n - 1) {
    const len = matchAt(input, n, i, found);
    if (len == 0) {
      i++;
      continue;
    }
    if (!passes(input, n, found, i, len)) {
      i += len;
      continue;
    }
    if (count < cap) {
      store<u32>(out + ((count as usize) << 3), i as u32);
      store<u32>(out + ((count as usize) << 3) + 4, load<u32>(found));
    }
    count++;
    i += len;
  }
  return count;
}
