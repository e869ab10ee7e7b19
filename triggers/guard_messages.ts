// The event trigger that starts "Guard message" for every new message in the guarded channels.
//
//   GUARD_CHANNEL_IDS=C0123456789,C0987654321 \
//     slack trigger create --trigger-def triggers/guard_messages.ts
//
// `message_posted` needs explicit channel ids and fires only where the app is a member: invite
// Token Guard to each channel (`/invite @Token Guard`) first. Until the setup workflow manages
// this trigger (triggers/guard_trigger.ts, through workflows.triggers.create/update), the
// channel list comes from GUARD_CHANNEL_IDS when the CLI evaluates this file.
import { guardTrigger, parseChannelIds } from "./guard_trigger.ts";

function envChannelIds(): string | undefined {
  try {
    return Deno.env.get("GUARD_CHANNEL_IDS");
  } catch {
    throw new Error(
      "Could not read GUARD_CHANNEL_IDS: this process may not read the environment. Run the CLI with the variable set, or use the setup workflow.",
    );
  }
}

export default guardTrigger(parseChannelIds(envChannelIds()));
