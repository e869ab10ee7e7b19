// JSON day files: the top-level array's elements, and where two string values' texts may be
// joined (rich-text leaves are concatenated: a keyword, or a gate's reading, may cross).

@inline
function isJsonSpace(c: u32): bool {
  return c == 32 || c == 10 || c == 13 || c == 9;
}

function skipJsonSpace(input: usize, n: i32, i: i32): i32 {
  while (i < n && isJsonSpace(load<u8>(input + i) as u32)) i++;
  return i;
}

/** Whether the string at [s, e) (quotes excluded) is `text` or `url`. */
@inline
function isTextKey(input: usize, s: i32, e: i32): bool {
  if (e - s == 4) return load<u32>(input + s) == 0x74786574; // "text"
  if (e - s == 3) return load<u16>(input + s) == 0x7275 && load<u8>(input + s + 2) == 0x6c;
  return false;
}

/**
 * Splits a JSON array into its elements: writes (u32 start, u32 end) per element at `out`
 * (at most `cap`) and, at `joins`, (u32 end of a text, u32 start of the next) for each pair of
 * consecutive `text`/`url` string values of objects in one array (rich-text leaves of one
 * container: no bracket between them), at most `joinCap`; the count goes to `joins - 4`.
 * Returns the element count, or -1 when the document is not an array or its structure is
 * malformed (unbalanced brackets, an unterminated string, a raw control character in one).
 * Only the structure is checked: JSON.parse reads the messages that matter.
 */
export function jsonElements(
  input: usize,
  n: i32,
  out: usize,
  cap: i32,
  joins: usize,
  joinCap: i32,
): i32 {
  const first = skipJsonSpace(input, n, 0);
  if (first >= n || load<u8>(input + first) != 91) return -1;
  let count = 0, joinCount = 0;
  let depth = 0; // 0: inside the top-level array
  let epoch: u32 = 0; // brackets seen: leaves of one container have no bracket between them
  let start = skipJsonSpace(input, n, first + 1); // the current element's first byte
  let keyIsText = false; // the last key read was "text" or "url": its value comes next
  let lastTextEnd = -1; // closing quote of the element's last text/url value
  let lastTextAt: u32 = 0; // where that value sat: (epoch << 8) | depth
  let strStart = -1, strEnd = -1; // the last string, until what follows it says key or value
  // The last opening and closing quotes of the blocks before, and the last structural byte.
  let lastOpen = -1, lastClose = -1, lastEvent = first;
  // Carried from one 64-byte block to the next: the block starts inside a string (all ones),
  // its first byte is escaped (1).
  let inside: u64 = 0, escapedFirst: u64 = 0;
  for (let base = first + 1; base < n; base += 64) {
    // Bit k of each mask: byte base + k is a quote, a backslash, one of `{}[],:`, a control.
    let quote: u64 = 0, slash: u64 = 0, structural: u64 = 0, control: u64 = 0;
    for (let k = 0; k < 4; k++) {
      const v = v128.load(input + base + k * 16);
      const f = v128.or(v, i8x16.splat(0x20)); // `[` `]` fold onto `{` `}`
      const shift = (k * 16) as u64;
      quote |= (i8x16.bitmask(i8x16.eq(v, i8x16.splat(34))) as u64) << shift;
      slash |= (i8x16.bitmask(i8x16.eq(v, i8x16.splat(92))) as u64) << shift;
      control |= (i8x16.bitmask(i8x16.lt_u(v, i8x16.splat(0x20))) as u64) << shift;
      const s = v128.or(
        v128.or(i8x16.eq(f, i8x16.splat(0x7b)), i8x16.eq(f, i8x16.splat(0x7d))),
        v128.or(i8x16.eq(v, i8x16.splat(44)), i8x16.eq(v, i8x16.splat(58))),
      );
      structural |= (i8x16.bitmask(s) as u64) << shift;
    }
    if (n - base < 64) {
      // The last block reads past the input (into the lists after it): those bytes are none.
      const valid = ((1 as u64) << ((n - base) as u64)) - 1;
      quote &= valid;
      slash &= valid;
      structural &= valid;
      control &= valid;
    }
    // A backslash escapes the byte after it (which, if a backslash, escapes nothing).
    let escaped: u64 = escapedFirst;
    let escapers = slash & ~escapedFirst;
    escapedFirst = 0;
    while (escapers != 0) {
      const k = ctz(escapers);
      escapers &= escapers - 1;
      if (k == 63) {
        escapedFirst = 1;
        break;
      }
      const next = (1 as u64) << (k + 1);
      escaped |= next;
      escapers &= ~next;
    }
    const quotes = quote & ~escaped;
    // Inside a string: from its opening quote up to (not including) its closing one.
    let x = quotes;
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    const strings = x ^ inside;
    inside = (strings >> 63) != 0 ? ~(0 as u64) : 0;
    if ((control & strings) != 0) return -1; // a raw control character in a string
    const opening = quotes & strings, closing = quotes & ~strings;
    // Only the structural bytes are walked; a string's quotes are looked up when the byte after
    // it comes (in JSON, a structural one: `:` after a key, `,` `}` `]` after a value).
    let events = structural & ~strings;
    while (events != 0) {
      const k = ctz(events);
      events &= events - 1;
      const i = base + (k as i32);
      const c = load<u8>(input + i) as u32;
      // The string that ended since the last structural byte, if one did.
      const closes = closing & (((1 as u64) << (k as u64)) - 1);
      const close = closes != 0 ? base + 63 - (clz(closes) as i32) : lastClose;
      if (close > lastEvent) {
        let open = lastOpen;
        if (close >= base) {
          const opens = opening & (((1 as u64) << ((close - base) as u64)) - 1);
          if (opens != 0) open = base + 63 - (clz(opens) as i32);
        }
        if (open < close) {
          strStart = open;
          strEnd = close;
        }
      }
      lastEvent = i;
      if (strStart >= 0) {
        // The string before this byte: a key if `:` follows, else a value.
        if (c == 58) {
          keyIsText = isTextKey(input, strStart + 1, strEnd);
        } else {
          if (keyIsText) {
            const at = (epoch << 8) | (depth as u32);
            if (lastTextEnd >= 0 && lastTextAt == at) {
              if (joinCount < joinCap) {
                store<u32>(joins + ((joinCount as usize) << 3), lastTextEnd as u32);
                store<u32>(joins + ((joinCount as usize) << 3) + 4, (strStart + 1) as u32);
              }
              joinCount++;
            }
            lastTextEnd = strEnd;
            lastTextAt = at;
          }
          keyIsText = false;
        }
        strStart = -1;
      }
      if (c == 123 || c == 91) {
        depth++;
        if (c == 91) epoch++;
      } else if (c == 125 || c == 93) {
        if (depth == 0) {
          if (c != 93) return -1;
          // The array's end: the last element, unless the array is empty.
          let end = i;
          while (end > start && isJsonSpace(load<u8>(input + end - 1) as u32)) end--;
          if (end > start) {
            if (count < cap) {
              store<u32>(out + ((count as usize) << 3), start as u32);
              store<u32>(out + ((count as usize) << 3) + 4, end as u32);
            }
            count++;
          } else if (count > 0) return -1; // `[1,]`
          store<u32>(joins - 4, joinCount as u32);
          return skipJsonSpace(input, n, i + 1) == n ? count : -1;
        }
        depth--;
        if (c == 93) epoch++;
      } else if (c == 44 && depth == 0) {
        let end = i;
        while (end > start && isJsonSpace(load<u8>(input + end - 1) as u32)) end--;
        if (end == start) return -1; // an empty element
        if (count < cap) {
          store<u32>(out + ((count as usize) << 3), start as u32);
          store<u32>(out + ((count as usize) << 3) + 4, end as u32);
        }
        count++;
        start = skipJsonSpace(input, n, i + 1);
        lastTextEnd = -1;
        keyIsText = false;
      }
    }
    if (closing != 0) lastClose = base + 63 - (clz(closing) as i32);
    if (opening != 0) lastOpen = base + 63 - (clz(opening) as i32);
  }
  return -1; // the input ended inside the array
}
