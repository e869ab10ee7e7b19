import { DefineDatastore, DefineType, Schema } from "deno-slack-sdk/mod.ts";

/**
 * Where a leak was seen. The message text is never kept: channel, ts and user are enough to find
 * the message again (and to re-scan it when someone clicks Revoke).
 */
export const OccurrenceType = DefineType({
  name: "Occurrence",
  type: Schema.types.object,
  properties: {
    channel_id: { type: Schema.types.string },
    ts: { type: Schema.types.string },
    thread_ts: { type: Schema.types.string },
    user_id: { type: Schema.types.string },
    seen_at: { type: Schema.types.number },
  },
  required: ["channel_id", "ts"],
});

export const OccurrenceListType = DefineType({
  name: "OccurrenceList",
  type: Schema.types.array,
  items: { type: OccurrenceType },
});

/** At most this many occurrences are kept per finding; `occurrence_count` keeps counting. */
export const MAX_OCCURRENCES = 20;

export const FINDING_STATES = ["open", "revoked", "resolved", "not_secret"] as const;
export type FindingState = typeof FINDING_STATES[number];

/**
 * One item per leaked credential, keyed by the SHA-256 fingerprint of the secret.
 * Never a raw secret, never the message text.
 */
export const FindingsDatastore = DefineDatastore({
  name: "findings",
  primary_key: "fingerprint",
  attributes: {
    fingerprint: { type: Schema.types.string },
    rule_id: { type: Schema.types.string },
    family: { type: Schema.types.string },
    redacted: { type: Schema.types.string },
    /** The rule's one-line description. */
    description: { type: Schema.types.string },
    /** Slack credential kind (xoxb, xapp, webhook, ...): picks the revoke path and the advice. */
    verify_as: { type: Schema.types.string },
    state: { type: Schema.types.string },
    /** live | dead | unknown */
    verification: { type: Schema.types.string },
    /** The verification result in plain words (from slack/errors.ts for dead tokens). */
    verification_detail: { type: Schema.types.string },
    /** The provider's own code (token_revoked, http_404, ...). */
    verification_code: { type: Schema.types.string },
    verified_at: { type: Schema.types.number },
    owner_team_id: { type: Schema.types.string },
    owner_team_name: { type: Schema.types.string },
    owner_enterprise_id: { type: Schema.types.string },
    owner_user_id: { type: Schema.types.string },
    owner_name: { type: Schema.types.string },
    owner_bot_id: { type: Schema.types.string },
    owner_is_this_workspace: { type: Schema.types.boolean },
    occurrences: { type: OccurrenceListType },
    occurrence_count: { type: Schema.types.number },
    first_seen: { type: Schema.types.number },
    last_seen: { type: Schema.types.number },
    /** guard | sweep: the path that first saw it. */
    source: { type: Schema.types.string },
    /** Link to the first message it was seen in. */
    permalink: { type: Schema.types.string },
    /** The alert message in the security channel, updated in place after every action. */
    alert_channel_id: { type: Schema.types.string },
    alert_ts: { type: Schema.types.string },
    acted_by: { type: Schema.types.string },
    acted_at: { type: Schema.types.number },
    action: { type: Schema.types.string },
    /** The outcome of the last action in plain words. */
    action_detail: { type: Schema.types.string },
    /** The run that created the item, so two runs racing on one leak alert once. */
    claim: { type: Schema.types.string },
    /** The run that took the right to post the alert (with claim, one alert per leak). */
    alerting: { type: Schema.types.string },
    /**
     * The message that run saw, kept beside the list: a racing run whose first write replaced
     * the list puts it back.
     */
    alerting_occurrence: { type: OccurrenceType },
    /** Link to the newest message it was seen in, shown when the alert is refreshed. */
    last_permalink: { type: Schema.types.string },
    revoked_by: { type: Schema.types.string },
    revoked_at: { type: Schema.types.number },
    /** The GitHub issue filed for it from the alert ("Open GitHub issue"), so it is filed once. */
    github_issue_url: { type: Schema.types.string },
    /** Who filed that issue (user id). */
    github_issue_by: { type: Schema.types.string },
    /** When it was filed (epoch seconds). */
    github_issue_at: { type: Schema.types.number },
  },
});
