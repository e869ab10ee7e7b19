import { DefineFunction, Schema } from "deno-slack-sdk/mod.ts";

/**
 * Set up Token Guard: a modal (prefilled with the current settings) for admins; saving joins the
 * channels, creates or updates the guard's event triggers and the weekly digest's schedule,
 * stores the settings and answers with a coverage table.
 */
export const SetupGuardFunction = DefineFunction({
  callback_id: "setup_guard",
  title: "Set up Token Guard",
  description: "Choose the guarded channels, the alert channel, who may revoke and the policy",
  source_file: "functions/setup_guard/mod.ts",
  input_parameters: {
    properties: {
      interactivity: { type: Schema.slack.types.interactivity },
      user_id: { type: Schema.slack.types.user_id, description: "Who opened the form" },
      channel_id: { type: Schema.slack.types.channel_id, description: "Where they opened it" },
    },
    required: ["interactivity", "user_id"],
  },
  output_parameters: {
    properties: {
      saved: { type: Schema.types.boolean, description: "The settings were saved" },
      summary: { type: Schema.types.string, description: "What changed, in plain words" },
    },
    required: ["saved", "summary"],
  },
});
