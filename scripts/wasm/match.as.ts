// Keyword matching at one place: the longest keyword of the trie (ASCII case folded), or a
// Slack prefix split by formatting markers (`x*oxb-`), which the scanner reports as a trigger;
// and the nibble test behind the sixteen-places-at-a-time filter.
import { ACCEPT, CLASS, TRIE, TRIGGER_ID } from "./layout.as";

@inline
export function isMarker(c: u32): bool {
  return c == 42 || c == 95 || c == 126 || c == 96; // * _ ~ `
}

@inline
function folded(input: usize, i: i32): u32 {
  const c = load<u8>(input + i) as u32;
  return c >= 65 && c <= 90 ? c | 32 : c;
}

/** End of a marker run starting at `i` (i itself when there is none). */
function markersEnd(input: usize, n: i32, i: i32): i32 {
  while (i < n && isMarker(load<u8>(input + i) as u32)) i++;
  return i;
}

/** Whether the folded bytes at `i` spell `word` (ASCII lower case, at most 3 bytes). */
@inline
function spells(input: usize, n: i32, i: i32, word: u32, len: i32): bool {
  if (i + len > n) return false;
  for (let k = 0; k < len; k++) {
    if (folded(input, i + k) != ((word >> ((k as u32) << 3)) & 0xff)) return false;
  }
  return true;
}

/**
 * Length of a split-keyword shape at `i` (an `x`), 0 when none: `x M+ ox`, `xo M+ x`,
 * `xox M+ [a-z]`, `xox [a-z] M+ [-.]`, `xap M+ p`, `xa M+ pp`, `x M+ app`, M = [*_~`]. These
 * are the scanner's SPLIT_TRIGGERS, tried in its order.
 */
function trigger(input: usize, n: i32, i: i32): i32 {
  const X: u32 = 0x78, O: u32 = 0x6f, A: u32 = 0x61, P: u32 = 0x70;
  // "x" + M+ + "ox" | "x" + M+ + "app"
  let e = markersEnd(input, n, i + 1);
  if (e > i + 1) {
    if (spells(input, n, e, O | (X << 8), 2)) return e + 2 - i;
    if (spells(input, n, e, A | (P << 8) | (P << 16), 3)) return e + 3 - i;
  }
  if (i + 1 < n && folded(input, i + 1) == O) {
    e = markersEnd(input, n, i + 2);
    if (e > i + 2 && e < n && folded(input, e) == X) return e + 1 - i;
    if (i + 2 < n && folded(input, i + 2) == X) {
      e = markersEnd(input, n, i + 3);
      if (e > i + 3 && e < n) {
        const c = folded(input, e);
        if (c >= 0x61 && c <= 0x7a) return e + 1 - i;
      }
      if (i + 3 < n) {
        const c = folded(input, i + 3);
        if (c >= 0x61 && c <= 0x7a) {
          e = markersEnd(input, n, i + 4);
          if (e > i + 4 && e < n) {
            const d = load<u8>(input + e) as u32;
            if (d == 45 || d == 46) return e + 1 - i;
          }
        }
      }
    }
  }
  if (i + 1 < n && folded(input, i + 1) == A) {
    if (i + 2 < n && folded(input, i + 2) == P) {
      e = markersEnd(input, n, i + 3);
      if (e > i + 3 && e < n && folded(input, e) == P) return e + 1 - i;
    }
    e = markersEnd(input, n, i + 2);
    if (e > i + 2 && spells(input, n, e, P | (P << 8), 2)) return e + 2 - i;
  }
  return 0;
}

/** Length of the longest keyword or split shape at `i` (0: none); its id goes to `found`. */
@inline
export function matchAt(input: usize, n: i32, i: i32, found: usize): i32 {
  let node: u32 = 0;
  let best = 0;
  let j = i;
  while (j < n) {
    const c = load<u8>(CLASS + (load<u8>(input + j) as usize)) as usize;
    if (c == 0) break;
    node = load<u16>(TRIE + ((node as usize) << 8) + (c << 1)) as u32;
    if (node == 0) break;
    j++;
    const accept = load<u16>(ACCEPT + ((node as usize) << 1)) as u32;
    if (accept != 0) {
      best = j - i;
      store<u32>(found, accept - 1);
    }
  }
  if (best == 0 && folded(input, i) == 0x78) {
    store<u32>(found, TRIGGER_ID);
    return trigger(input, n, i);
  }
  return best;
}

/** Buckets allowing nibbles `lo`, `hi` by tables `lt`, `ht` (indexes are in range). */
@inline
export function allowed(lt: v128, ht: v128, lo: v128, hi: v128): v128 {
  return v128.and(i8x16.relaxed_swizzle(lt, lo), i8x16.relaxed_swizzle(ht, hi));
}
