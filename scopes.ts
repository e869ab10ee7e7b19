// Every bot scope and outgoing domain Token Guard asks for, each with the reason an admin reads
// before approving the install. manifest.ts takes its lists from here, and docs/ADMIN.md is
// generated from here: a scope without a reason cannot be added.

export const BOT_SCOPES: Readonly<Record<string, string>> = {
  "chat:write":
    "Post the health check, the poster's private warning and the alert in the security channel, and update the alert after someone acts on it.",
  "datastore:read":
    "Read Token Guard's own records: findings (fingerprints and redacted previews only) and settings.",
  "datastore:write":
    "Write those records: a new finding, who acted on it, and the settings an admin saves.",
  "channels:history":
    "Read a message in a guarded public channel in full (blocks, attachments, files) when the new-message event carries only part of it, and read it again when someone presses Revoke, because the leaked value itself is never stored.",
  "groups:history":
    "The same for guarded private channels, which Token Guard only sees after someone invites it.",
  "users:read":
    "Check whether the person pressing Revoke, Resolved or Not a secret is a workspace admin or owner.",
  "usergroups:read":
    "Check whether that person belongs to the user group your settings allow to revoke.",
  "channels:read":
    "See whether Token Guard is a member of each guarded public channel (Set up Token Guard's coverage table and Check Token Guard).",
  "groups:read":
    "The same for private channels you invited Token Guard to; it cannot see other private channels.",
  "channels:join":
    "Join the public channels an admin chooses to guard, because new-message events only reach the app in channels it is a member of.",
  "triggers:read":
    "List Token Guard's own triggers, so Check Token Guard can tell whether the new-message triggers still match the guarded channels.",
  "triggers:write":
    "Create, update and delete Token Guard's own triggers: the new-message triggers for the guarded channels, the weekly digest's schedule and the one-time trigger that continues a long history sweep.",
};

/** Hosts the functions call besides slack.com. Empty until a feature needs one. */
export const OUTGOING_DOMAINS: Readonly<Record<string, string>> = {
  "hooks.slack.com":
    "Check whether a leaked incoming-webhook URL still works: Token Guard sends it an empty message (`{}`), which Slack refuses without posting anything, and reads whether the refusal says live or dead.",
  "openidconnect.googleapis.com":
    "Ask Google which account a person connected (OpenID userinfo: email only), so Token Guard can tell them and keep the connection under the right name.",
  "sheets.googleapis.com":
    "Create the findings spreadsheet in the person's own Drive and add rows to it (redacted values only), when they run Export findings to Google Sheets or the weekly digest appends.",
  "api.github.com":
    "Ask GitHub which account a person connected (GET /user), open an issue for a finding in the repository set in the settings, and check whether a leaked GitHub token still works (GET /user with that token, nothing else).",
};
