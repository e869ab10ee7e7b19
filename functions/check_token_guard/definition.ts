import { DefineFunction, Schema } from "deno-slack-sdk/mod.ts";

/** Health check: which workspace, bot user and app the injected token belongs to, and its scopes. */
export const CheckTokenGuardFunction = DefineFunction({
  callback_id: "check_token_guard",
  title: "Check Token Guard",
  description: "Show which workspace, bot and app Token Guard runs as, and the scopes it holds",
  source_file: "functions/check_token_guard/mod.ts",
  input_parameters: {
    properties: {
      user_id: { type: Schema.slack.types.user_id, description: "Who asked" },
      channel_id: { type: Schema.slack.types.channel_id, description: "Where they asked" },
    },
    required: ["user_id"],
  },
  output_parameters: {
    properties: {
      healthy: { type: Schema.types.boolean, description: "The app's token works" },
      summary: { type: Schema.types.string, description: "What was checked, in plain words" },
    },
    required: ["healthy", "summary"],
  },
});
