// Byte-level helpers for the caller: markers inside words, the ASCII prefix, newlines.

@inline
function isWordByte(c: u32): bool {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 ||
    c == 45;
}

@inline
function isMarkerByte(c: u32): bool {
  return c == 42 || c == 126 || c == 96;
}

/**
 * Markers inside a word (`pass*word`): a run of `*~\`` after a word character or `.` and
 * before a word character, where the scanner reads a mrkdwn text as shown. Writes the position
 * of each run's first marker at `out` (at most `cap`); returns how many there are.
 */
export function innerMarkers(input: usize, n: i32, out: usize, cap: i32): i32 {
  let count = 0;
  const star = i8x16.splat(42), tilde = i8x16.splat(126), tick = i8x16.splat(96);
  let i = 1;
  while (i < n) {
    if (i + 16 <= n) {
      const v = v128.load(input + i);
      const m = v128.or(v128.or(i8x16.eq(v, star), i8x16.eq(v, tilde)), i8x16.eq(v, tick));
      const bits = i8x16.bitmask(m);
      if (bits == 0) {
        i += 16;
        continue;
      }
      i += ctz(bits);
    }
    const c = load<u8>(input + i) as u32;
    if (!isMarkerByte(c)) {
      i++;
      continue;
    }
    const before = load<u8>(input + i - 1) as u32;
    let e = i + 1;
    while (e < n && isMarkerByte(load<u8>(input + e) as u32)) e++;
    if ((isWordByte(before) || before == 46) && e < n && isWordByte(load<u8>(input + e) as u32)) {
      if (count < cap) store<u32>(out + ((count as usize) << 2), i as u32);
      count++;
    }
    i = e;
  }
  return count;
}

/** How many of the `n` bytes at `input` come before the first non-ASCII one. */
export function asciiPrefix(input: usize, n: i32): i32 {
  let i = 0;
  const high = i8x16.splat(-128);
  while (i + 16 <= n) {
    const bits = i8x16.bitmask(v128.and(v128.load(input + i), high));
    if (bits != 0) return i + ctz(bits);
    i += 16;
  }
  while (i < n && load<u8>(input + i) < 0x80) i++;
  return i;
}

/** Newlines in `n` bytes at `input`, sixteen bytes at a time. */
export function countNewlines(input: usize, n: i32): i32 {
  let count = 0;
  let i = 0;
  const nl = i8x16.splat(10);
  while (i + 16 <= n) {
    const v = v128.load(input + i);
    count += popcnt<i32>(i8x16.bitmask(i8x16.eq(v, nl)));
    i += 16;
  }
  while (i < n) {
    if (load<u8>(input + i) == 10) count++;
    i++;
  }
  return count;
}

/**
 * UTF-16 code units that `n` bytes of UTF-8 at `input` decode to: one per byte that starts a
 * character, one more for each 4-byte lead (a surrogate pair). Sixteen bytes at a time.
 */
export function countUnits(input: usize, n: i32): i32 {
  let count = n;
  let i = 0;
  const top = i8x16.splat(0xc0 as i8);
  const cont = i8x16.splat(0x80 as i8);
  const lead4 = i8x16.splat(0xef as i8);
  while (i + 16 <= n) {
    const v = v128.load(input + i);
    count -= popcnt<i32>(i8x16.bitmask(i8x16.eq(v128.and(v, top), cont)));
    count += popcnt<i32>(i8x16.bitmask(i8x16.gt_u(v, lead4)));
    i += 16;
  }
  while (i < n) {
    const b = load<u8>(input + i);
    if ((b & 0xc0) == 0x80) count--;
    else if (b >= 0xf0) count++;
    i++;
  }
  return count;
}
