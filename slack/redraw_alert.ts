// Redraws a finding's alert in place from its record (after something outside the alert's own
// buttons changed it, such as the Open a GitHub issue workflow). Best effort: an alert that is
// gone or cannot be edited is left as it is.
import { alertMessage } from "./blocks/alert.ts";
import type { FindingRecord } from "./findings_store.ts";
import { loadSettings } from "./settings_store.ts";
import type { SlackCall } from "./slack_call.ts";

export async function redrawAlert(
  call: SlackCall,
  env: Record<string, string | undefined>,
  f: FindingRecord,
): Promise<boolean> {
  if (!f.alert_channel_id || !f.alert_ts) return false;
  try {
    const settings = await loadSettings(call, env);
    const m = alertMessage(f, { githubRepository: settings.github_repository });
    const r = await call("chat.update", {
      channel: f.alert_channel_id,
      ts: f.alert_ts,
      text: m.text,
      blocks: m.blocks,
    });
    return r.ok !== false;
  } catch {
    return false;
  }
}
