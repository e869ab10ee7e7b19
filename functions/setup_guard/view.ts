// The setup modal: built from the current settings (so running it again edits them) and read back
// from a view_submission's state. Pure: no calls.
import type { GuardSettings } from "../../slack/settings_store.ts";
import type { Policy } from "../../datastores/settings.ts";
import { parseRepository } from "../../providers/github_api.ts";

export const SETUP_VIEW = "token_guard_setup";

/** More channels than this in one save would not fit the 10 s a view handler gets. */
export const MAX_GUARDED_CHANNELS = 100;

export const B = {
  channels: "channels",
  alert: "alert_channel",
  revokers: "revokers",
  usergroup: "revoker_usergroup",
  admins: "guard_admins",
  policy: "policy",
  digest: "digest",
  digestSheet: "digest_sheet",
  github: "github_repository",
} as const;

const A = "value"; // every input block has one element with this action_id

export interface SetupForm {
  channelIds: string[];
  alertChannelId?: string;
  revokerUserIds: string[];
  revokerUsergroupId?: string;
  guardAdminIds: string[];
  policy: Policy;
  digest: boolean;
  /** Append the digest to the saving admin's findings spreadsheet. */
  digestSheet: boolean;
  /** As typed (trimmed); empty clears it. Validated by validateSetupForm. */
  githubRepository?: string;
}

function input(
  block_id: string,
  label: string,
  element: Record<string, unknown>,
  opts: { optional?: boolean; hint?: string } = {},
): Record<string, unknown> {
  const b: Record<string, unknown> = {
    type: "input",
    block_id,
    label: { type: "plain_text", text: label },
    element: { action_id: A, ...element },
    optional: opts.optional ?? false,
  };
  if (opts.hint) b.hint = { type: "plain_text", text: opts.hint };
  return b;
}

function option(value: string, text: string, description?: string) {
  const o: Record<string, unknown> = { value, text: { type: "plain_text", text } };
  if (description) o.description = { type: "plain_text", text: description };
  return o;
}

/** The modal, prefilled from `s`. `privateMetadata` travels to the submission handler. */
export function setupView(
  s: GuardSettings,
  opts: { digestEnabled: boolean; privateMetadata?: string; viewerId?: string },
): Record<string, unknown> {
  const policies = [
    option("alert", "Alert only", "Warn the poster and alert the security channel"),
    option(
      "auto_revoke",
      "Alert and revoke live Slack tokens at once",
      "Revokes a working Slack token in the same run that finds it",
    ),
  ];
  const digestOption = option("weekly", "Post a weekly digest to the alert channel");
  const channels: Record<string, unknown> = {
    type: "multi_conversations_select",
    placeholder: { type: "plain_text", text: "Channels to guard" },
    filter: { include: ["public", "private"], exclude_bot_users: true },
  };
  const ids = s.guarded_channels.map((c) => c.channel_id);
  if (ids.length) channels.initial_conversations = ids;
  const alert: Record<string, unknown> = {
    type: "conversations_select",
    placeholder: { type: "plain_text", text: "Security channel" },
    filter: { include: ["public", "private"], exclude_bot_users: true },
  };
  if (s.alert_channel_id) alert.initial_conversation = s.alert_channel_id;
  const revokers: Record<string, unknown> = { type: "multi_users_select" };
  if (s.revoker_user_ids.length) revokers.initial_users = s.revoker_user_ids;
  const admins: Record<string, unknown> = { type: "multi_users_select" };
  if (s.guard_admin_ids.length) admins.initial_users = s.guard_admin_ids;
  const group: Record<string, unknown> = {
    type: "plain_text_input",
    placeholder: { type: "plain_text", text: "S0123456789" },
  };
  if (s.revoker_usergroup_id) group.initial_value = s.revoker_usergroup_id;
  const policy: Record<string, unknown> = { type: "radio_buttons", options: policies };
  policy.initial_option = policies[s.policy === "auto_revoke" ? 1 : 0];
  const digest: Record<string, unknown> = { type: "checkboxes", options: [digestOption] };
  if (opts.digestEnabled) digest.initial_options = [digestOption];
  // Option texts are capped at 75 characters by Slack.
  const sheetOption = option(
    "mine",
    "Also append the weekly digest to my findings spreadsheet",
    'The one "Export findings to Google Sheets" made for you',
  );
  const sheet: Record<string, unknown> = { type: "checkboxes", options: [sheetOption] };
  const sheetOwner = s.digest_sheet_user_id;
  if (sheetOwner && sheetOwner === opts.viewerId) sheet.initial_options = [sheetOption];
  const github: Record<string, unknown> = {
    type: "plain_text_input",
    placeholder: { type: "plain_text", text: "owner/name" },
  };
  if (s.github_repository) github.initial_value = s.github_repository;

  return {
    type: "modal",
    callback_id: SETUP_VIEW,
    notify_on_close: true,
    private_metadata: opts.privateMetadata ?? "",
    title: { type: "plain_text", text: "Set up Token Guard" },
    submit: { type: "plain_text", text: "Save" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text:
            "Token Guard scans every new message in the channels below. It joins public channels itself; invite it to private ones with `/invite @Token Guard`. Remove a channel to stop guarding it.",
        },
      },
      input(B.channels, "Channels to guard", channels, {
        optional: true,
        hint:
          `Up to ${MAX_GUARDED_CHANNELS}. Slack allows 20 channels per event trigger, so Token Guard keeps one trigger per 20 channels.`,
      }),
      input(B.alert, "Alert channel", alert, {
        hint:
          "Where alerts (and the weekly digest) go. Keep it small: alerts name who leaked what.",
      }),
      input(B.policy, "Policy", policy),
      input(B.revokers, "Who may revoke (besides workspace admins and owners)", revokers, {
        optional: true,
      }),
      input(B.usergroup, "User group that may revoke (its ID)", group, {
        optional: true,
        hint: "A user group's ID starts with S (copy it from the group's page).",
      }),
      input(B.admins, "Who may change these settings (besides admins and owners)", admins, {
        optional: true,
      }),
      input(B.digest, "Weekly digest", digest, { optional: true }),
      ...(sheetOwner && sheetOwner !== opts.viewerId
        ? [{
          type: "context",
          elements: [{
            type: "mrkdwn",
            text:
              `The digest is appended to the findings spreadsheet of <@${sheetOwner}>. Tick the box below to use yours instead; leave it to keep theirs.`,
          }],
        }]
        : []),
      input(B.digestSheet, "Findings spreadsheet", sheet, {
        optional: true,
        hint:
          'Uses your Google account: run "Connect my Google account" and "Export findings to Google Sheets" once first.',
      }),
      input(B.github, "GitHub repository for issues", github, {
        optional: true,
        hint:
          'owner/name. Adds "Open GitHub issue" to alerts; each person files with their own account ("Connect my GitHub account"). Leave empty for no button.',
      }),
    ],
  };
}

type StateValues = Record<string, Record<string, Record<string, unknown>>>;

function el(values: StateValues, block: string): Record<string, unknown> {
  return values?.[block]?.[A] ?? {};
}

/** Reads the submitted form. Unknown or missing fields fall back to "nothing chosen". */
export function parseSetupForm(values: StateValues): SetupForm {
  const strings = (v: unknown) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
  const policyValue = (el(values, B.policy).selected_option as { value?: string } | undefined)
    ?.value;
  const digestOptions = el(values, B.digest).selected_options;
  const group = String(el(values, B.usergroup).value ?? "").trim();
  const alert = el(values, B.alert).selected_conversation;
  const sheetOptions = el(values, B.digestSheet).selected_options;
  const github = String(el(values, B.github).value ?? "").trim();
  return {
    channelIds: [...new Set(strings(el(values, B.channels).selected_conversations))],
    alertChannelId: typeof alert === "string" && alert ? alert : undefined,
    revokerUserIds: strings(el(values, B.revokers).selected_users),
    revokerUsergroupId: group || undefined,
    guardAdminIds: strings(el(values, B.admins).selected_users),
    policy: policyValue === "auto_revoke" ? "auto_revoke" : "alert",
    digest: Array.isArray(digestOptions) && digestOptions.length > 0,
    digestSheet: Array.isArray(sheetOptions) && sheetOptions.length > 0,
    githubRepository: github || undefined,
  };
}

/** Errors Slack shows under the fields (response_action "errors"); empty when the form is fine. */
export function validateSetupForm(f: SetupForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!f.alertChannelId) errors[B.alert] = "Choose the channel alerts go to.";
  if (f.channelIds.length > MAX_GUARDED_CHANNELS) {
    errors[B.channels] =
      `Choose at most ${MAX_GUARDED_CHANNELS} channels (you chose ${f.channelIds.length}): one save has to join them and update their triggers within Slack's 10 seconds.`;
  }
  if (f.revokerUsergroupId && !/^S[A-Z0-9]{6,}$/.test(f.revokerUsergroupId)) {
    errors[B.usergroup] =
      "That is not a user group ID (it starts with S, e.g. S0123456789). Leave it empty for none.";
  }
  if (f.githubRepository && !parseRepository(f.githubRepository)) {
    errors[B.github] =
      "Type the repository as owner/name (e.g. acme/security), or leave it empty for no issues.";
  }
  return errors;
}
