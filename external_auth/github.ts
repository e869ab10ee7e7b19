import { DefineOAuth2Provider, Schema } from "deno-slack-sdk/mod.ts";
import {
  type GitHubIssueScope,
  githubIssueScope,
  type ManifestEnv,
  requireClientId,
} from "./client_id.ts";
import { GITHUB_PROVIDER_KEY } from "./provider_keys.ts";

export { GITHUB_PROVIDER_KEY };

/**
 * Why each possible scope is asked for, as the admin packet (docs/ADMIN.md) shows it. Exactly one
 * is requested: GITHUB_OAUTH_SCOPE when the manifest is generated (default public_repo).
 */
export const GITHUB_SCOPE_REASONS: Readonly<Record<GitHubIssueScope, string>> = {
  public_repo:
    "Default. Opens issues for findings (Open GitHub issue) in the public repository named in the settings, as the person who clicks. The narrowest classic scope that can open an issue; GET /user (the identity check) needs none.",
  repo:
    "Only when GITHUB_OAUTH_SCOPE=repo: the same, for a private repository. GitHub has no narrower classic scope for private repositories, and it reaches every repository the person can; prefer public_repo when the repository is public.",
};

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
