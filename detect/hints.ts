// Does the event's `text` show everything the poster sent? The message_posted trigger carries
// only `text`; when it is empty or a stand-in (file share, interactive blocks, attachment
// fallback) or visibly cut off next to a credential prefix, the guard should fetch the full
// message (blocks, attachments, files) before deciding it is clean.

/** Texts Slack (or clients) put in `text` when the real content lives in blocks or files. */
const STAND_INS = [
  /^this message contains interactive elements\.?$/i,
  /^this content can(?:'|’)t be displayed\.?$/i,
  /^\[?no preview available\]?$/i,
  /^(?:\[attachment\]|\(attachment\)|attachment)$/i,
  /^<?[^\s>]*files\.slack\.com\/[^\s>]*>?$/i,
  /\b(?:shared|uploaded) (?:a|an|\d+) (?:file|files|image|snippet|post)\b/i,
  /^(?:forwarded|shared) (?:a )?message\b/i,
];

/** A credential prefix or keyword at the very end: the secret itself was cut off. */
const CUT_PREFIX =
  /(?:xox[a-z]?(?:\.xox[a-z]?)?-?(?:\d-?)?|xapp-?(?:\d-?)?|xwfp-?|hooks\.slack(?:-gov)?\.com\/?[a-z]*\/?|gh[pousr]_|github_pat_|sk-(?:ant-|proj-)?|sk_live_|rk_live_|aiza|gocspx-|akia|npm_|eyj|-----begin[a-z ]*-*|(?:token|secret|password|api[_ -]?key)\s*[:=]\s*["'`]?)$/i;

/** A credential prefix followed by an ellipsis: a preview or summary, not the message. */
const ELIDED =
  /(?:xox[a-z]|xapp|xwfp|hooks\.slack|gh[pousr]_|github_pat_|sk-|sk_live|aiza|akia|npm_|eyj)[^\s]{0,80}?(?:\.\.\.|…)/i;

/** True when `text` may not hold the whole message (empty, a stand-in, or truncated). */
export function contentMayBeElsewhere(text: string): boolean {
  const t = text.trim();
  if (t.length === 0) return true;
  if (STAND_INS.some((re) => re.test(t))) return true;
  if (CUT_PREFIX.test(t.slice(-120))) return true;
  if (/(?:\.\.\.|…)$/.test(t) && t.length >= 3000) return true;
  if (t.length < 20000 && ELIDED.test(t)) return true;
  return false;
}
