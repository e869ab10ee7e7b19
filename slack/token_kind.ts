// Which kind of Slack credential a finding is, so verification, revocation and advice pick the
// right path. The engine's `verifyAs` says it when the rule knows; otherwise the secret's own
// prefix does (kept in memory only, never stored).

export type SlackKind =
  | "xoxb"
  | "xoxp"
  | "xapp"
  | "xoxe.xoxp"
  | "xoxe.xoxb"
  | "xoxe"
  | "xoxa"
  | "xoxr"
  | "xoxs"
  | "xoxc"
  | "xoxd"
  | "xwfp"
  | "webhook";

const PREFIXED: SlackKind[] = [
  // Longest first: "xoxe.xoxp-" before "xoxe-".
  "xoxe.xoxp",
  "xoxe.xoxb",
  "xoxe",
  "xoxb",
  "xoxp",
  "xapp",
  "xoxa",
  "xoxr",
  "xoxs",
  "xoxc",
  "xoxd",
  "xwfp",
];

const KINDS = new Set<string>([...PREFIXED, "webhook"]);

/** Incoming-webhook paths look like /services/T…/B…/<secret>. */
const WEBHOOK_PATH = /\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+/;

export function slackKindOf(
  finding: { verifyAs?: string; secret?: string; family?: string },
): SlackKind | undefined {
  const hinted = finding.verifyAs?.toLowerCase().replace(/-$/, "");
  if (hinted && KINDS.has(hinted)) return hinted as SlackKind;
  if (hinted === "slack-webhook" || hinted === "incoming-webhook") return "webhook";
  const secret = finding.secret;
  if (!secret) return undefined;
  for (const k of PREFIXED) if (secret.startsWith(k + "-")) return k;
  if (WEBHOOK_PATH.test(secret)) return "webhook";
  return undefined;
}

/** Kinds `auth.test` answers for: an access token used as a bearer on the Web API. */
export const AUTH_TEST_KINDS: ReadonlySet<SlackKind> = new Set<SlackKind>([
  "xoxb",
  "xoxp",
  "xoxe.xoxp",
  "xoxe.xoxb",
  "xoxa",
  "xoxs",
  "xwfp",
]);

/** Kinds `auth.revoke` revokes when called with the token itself. */
export const REVOCABLE_KINDS: ReadonlySet<SlackKind> = new Set<SlackKind>([
  "xoxb",
  "xoxp",
  "xoxe.xoxp",
  "xoxe.xoxb",
  "xoxa",
  "xoxs",
]);

export function isRevocable(kind: string | undefined): boolean {
  return kind !== undefined && REVOCABLE_KINDS.has(kind as SlackKind);
}
