// Where a leaked credential is revoked or rotated by hand, in one sentence a person can follow.
// Shared by the poster's warning and the alert (when the message is gone and the button cannot
// act). Places are named as each provider's console labels them.

export function rotationAdvice(family: string, kind?: string): string {
  switch (kind) {
    case "xoxb":
      return "Open api.slack.com/apps, pick the app, then *OAuth & Permissions*: revoke the bot token (or reinstall the app) to get a new one, and update everything that uses it.";
    case "xoxp":
      return "Open api.slack.com/apps, pick the app, then *OAuth & Permissions*: revoke the user token and install again for a new one. A legacy token is removed at api.slack.com/legacy/custom-integrations/legacy-tokens.";
    case "xoxe.xoxp":
    case "xoxe.xoxb":
    case "xoxe":
      return "This is a rotating token (or its refresh token). Open api.slack.com/apps, pick the app, then *OAuth & Permissions*: revoke the tokens; revoking the refresh token stops new access tokens being issued from it.";
    case "xapp":
      return "Open api.slack.com/apps, pick the app, then *Basic Information* → *App-Level Tokens*: revoke this token and generate a new one for Socket Mode.";
    case "webhook":
      return "Open api.slack.com/apps, pick the app, then *Incoming Webhooks*: remove this webhook and add a new one. Old-style webhooks live under *Manage apps* → *Custom Integrations* → *Incoming WebHooks*.";
    case "xoxa":
    case "xoxr":
    case "xoxs":
      return "This is a legacy Slack token: remove it at api.slack.com/legacy/custom-integrations/legacy-tokens (or in the legacy app's settings) and stop using it.";
    case "xoxc":
    case "xoxd":
      return "This is someone's signed-in Slack browser session. They should open *Account settings* and choose *Sign out all other sessions*, then change their password.";
    case "xwfp":
      return "This is a workflow token: it stops working when its workflow run ends. Delete the message; nothing else to rotate.";
  }
  switch (family) {
    case "slack":
      return "Open api.slack.com/apps, pick the app the token belongs to, and revoke or regenerate it under *OAuth & Permissions* or *Basic Information*.";
    case "github":
      return "Revoke it in GitHub: *Settings* → *Developer settings* → *Personal access tokens* (or the GitHub App's / OAuth app's settings), then create a new one.";
    case "google":
      return "In the Google Cloud console: *APIs & Services* → *Credentials* to delete or regenerate an API key; for a service-account key, *IAM & Admin* → *Service Accounts* → *Keys*.";
    case "aws":
      return "In the AWS IAM console: the user's *Security credentials* → *Access keys*: deactivate and delete this key, create a new one, and check CloudTrail for its use.";
    case "stripe":
      return "In the Stripe dashboard: *Developers* → *API keys*: roll this key.";
    case "openai":
      return "In the OpenAI platform: *API keys*: revoke this key and create a new one.";
    case "anthropic":
      return "In the Anthropic console: *Settings* → *API keys*: delete this key and create a new one.";
    case "npm":
      return "On npmjs.com: your avatar → *Access Tokens*: delete this token and create a new one.";
    case "private-key":
      return "Treat the key pair as compromised: remove its public key wherever it is trusted (servers, deploy keys, certificates) and generate a new pair.";
    case "jwt":
      return "This signed token may grant access until it expires: end the session where it was issued, and rotate the signing key if it is long-lived.";
  }
  return "Revoke or rotate it where it was issued, and update everything that uses it.";
}
