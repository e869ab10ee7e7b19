// The only form in which a secret is ever shown: its type prefix, a couple of characters, an
// ellipsis, the last few characters and the length, e.g. "xoxb-12…ab9f (56 chars)". At most a
// third of the part after the prefix is shown, so short secrets show less, tiny ones nothing.

/** Public, non-secret prefixes that name a credential's type; kept whole in the preview. */
const TYPE_PREFIX = new RegExp(
  "^(?:xoxe\\.xox[a-z]-\\d-|xox[a-z]-(?:2-)?|xapp-\\d-|xwfp-|" +
    "hooks\\.slack(?:-gov)?\\.com/[a-z]+/|https?://hooks\\.slack(?:-gov)?\\.com/[a-z]+/|" +
    "gh[pousr]_|github_pat_|AIza|GOCSPX-|sk-ant-(?:[a-z]+\\d\\d-)?|sk-(?:proj-|svcacct-|admin-)?|" +
    "[sr]k_(?:live|test)_|npm_|A[SK]IA|eyJ|-----BEGIN [A-Z ]{0,40}-----)",
);

/** Redacted preview of `secret`. Never returns more than about a third of it. */
export function redact(secret: string): string {
  const prefix = TYPE_PREFIX.exec(secret)?.[0] ?? "";
  const body = secret.slice(prefix.length).replace(/^\s+/, "");
  const budget = Math.floor(body.length / 3);
  let head = Math.min(2, budget);
  let tail = Math.min(4, budget - head);
  if (tail < 1) {
    head = 0;
    tail = Math.min(budget, 4);
  }
  const shown = (head > 0 ? body.slice(0, head) : "") + "…" +
    (tail > 0 ? body.slice(body.length - tail) : "");
  return `${prefix}${shown} (${secret.length} chars)`;
}
