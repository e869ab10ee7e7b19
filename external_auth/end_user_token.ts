// The `oauth2` input every function that acts with a person's own Google or GitHub account
// takes: their token id, END_USER (Slack then asks them to connect if they have not).
import { Schema } from "deno-slack-sdk/mod.ts";
import { PROVIDER_NAMES, type ProviderKey } from "./provider_keys.ts";

export function endUserTokenInput<K extends ProviderKey>(provider: K) {
  return {
    type: Schema.slack.types.oauth2,
    oauth2_provider_key: provider,
    require_end_user_auth: true,
    description: `The person's own ${PROVIDER_NAMES[provider]} authorization (END_USER)`,
  };
}
