// "Open a GitHub issue" for a finding: in the repository named in the settings
// (`github_repository`), with the redacted preview and the verification result, as the person
// who asked (their connected GitHub account). The alert's button calls `openIssueForFinding`
// with the clicker's user id (their stored token id); the workflow passes the END_USER token id.
// The issue says nothing that is not already redacted: no raw value, no Slack link or ids.
import type { FindingRecord } from "../slack/findings_store.ts";
import { getFinding, queryFindings, updateFinding } from "../slack/findings_store.ts";
import type { SlackCall } from "../slack/slack_call.ts";
import { loadSettings } from "../slack/settings_store.ts";
import {
  type CredentialSource,
  ExternalTokenError,
  withProviderToken,
} from "../slack/external_token.ts";
import { getConnection, updateConnection } from "../slack/external_connections_store.ts";
import { type ExternalDeps, httpOf, nowSeconds } from "./external_deps.ts";
import { githubApiBase } from "./base_urls.ts";
import { createIssue, type NewIssue, parseRepository } from "./github_api.ts";

/** Who asks: a user id (their stored connection is used), or a token id from the workflow. */
export type IssueActor =
  | string
  | { userId: string; tokenId?: string; source?: CredentialSource };

export interface OpenedIssue {
  number: number;
  url: string;
  repository: string;
}

/** A problem with the request itself (unknown finding, no repository set): say so, do nothing. */
export class IssueRequestError extends Error {
  override name = "IssueRequestError";
}

function iso(s: number | undefined): string {
  return typeof s === "number" ? new Date(s * 1000).toISOString().replace(".000Z", "Z") : "unknown";
}

const VERIFICATION_WORDS: Record<string, string> = {
  live: "LIVE: it still works",
  dead: "dead: it no longer works",
  unknown: "unknown: could not be checked",
};

/** Keeps a stored value from breaking out of its table cell or code span. */
function cell(v: unknown): string {
  return String(v ?? "").replace(/[|`\r\n]/g, " ").slice(0, 300);
}

/** The issue for a finding (pure). Markdown; every value is already redacted. */
export function issueFor(raw: FindingRecord): NewIssue {
  const f = {
    ...raw,
    family: cell(raw.family),
    rule_id: cell(raw.rule_id),
    redacted: cell(raw.redacted),
    state: cell(raw.state),
    verification_detail: raw.verification_detail ? cell(raw.verification_detail) : undefined,
    owner_name: raw.owner_name ? cell(raw.owner_name) : undefined,
  };
  const verification = VERIFICATION_WORDS[f.verification] ?? f.verification;
  const lines = [
    `Token Guard found a credential posted in Slack.`,
    "",
    `| | |`,
    `|---|---|`,
    `| Family | ${f.family} |`,
    `| Rule | \`${f.rule_id}\` |`,
    `| Redacted value | \`${f.redacted}\` |`,
    `| State in Token Guard | ${f.state} |`,
    `| Verification | ${verification}${f.verified_at ? ` (checked ${iso(f.verified_at)})` : ""} |`,
  ];
  if (f.verification_detail) lines.push(`| Detail | ${f.verification_detail} |`);
  if (f.owner_name) lines.push(`| Belongs to | ${f.owner_name} |`);
  lines.push(
    `| Seen | ${f.occurrence_count} time(s), first ${iso(f.first_seen)}, last ${
      iso(f.last_seen)
    } |`,
    `| Fingerprint (start) | \`${f.fingerprint.slice(0, 12)}\` |`,
    "",
    f.verification === "live"
      ? "**Revoke or rotate this credential where it was issued now**, then close this issue."
      : "Confirm the credential is revoked or rotated where it was issued, then close this issue.",
  );
  return {
    title: `Leaked ${f.family} credential ${f.redacted}`.slice(0, 250),
    body: lines.join("\n"),
    labels: ["leaked-credential"],
  };
}

/** Shortest fingerprint start accepted (48 bits: collisions among findings are not a concern). */
export const MIN_FINGERPRINT_PREFIX = 12;

/** The finding for a full fingerprint or a unique start of one; IssueRequestError otherwise. */
export async function resolveFinding(call: SlackCall, input: string): Promise<FindingRecord> {
  const fp = input.trim().toLowerCase();
  const shown = fp.slice(0, 12);
  if (!/^[0-9a-f]+$/.test(fp) || fp.length < MIN_FINGERPRINT_PREFIX) {
    throw new IssueRequestError(
      `"${shown}" is not a finding fingerprint: copy at least its first ` +
        `${MIN_FINGERPRINT_PREFIX} characters from the alert.`,
    );
  }
  if (fp.length === 64) {
    const f = await getFinding(call, fp);
    if (f) return f;
  } else {
    // A filtered query may answer short pages with a cursor: keep reading until two matches.
    const found: FindingRecord[] = [];
    let cursor = "";
    do {
      const page = await queryFindings(call, {
        expression: "begins_with(#fp, :p)",
        attributes: { "#fp": "fingerprint" },
        values: { ":p": fp },
        limit: 100,
        cursor,
      });
      found.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && found.length < 2);
    if (found.length === 1) return found[0];
    if (found.length > 1) {
      throw new IssueRequestError(
        `More than one finding starts with ${shown}: copy more of the fingerprint.`,
      );
    }
  }
  throw new IssueRequestError(
    `Token Guard has no finding with the fingerprint ${shown}…: copy it from the alert again.`,
  );
}

/** Opens the issue. Throws IssueRequestError, ExternalTokenError or ProviderError (sentences). */
export async function openIssueForFinding(
  deps: ExternalDeps,
  fingerprint: string,
  actor: IssueActor,
): Promise<OpenedIssue> {
  const who = typeof actor === "string" ? { userId: actor } : actor;
  const finding = await resolveFinding(deps.call, fingerprint);
  const settings = await loadSettings(deps.call, deps.env);
  const repository = parseRepository(settings.github_repository);
  if (!repository) {
    throw new IssueRequestError(
      settings.github_repository
        ? `The GitHub repository in Token Guard's settings ("${settings.github_repository}") is ` +
          `not of the form owner/name. An admin can fix it in the settings.`
        : "No GitHub repository is set for Token Guard's issues. An admin sets one (owner/name) " +
          "in Token Guard's settings.",
    );
  }
  let tokenId = who.tokenId;
  let source = who.source;
  if (!tokenId) {
    const conn = await getConnection(deps.call, "github", who.userId);
    if (!conn) {
      throw new ExternalTokenError(
        "not_connected",
        "github",
        "no_connection",
        `Your GitHub account is not connected to Token Guard yet. Run "Connect my GitHub ` +
          `account", then press the button again.`,
      );
    }
    tokenId = conn.external_token_id;
    source = "END_USER";
  }
  const issue = await withProviderToken(
    deps,
    tokenId,
    (token) =>
      createIssue(httpOf(deps), githubApiBase(deps.env), token, repository, issueFor(finding)),
    { provider: "github", source },
  );
  if (!who.tokenId) {
    await updateConnection(deps.call, "github", who.userId, { last_used_at: nowSeconds(deps) });
  }
  return { ...issue, repository };
}

/** What filing a finding's issue did: filed now (and noted on the finding, or not), or not again. */
export type FiledIssue =
  | { kind: "already"; url: string; by?: string; finding: FindingRecord }
  | { kind: "filed"; issue: OpenedIssue; finding: FindingRecord; noted: boolean };

/**
 * Files a finding's GitHub issue once, however it is asked for (the alert's button, the Open a
 * GitHub issue workflow): a finding that already has one answers with it and files nothing; a new
 * issue's address is noted on the finding (`noted: false` when that write failed, so the caller
 * can say not to ask again).
 */
export async function fileIssueOnce(
  deps: ExternalDeps,
  fingerprint: string,
  actor: IssueActor,
): Promise<FiledIssue> {
  const who = typeof actor === "string" ? { userId: actor } : actor;
  const finding = await resolveFinding(deps.call, fingerprint);
  if (finding.github_issue_url) {
    return { kind: "already", url: finding.github_issue_url, by: finding.github_issue_by, finding };
  }
  const issue = await openIssueForFinding(deps, finding.fingerprint, actor);
  try {
    const noted = await updateFinding(deps.call, finding.fingerprint, {
      github_issue_url: issue.url,
      github_issue_by: who.userId,
      github_issue_at: nowSeconds(deps),
    });
    return { kind: "filed", issue, finding: noted, noted: true };
  } catch {
    return { kind: "filed", issue, finding, noted: false };
  }
}
