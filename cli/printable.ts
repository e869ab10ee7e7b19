// Names that reach a terminal (file paths, zip entry names, Slack user names) come from whoever
// made the input: a control character in one could move the cursor, recolour or retitle the
// terminal, or hide a row, a bidi override could make a path read as another, and a zero-width
// character could make two names look alike. They are shown as escapes instead, so a report shows
// exactly what is there.

// deno-lint-ignore no-control-regex
const UNPRINTABLE = /[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
