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
    /** The period as Slack message timestamps: oldest and latest (fixed when the sweep starts). */
    oldest: { type: Schema.types.string },
    latest: { type: Schema.types.string },
    period_days: { type: Schema.types.number },
    /** conversations.history cursor of the page being read ("" for the first page). */
    history_cursor: { type: Schema.types.string },
    /** How many messages of that page are done. */
    history_offset: { type: Schema.types.number },
    /** The thread being read (its parent's ts), its replies cursor and replies done. */
    thread_ts: { type: Schema.types.string },
    thread_cursor: { type: Schema.types.string },
    thread_offset: { type: Schema.types.number },
    /** running | done | failed */
    status: { type: Schema.types.string },
    /** Counters: messages and threads scanned, findings new and already known, runs so far. */
    messages_scanned: { type: Schema.types.number },
    threads_scanned: { type: Schema.types.number },
    findings_new: { type: Schema.types.number },
    findings_known: { type: Schema.types.number },
    runs: { type: Schema.types.number },
    /** Findings counted by "family|verification" (JSON object of numbers): no previews. */
    tally: { type: Schema.types.string },
    /** The progress message Token Guard keeps updating (channel and ts). */
    progress_channel_id: { type: Schema.types.string },
    progress_ts: { type: Schema.types.string },
    /** The one-time scheduled trigger that starts the next run. */
    next_trigger_id: { type: Schema.types.string },
    started_at: { type: Schema.types.number },
    updated_at: { type: Schema.types.number },
    /** Why it stopped early, in plain words (no secrets). */
    problem: { type: Schema.types.string },
  },
});
