// The human report: one aligned row per finding, then a summary line. Columns are sized to their
// content; the location column comes last so long paths and permalinks wrap harmlessly.
import { printable } from "./printable.ts";
import type { Located } from "./report.ts";

export interface Summary {
  files: number;
  bytes: number;
  seconds: number;
  skipped: number;
  errors: number;
  baselined: number;
}

function where(l: Located): string {
  if (!l.slack) return `${printable(l.path)}:${l.line}:${l.column}`;
  const s = l.slack;
  const who = s.user ?? s.userId ?? "unknown user";
  const thread = s.threadTs ? ", thread reply" : "";
  return printable(`${s.permalink} (${who}${thread}, ${s.field})`);
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}

export function formatTable(found: Located[], summary: Summary): string {
  const header = ["RULE", "CONF", "SECRET (REDACTED)", "FINGERPRINT", "WHERE"];
  const rows = found.map((l) => [
    l.finding.ruleId,
    l.finding.confidence,
    // A preview shows a secret's first and last characters: a bidi override among them would
    // reorder the row.
    printable(l.finding.redacted),
    l.finding.fingerprint.slice(0, 12),
    where(l),
  ]);
  const lines: string[] = [];
  if (rows.length > 0) {
    // A reduce, not Math.max(...): a spread of 200,000 rows overflows the stack.
    const widths = header.map((h, i) =>
      rows.reduce((w, r) => Math.max(w, [...r[i]].length), h.length)
    );
    const render = (r: string[]) =>
      r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]))).join("  ").trimEnd();
    lines.push(render(header));
    lines.push(render(widths.map((w) => "-".repeat(Math.min(w, 40)))));
    for (const r of rows) lines.push(render(r));
    lines.push("");
  }
  lines.push(summaryLine(found.length, summary));
  return lines.join("\n") + "\n";
}

export function summaryLine(count: number, s: Summary): string {
  const mb = (s.bytes / 1e6).toFixed(s.bytes < 1e5 ? 2 : 1);
  const parts = [
    count === 0 ? "No credentials found" : `${count} credential${count === 1 ? "" : "s"} found`,
    `${s.files} file${s.files === 1 ? "" : "s"}, ${mb} MB in ${s.seconds.toFixed(2)} s`,
  ];
  if (s.baselined) parts.push(`${s.baselined} known from the baseline`);
  if (s.skipped) parts.push(`${s.skipped} skipped (binary or over --max-size)`);
  if (s.errors) parts.push(`${s.errors} unreadable (see above)`);
  return parts.join("; ") + ".";
}
