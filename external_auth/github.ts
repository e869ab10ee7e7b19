import { DefineOAuth2Provider, Schema } from "deno-slack-sdk/mod.ts";
import { githubIssueScope, type ManifestEnv, requireClientId } from "./client_id.ts";
import { GITHUB_PROVIDER_KEY } from "./provider_keys.ts";

export { GITHUB_PROVIDER_KEY };

/** The provider's options for `env` (pure, so tests can build it without touching Deno.env). */
export function githubProviderOptions(env: ManifestEnv) {
  return {
    provider_name: "GitHub",
    authorization_url: "https://github.com/login/oauth/authorize",
    token_url: "https://github.com/login/oauth/access_token",
    client_id: requireClientId(env, "GITHUB_CLIENT_ID"),
    // One scope, the narrowest classic scope that can open an issue in the configured repository:
    // `public_repo` (default) or `repo` for a private one (GITHUB_OAUTH_SCOPE). `GET /user`, the
    // identity check, needs no scope at all.
    scope: [githubIssueScope(env)],
    identity_config: {
      url: "https://api.github.com/user",
      account_identifier: "$.login",
      // GitHub rejects API calls without a User-Agent.
      headers: { "User-Agent": "Token-Guard-Slack-App", Accept: "application/vnd.github+json" },
    },
  };
}

export function defineGitHubProvider(env: ManifestEnv) {
  return DefineOAuth2Provider({
    provider_key: GITHUB_PROVIDER_KEY,
    provider_type: Schema.providers.oauth2.CUSTOM,
    options: githubProviderOptions(env),
  });
}
