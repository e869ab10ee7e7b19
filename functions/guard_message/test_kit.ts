// Shared set-up for the guard function's tests: a fake Slack with the findings and settings
// datastores, the real SlackFunction handler, and helpers to post a message, run the guard on
// it the way the message_posted trigger would, and click an alert's button.
import { SlackFunctionTester } from "deno-slack-sdk/mod.ts";
import {
  FAKE_IDS,
  type FakeSlack,
  type PostInput,
  startFakeSlack,
} from "../../test_support/fake_slack/mod.ts";
import { GuardMessageFunction } from "./definition.ts";
import handler from "./mod.ts";

export { FAKE_IDS };

export interface Kit {
  fake: FakeSlack;
  env: Record<string, string>;
  /** Posts into the fake workspace and returns the event inputs the trigger would send. */
  post(channel: string, m: PostInput): GuardInputs;
  /** Runs the guard function on one event; `executionId` defaults to a fresh one. */
  guard(inputs: GuardInputs, executionId?: string): Promise<GuardRun>;
  /** Clicks a button on an alert as `userId`. */
  click(
    actionId: string,
    fingerprint: string,
    userId: string,
    executionId: string,
  ): Promise<void>;
  findings(): Record<string, unknown>[];
  finding(fingerprint: string): Record<string, unknown>;
  alerts(): Array<{ ts: string; text: string; blocks?: unknown[] }>;
  close(): Promise<void>;
}

export interface GuardInputs {
  channel_id: string;
  user_id?: string;
  message_ts: string;
  thread_ts?: string;
  text?: string;
}

export interface GuardRun {
  executionId: string;
  result: Record<string, unknown>;
}

let executions = 0;

export async function startKit(
  settings: Record<string, unknown> = { alert_channel_id: FAKE_IDS.security },
): Promise<Kit> {
  const fake = await startFakeSlack({
    datastores: { findings: "fingerprint", settings: "id", external_connections: "id" },
  });
  fake.state.datastores.set("settings", new Map([["workspace", { id: "workspace", ...settings }]]));
  const env = { ...fake.env, SLACK_WEBHOOK_URL_BASE: fake.webhookBase };
  const { createContext } = SlackFunctionTester(GuardMessageFunction);
  const context = (inputs: GuardInputs, executionId: string) =>
    createContext({
      inputs: inputs as never,
      env,
      token: fake.botToken,
      team_id: FAKE_IDS.team,
      event: {
        type: "function_executed",
        event_ts: String(Date.now()),
        function_execution_id: executionId,
        inputs,
        function: { id: "Fn0GUARD", callback_id: "guard_message", title: "Guard message" },
      } as never,
    });
  const runInputs = new Map<string, GuardInputs>();
  return {
    fake,
    env,
    post(channel, m) {
      const ts = fake.postMessage(channel, m);
      const inputs: GuardInputs = { channel_id: channel, message_ts: ts, text: m.text ?? "" };
      if (m.user) inputs.user_id = m.user;
      if (m.thread_ts) inputs.thread_ts = m.thread_ts;
      return inputs;
    },
    async guard(inputs, executionId = `Fx0TEST${++executions}`) {
      runInputs.set(executionId, inputs);
      const result = await handler(context(inputs, executionId)) as Record<string, unknown>;
      return { executionId, result };
    },
    async click(actionId, fingerprint, userId, executionId) {
      const f = fake.state.datastores.get("findings")?.get(fingerprint) ?? {};
      const action = {
        type: "button",
        action_id: actionId,
        block_id: "token_guard_alert_actions",
        value: fingerprint,
        action_ts: String(Date.now() / 1000),
      };
      const inputs = runInputs.get(executionId) ?? { channel_id: "", message_ts: "" };
      // The runtime calls the handler module's `blockActions` export, as here.
      const routed = handler as unknown as { blockActions: (ctx: unknown) => Promise<unknown> };
      await routed.blockActions({
        ...context(inputs, executionId),
        action,
        body: {
          type: "block_actions",
          actions: [action],
          user: { id: userId, name: userId, team_id: FAKE_IDS.team },
          team: { id: FAKE_IDS.team, domain: "fake-workspace" },
          channel: { id: f.alert_channel_id, name: "security-alerts" },
          message: { ts: f.alert_ts },
          container: { type: "message", channel_id: f.alert_channel_id, message_ts: f.alert_ts },
          function_data: {
            execution_id: executionId,
            function: { callback_id: "guard_message" },
            inputs,
          },
          api_app_id: FAKE_IDS.app,
        },
      } as never);
    },
    findings() {
      return [...(fake.state.datastores.get("findings")?.values() ?? [])];
    },
    finding(fp) {
      const f = fake.state.datastores.get("findings")?.get(fp);
      if (!f) throw new Error("no such finding");
      return f;
    },
    alerts() {
      return fake.messagesIn(FAKE_IDS.security);
    },
    close: () => fake.close(),
  };
}

/** Deno.test options every client-using test needs on Deno 1.46 (undici keep-alive). */
export function kitTest(name: string, fn: () => Promise<void>) {
  Deno.test({ name, sanitizeOps: false, sanitizeResources: false, fn });
}
