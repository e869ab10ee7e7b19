import { SlackFunction } from "deno-slack-sdk/mod.ts";
import { OpenGitHubIssueFunction } from "./definition.ts";
import { openIssueForFinding } from "../../providers/github_issue.ts";
import { externalDepsFor } from "../../providers/external_deps.ts";
import { sentenceFor } from "../../providers/errors.ts";
import { tellPerson } from "../../slack/tell_person.ts";

export default SlackFunction(OpenGitHubIssueFunction, async ({ inputs, client, env }) => {
  const deps = externalDepsFor({ client, env });
  const who = { user_id: inputs.user_id, channel_id: inputs.channel_id };
  try {
    const issue = await openIssueForFinding(deps, inputs.fingerprint, {
      userId: inputs.user_id,
      tokenId: inputs.github_access_token_id,
      source: "END_USER",
    });
    await tellPerson(client, {
      ...who,
      text: `Opened <${issue.url}|${issue.repository}#${issue.number}> for this finding.`,
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
