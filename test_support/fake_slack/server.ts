// The HTTP layer of the fake Slack Web API: parses form and JSON bodies, records every call,
// applies injected faults before normal handling, checks the token (not_authed, invalid_auth,
// token_revoked, token_expired, account_inactive, not_allowed_token_type, missing_scope) and
// dispatches to the method tables.
import { type Args, type MethodSpec, SlackMethodError } from "./method_types.ts";
import {
  createState,
  type FakeChannel,
  type FakeExternalToken,
  type FakeState,
  type FakeToken,
  type FakeUser,
  makeChannel,
  makeUser,
  type Seed,
  type WebhookStatus,
} from "./state.ts";
import { authMethods } from "./methods_auth.ts";
import { chatMethods, storeMessage } from "./methods_chat.ts";
import { conversationMethods } from "./methods_conversations.ts";
import { datastoreMethods } from "./methods_datastore.ts";
import { triggerMethods } from "./methods_triggers.ts";
import { platformMethods } from "./methods_platform.ts";
import { viewMethods } from "./methods_views.ts";
import { handleWebhook } from "./webhooks.ts";
import { fakeAlnum, fakeWebhookParts, type Seed as TokenSeed } from "../fake_tokens.ts";
import { FaultQueue } from "../fault_queue.ts";
import { Sleepers } from "../sleepers.ts";

export const METHODS: Record<string, MethodSpec> = {
  ...authMethods,
  ...chatMethods,
  ...conversationMethods,
  ...datastoreMethods,
  ...triggerMethods,
  ...platformMethods,
  ...viewMethods,
};

/** One recorded request. `method` is "webhook" for incoming-webhook posts. */
export interface FakeCall {
  method: string;
  args: Args;
  /** The token the call carried (body `token` wins over the Authorization header). */
  token?: string;
  contentType: string;
  /** For webhook calls: the path after /services/. */
  path?: string;
  at: number;
}

export interface Fault {
  /** HTTP status to answer with: 429 sends `Retry-After`, 5xx a non-JSON body. */
  status?: number;
  /** Seconds for the `Retry-After` header on a 429 (default 1). */
  retryAfter?: number;
  /** An `ok: false` error code (HTTP 200 unless `status` is given). */
  error?: string;
  /** Extra fields for the error body, e.g. `{ needed: "chat:write" }`. */
  extra?: Record<string, unknown>;
  /** Wait this long first; alone, the call then proceeds normally. */
  delayMs?: number;
  /** Answer with a body cut off mid-JSON, as when a connection drops mid-answer. */
  drop?: boolean;
  /** How many calls it applies to (default 1; Infinity for all). */
  times?: number;
}

const OBJECT_KEYS = new Set([
  "blocks",
  "attachments",
  "metadata",
  "item",
  "items",
  "ids",
  "expression_attributes",
  "expression_values",
  "inputs",
  "event",
  "schedule",
  "shortcut",
  "webhook",
  "outputs",
  "channel_ids",
  "view",
]);

function parseForm(raw: string): Args {
  const args: Args = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (OBJECT_KEYS.has(k) && /^\s*[[{]/.test(v)) {
      try {
        args[k] = JSON.parse(v);
        continue;
      } catch { /* keep the raw string; the handler reports it */ }
    }
    args[k] = v;
  }
  return args;
}

function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

export interface AddTokenInput {
  token: string;
  kind: FakeToken["kind"];
  team_id?: string;
  user_id?: string;
  bot_id?: string;
  app_id?: string;
  scopes?: string[];
  enterprise_id?: string;
  revoked?: boolean;
  expired?: boolean;
  inactive?: boolean;
}

export interface PostInput {
  user?: string;
  bot_id?: string;
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
  subtype?: string;
  ts?: string;
}

export class FakeSlack {
  readonly calls: FakeCall[] = [];
  readonly #faults = new FaultQueue<Fault>();
  #server?: Deno.HttpServer;
  readonly #sleepers = new Sleepers();
  url = "";
  webhookBase = "";

  constructor(readonly state: FakeState, readonly botToken: string) {}

  get env(): { SLACK_API_URL: string } {
    return { SLACK_API_URL: this.url };
  }

  /** Base URL without /api/, for non-API paths. */
  get origin(): string {
    return this.url.replace(/api\/$/, "");
  }

  listen(): Promise<void> {
    return new Promise((resolve) => {
      this.#server = Deno.serve(
        { hostname: "127.0.0.1", port: 0, onListen: () => resolve() },
        (req) => this.#handle(req),
      );
      const addr = this.#server.addr as Deno.NetAddr;
      this.url = `http://127.0.0.1:${addr.port}/api/`;
      this.webhookBase = `http://127.0.0.1:${addr.port}/services/`;
    });
  }

  async close(): Promise<void> {
    this.#sleepers.wakeAll();
    await this.#server?.shutdown();
  }

  callsTo(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  clearCalls(): void {
    this.calls.length = 0;
  }

  /** Queue a fault for `method` ("*" for any API method, "webhook" for webhook posts). */
  fault(method: string, fault: Fault): void {
    this.#faults.add(method, fault);
  }

  clearFaults(): void {
    this.#faults.clear();
  }

  addToken(t: AddTokenInput): FakeToken {
    const rec: FakeToken = {
      team_id: this.state.team.id,
      user_id: t.user_id ?? (t.kind === "app" ? "" : this.state.bot_user_id),
      scopes: [],
      ...t,
    };
    if (t.scopes) rec.scopes = [...t.scopes];
    this.state.tokens.set(rec.token, rec);
    return rec;
  }

  addUser(u: Partial<FakeUser> & { id: string }): FakeUser {
    const user = makeUser(u, this.state.team.id);
    this.state.users.set(user.id, user);
    return user;
  }

  addChannel(c: Partial<FakeChannel> & { id: string }): FakeChannel {
    const ch = makeChannel(c, this.state.bot_user_id);
    this.state.channels.set(ch.id, ch);
    return ch;
  }

  /** Posts straight into state (no HTTP, no checks); returns the new message's ts. */
  postMessage(channel: string, m: PostInput): string {
    if (!this.state.channels.has(channel)) throw new Error(`no such channel ${channel}`);
    return storeMessage(this.state, channel, { text: "", ...m }).ts;
  }

  messagesIn(channel: string) {
    return this.state.messages.filter((m) => m.channel === channel);
  }

  /** Registers an incoming webhook and returns its URL on this server. */
  addWebhook(
    opts: { channel?: string; status?: WebhookStatus; seed?: TokenSeed } = {},
  ): string {
    const { teamId, botId, secret } = fakeWebhookParts(opts.seed);
    const path = [teamId, botId, secret].join("/");
    this.state.webhooks.set(path, {
      team_id: teamId,
      channel: opts.channel ?? [...this.state.channels.keys()][0] ?? "",
      path,
      status: opts.status ?? "live",
    });
    return this.webhookBase + path;
  }

  /** Changes a webhook's status, by URL or path. */
  setWebhookStatus(urlOrPath: string, status: WebhookStatus): void {
    const path = urlOrPath.replace(/^.*\/services\//, "");
    const hook = this.state.webhooks.get(path);
    if (!hook) throw new Error("no such webhook");
    hook.status = status;
  }

  /** Stores an external (OAuth2) token; returns its external_token_id. */
  addExternalToken(
    e: Partial<FakeExternalToken> & { provider_key: string },
  ): FakeExternalToken {
    const rec: FakeExternalToken = {
      external_token_id: `Et${fakeAlnum(10).toUpperCase()}`,
      token: `${e.provider_key}-access-${fakeAlnum(32)}`,
      refreshes: 0,
      ...e,
    };
    this.state.externalTokens.set(rec.external_token_id, rec);
    return rec;
  }

  /** The provider stops accepting the stored token until a force_refresh rotates it. */
  expireExternalToken(id: string): void {
    const rec = this.state.externalTokens.get(id);
    if (!rec) throw new Error("no such external token");
    rec.expired = true;
  }

  /** For provider fakes: is `value` the current, unexpired access token of some record? */
  externalTokenLive(value: string): FakeExternalToken | undefined {
    for (const rec of this.state.externalTokens.values()) {
      if (rec.token === value && !rec.expired) return rec;
    }
    return undefined;
  }

  async #handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const raw = req.method === "GET" ? "" : await req.text();
    const contentType = req.headers.get("content-type") ?? "";
    if (url.pathname.startsWith("/services/")) {
      const path = url.pathname.slice("/services/".length);
      this.calls.push({ method: "webhook", args: { raw }, contentType, path, at: Date.now() });
      const f = this.#faults.take(["webhook"]);
      if (f) {
        const r = await this.#applyFault(f);
        if (r) return r;
      }
      return handleWebhook(this.state, path, raw, contentType);
    }
    if (!url.pathname.startsWith("/api/")) return new Response("not found", { status: 404 });
    const method = url.pathname.slice("/api/".length);

    let args: Args;
    if (contentType.includes("application/json")) {
      try {
        args = raw.trim() ? JSON.parse(raw) : {};
      } catch {
        return jsonResponse({ ok: false, error: "invalid_json" });
      }
      if (typeof args !== "object" || args === null || Array.isArray(args)) {
        return jsonResponse({ ok: false, error: "invalid_json" });
      }
    } else {
      args = parseForm(raw);
    }
    for (const [k, v] of url.searchParams) if (!(k in args)) args[k] = v;

    const bearer = req.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
    const tokenValue = (typeof args.token === "string" && args.token) || bearer || undefined;
    const recorded = { ...args };
    delete recorded.token;
    this.calls.push({ method, args: recorded, token: tokenValue, contentType, at: Date.now() });

    const f = this.#faults.take([method, "*"]);
    if (f) {
      const r = await this.#applyFault(f);
      if (r) return r;
    }
    return this.#dispatch(method, args, tokenValue);
  }

  async #applyFault(f: Fault): Promise<Response | undefined> {
    if (f.delayMs) await this.#sleepers.sleep(f.delayMs);
    if (f.drop) {
      // A body cut off mid-JSON: the client's parse fails like a connection lost mid-answer.
      return new Response('{"ok":tr', { headers: { "content-type": "application/json" } });
    }
    if (f.status === 429) {
      return jsonResponse({ ok: false, error: f.error ?? "ratelimited", ...f.extra }, 429, {
        "retry-after": String(f.retryAfter ?? 1),
      });
    }
    if (f.status && f.status >= 500) {
      return new Response(f.error ?? `fake upstream failure ${f.status}`, {
        status: f.status,
        headers: { "content-type": "text/plain" },
      });
    }
    if (f.error || f.status) {
      return jsonResponse({ ok: false, error: f.error ?? "fault", ...f.extra }, f.status ?? 200);
    }
    return undefined;
  }

  #dispatch(method: string, args: Args, tokenValue: string | undefined): Response {
    const spec = METHODS[method];
    if (!spec) return jsonResponse({ ok: false, error: "unknown_method", req_method: method });
    if (!tokenValue) return jsonResponse({ ok: false, error: "not_authed" });
    const token = this.state.tokens.get(tokenValue);
    if (!token) return jsonResponse({ ok: false, error: "invalid_auth" });
    const headers: Record<string, string> = { "x-oauth-scopes": token.scopes.join(",") };
    const err = (error: string, extra: Record<string, unknown> = {}) =>
      jsonResponse({ ok: false, error, ...extra }, 200, headers);
    if (token.revoked) return err("token_revoked");
    if (token.expired) return err("token_expired");
    if (token.inactive) return err("account_inactive");
    const kinds = spec.kinds ?? ["bot", "user"];
    if (!kinds.includes(token.kind)) return err("not_allowed_token_type");
    const ctx = { state: this.state, method, args, token };
    try {
      const needed = typeof spec.scope === "function" ? spec.scope(ctx) : spec.scope;
      if (needed) {
        headers["x-accepted-oauth-scopes"] = needed;
        if (!token.scopes.includes(needed)) {
          return err("missing_scope", { needed, provided: token.scopes.join(",") });
        }
      }
      const reply = spec.handler(ctx);
      return jsonResponse({ ok: true, ...reply }, 200, headers);
    } catch (e) {
      if (e instanceof SlackMethodError) return err(e.code, e.extra);
      const message = e instanceof Error ? e.message : String(e);
      return new Response(`fake slack bug in ${method}: ${message}`, { status: 500 });
    }
  }
}

/** Starts a fake Slack Web API on 127.0.0.1 (random port). Close it with `await fake.close()`. */
export async function startFakeSlack(seed: Partial<Seed> = {}): Promise<FakeSlack> {
  const { state, botToken } = createState(seed);
  const fake = new FakeSlack(state, botToken);
  await fake.listen();
  return fake;
}
