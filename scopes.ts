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
};

/** Hosts the functions call besides slack.com. Empty until a feature needs one. */
export const OUTGOING_DOMAINS: Readonly<Record<string, string>> = {};
