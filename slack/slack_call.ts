// The one shape Token Guard's stores and pipeline use to call the Web API: a method name and its
// arguments in, the parsed reply out. `ok: false` replies come back as values (callers decide);
// transport failures (network, 429 past the budget, 5xx after retries) throw.
// slack/client.ts supplies the real one (retries, timeouts, the run's time budget).

export type SlackReply = Record<string, unknown> & { ok?: boolean; error?: string };

export type SlackCall = (method: string, args?: Record<string, unknown>) => Promise<SlackReply>;

/** A Web API call answered `ok: false`: `code` is Slack's error code, the message plain words. */
export class SlackCallError extends Error {
  constructor(readonly method: string, readonly code: string, message?: string) {
    super(message ?? `Slack answered ${method} with "${code}".`);
    this.name = "SlackCallError";
  }
}

/** The reply when it is `ok`, otherwise a SlackCallError. */
export async function callOk(
  call: SlackCall,
  method: string,
  args: Record<string, unknown> = {},
): Promise<SlackReply> {
  const reply = await call(method, args);
  if (reply.ok === false) {
    throw new SlackCallError(method, String(reply.error ?? "unknown_error"));
  }
  return reply;
}

/** The minimal client shape: deno-slack-api's `SlackAPI(...)` and the function's `client`. */
export interface ApiCaller {
  apiCall(method: string, data?: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/** A SlackCall straight over a client, without retries (tests; slack/client.ts adds them). */
export function plainCall(client: ApiCaller): SlackCall {
  return (method, args = {}) => client.apiCall(method, args) as Promise<SlackReply>;
}
