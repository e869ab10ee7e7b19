// Who may act on an alert (Revoke, Resolved, Not a secret): workspace admins and owners, the
// people named in the settings, and members of the user group named there. Cheapest check
// first: the settings list needs no call.
import type { GuardSettings } from "./settings_store.ts";
import type { SlackCall } from "./slack_call.ts";

export interface Permission {
  allowed: boolean;
  /** How the decision was reached, for the audit line ("workspace admin", "named revoker", ...). */
  via?: "named" | "admin" | "owner" | "usergroup";
  /** A call failed, so the answer is a refusal for safety; say it in words. */
  problem?: string;
}

export async function mayAct(
  call: SlackCall,
  userId: string,
  settings: Pick<GuardSettings, "revoker_user_ids" | "revoker_usergroup_id">,
): Promise<Permission> {
  if (settings.revoker_user_ids.includes(userId)) return { allowed: true, via: "named" };
  const problems: string[] = [];
  const info = await call("users.info", { user: userId });
  if (info.ok !== false) {
    const u = (info.user ?? {}) as { is_admin?: boolean; is_owner?: boolean; deleted?: boolean };
    if (!u.deleted && u.is_owner) return { allowed: true, via: "owner" };
    if (!u.deleted && u.is_admin) return { allowed: true, via: "admin" };
  } else problems.push(`users.info answered ${info.error}`);
  if (settings.revoker_usergroup_id) {
    const g = await call("usergroups.users.list", { usergroup: settings.revoker_usergroup_id });
    if (g.ok !== false) {
      const users = Array.isArray(g.users) ? g.users : [];
      if (users.includes(userId)) return { allowed: true, via: "usergroup" };
    } else problems.push(`usergroups.users.list answered ${g.error}`);
  }
  return problems.length
    ? { allowed: false, problem: `Could not confirm your role (${problems.join("; ")}).` }
    : { allowed: false };
}
