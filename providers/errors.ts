// The sentence to show a person for an error from the external-account flows, and whether it is
// one we expected (the person can act on it) or a bug. Messages of these errors never hold a token.
import { ExternalTokenError } from "../slack/external_token.ts";
import { ProviderError } from "./http.ts";
import { IssueRequestError } from "./github_issue.ts";
import { SlackCallError } from "../slack/slack_call.ts";

export function sentenceFor(e: unknown): { sentence: string; expected: boolean } {
  if (
    e instanceof ExternalTokenError || e instanceof ProviderError || e instanceof IssueRequestError
  ) {
    return { sentence: e.message, expected: true };
  }
  if (e instanceof SlackCallError) {
    return {
      sentence: `Slack could not complete a step (${e.code}). Nothing else was changed; try ` +
        `again in a minute.`,
      expected: true,
    };
  }
  return {
    sentence: "Something unexpected went wrong in Token Guard. Nothing was changed; try again, " +
      "and tell an admin if it keeps happening.",
    expected: false,
  };
}
