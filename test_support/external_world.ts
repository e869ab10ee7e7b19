// One test world for the external-account flows: the fake Slack (token ids, datastores, messages),
// fake Google and fake GitHub wired to it (they accept exactly the tokens Slack hands out), the
// env a function reads to reach them, and every console line captured for the leak check.
//
//   worldTest("export: ...", async (w) => { ... w.slack, w.google, w.github, w.env, w.logs ... });
//   assertNoProviderTokenLeaks(w, [outputs]);  // no token the providers saw appears anywhere else
import { assert } from "@std/assert";
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { type FakeSlack, startFakeSlack } from "./fake_slack/mod.ts";
import { type FakeGoogle, startFakeGoogle } from "./fake_google.ts";
import { type FakeGitHub, startFakeGitHub } from "./fake_github.ts";
import { Budget } from "../slack/budget.ts";
import { slackCall } from "../slack/client.ts";
import type { ExternalDeps } from "../providers/external_deps.ts";

export interface World {
  slack: FakeSlack;
  google: FakeGoogle;
  github: FakeGitHub;
  /** SLACK_API_URL, GOOGLE_API_BASE_URL, GOOGLE_SHEETS_API_BASE_URL, GITHUB_API_BASE_URL. */
  env: Record<string, string>;
  /** Every console line written during the test. */
  logs: string[];
}

export interface WorldOptions {
  /** Scopes on the GitHub tokens Slack hands out (default public_repo). */
  githubScopes?: string[];
}

const CONSOLE = ["log", "error", "warn", "info", "debug"] as const;

export function worldTest(
  name: string,
  fn: (w: World) => Promise<void>,
  opts: WorldOptions = {},
): void {
  Deno.test({
    name,
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      const slack = await startFakeSlack({
        datastores: { findings: "fingerprint", settings: "id", external_connections: "id" },
      });
      const google = await startFakeGoogle({ slack });
      const github = await startFakeGitHub({ slack, slackTokenScopes: opts.githubScopes });
      const logs: string[] = [];
      const saved = CONSOLE.map((k) => console[k]);
      const capture = (...args: unknown[]) => {
        logs.push(args.map((a) => typeof a === "string" ? a : Deno.inspect(a)).join(" "));
      };
      for (const k of CONSOLE) console[k] = capture;
      try {
        await fn({
          slack,
          google,
          github,
          env: { ...slack.env, ...google.env, ...github.env },
          logs,
        });
      } finally {
        CONSOLE.forEach((k, i) => console[k] = saved[i]);
        await Promise.all([slack.close(), google.close(), github.close()]);
      }
    },
  });
}

/**
 * Deps as a run without a person at the keyboard builds them (a scheduled digest, a button
 * handler): the bot token, the env, a fresh budget; backoff shortened so tests stay quick.
 */
export function botDeps(w: World, budget = Budget.forFunction()): ExternalDeps {
  const client = SlackAPI(w.slack.botToken, { slackApiUrl: w.slack.url });
  return {
    call: slackCall(client, budget, { baseDelayMs: 5, maxDelayMs: 20 }),
    budget,
    env: w.env,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  };
}

/** Every provider access token in play: current ones in Slack, and every one a provider saw. */
export function providerTokens(w: World): string[] {
  const seen = new Set<string>();
  for (const e of w.slack.state.externalTokens.values()) seen.add(e.token);
  for (const c of [...w.google.calls, ...w.github.calls]) if (c.token) seen.add(c.token);
  return [...seen].filter((t) => t.length >= 16);
}

function plain(v: unknown): unknown {
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, plain(x)]));
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

/**
 * No provider token appears in a log line, a datastore item, a Slack message or ephemeral, any
 * request the app sent to Slack, a spreadsheet cell, a GitHub issue, or `extra` (outputs).
 */
export function assertNoProviderTokenLeaks(w: World, extra: unknown[] = []): void {
  const tokens = providerTokens(w);
  assert(tokens.length > 0, "the test used at least one provider token");
  const places: Record<string, string> = {
    logs: w.logs.join("\n"),
    datastores: JSON.stringify(plain(w.slack.state.datastores)),
    messages: JSON.stringify([w.slack.state.messages, w.slack.state.ephemerals]),
    slackRequests: JSON.stringify(w.slack.calls.map((c) => c.args)),
    spreadsheets: JSON.stringify(
      [...w.google.spreadsheets.values()].map((s) => plain(s.sheets)),
    ),
    issues: JSON.stringify([...w.github.repos.values()].map((r) => r.issues)),
    googleBodies: JSON.stringify(w.google.calls.map((c) => [c.path, c.body])),
    githubBodies: JSON.stringify(w.github.calls.map((c) => [c.path, c.body])),
    outputs: JSON.stringify(extra),
  };
  for (const [where, text] of Object.entries(places)) {
    for (const t of tokens) {
      assert(!text.includes(t), `a provider token appears in ${where}`);
    }
  }
}
