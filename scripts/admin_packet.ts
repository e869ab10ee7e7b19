// `deno task admin-packet`: writes docs/ADMIN.md, the page an admin reads before approving the
// install, from the manifest and the code (scopes.ts reasons, datastore definitions and their doc
// comments). scripts/admin_packet_test.ts fails when a scope, domain or datastore attribute has no
// explanation, and when docs/ADMIN.md differs from what this script would write now.
// Dummy OAuth client ids (public ids, no secrets) so the manifest evaluates offline; real ids from
// the environment win. The packet does not print them.
import "../test_support/manifest_env.ts";
import manifest from "../manifest.ts";
import { BOT_SCOPES, OUTGOING_DOMAINS } from "../scopes.ts";
import { GOOGLE_SCOPE_REASONS, GOOGLE_SCOPES } from "../external_auth/google.ts";
import { GITHUB_SCOPE_REASONS } from "../external_auth/github.ts";
import { GITHUB_ISSUE_SCOPES } from "../external_auth/client_id.ts";

export const ADMIN_PACKET_PATH = "docs/ADMIN.md";

/** The manifest fields the packet reads. */
type TypeRef = { type: unknown; items?: { type: unknown } };

export interface ManifestLike {
  display_information?: { name?: string; description?: string };
  oauth_config?: { scopes?: { bot?: string[] } };
  outgoing_domains?: string[];
  datastores?: Record<
    string,
    { primary_key: string; attributes: Record<string, TypeRef> }
  >;
  workflows?: Record<string, { title?: string; description?: string }>;
  types?: Record<string, { type?: string; properties?: Record<string, { type: string }> }>;
  external_auth_providers?: {
    oauth2?: Record<string, { options?: { provider_name?: string; scope?: string[] } }>;
  };
}

/** The OAuth scopes a provider may ask for, each with its reason (kept beside the definitions). */
export interface ProviderScopes {
  key: string;
  name: string;
  scopes: readonly string[];
  reasons: Readonly<Record<string, string>>;
  /** Which of the scopes are asked for, and anything else an admin should know. */
  note: string;
}

/**
 * Every scope each provider's definition can ask for. Listed from the definitions rather than
 * from this machine's manifest, so the packet does not depend on GITHUB_OAUTH_SCOPE here.
 */
export const PROVIDER_SCOPES: readonly ProviderScopes[] = [
  {
    key: "google",
    name: "Google",
    scopes: GOOGLE_SCOPES,
    reasons: GOOGLE_SCOPE_REASONS,
    note:
      "All of these are asked for, with offline access (a refresh token) so Slack can renew the token for runs nobody starts, such as the weekly digest. Google expires refresh tokens after 7 days while the OAuth app is in Testing mode.",
  },
  {
    key: "github",
    name: "GitHub",
    scopes: GITHUB_ISSUE_SCOPES,
    reasons: GITHUB_SCOPE_REASONS,
    note:
      "Exactly one of these is asked for: `GITHUB_OAUTH_SCOPE` when the manifest is generated (default `public_repo`).",
  },
];

/**
 * What an attribute holds, for attributes whose definition has no doc comment. The datastore
 * files' own `/** … *\/` comments win; every attribute must be explained one way or the other.
 */
export const ATTRIBUTE_NOTES: Readonly<Record<string, string>> = {
  "findings.fingerprint":
    "SHA-256 of the leaked value: the only identity of a leak. Not reversible.",
  "findings.rule_id": "Which detection rule matched (e.g. slack-bot-token).",
  "findings.family": "Credential family (slack, github, aws, ...).",
  "findings.redacted":
    "A redacted preview: the first and last few characters and the length, never the value.",
  "findings.state": "open, revoked, resolved or not_secret.",
  "findings.verified_at": "When it was last checked live (epoch seconds).",
  "findings.alert_ts": "The timestamp of that alert message, to update it in place.",
  "findings.owner_team_id": "The workspace the leaked Slack token belongs to (from auth.test).",
  "findings.owner_team_name": "That workspace's name.",
  "findings.owner_enterprise_id": "Its Enterprise Grid organization, when it has one.",
  "findings.owner_user_id": "The user or bot user the leaked token acts as.",
  "findings.owner_name": "That user's name as Slack reported it.",
  "findings.owner_bot_id": "The bot id, for a bot token.",
  "findings.owner_is_this_workspace": "Whether the leaked token belongs to this workspace.",
  "findings.occurrences":
    "Where it was seen: channel id, message ts, thread ts, poster's user id, when (at most 20).",
  "findings.occurrence_count": "How many messages it was seen in (keeps counting past 20).",
  "findings.first_seen": "When it was first seen (epoch seconds).",
  "findings.last_seen": "When it was last seen (epoch seconds).",
  "findings.acted_by": "Who last pressed Revoke, Resolved or Not a secret (user id).",
  "findings.acted_at": "When (epoch seconds).",
  "findings.action": "What they did (revoked, resolved, not_secret, auto_revoked, ...).",
  "findings.revoked_by": "Who revoked it (user id), or nothing when the policy did.",
  "findings.revoked_at": "When it was revoked (epoch seconds).",
  "settings.id": 'Always "workspace": one settings item per install.',
  "settings.alert_channel_id": "The channel alerts and the weekly digest go to.",
  "settings.policy": "alert or auto_revoke.",
  "settings.revoker_usergroup_id": "A user group whose members may press Revoke.",
  "settings.guarded_channels": "The guarded channel ids and since when (epoch seconds).",
  "settings.guard_trigger_id":
    "The id(s) of the message_posted event trigger(s), comma-separated (Slack allows 20 channels per trigger).",
  "settings.digest_trigger_id": "The id of the weekly digest's scheduled trigger, when enabled.",
  "settings.updated_by": "Who last saved the settings.",
  "settings.updated_at": "When (epoch seconds).",
  "external_connections.id": '"<provider>:<user id>".',
  "external_connections.provider": "google or github.",
  "external_connections.user_id": "The Slack user who connected the account.",
  "external_connections.connected_at": "When they connected it (epoch seconds).",
  "external_connections.last_used_at": "When Token Guard last used it (epoch seconds).",
  "external_connections.spreadsheet_url": "The link to that spreadsheet.",
};

/** Doc comments above attributes in the datastore sources, keyed "<datastore>.<attribute>". */
export async function attributeComments(dir = new URL("../datastores/", import.meta.url)) {
  const out: Record<string, string> = {};
  for await (const entry of Deno.readDir(dir)) {
    if (!entry.isFile || !entry.name.endsWith(".ts") || entry.name.endsWith("_test.ts")) continue;
    const src = await Deno.readTextFile(new URL(entry.name, dir));
    const store = /DefineDatastore\(\{\s*name:\s*"([^"]+)"/.exec(src)?.[1];
    if (!store) continue;
    const body = src.slice(src.indexOf("attributes:", src.indexOf("DefineDatastore(")));
    const re = /\/\*\*([\s\S]*?)\*\/\s*([A-Za-z0-9_]+)\s*:/g;
    for (const m of body.matchAll(re)) {
      const text = m[1].split("\n").map((l) => l.replace(/^\s*\*\s?/, "").trim()).join(" ")
        .trim();
      out[`${store}.${m[2]}`] = text;
    }
  }
  return out;
}

export interface Gaps {
  scopesWithoutReason: string[];
  domainsWithoutReason: string[];
  attributesWithoutNote: string[];
  /** "<provider>:<scope>" for OAuth scopes (manifest or definitions) without a reason. */
  providerScopesWithoutReason: string[];
}

/** What the packet cannot explain. Empty lists when everything has its reason. */
export function gaps(
  m: ManifestLike,
  comments: Record<string, string>,
  scopes: Record<string, string> = BOT_SCOPES,
  domains: Record<string, string> = OUTGOING_DOMAINS,
  providers: readonly ProviderScopes[] = PROVIDER_SCOPES,
): Gaps {
  const has = (r: Readonly<Record<string, string>>, k: string) => (r[k] ?? "").trim().length >= 20;
  const providerGaps = new Set<string>();
  for (const p of providers) {
    for (const sc of p.scopes) if (!has(p.reasons, sc)) providerGaps.add(`${p.key}:${sc}`);
  }
  for (const [key, def] of Object.entries(m.external_auth_providers?.oauth2 ?? {})) {
    const reasons = providers.find((p) => p.key === key)?.reasons ?? {};
    for (const sc of def.options?.scope ?? []) {
      if (!has(reasons, sc)) providerGaps.add(`${key}:${sc}`);
    }
  }
  const attributes: string[] = [];
  for (const [name, ds] of Object.entries(m.datastores ?? {})) {
    for (const attr of Object.keys(ds.attributes)) {
      const key = `${name}.${attr}`;
      if (!comments[key] && !ATTRIBUTE_NOTES[key]) attributes.push(key);
    }
  }
  return {
    scopesWithoutReason: (m.oauth_config?.scopes?.bot ?? []).filter((s) => !has(scopes, s)),
    domainsWithoutReason: (m.outgoing_domains ?? []).filter((d) => !has(domains, d)),
    attributesWithoutNote: attributes,
    providerScopesWithoutReason: [...providerGaps],
  };
}

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
}

function typeName(t: TypeRef): string {
  const short = (x: unknown) =>
    String(x).replace(/^slack#\/types\//, "").replace(
      /^#\/types\//,
      "",
    );
  return t.type === "array" && t.items ? `array of ${short(t.items.type)}` : short(t.type);
}

export function renderAdminPacket(
  m: ManifestLike,
  comments: Record<string, string>,
  scopes: Record<string, string> = BOT_SCOPES,
  domains: Record<string, string> = OUTGOING_DOMAINS,
  providers: readonly ProviderScopes[] = PROVIDER_SCOPES,
): string {
  const name = m.display_information?.name ?? "Token Guard";
  const L: string[] = [];
  L.push(
    `# ${name}: what an admin approves`,
    "",
    "<!-- Generated by `deno task admin-packet` from manifest.ts, scopes.ts and datastores/. Do not edit by hand: CI fails when this file is stale. -->",
    "",
    m.display_information?.description ?? "",
    "",
    `${name} runs on Slack's own infrastructure (Run on Slack): Slack hosts the code, injects its bot token at run time and stores its data in Slack datastores in your workspace.`,
    "",
    "## Bot scopes",
    "",
    "| Scope | Why Token Guard needs it |",
    "| --- | --- |",
  );
  for (const s of [...(m.oauth_config?.scopes?.bot ?? [])].sort()) {
    L.push(`| \`${s}\` | ${cell(scopes[s] ?? "**no reason given**")} |`);
  }
  L.push("", "## Outgoing domains", "");
  const outgoing = [...(m.outgoing_domains ?? [])].sort();
  if (outgoing.length === 0) {
    L.push("None: the functions call only Slack's own API.");
  } else {
    L.push("| Domain | Why |", "| --- | --- |");
    for (const d of outgoing) L.push(`| \`${d}\` | ${cell(domains[d] ?? "**no reason given**")} |`);
  }
  const declared = m.external_auth_providers?.oauth2 ?? {};
  const shown = providers.filter((p) => p.key in declared);
  if (shown.length) {
    L.push(
      "",
      "## OAuth scopes of external accounts",
      "",
      "People connect their own accounts through Slack's OAuth2 (Connect my Google account, Connect my GitHub account). Slack keeps the tokens; Token Guard keeps only their ids and asks Slack for a token at the moment of use. These are the scopes each consent screen asks for.",
    );
    for (const p of shown) {
      L.push("", `### ${p.name}`, "", p.note, "", "| Scope | Why |", "| --- | --- |");
      for (const sc of p.scopes) {
        L.push(`| \`${sc}\` | ${cell(p.reasons[sc] ?? "**no reason given**")} |`);
      }
    }
  }
  L.push(
    "",
    "## What Token Guard stores",
    "",
    "Slack datastores belonging to this app, in your workspace. No datastore holds a secret or message text.",
  );
  for (
    const [store, ds] of Object.entries(m.datastores ?? {}).sort(([a], [b]) => a.localeCompare(b))
  ) {
    L.push(
      "",
      `### \`${store}\` (key: \`${ds.primary_key}\`)`,
      "",
      "| Attribute | Type | What it holds |",
      "| --- | --- | --- |",
    );
    for (const [attr, def] of Object.entries(ds.attributes)) {
      const key = `${store}.${attr}`;
      const note = comments[key] ?? ATTRIBUTE_NOTES[key] ?? "**not explained**";
      L.push(`| \`${attr}\` | ${cell(typeName(def))} | ${cell(note)} |`);
    }
  }
  L.push(
    "",
    "## What never leaves the workspace, and what is never kept",
    "",
    "- A leaked credential's raw value is never stored, logged or posted. It exists only in the memory of the run that found it, and is sent only to the API of the service that issued it, to check it (Slack: `auth.test` called with the leaked token) or to revoke it (`auth.revoke`). Later actions re-read the original message to get it back.",
    "- Message text is never stored. Findings keep a SHA-256 fingerprint, a redacted preview (e.g. `xoxb-12…ab9f (55 chars)`) and where it was seen (channel, message timestamp, poster).",
    "- History sweeps keep only their position (channel, cursor, counters), never what they read.",
    "- Redacted findings (preview, family, state, verification result, whose credential it is, dates; never message text, channels or posters) leave the workspace only when a person asks: Export findings to Google Sheets and Open GitHub issue act with that person's own connected account, and the weekly digest appends to a spreadsheet only when an admin ticks that box in Set up Token Guard (it is then that admin's spreadsheet).",
    outgoing.length === 0
      ? "- No outgoing domains are declared, so the functions cannot reach any host but Slack."
      : `- Besides Slack, functions may reach only: ${outgoing.map((d) => `\`${d}\``).join(", ")}.`,
    "",
    "## Workflows",
    "",
    "| Workflow | What it does |",
    "| --- | --- |",
  );
  for (const [id, wf] of Object.entries(m.workflows ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    L.push(`| ${cell(wf.title ?? id)} (\`${id}\`) | ${cell(wf.description ?? "")} |`);
  }
  L.push(
    "",
    "## Removing Token Guard and its data",
    "",
    "1. Run **Set up Token Guard**, remove every channel and turn the weekly digest off: this deletes the event and scheduled triggers it created. (Or list them with `slack trigger list` and remove each with `slack trigger delete --trigger-id Ft…`.)",
    "2. Delete the datastore items if you do not want them kept until the app is deleted:",
    `   ${
      Object.keys(m.datastores ?? {}).sort().map((d) =>
        `\`slack datastore query '{"datastore": "${d}"}'\` then \`slack datastore delete '{"datastore": "${d}", "id": "…"}'\``
      ).join("; ")
    }.`,
    "3. Remove the app and everything it owns: `slack delete` (choose the workspace). This deletes its functions, workflows, remaining triggers and datastores.",
    "4. Findings Token Guard posted as alerts are ordinary messages: delete them in the alert channel if you wish.",
    "",
  );
  return L.join("\n");
}

/** The packet as `deno task admin-packet` writes it. */
export async function currentPacket(): Promise<string> {
  return renderAdminPacket(manifest as unknown as ManifestLike, await attributeComments());
}

if (import.meta.main) {
  const text = await currentPacket();
  const g = gaps(manifest as unknown as ManifestLike, await attributeComments());
  const missing = [
    ...g.scopesWithoutReason,
    ...g.domainsWithoutReason,
    ...g.attributesWithoutNote,
    ...g.providerScopesWithoutReason,
  ];
  if (missing.length) {
    console.error(
      `No explanation for: ${
        missing.join(", ")
      }. Add reasons in scopes.ts or external_auth/, doc comments in datastores/, or ATTRIBUTE_NOTES.`,
    );
    Deno.exit(1);
  }
  const out = new URL(`../${ADMIN_PACKET_PATH}`, import.meta.url);
  await Deno.mkdir(new URL(".", out), { recursive: true });
  await Deno.writeTextFile(out, text);
  console.log(`Wrote ${ADMIN_PACKET_PATH} (${text.length} characters).`);
}
