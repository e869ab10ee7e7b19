import { DefineFunction, Schema } from "deno-slack-sdk/mod.ts";
import { endUserTokenInput } from "../../external_auth/end_user_token.ts";
import { GITHUB_PROVIDER_KEY } from "../../external_auth/provider_keys.ts";

/** Files a GitHub issue for one finding in the repository named in Token Guard's settings. */
export const OpenGitHubIssueFunction = DefineFunction({
  callback_id: "open_github_issue",
  title: "Open a GitHub issue",
  description: "File an issue for a finding, with its redacted value and verification result",
  source_file: "functions/open_github_issue/mod.ts",
  input_parameters: {
    properties: {
      fingerprint: {
        type: Schema.types.string,
        description: "The finding's fingerprint (or its first 12 or more characters)",
      },
      user_id: { type: Schema.slack.types.user_id, description: "Who asked" },
      channel_id: { type: Schema.slack.types.channel_id, description: "Where they asked" },
      github_access_token_id: endUserTokenInput(GITHUB_PROVIDER_KEY),
    },
    required: ["fingerprint", "user_id", "github_access_token_id"],
  },
  output_parameters: {
    properties: {
      issue_url: { type: Schema.types.string, description: "The new issue" },
      issue_number: { type: Schema.types.number, description: "Its number" },
    },
    required: ["issue_url", "issue_number"],
  },
});
