// Typed access to the one `settings` item (datastores/settings.ts), with defaults for a workspace
// that has not been set up yet.
//
// Usage:
//   const s = await loadSettings(call, env);   // GuardSettings, defaults filled in
//   s.alert_channel_id  // may be undefined: then alerts cannot be posted (say so, do not fail)
//   await saveSettings(call, { policy: "auto_revoke", alert_channel_id: "C…" }, userId);
//
// Until the enrolment workflow saves settings, two environment variables (`slack env add`) stand
// in: TOKEN_GUARD_ALERT_CHANNEL (channel id for alerts) and TOKEN_GUARD_POLICY (alert |
// auto_revoke). Saved settings always win over them.
import { POLICIES, type Policy, SETTINGS_ID } from "../datastores/settings.ts";
import { callOk, type SlackCall } from "./slack_call.ts";

export const SETTINGS_DATASTORE = "settings";

export interface GuardedChannel {
  channel_id: string;
  since?: number;
}

export interface GuardSettings {
  id: string;
  alert_channel_id?: string;
  revoker_user_ids: string[];
  revoker_usergroup_id?: string;
  guard_admin_ids: string[];
  policy: Policy;
  guarded_channels: GuardedChannel[];
  guard_trigger_id?: string;
  digest_trigger_id?: string;
  github_repository?: string;
  /** Whose findings spreadsheet the weekly digest appends to (their Google connection). */
  digest_sheet_user_id?: string;
  updated_by?: string;
  updated_at?: number;
}

export const DEFAULT_POLICY: Policy = "alert";

function isPolicy(v: unknown): v is Policy {
  return typeof v === "string" && (POLICIES as readonly string[]).includes(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x !== "") : [];
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** Fills defaults into a stored item (or nothing), taking stand-ins from `env`. */
export function withDefaults(
  item: Record<string, unknown> | undefined,
  env: Record<string, string | undefined> = {},
): GuardSettings {
  const i = item ?? {};
  const envPolicy = env.TOKEN_GUARD_POLICY?.replace("-", "_");
  return {
    ...(i as Partial<GuardSettings>),
    id: SETTINGS_ID,
    alert_channel_id: nonEmpty(i.alert_channel_id) ?? nonEmpty(env.TOKEN_GUARD_ALERT_CHANNEL),
    revoker_user_ids: strings(i.revoker_user_ids),
    revoker_usergroup_id: nonEmpty(i.revoker_usergroup_id),
    guard_admin_ids: strings(i.guard_admin_ids),
    policy: isPolicy(i.policy) ? i.policy : isPolicy(envPolicy) ? envPolicy : DEFAULT_POLICY,
    github_repository: nonEmpty(i.github_repository),
    digest_sheet_user_id: nonEmpty(i.digest_sheet_user_id),
    guarded_channels: Array.isArray(i.guarded_channels)
      ? (i.guarded_channels as GuardedChannel[]).filter((c) => nonEmpty(c?.channel_id))
      : [],
  };
}

export async function loadSettings(
  call: SlackCall,
  env: Record<string, string | undefined> = {},
): Promise<GuardSettings> {
  const reply = await callOk(call, "apps.datastore.get", {
    datastore: SETTINGS_DATASTORE,
    id: SETTINGS_ID,
  });
  const item = reply.item as Record<string, unknown> | undefined;
  return withDefaults(item && Object.keys(item).length > 0 ? item : undefined, env);
}

/** Saves the given fields (others keep their stored value) and stamps who and when. */
export async function saveSettings(
  call: SlackCall,
  patch: Partial<Omit<GuardSettings, "id">>,
  updatedBy?: string,
  now: () => number = () => Math.floor(Date.now() / 1000),
): Promise<GuardSettings> {
  if (patch.policy !== undefined && !isPolicy(patch.policy)) {
    throw new Error(`The policy must be one of ${POLICIES.join(", ")}.`);
  }
  const item: Record<string, unknown> = { id: SETTINGS_ID, updated_at: now() };
  if (updatedBy) item.updated_by = updatedBy;
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) item[k] = v;
  const reply = await callOk(call, "apps.datastore.update", {
    datastore: SETTINGS_DATASTORE,
    item,
  });
  return withDefaults(reply.item as Record<string, unknown> | undefined);
}
