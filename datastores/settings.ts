import { DefineDatastore, DefineType, Schema } from "deno-slack-sdk/mod.ts";

/** The one settings item's key: Token Guard has one configuration per workspace install. */
export const SETTINGS_ID = "workspace";

export const POLICIES = ["alert", "auto_revoke"] as const;
export type Policy = typeof POLICIES[number];

export const GuardedChannelType = DefineType({
  name: "GuardedChannel",
  type: Schema.types.object,
  properties: {
    channel_id: { type: Schema.types.string },
    since: { type: Schema.types.number },
  },
  required: ["channel_id"],
});

export const GuardedChannelListType = DefineType({
  name: "GuardedChannelList",
  type: Schema.types.array,
  items: { type: GuardedChannelType },
});

/** Guard settings: where alerts go, who may revoke, the policy, and what is guarded. */
export const SettingsDatastore = DefineDatastore({
  name: "settings",
  primary_key: "id",
  attributes: {
    id: { type: Schema.types.string },
    alert_channel_id: { type: Schema.types.string },
    /** People who may press Revoke besides workspace admins and owners. */
    revoker_user_ids: { type: Schema.types.array, items: { type: Schema.slack.types.user_id } },
    revoker_usergroup_id: { type: Schema.slack.types.usergroup_id },
    /** People who may change these settings besides workspace admins and owners. */
    guard_admin_ids: { type: Schema.types.array, items: { type: Schema.slack.types.user_id } },
    policy: { type: Schema.types.string },
    guarded_channels: { type: GuardedChannelListType },
    guard_trigger_id: { type: Schema.types.string },
    digest_trigger_id: { type: Schema.types.string },
    /** The GitHub repository "Open GitHub issue" files findings in (owner/name). */
    github_repository: { type: Schema.types.string },
    /** Whose findings spreadsheet the weekly digest appends the week's findings to (user id). */
    digest_sheet_user_id: { type: Schema.slack.types.user_id },
    updated_by: { type: Schema.slack.types.user_id },
    updated_at: { type: Schema.types.number },
  },
});
