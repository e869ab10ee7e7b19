import { DefineFunction, Schema } from "deno-slack-sdk/mod.ts";
import { endUserTokenInput } from "../../external_auth/end_user_token.ts";
import { GITHUB_PROVIDER_KEY } from "../../external_auth/provider_keys.ts";

/** Checks whose GitHub account the person connected and keeps its token id (never the token). */
export const ConnectGitHubFunction = DefineFunction({
  callback_id: "connect_github",
  title: "Connect my GitHub account",
  description: "Check which GitHub account you connected and let Token Guard use it for you later",
  source_file: "functions/connect_github/mod.ts",
  input_parameters: {
    properties: {
      user_id: { type: Schema.slack.types.user_id, description: "Who is connecting" },
      channel_id: { type: Schema.slack.types.channel_id, description: "Where they clicked" },
      github_access_token_id: endUserTokenInput(GITHUB_PROVIDER_KEY),
    },
    required: ["user_id", "github_access_token_id"],
  },
  output_parameters: {
    properties: {
      account: { type: Schema.types.string, description: "The connected GitHub account" },
    },
    required: ["account"],
  },
});
