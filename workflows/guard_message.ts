import { DefineWorkflow, Schema } from "deno-slack-sdk/mod.ts";
import { GuardMessageFunction } from "../functions/guard_message/definition.ts";

/** Started by the `message_posted` event trigger on every guarded channel. */
export const GuardMessageWorkflow = DefineWorkflow({
  callback_id: "guard_message",
  title: "Guard message",
  description: "Scan a new message for leaked credentials",
  input_parameters: {
    properties: {
      channel_id: { type: Schema.slack.types.channel_id },
      user_id: { type: Schema.slack.types.user_id },
      message_ts: { type: Schema.types.string },
      thread_ts: { type: Schema.types.string },
      text: { type: Schema.types.string },
    },
    required: ["channel_id", "message_ts"],
  },
});

GuardMessageWorkflow.addStep(GuardMessageFunction, {
  channel_id: GuardMessageWorkflow.inputs.channel_id,
  user_id: GuardMessageWorkflow.inputs.user_id,
  message_ts: GuardMessageWorkflow.inputs.message_ts,
  thread_ts: GuardMessageWorkflow.inputs.thread_ts,
  text: GuardMessageWorkflow.inputs.text,
});
