import { DefineFunction, Schema } from "deno-slack-sdk/mod.ts";
import { endUserTokenInput } from "../../external_auth/end_user_token.ts";
import { GOOGLE_PROVIDER_KEY } from "../../external_auth/provider_keys.ts";

/** Checks whose Google account the person connected and keeps its token id (never the token). */
export const ConnectGoogleFunction = DefineFunction({
  callback_id: "connect_google",
  title: "Connect my Google account",
  description: "Check which Google account you connected and let Token Guard use it for you later",
  source_file: "functions/connect_google/mod.ts",
  input_parameters: {
    properties: {
      user_id: { type: Schema.slack.types.user_id, description: "Who is connecting" },
      channel_id: { type: Schema.slack.types.channel_id, description: "Where they clicked" },
      google_access_token_id: endUserTokenInput(GOOGLE_PROVIDER_KEY),
    },
    required: ["user_id", "google_access_token_id"],
  },
  output_parameters: {
    properties: {
      account: { type: Schema.types.string, description: "The connected Google account" },
    },
    required: ["account"],
  },
});
