// "Token Guard report" and the weekly digest in Block Kit, from a ReportSummary. Pure.
// Slack caps a message at 50 blocks and a section's text at 3000 characters: the lists are short
// by construction (ReportSummary keeps the top rows) and every text is clipped anyway.
import type { Count, ReportRow, ReportSummary } from "../report_summary.ts";
import { familyLabel, type MessageBlocks, slackDate } from "./common.ts";

const MAX_TEXT = 2900;

const STATE_LABELS: Record<string, string> = {
  open: "open",
  revoked: "revoked",
  resolved: "resolved",
  not_secret: "not a secret",
};

function clip(s: string): string {
  return s.length > MAX_TEXT ? s.slice(0, MAX_TEXT - 1) + "…" : s;
}

function section(text: string): Record<string, unknown> {
  return { type: "section", text: { type: "mrkdwn", text: clip(text) } };
}

function countLines(counts: Count[], label: (k: string) => string, max = 10): string {
  if (counts.length === 0) return "_none_";
  const shown = counts.slice(0, max).map((c) => `• ${label(c.key)}: *${c.count}*`);
  const rest = counts.slice(max).reduce((n, c) => n + c.count, 0);
  if (rest > 0) shown.push(`• others: *${rest}*`);
  return shown.join("\n");
}

function where(r: ReportRow): string {
  if (r.permalink) return `<${r.permalink}|message>`;
  return r.channel_id ? `<#${r.channel_id}>` : "unknown channel";
}

function rowLine(r: ReportRow, when: "first" | "last"): string {
  const live = r.verification === "live" ? " :red_circle: works" : "";
  const at = when === "first" ? r.first_seen : r.last_seen;
  const times = r.occurrence_count > 1 ? `, seen ${r.occurrence_count} times` : "";
  return `• ${familyLabel(r.family)} \`${r.redacted}\` in ${where(r)}, ${
    when === "first" ? "first seen" : "last seen"
  } ${slackDate(at)}${times}${live}`;
}

export interface ReportBlocksOptions {
  /** "report" (asked for) or "digest" (the weekly message). */
  kind?: "report" | "digest";
}

export function reportBlocks(s: ReportSummary, opts: ReportBlocksOptions = {}): MessageBlocks {
  const title = opts.kind === "digest" ? "Token Guard weekly digest" : "Token Guard report";
  const period = `${slackDate(s.from)} to ${slackDate(s.to)} (${s.periodDays} days)`;
  const headline = s.openTotal === 0
    ? ":white_check_mark: No open leaks."
    : `:warning: *${s.openTotal} open* leak${s.openTotal === 1 ? "" : "s"}` +
      (s.openLive > 0 ? `, *${s.openLive} still working*` : "") + ".";
  const blocks: Record<string, unknown>[] = [
    { type: "header", text: { type: "plain_text", text: title } },
    section(
      `${headline}\n${s.inPeriod} finding${
        s.inPeriod === 1 ? "" : "s"
      } seen or acted on from ${period}; ${s.revokedTotal} revoked in that time.`,
    ),
  ];
  if (s.open.length > 0) {
    blocks.push(
      { type: "divider" },
      section(
        `*Open findings* (newest first${
          s.openTotal > s.open.length ? `, ${s.open.length} of ${s.openTotal}` : ""
        })\n${s.open.map((r) => rowLine(r, "last")).join("\n")}`,
      ),
    );
  }
  blocks.push(
    { type: "divider" },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: clip(`*By family*\n${countLines(s.byFamily, familyLabel)}`) },
        {
          type: "mrkdwn",
          text: clip(`*By state*\n${countLines(s.byState, (k) => STATE_LABELS[k] ?? k)}`),
        },
        {
          type: "mrkdwn",
          text: clip(`*By channel*\n${countLines(s.byChannel, (k) => `<#${k}>`)}`),
        },
      ],
    },
  );
  if (s.oldestUnresolved.length > 0) {
    blocks.push(
      section(
        `*Oldest unresolved leaks*\n${
          s.oldestUnresolved.map((r) => rowLine(r, "first")).join("\n")
        }`,
      ),
    );
  }
  if (s.revocations.length > 0) {
    const lines = s.revocations.map((r) => {
      const who = r.by === "policy" ? "the auto-revoke policy" : `<@${r.by}>`;
      const what = r.items.map((i) => `\`${i.redacted}\``).join(", ");
      return `• ${who}: *${r.count}* (${what}${r.count > r.items.length ? ", …" : ""})`;
    });
    blocks.push(section(`*Who revoked what*\n${lines.join("\n")}`));
  }
  blocks.push({
    type: "context",
    elements: [{
      type: "mrkdwn",
      text:
        `${s.scanned} records read. Token Guard keeps fingerprints and redacted previews only, never a secret.`,
    }],
  });
  const text = `${title}: ${s.openTotal} open, ${s.inPeriod} in the last ${s.periodDays} days`;
  return { text, blocks };
}
