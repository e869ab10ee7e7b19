// The shared plumbing of the Google and GitHub fakes: a real HTTP server on 127.0.0.1 (port 0),
// every request recorded (with the bearer token kept apart, so tests can assert which token was
// used and that it went nowhere else), and injected faults applied before normal handling.
import { FaultQueue } from "./fault_queue.ts";
import { Sleepers } from "./sleepers.ts";

export interface ProviderCall {
  /** The fake's route name, e.g. "userinfo", "sheets.append", "issues.create". */
  route: string;
  method: string;
  path: string;
  /** The bearer token the request carried, if any. */
  token?: string;
  body?: unknown;
  at: number;
}

export interface ProviderFault {
  /** HTTP status: 429 and 5xx are the usual; 403 with `rateLimitReset` is GitHub's other limit. */
  status: number;
  /** Seconds for a Retry-After header. */
  retryAfter?: number;
  /** GitHub style: x-ratelimit-remaining: 0 and this reset time (epoch seconds). */
  rateLimitReset?: number;
  /** Wait this long before answering (the client's timeout may fire first). */
  delayMs?: number;
  /** How many requests it applies to (default 1). */
  times?: number;
}

export type Handler = (req: Request, call: ProviderCall, url: URL) => Response | Promise<Response>;

export interface Route {
  name: string;
  method: string;
  pattern: RegExp;
  handle: Handler;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

export class FakeHttpServer {
  readonly calls: ProviderCall[] = [];
  readonly #faults = new FaultQueue<ProviderFault>();
  url = "";
  #server?: Deno.HttpServer;
  /** Pending delays: woken on close, so a shutdown never waits on a sleeping handler. */
  readonly #sleepers = new Sleepers();

  constructor(
    readonly routes: Route[],
    readonly faultBody: (status: number) => unknown,
  ) {}

  listen(): Promise<void> {
    return new Promise((resolve) => {
      this.#server = Deno.serve(
        { hostname: "127.0.0.1", port: 0, onListen: () => resolve() },
        (req) => this.#handle(req),
      );
      const addr = this.#server.addr as Deno.NetAddr;
      this.url = `http://127.0.0.1:${addr.port}`;
    });
  }

  async close(): Promise<void> {
    this.#sleepers.wakeAll();
    await this.#server?.shutdown();
  }

  /** Queue a fault for a route name, or "*" for any route. */
  fault(route: string, fault: ProviderFault): void {
    this.#faults.add(route, fault);
  }

  callsTo(route: string): ProviderCall[] {
    return this.calls.filter((c) => c.route === route);
  }

  async #handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const route = this.routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
    const raw = req.method === "GET" ? "" : await req.text();
    let body: unknown = undefined;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const token = req.headers.get("authorization")?.match(/^(?:Bearer|token)\s+(.+)$/i)?.[1];
    const call: ProviderCall = {
      route: route?.name ?? "unknown",
      method: req.method,
      path: url.pathname + url.search,
      token,
      body,
      at: Date.now(),
    };
    this.calls.push(call);
    if (!route) return json({ message: "Not Found" }, 404);
    const f = this.#faults.take([route.name, "*"]);
    if (f) {
      if (f.delayMs) await this.#sleepers.sleep(f.delayMs, req.signal);
      const headers: Record<string, string> = {};
      if (f.retryAfter !== undefined) headers["retry-after"] = String(f.retryAfter);
      if (f.rateLimitReset !== undefined) {
        headers["x-ratelimit-remaining"] = "0";
        headers["x-ratelimit-reset"] = String(f.rateLimitReset);
      }
      if (f.status >= 500) {
        return new Response(`fake upstream failure ${f.status}`, { status: f.status, headers });
      }
      return json(this.faultBody(f.status), f.status, headers);
    }
    return await route.handle(req, call, url);
  }
}
