// JSON Lines: one object per finding, stable keys, for scripts, `jq` and `--baseline`.
// Export-only keys are omitted (not null) for plain files. `start` and `end` are offsets in the
// text in UTF-16 code units (what JavaScript's string indices count, as the library's scan()
// gives them): in the file, or for an export in the message part named by `field`.
import { endOf, type Located } from "./report.ts";

export function toRecord(l: Located): Record<string, unknown> {
  const f = l.finding;
  const end = endOf(l);
  const rec: Record<string, unknown> = {
    rule: f.ruleId,
    family: f.family,
    description: f.description,
    confidence: f.confidence,
    path: l.path,
    line: l.line,
    column: l.column,
    end_line: end.line,
    end_column: end.column,
    start: f.start,
    end: f.end,
    fingerprint: f.fingerprint,
    redacted: f.redacted,
  };
  if (l.slack) {
    const s = l.slack;
    rec.channel = s.channel;
    if (s.channelId) rec.channel_id = s.channelId;
    rec.ts = s.ts;
    if (s.threadTs) rec.thread_ts = s.threadTs;
    if (s.user) rec.user = s.user;
    if (s.userId) rec.user_id = s.userId;
    rec.field = s.field;
    rec.permalink = s.permalink;
  }
  return rec;
}

export function formatJsonl(found: Located[]): string {
  return found.map((l) => JSON.stringify(toRecord(l)) + "\n").join("");
}
