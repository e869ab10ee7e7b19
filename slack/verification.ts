// The result of checking a leaked credential live. Shared by the guard (Slack tokens, webhooks),
// the GitHub check and the records, so every path speaks the same three states.

export type VerificationState = "live" | "dead" | "unknown";

export interface CredentialOwner {
  /** Workspace (team) the credential belongs to. */
  teamId?: string;
  teamName?: string;
  enterpriseId?: string;
  /** The user the token acts as (for bot tokens: the bot user). */
  userId?: string;
  /** A display name: Slack user/bot name, GitHub login, ... */
  name?: string;
  botId?: string;
  appId?: string;
  /** True when the credential belongs to the workspace Token Guard is installed in. */
  isThisWorkspace?: boolean;
  /** Scopes the credential holds, when the provider says. */
  scopes?: string[];
}

export interface Verification {
  state: VerificationState;
  /** Plain words: why it is dead, or why we cannot tell. */
  reason: string;
  /** The provider's own code (`token_revoked`, `invalid_auth`, `http_401`, ...), when there is one. */
  code?: string;
  owner?: CredentialOwner;
  checkedAt: number;
}
