// "Token Guard report" (for the person who asked, privately) and the weekly digest (to the alert
// channel). The findings are read page by page (1000 per page, filtered to what the report can
// use) and folded into a ReportAccumulator, so thousands of findings cost a few calls.
//
// Who may read it: the report names who leaked what, so only the people who may act on alerts
// (workspace admins and owners, the named revokers and user group) and the guard admins get it.
import { SlackFunction } from "deno-slack-sdk/mod.ts";
import { ReportFunction } from "./definition.ts";
import { Budget } from "../../slack/budget.ts";
import { slackCall } from "../../slack/client.ts";
import { loadSettings } from "../../slack/settings_store.ts";
import { eachFinding, type FindingRecord } from "../../slack/findings_store.ts";
import { inPeriod, ReportAccumulator, reportQuery } from "../../slack/report_summary.ts";
import { reportBlocks } from "../../slack/blocks/report.ts";
import { mayAct } from "../../slack/revokers.ts";
import { tellPerson } from "../../slack/tell_person.ts";
import { appendDigestToSheet } from "./digest_sheet.ts";

/** Slack's limit on blocks per message. */
const MAX_BLOCKS = 50;

export default SlackFunction(ReportFunction, async ({ inputs, client, env }) => {
  const budget = Budget.forFunction();
  const call = slackCall(client, budget);
  const settings = await loadSettings(call, env);
  const digest = inputs.digest === true;

  if (!digest) {
    if (!inputs.user_id) return { error: "The report needs to know who asked (user_id)." };
    const allowed = settings.guard_admin_ids.includes(inputs.user_id) ||
      (await mayAct(call, inputs.user_id, settings)).allowed;
    if (!allowed) {
      const text =
        "The Token Guard report names who leaked which credential, so it is only for workspace admins and owners, the people allowed to revoke, and Token Guard's admins. Ask one of them.";
      await tellPerson(
        client,
        { user_id: inputs.user_id, channel_id: inputs.channel_id, text },
        budget,
      );
      return { outputs: { open_findings: 0, summary: "Refused: not allowed to read the report." } };
    }
  } else if (!settings.alert_channel_id) {
    return {
      error: "The weekly digest has no alert channel to go to: set one in Set up Token Guard.",
    };
  }

  const acc = new ReportAccumulator({
    now: Math.floor(Date.now() / 1000),
    periodDays: inputs.period_days ?? 7,
  });
  // The digest's spreadsheet gets the same findings the digest counts for the period, once each.
  const sheetUser = digest ? settings.digest_sheet_user_id : undefined;
  const forSheet = new Map<string, FindingRecord>();
  try {
    for await (const f of eachFinding(call, reportQuery(acc.from))) {
      acc.add(f);
      if (sheetUser && inPeriod(f, acc.from)) forSheet.set(f.fingerprint, f);
    }
  } catch (e) {
    return {
      error: `Token Guard could not read its findings: ${
        e instanceof Error ? e.message : "unknown error"
      }`,
    };
  }
  const summary = acc.finish();
  const message = reportBlocks(summary, { kind: digest ? "digest" : "report" });

  if (digest) {
    const r = await call("chat.postMessage", { channel: settings.alert_channel_id, ...message });
    if (r.ok === false) {
      return {
        error:
          `The weekly digest could not be posted in <#${settings.alert_channel_id}> (${r.error}). Invite Token Guard there if it is a private channel.`,
      };
    }
    if (sheetUser) {
      const sheet = await appendDigestToSheet(
        { call, budget, env },
        sheetUser,
        [...forSheet.values()],
      );
      // The outcome goes under the digest itself: one line, whether it worked or what to do.
      const blocks = [
        ...message.blocks.slice(0, MAX_BLOCKS - 1),
        { type: "context", elements: [{ type: "mrkdwn", text: sheet.line }] },
      ];
      const u = await call("chat.update", {
        channel: String(r.channel ?? settings.alert_channel_id),
        ts: String(r.ts ?? ""),
        text: message.text,
        blocks,
      }).catch(() => ({ ok: false }));
      if (u.ok === false) console.log("Weekly digest: could not add the spreadsheet line.");
    }
  } else {
    const d = await tellPerson(client, {
      user_id: inputs.user_id!,
      channel_id: inputs.channel_id,
      ...message,
    }, budget);
    if (!d.ok) {
      return { error: `The report could not be delivered: ${d.failure.explanation.sentence}` };
    }
  }
  return { outputs: { open_findings: summary.openTotal, summary: message.text } };
});
