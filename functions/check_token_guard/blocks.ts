// The health check's answer, in words and Block Kit. Pure: the handler passes what Slack said.
import type { SlackErrorExplanation } from "../../slack/errors.ts";

export interface Identity {
  team: string;
  team_id: string;
  url?: string;
  user: string;
  user_id: string;
  bot_id?: string;
  app_id?: string;
  enterprise_id?: string;
  is_enterprise_install?: boolean;
}

export interface HealthyInput {
  identity: Identity;
  /** Scopes the token holds (auth.test's x-oauth-scopes header); undefined when not reported. */
  granted?: string[];
  /** Scopes the manifest asks for. */
  wanted: string[];
}

export interface Answer {
  healthy: boolean;
  /** One paragraph, also the notification text and the function's `summary` output. */
  summary: string;
  // deno-lint-ignore no-explicit-any
  blocks: any[];
}

const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });
const context = (text: string) => ({
  type: "context",
  elements: [{ type: "mrkdwn", text }],
});

export function healthyAnswer({ identity, granted, wanted }: HealthyInput): Answer {
  const missing = granted ? wanted.filter((s) => !granted.includes(s)) : [];
  const extra = granted ? granted.filter((s) => !wanted.includes(s)) : [];
  const where = identity.enterprise_id
    ? `${identity.team} (${identity.team_id}, Enterprise Grid ${identity.enterprise_id})`
    : `${identity.team} (${identity.team_id})`;
  const bot = identity.bot_id
    ? `<@${identity.user_id}> (bot ${identity.bot_id})`
    : `<@${identity.user_id}> (a user token, not a bot token)`;
  const app = identity.app_id ?? "not reported by Slack";
  const scopeLine = granted
    ? `${granted.length} bot scopes: ${granted.map((s) => `\`${s}\``).join(", ") || "none"}`
    : "Slack did not report the token's scopes.";
  const healthy = missing.length === 0;
  const verdict = healthy
    ? ":white_check_mark: Token Guard's token works."
    : `:warning: Token Guard's token works but lacks ${missing.length} scope${
      missing.length === 1 ? "" : "s"
    } the app needs: ${
      missing.map((s) => `\`${s}\``).join(", ")
    }. Reinstall the app (\`slack deploy\` or \`slack run\`) and approve the new scopes.`;
  const summary = `${
    verdict.replace(/^:[a-z_]+: /, "")
  } Workspace ${where}; bot user ${identity.user}; app ${app}; ${
    granted ? `${granted.length} scopes` : "scopes not reported"
  }.`;
  // deno-lint-ignore no-explicit-any
  const blocks: any[] = [
    section(verdict),
    section(
      [
        `*Workspace:* ${where}${identity.url ? ` <${identity.url}|${identity.url}>` : ""}`,
        `*Bot user:* ${bot}`,
        `*App:* ${app}`,
        `*Scopes:* ${scopeLine}`,
      ].join("\n"),
    ),
  ];
  if (extra.length) {
    blocks.push(context(
      `Also granted, not asked for by this version: ${extra.map((s) => `\`${s}\``).join(", ")}.`,
    ));
  }
  return { healthy, summary, blocks };
}

export function failedAnswer(explanation: SlackErrorExplanation): Answer {
  const summary =
    `Token Guard's own token failed its check: ${explanation.sentence} (Slack: ${explanation.code})`;
  return {
    healthy: false,
    summary,
    blocks: [
      section(`:x: ${summary}`),
      context("Nothing else was checked. `slack activity` shows the app's recent logs."),
    ],
  };
}
