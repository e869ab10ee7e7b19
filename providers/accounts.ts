// Connecting a person's Google or GitHub account: ask the provider who the token belongs to (the
// same identity endpoints the OAuth providers declare), then keep the token *id* and the account
// for that person, so event and scheduled workflows can act for them later.
import { PROVIDER_NAMES, type ProviderKey } from "../external_auth/provider_keys.ts";
import { type CredentialSource, withProviderToken } from "../slack/external_token.ts";
import { type ExternalConnection, saveConnection } from "../slack/external_connections_store.ts";
import { type ExternalDeps, httpOf, nowSeconds } from "./external_deps.ts";
import { githubApiBase, googleApiBase } from "./base_urls.ts";
import { googleUserinfo } from "./google_api.ts";
import { githubUser } from "./github_api.ts";

/** The account behind `token`: Google email or GitHub login. */
export async function identify(
  deps: ExternalDeps,
  provider: ProviderKey,
  token: string,
): Promise<string> {
  if (provider === "google") {
    return (await googleUserinfo(httpOf(deps), googleApiBase(deps.env), token)).email;
  }
  return (await githubUser(httpOf(deps), githubApiBase(deps.env), token)).login;
}

export interface ConnectInput {
  provider: ProviderKey;
  userId: string;
  tokenId: string;
  source?: CredentialSource;
}

/** Checks the token's identity and records the connection. Throws ExternalTokenError/ProviderError. */
export async function connectAccount(
  deps: ExternalDeps,
  input: ConnectInput,
): Promise<ExternalConnection> {
  const account = await withProviderToken(
    deps,
    input.tokenId,
    (token) => identify(deps, input.provider, token),
    { provider: input.provider, source: input.source },
  );
  const now = nowSeconds(deps);
  return await saveConnection(deps.call, {
    provider: input.provider,
    user_id: input.userId,
    external_token_id: input.tokenId,
    account,
    connected_at: now,
    last_used_at: now,
  });
}

export function connectedSentence(provider: ProviderKey, account: string): string {
  const name = PROVIDER_NAMES[provider];
  const does = provider === "google"
    ? "Token Guard can now create and update its findings spreadsheet in your Drive (only files it creates)."
    : "Token Guard can now open issues for findings in the repository set in its settings.";
  return `Your ${name} account ${account} is connected. ${does} To disconnect, remove Token ` +
    `Guard's access in your ${name} account settings.`;
}
