import { DefineFunction, Schema } from "deno-slack-sdk/mod.ts";

/**
 * Scans one new message for credentials: verifies what it finds, records it, warns the poster
 * privately, alerts the security channel, and handles the alert's buttons.
 */
export const GuardMessageFunction = DefineFunction({
  callback_id: "guard_message",
  title: "Guard message",
  description: "Scan a new message for leaked credentials, verify them and alert the security team",
  source_file: "functions/guard_message/mod.ts",
  input_parameters: {
    properties: {
      channel_id: { type: Schema.slack.types.channel_id, description: "Where it was posted" },
      user_id: { type: Schema.slack.types.user_id, description: "Who posted it" },
      message_ts: { type: Schema.types.string, description: "The message's timestamp" },
      thread_ts: { type: Schema.types.string, description: "The thread's timestamp, for replies" },
      text: { type: Schema.types.string, description: "The message text from the event" },
    },
    required: ["channel_id", "message_ts"],
  },
  output_parameters: {
    properties: {
      new_findings: {
        type: Schema.types.number,
        description: "Credentials seen for the first time",
      },
      alerts: { type: Schema.types.number, description: "Alerts posted" },
      summary: { type: Schema.types.string, description: "What happened, in plain words" },
    },
    required: ["new_findings", "alerts", "summary"],
  },
});
