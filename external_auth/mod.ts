// The OAuth2 providers the manifest declares. Reading the environment happens here, once, when
// the manifest is generated; function code never imports this module (it imports
// provider_keys.ts), so a deployed function does not need the client ids.
import type { DefineOAuth2Provider } from "deno-slack-sdk/mod.ts";
import { type ManifestEnv, processEnv } from "./client_id.ts";
import { defineGoogleProvider } from "./google.ts";
import { defineGitHubProvider } from "./github.ts";

export type Provider = ReturnType<typeof DefineOAuth2Provider>;

export function externalAuthProviders(env: ManifestEnv = processEnv()): Provider[] {
  return [defineGoogleProvider(env), defineGitHubProvider(env)];
}
