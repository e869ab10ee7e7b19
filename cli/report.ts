// What the CLI reports for one finding: the engine's finding, placed in a file (and, for Slack
// exports, in a message). Formatters read only this shape; none of them sees a raw secret
// because the CLI never asks the engine for one.
import type { Finding } from "../detect/types.ts";

export interface SlackPlace {
  /** Channel name as in the export (folder name), without "#". */
  channel: string;
  channelId?: string;
  ts: string;
  threadTs?: string;
  userId?: string;
  /** Display name from users.json when known. */
  user?: string;
  /** Which part of the message held it: text, blocks, attachments, files. */
  field: string;
  /** `https://<workspace>.slack.com/archives/<C>/p<ts>` or `#channel p<ts>`. */
  permalink: string;
}

export interface Located {
  finding: Finding;
  /** Path as the user named it (relative to the working directory when inside it). */
  path: string;
  /** 1-based, in the file (or, for export messages, in the message part). */
  line: number;
  column: number;
  slack?: SlackPlace;
}

/** Where the secret ends (the character after it), placed the way `l` places its start. */
export function endOf(l: Located): { line: number; column: number } {
  const f = l.finding;
  return {
    line: l.line + f.endLine - f.line,
    column: f.endLine === f.line ? l.column + f.endColumn - f.column : f.endColumn,
  };
}

/** Stable order: path, then line, column, rule. */
export function compareLocated(a: Located, b: Located): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  if (a.slack && b.slack && a.slack.ts !== b.slack.ts) {
    return Number(a.slack.ts) - Number(b.slack.ts);
  }
  return a.line - b.line || a.column - b.column ||
    (a.finding.ruleId < b.finding.ruleId ? -1 : a.finding.ruleId > b.finding.ruleId ? 1 : 0);
}
