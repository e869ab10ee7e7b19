// The one table of Slack error codes: each code becomes a plain sentence a person can act on,
// and a kind that tells code what it means for us:
//   dead    the token (or webhook) no longer works: revoked, expired, deleted, deactivated
//   unknown cannot tell right now: rate limits, timeouts, Slack outages, network, IP allow-lists
//   config  the app or workspace is set up in a way that blocks the call: scopes, policies, plans
//   input   the request named something that is not there or not allowed: channel, user, message
// Web API codes and incoming-webhook answers share the table; webhook codes say so.

export type SlackErrorKind = "dead" | "unknown" | "config" | "input";

export interface SlackErrorExplanation {
  code: string;
  kind: SlackErrorKind;
  sentence: string;
}

/** Extra facts that sharpen a sentence: Slack's `needed`/`provided`, an HTTP status, a wait. */
export interface SlackErrorDetail {
  needed?: string;
  provided?: string;
  status?: number;
  retryAfterSeconds?: number;
}

interface Entry {
  kind: SlackErrorKind;
  sentence: string | ((d: SlackErrorDetail) => string);
}

const retryWait = (d: SlackErrorDetail) =>
  d.retryAfterSeconds ? ` Slack asked to wait ${d.retryAfterSeconds} s.` : "";

export const SLACK_ERRORS: Readonly<Record<string, Entry>> = {
  // The token itself is gone.
  token_revoked: {
    kind: "dead",
    sentence: "The token has been revoked, so it no longer works. Nothing more to do for this one.",
  },
  token_expired: {
    kind: "dead",
    sentence:
      "The token has expired (token rotation is on), so it no longer works. Refresh tokens may still be live: revoke those where they were issued.",
  },
  invalid_auth: {
    kind: "dead",
    sentence:
      "Slack does not accept this token: it was revoked, rotated or never valid. It cannot be used as it is.",
  },
  account_inactive: {
    kind: "dead",
    sentence:
      "The token belongs to a deactivated user or an uninstalled app, so it no longer works.",
  },
  not_authed: {
    kind: "input",
    sentence:
      "No token reached Slack with the request. If this is the app's own call, reinstall the app (slack deploy) so Slack injects a token.",
  },
  // The app or workspace blocks the call.
  no_permission: {
    kind: "config",
    sentence:
      "The token is valid but lacks permission for this call; a workspace admin may need to approve the app or the workflow.",
  },
  accesslimited: {
    kind: "unknown",
    sentence:
      "Slack refused the call because of an IP allow-list or access policy on that workspace, so we cannot tell whether the token works. Treat it as live and revoke it where it was issued.",
  },
  ekm_access_denied: {
    kind: "config",
    sentence:
      "The workspace's Enterprise Key Management has revoked access to this content. Ask an org admin to review the EKM key policy.",
  },
  enterprise_is_restricted: {
    kind: "config",
    sentence:
      "The Enterprise Grid org restricts this call. An org admin must allow the app or the method.",
  },
  two_factor_setup_required: {
    kind: "config",
    sentence:
      "The workspace requires two-factor authentication and the token's owner has not set it up. They must enable 2FA before the token can be used.",
  },
  missing_scope: {
    kind: "config",
    sentence: (d) =>
      `The app lacks the permission this call needs${d.needed ? ` (${d.needed})` : ""}. ` +
      `Add it to the bot scopes in manifest.ts and reinstall the app (slack deploy).` +
      (d.provided ? ` It has: ${d.provided}.` : ""),
  },
  not_allowed_token_type: {
    kind: "config",
    sentence:
      "This kind of token cannot call this method (for example an app-level token calling auth.test). Use the right token type for the call.",
  },
  deprecated_endpoint: {
    kind: "config",
    sentence: "Slack has retired this API method. Token Guard needs an update; please report it.",
  },
  org_login_required: {
    kind: "config",
    sentence:
      "The workspace is migrating to an Enterprise Grid org; the token's owner must sign in to the org before it works again.",
  },
  team_access_not_granted: {
    kind: "config",
    sentence:
      "The token has not been granted access to this workspace of the org. An org admin must add the app to the workspace.",
  },
  access_denied: {
    kind: "config",
    sentence:
      "Slack denied access to the requested resource. An admin may need to grant the app access.",
  },
  method_not_supported_for_channel_type: {
    kind: "input",
    sentence:
      "This action does not work on that kind of conversation (private channels must invite the app: /invite @Token Guard).",
  },
  // Slack is busy or failing: we cannot tell now.
  ratelimited: {
    kind: "unknown",
    sentence: (d) =>
      `Slack is rate-limiting the app right now, so the check could not finish. It will work again shortly.${
        retryWait(d)
      }`,
  },
  request_timeout: {
    kind: "unknown",
    sentence: "Slack took too long to answer. Try again in a minute.",
  },
  service_unavailable: {
    kind: "unknown",
    sentence: "Slack is temporarily unavailable. Try again in a few minutes (status.slack.com).",
  },
  fatal_error: {
    kind: "unknown",
    sentence:
      "Slack hit an internal error; part of the operation may have happened. Check the result, then retry.",
  },
  internal_error: {
    kind: "unknown",
    sentence: "Slack hit an internal error. Try again in a minute.",
  },
  // Malformed requests: a bug on our side.
  invalid_arg_name: {
    kind: "input",
    sentence: "The request used an argument name Slack does not accept. This is a Token Guard bug.",
  },
  invalid_arguments: {
    kind: "input",
    sentence:
      "Slack rejected the request's arguments. This is a Token Guard bug; please report it.",
  },
  invalid_array_arg: {
    kind: "input",
    sentence: "The request passed a list where Slack expects a single value. Token Guard bug.",
  },
  invalid_charset: {
    kind: "input",
    sentence: "The request used a character set Slack does not accept (it wants UTF-8).",
  },
  invalid_form_data: {
    kind: "input",
    sentence: "Slack could not read the request's form data. Token Guard bug.",
  },
  invalid_post_type: {
    kind: "input",
    sentence: "The request was sent with a content type Slack does not accept for this method.",
  },
  missing_post_type: {
    kind: "input",
    sentence: "The request had no Content-Type header, so Slack could not read it.",
  },
  invalid_json: {
    kind: "input",
    sentence: "Slack could not parse the request's JSON body.",
  },
  invalid_cursor: {
    kind: "input",
    sentence: "The paging cursor is no longer valid; start the listing again from the beginning.",
  },
  unknown_method: {
    kind: "config",
    sentence: "Slack does not know this API method. Token Guard needs an update.",
  },
  // Things the request named that are not there.
  channel_not_found: {
    kind: "input",
    sentence:
      "Slack cannot find that channel, or it is private and the app is not in it. Invite the app: /invite @Token Guard.",
  },
  not_in_channel: {
    kind: "input",
    sentence: "The app is not a member of that channel. Invite it: /invite @Token Guard.",
  },
  is_archived: {
    kind: "input",
    sentence: "That channel is archived. Unarchive it or choose another channel.",
  },
  user_not_found: {
    kind: "input",
    sentence: "Slack cannot find that user; they may have left the workspace.",
  },
  user_not_in_channel: {
    kind: "input",
    sentence: "That person is not in the channel, so they cannot be sent a private note there.",
  },
  message_not_found: {
    kind: "input",
    sentence: "The message is gone: it was deleted, or the link points elsewhere.",
  },
  thread_not_found: {
    kind: "input",
    sentence: "The thread is gone: its first message was deleted.",
  },
  cant_update_message: {
    kind: "input",
    sentence: "The app can only edit messages it posted itself.",
  },
  cant_delete_message: {
    kind: "input",
    sentence: "The app can only delete messages it posted itself; ask the poster or an admin.",
  },
  no_text: {
    kind: "input",
    sentence: "The message had no text or blocks, so Slack did not post it.",
  },
  invalid_blocks: {
    kind: "input",
    sentence: "Slack rejected the message's Block Kit layout. Token Guard bug.",
  },
  msg_too_long: {
    kind: "input",
    sentence: "The message is longer than Slack allows (40,000 characters).",
  },
  no_such_subteam: {
    kind: "input",
    sentence: "That user group does not exist any more. Pick the revokers again in the settings.",
  },
  trigger_does_not_exist: {
    kind: "input",
    sentence: "The trigger was deleted. Run enrolment again to recreate it.",
  },
  invalid_trigger_inputs: {
    kind: "input",
    sentence: "The trigger's inputs do not match the workflow's input parameters. Token Guard bug.",
  },
  invalid_channel_id: {
    kind: "input",
    sentence: "One of the channels for the trigger does not exist any more.",
  },
  workflow_not_found: {
    kind: "config",
    sentence: "Slack cannot find the workflow; deploy the app again (slack deploy).",
  },
  datastore_error: {
    kind: "input",
    sentence: "The datastore rejected the request (bad item or query). Token Guard bug.",
  },
  // External (OAuth2) accounts.
  token_not_found: {
    kind: "dead",
    sentence:
      "The connected account is gone (it was removed or never finished connecting). Connect the account again.",
  },
  no_refresh_token: {
    kind: "dead",
    sentence:
      "The connected account's access expired and Slack holds no refresh token for it. Connect the account again.",
  },
  scope_mismatch_error: {
    kind: "config",
    sentence:
      "The connected account was granted different scopes than the provider now asks for. Connect the account again.",
  },
  // Incoming webhooks (HTTP status + plain-text body).
  invalid_payload: {
    kind: "input",
    sentence: "The webhook answered that the payload was not valid JSON (so the webhook is live).",
  },
  no_service: {
    kind: "dead",
    sentence: "The webhook URL is disabled, removed or was never valid, so it no longer works.",
  },
  no_service_id: {
    kind: "dead",
    sentence: "The webhook URL is incomplete, so it cannot work.",
  },
  invalid_token: {
    kind: "dead",
    sentence: "The webhook's secret is no longer valid (the webhook was revoked).",
  },
  no_team: {
    kind: "dead",
    sentence: "The webhook's workspace does not exist any more.",
  },
  team_disabled: {
    kind: "dead",
    sentence: "The webhook's workspace has been disabled, so it no longer works.",
  },
  channel_is_archived: {
    kind: "input",
    sentence:
      "The webhook posts to an archived channel: it cannot post now, but would work again if the channel were unarchived. Remove the webhook.",
  },
  action_prohibited: {
    kind: "config",
    sentence: "A workspace admin has restricted posting where this webhook points.",
  },
  posting_to_general_channel_denied: {
    kind: "config",
    sentence: "Only admins may post to the workspace's general channel.",
  },
  too_many_attachments: {
    kind: "input",
    sentence: "The message had more than 100 attachments.",
  },
  // Failures below Slack's API.
  http_error: {
    kind: "unknown",
    sentence: (d) =>
      `Slack answered with HTTP ${
        d.status ?? "error"
      } instead of a result, so we cannot tell now. Try again in a few minutes.`,
  },
  network_error: {
    kind: "unknown",
    sentence: "Slack could not be reached (network failure), so we cannot tell now. Try again.",
  },
  timeout: {
    kind: "unknown",
    sentence: "Slack did not answer in time, so we cannot tell now. Try again in a minute.",
  },
  budget_exhausted: {
    kind: "unknown",
    sentence:
      "The run ran out of time before Slack answered (functions have 60 s, buttons 10 s). Try again.",
  },
};

/** Explains a Slack error code; unknown codes get a sentence that still names the code. */
export function explainSlackError(
  code: string,
  detail: SlackErrorDetail = {},
): SlackErrorExplanation {
  const entry = Object.prototype.hasOwnProperty.call(SLACK_ERRORS, code)
    ? SLACK_ERRORS[code]
    : undefined;
  if (!entry) {
    return {
      code,
      kind: "unknown",
      sentence:
        `Slack answered "${code}", which Token Guard does not recognise, so we cannot tell what it means. See https://api.slack.com/methods for the method's error list.`,
    };
  }
  const sentence = typeof entry.sentence === "function" ? entry.sentence(detail) : entry.sentence;
  return { code, kind: entry.kind, sentence };
}

/** Codes that mean the credential itself is dead (used by verification). */
export function isDeadCode(code: string): boolean {
  return explainSlackError(code).kind === "dead";
}
