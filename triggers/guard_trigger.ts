// The shape of Token Guard's `message_posted` event trigger and the parsing of a channel list.
// triggers/guard_messages.ts builds it from GUARD_CHANNEL_IDS for the CLI; the setup workflow
// builds it from the settings (workflows.triggers.create / update). Importing this file has no
// side effects.
import type { Trigger } from "deno-slack-sdk/types.ts";
import { TriggerContextData, TriggerEventTypes, TriggerTypes } from "deno-slack-api/mod.ts";
import { GuardMessageWorkflow } from "../workflows/guard_message.ts";

const CHANNEL_ID = /^[CG][A-Z0-9]{8,}$/;

/** Parses "C1, C2 C3" into ids; throws a sentence naming what is wrong. */
export function parseChannelIds(raw: string | undefined): string[] {
  const ids = (raw ?? "").split(/[\s,]+/).filter(Boolean);
  if (ids.length === 0) {
    throw new Error(
      "Set GUARD_CHANNEL_IDS to the channel ids to guard, comma-separated (for example GUARD_CHANNEL_IDS=C0123456789,C0987654321), then run `slack trigger create --trigger-def triggers/guard_messages.ts` again.",
    );
  }
  const bad = ids.filter((id) => !CHANNEL_ID.test(id));
  if (bad.length) {
    throw new Error(
      `GUARD_CHANNEL_IDS holds ${bad.length} value(s) that are not channel ids (${
        bad.join(", ")
      }). Copy ids from a channel's details (they start with C or G).`,
    );
  }
  return [...new Set(ids)];
}

/** The trigger for `channelIds`; the setup workflow reuses this shape. */
export function guardTrigger(
  channelIds: string[],
): Trigger<typeof GuardMessageWorkflow.definition> {
  return {
    type: TriggerTypes.Event,
    name: "Token Guard: guard new messages",
    description: "Scan every new message in the guarded channels for leaked credentials",
    workflow: `#/workflows/${GuardMessageWorkflow.definition.callback_id}`,
    event: {
      event_type: TriggerEventTypes.MessagePosted,
      channel_ids: channelIds as [string, ...string[]],
      // message_posted requires a filter; every message counts, bots' included (CI bots leak too).
      filter: { version: 1, root: { statement: "1 == 1" } },
    },
    inputs: {
      channel_id: { value: TriggerContextData.Event.MessagePosted.channel_id },
      user_id: { value: TriggerContextData.Event.MessagePosted.user_id },
      message_ts: { value: TriggerContextData.Event.MessagePosted.message_ts },
      thread_ts: { value: TriggerContextData.Event.MessagePosted.thread_ts },
      text: { value: TriggerContextData.Event.MessagePosted.text },
    },
  };
}
