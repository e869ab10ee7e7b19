// The private (ephemeral) warning the poster sees right after posting a credential: what was
// found (redacted only), why it matters, and what to do now. Pure: data in, Block Kit out.
import { rotationAdvice } from "./rotation_advice.ts";
import { familyLabel, type MessageBlocks, verificationLine } from "./common.ts";

export interface WarnedFinding {
  family: string;
  description?: string;
  redacted: string;
  /** Slack credential kind (`xoxb`, `webhook`, ...), when it is one. */
  kind?: string;
  verification?: { state: "live" | "dead" | "unknown"; reason: string };
  /** Set when Token Guard revoked it in this same run (auto-revoke policy). */
  autoRevoked?: boolean;
  /** An earlier post of it was settled: revoked (it no longer works) or marked resolved. */
  settled?: "revoked" | "resolved";
}

export interface PosterWarningInput {
  channelId: string;
  findings: WarnedFinding[];
}

export function posterWarning(input: PosterWarningInput): MessageBlocks {
  const n = input.findings.length;
  const what = n === 1 ? "a credential" : `${n} credentials`;
  const allDead = input.findings.every((f) => f.autoRevoked || f.settled === "revoked");
  const text = allDead
    ? `Token Guard: your message in <#${input.channelId}> contains ${what} that no longer works. Delete the message.`
    : `Token Guard: your message in <#${input.channelId}> contains ${what}. Revoke or rotate it and delete the message.`;
  const blocks: Record<string, unknown>[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text:
          `:rotating_light: *Your message in <#${input.channelId}> contains ${what}.* Only you can see this note.`,
      },
    },
  ];
  for (const f of input.findings) {
    const lines = [
      `*${familyLabel(f.family)}*${f.description ? ` (${f.description})` : ""}: \`${f.redacted}\``,
    ];
    if (f.autoRevoked) {
      lines.push(":white_check_mark: Token Guard has already revoked it: it no longer works.");
    } else if (f.settled === "revoked") {
      lines.push(
        ":white_check_mark: It was posted before and revoked then: it no longer works. Delete the message anyway.",
      );
    } else if (f.settled === "resolved") {
      lines.push(
        "It was posted before, and your security team marked that as handled. If it was not rotated since, it still works.",
      );
    } else if (f.verification) lines.push(verificationLine(f.verification));
    if (!f.autoRevoked && f.settled !== "revoked") {
      lines.push(`*What to do now:* ${rotationAdvice(f.family, f.kind)}`);
    }
    blocks.push({ type: "section", text: { type: "mrkdwn", text: lines.join("\n") } });
  }
  blocks.push({
    type: "section",
    text: {
      type: "mrkdwn",
      text:
        "*Why it matters:* everyone in the channel, and anyone who joins, searches or exports it later, can copy it and act as its owner. Deleting the message hides it, but it may already have been copied: rotating is what makes it safe.",
    },
  });
  blocks.push({
    type: "context",
    elements: [{
      type: "mrkdwn",
      text:
        "Then delete the message: hover over it, choose *More actions* → *Delete message*. Your security team has been told.",
    }],
  });
  return { text, blocks };
}
