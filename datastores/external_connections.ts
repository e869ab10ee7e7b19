import { DefineDatastore, Schema } from "deno-slack-sdk/mod.ts";

/**
 * One item per person and provider (`id` = "<provider>:<user id>"): the Slack external token *id*
 * that `apps.auth.external.get` turns into a token at each use, never the token itself, and the
 * account it belongs to, so event and scheduled workflows can act for the person later.
 */
export const ExternalConnectionsDatastore = DefineDatastore({
  name: "external_connections",
  primary_key: "id",
  attributes: {
    id: { type: Schema.types.string },
    /** google | github */
    provider: { type: Schema.types.string },
    user_id: { type: Schema.slack.types.user_id },
    /** Slack's id for the stored OAuth token (Et…): a handle, useless outside this app. */
    external_token_id: { type: Schema.types.string },
    /** The provider account: Google email or GitHub login, as the identity check answered. */
    account: { type: Schema.types.string },
    connected_at: { type: Schema.types.number },
    last_used_at: { type: Schema.types.number },
    /** Google: the findings spreadsheet this person exported to (the weekly digest appends). */
    spreadsheet_id: { type: Schema.types.string },
    spreadsheet_url: { type: Schema.types.string },
  },
});
