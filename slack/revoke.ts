// Revokes a leaked Slack token with the token itself (auth.revoke: any access token may revoke
// itself, no scope needed), then checks again so the record says what Slack says, not what we
// hoped. Sends: POST {SLACK_API_URL}auth.revoke with `Authorization: Bearer <leaked token>` and an
// empty body; then the verification call from slack/verify.ts.
import type { Verification } from "./verification.ts";
import { explainSlackError, isDeadCode } from "./errors.ts";
import type { SlackReply } from "./slack_call.ts";
import { isRevocable, slackKindOf } from "./token_kind.ts";
import { transportCode, type VerifiableFinding, type VerifyDeps, verifyFinding } from "./verify.ts";

export interface RevokeResult {
  /** The token no longer works (revoked now, or already dead). */
  dead: boolean;
  /** Slack confirmed this call revoked it. */
  revokedNow: boolean;
  /** What happened, in plain words. */
  detail: string;
  /** Slack's code when the revoke call failed. */
  code?: string;
  /** The check after the attempt (absent when there was nothing to check with). */
  verification?: Verification;
}

export async function revokeSlackToken(
  finding: VerifiableFinding,
  deps: VerifyDeps,
): Promise<RevokeResult> {
  const secret = finding.secret;
  const kind = slackKindOf(finding);
  if (!secret || !isRevocable(kind)) {
    return {
      dead: false,
      revokedNow: false,
      detail:
        "Token Guard can only revoke Slack access tokens; rotate this one where it was issued.",
    };
  }
  let reply: SlackReply | undefined;
  let code: string | undefined;
  try {
    reply = await deps.callAs(secret)("auth.revoke", {});
    if (reply.ok === false) code = String(reply.error ?? "unknown_error");
  } catch (e) {
    code = transportCode(e);
  }
  const verification = await verifyFinding(finding, deps);
  const dead = verification.state === "dead";
  if (!code && reply?.revoked === true) {
    return {
      dead,
      revokedNow: true,
      verification,
      detail: dead
        ? "Slack revoked it and confirms it no longer works."
        : `Slack said it was revoked, but the check afterwards says: ${verification.reason}`,
    };
  }
  if (code && isDeadCode(code)) {
    return {
      dead: true,
      revokedNow: false,
      code,
      verification,
      detail: `It was already dead: ${explainSlackError(code).sentence}`,
    };
  }
  return {
    dead,
    revokedNow: false,
    code,
    verification,
    detail: code
      ? `Slack did not revoke it: ${explainSlackError(code).sentence}`
      : "Slack did not confirm the revoke.",
  };
}
