import { DefineOAuth2Provider, Schema } from "deno-slack-sdk/mod.ts";
import { type ManifestEnv, requireClientId } from "./client_id.ts";
import { GOOGLE_PROVIDER_KEY } from "./provider_keys.ts";

export { GOOGLE_PROVIDER_KEY };

/**
 * Least privilege: `drive.file` reaches only files this app creates (the findings spreadsheet),
 * never the rest of the person's Drive; `openid` and `email` let Slack and the Connect workflow
 * read which account was connected. The Sheets API accepts `drive.file` for files the app made.
 */
export const GOOGLE_SCOPES = [
  "openid",
  "email",
  "https://www.googleapis.com/auth/drive.file",
];

/** Why each scope is asked for, as the admin packet (docs/ADMIN.md) shows it. */
export const GOOGLE_SCOPE_REASONS: Readonly<Record<string, string>> = {
  openid:
    "Identifies the connected Google account at connection time (Slack's identity check and Connect my Google account).",
  email:
    "Reads the account's email address, so the person and the spreadsheet's owner are named correctly.",
  "https://www.googleapis.com/auth/drive.file":
    "Creates the findings spreadsheet and appends rows to it (Export findings to Google Sheets, the weekly digest). Reaches only files Token Guard created, never the rest of the Drive.",
};

/** The provider's options for `env` (pure, so tests can build it without touching Deno.env). */
export function googleProviderOptions(env: ManifestEnv) {
  return {
    provider_name: "Google",
    authorization_url: "https://accounts.google.com/o/oauth2/v2/auth",
    token_url: "https://oauth2.googleapis.com/token",
    client_id: requireClientId(env, "GOOGLE_CLIENT_ID"),
    scope: GOOGLE_SCOPES,
    // offline + consent: Google returns a refresh token (every time, not only the first), so
    // Slack can refresh an expired access token for scheduled runs and `force_refresh`.
    authorization_url_extras: { access_type: "offline", prompt: "consent" },
    identity_config: {
      url: "https://openidconnect.googleapis.com/v1/userinfo",
      account_identifier: "$.email",
    },
  };
}

export function defineGoogleProvider(env: ManifestEnv) {
  return DefineOAuth2Provider({
    provider_key: GOOGLE_PROVIDER_KEY,
    provider_type: Schema.providers.oauth2.CUSTOM,
    options: googleProviderOptions(env),
  });
}
