import { DefineDatastore, Schema } from "deno-slack-sdk/mod.ts";

/**
 * One item per history sweep: where it stands, so a run that nears Slack's 60 s limit stops and
 * the next run resumes at the same message. Positions and counters only: never message text.
 */
export const SweepsDatastore = DefineDatastore({
  name: "sweeps",
  primary_key: "id",
  attributes: {
    /** A random id for the sweep. */
    id: { type: Schema.types.string },
    /** The channel being swept. */
    channel_id: { type: Schema.types.string },
    /** Who started it. */
    requested_by: { type: Schema.types.string },
    /** The start of the period, as a Slack message timestamp. */
    oldest: { type: Schema.types.string },
    /** The end of the period (fixed when the sweep starts, so pages read again hold the same messages). */
    latest: { type: Schema.types.string },
    /** How many days back the sweep reaches. */
    period_days: { type: Schema.types.number },
    /** conversations.history cursor of the page being read ("" for the first page). */
    history_cursor: { type: Schema.types.string },
    /** How many messages of that page are done. */
    history_offset: { type: Schema.types.number },
    /** The thread being read: its parent message's timestamp ("" between threads). */
    thread_ts: { type: Schema.types.string },
    /** conversations.replies cursor of the replies page being read. */
    thread_cursor: { type: Schema.types.string },
    /** How many replies of that page are done. */
    thread_offset: { type: Schema.types.number },
    /** running | done | failed */
    status: { type: Schema.types.string },
    /** Messages scanned so far (top-level and replies). */
    messages_scanned: { type: Schema.types.number },
    /** Threads whose replies were all scanned. */
    threads_scanned: { type: Schema.types.number },
    /** Leaks this sweep saw first (alerted). */
    findings_new: { type: Schema.types.number },
    /** Leaks already recorded before (counted, not alerted again). */
    findings_known: { type: Schema.types.number },
    /** How many 60 s runs the sweep has taken. */
    runs: { type: Schema.types.number },
    /** Findings counted by "family|verification" (JSON object of numbers): no previews. */
    tally: { type: Schema.types.string },
    /** The channel of the progress message Token Guard keeps updating. */
    progress_channel_id: { type: Schema.types.string },
    /** That message's timestamp. */
    progress_ts: { type: Schema.types.string },
    /** The one-time scheduled trigger that starts the next run. */
    next_trigger_id: { type: Schema.types.string },
    /** When the sweep started (epoch seconds). */
    started_at: { type: Schema.types.number },
    /** When it last saved its position (epoch seconds). */
    updated_at: { type: Schema.types.number },
    /** Why it stopped early, in plain words (no secrets). */
    problem: { type: Schema.types.string },
  },
});
