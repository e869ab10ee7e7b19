import { DefineWorkflow } from "deno-slack-sdk/mod.ts";
import { ReportFunction } from "../functions/report/definition.ts";

/** Started every Monday by the scheduled trigger Set up Token Guard creates (triggers/weekly_digest.ts). */
export const WeeklyDigestWorkflow = DefineWorkflow({
  callback_id: "weekly_digest",
  title: "Token Guard weekly digest",
  description: "Post last week's findings and the open leaks to the alert channel",
  input_parameters: { properties: {}, required: [] },
});

WeeklyDigestWorkflow.addStep(ReportFunction, { period_days: 7, digest: true });
