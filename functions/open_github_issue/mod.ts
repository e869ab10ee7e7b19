import { SlackFunction } from "deno-slack-sdk/mod.ts";
import { OpenGitHubIssueFunction } from "./definition.ts";
import { fileIssueOnce } from "../../providers/github_issue.ts";
import { externalDepsFor } from "../../providers/external_deps.ts";
import { sentenceFor } from "../../providers/errors.ts";
import { tellPerson } from "../../slack/tell_person.ts";
import { redrawAlert } from "../../slack/redraw_alert.ts";

export default SlackFunction(OpenGitHubIssueFunction, async ({ inputs, client, env }) => {
  const deps = externalDepsFor({ client, env });
  const who = { user_id: inputs.user_id, channel_id: inputs.channel_id };
  try {
    const filed = await fileIssueOnce(deps, inputs.fingerprint, {
      userId: inputs.user_id,
      tokenId: inputs.github_access_token_id,
      source: "END_USER",
    });
    if (filed.kind === "already") {
      const by = filed.by ? ` by <@${filed.by}>` : "";
      await tellPerson(client, {
        ...who,
        text: `A GitHub issue was already filed for this finding${by}: ${filed.url} ` +
          "Nothing new was filed.",
      }, deps.budget);
      const number = Number(/\/issues\/(\d+)$/.exec(filed.url)?.[1] ?? 0);
      return { outputs: { issue_url: filed.url, issue_number: number } };
    }
    const { issue } = filed;
    const name = `<${issue.url}|${issue.repository}#${issue.number}>`;
    if (filed.noted) await redrawAlert(deps.call, deps.env, filed.finding);
    await tellPerson(client, {
      ...who,
      text: filed.noted
        ? `Opened ${name} for this finding.`
        : `Opened ${name}, but Token Guard could not note it on the finding: do not run this ` +
          "again for it, or a second issue is filed.",
    }, deps.budget);
    return { outputs: { issue_url: issue.url, issue_number: issue.number } };
  } catch (e) {
    const { sentence, expected } = sentenceFor(e);
    if (!expected) {
      console.error("open_github_issue failed:", e instanceof Error ? e.name : typeof e);
    }
    await tellPerson(client, { ...who, text: sentence }, deps.budget);
    return { error: sentence };
  }
});
