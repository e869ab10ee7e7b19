// Every request Token Guard sends to Google or GitHub goes through `providerFetch`:
//   - each attempt has a timeout (an AbortSignal on fetch) and the whole thing stays inside the
//     run's Budget (slack/retry.ts);
//   - 429, and GitHub's 403 rate limits, wait what Retry-After (or x-ratelimit-reset) says;
//     5xx, timeouts and network failures back off with jitter, but only for idempotent requests
//     (GETs, and POSTs the caller marks so): a POST that may have been applied is reported, not
//     re-sent, so an issue is never filed twice; other answers are final;
//   - 2xx comes back as parsed JSON; anything else throws a ProviderError with a sentence a person
//     can act on. The bearer token goes in one header and nowhere else: never in an error, a log
//     line or a URL.
import { Budget } from "../slack/budget.ts";
import { parseRetryAfter } from "../slack/client.ts";
import {
  DEFAULT_TIMEOUT_MS,
  type Outcome,
  retry,
  RetryError,
  type RetryOptions,
} from "../slack/retry.ts";

export type ProviderName = "Google" | "GitHub";

export interface HttpDeps {
  /** The run's budget; every attempt and every wait fits inside it. */
  budget: Budget;
  /** Defaults to globalThis.fetch. */
  fetch?: typeof fetch;
  /** Overrides for the retry loop (attempts, per-attempt timeout, backoff; tests shorten them). */
  retry?: Omit<RetryOptions, "budget">;
}

export type ProviderErrorKind =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "gone"
  | "invalid"
  | "rate_limited"
  | "unavailable";

export class ProviderError extends Error {
  override name = "ProviderError";
  constructor(
    readonly provider: ProviderName,
    readonly kind: ProviderErrorKind,
    message: string,
    /** HTTP status, when the provider answered. */
    readonly status?: number,
    /** The provider's own short message (GitHub `message`, Google `error.status`), if any. */
    readonly providerMessage?: string,
  ) {
    super(message);
  }
}

export interface ProviderRequest {
  provider: ProviderName;
  method?: "GET" | "POST";
  url: string;
  /** The provider access token (or the leaked one, for a GitHub verify): one header only. */
  token?: string;
  /** JSON body. */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Safe to send twice. GETs are; a POST is only when the caller says so. A non-idempotent
   * request is retried only after a rate limit (the provider did not process it), never after a
   * 5xx, a timeout or a broken connection, which may have hidden a success (a duplicate issue).
   */
  idempotent?: boolean;
}

export interface ProviderResponse<T> {
  status: number;
  json: T;
  headers: Headers;
}

/** Joins a base URL from env (with or without a trailing slash) and a path. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, "") + "/" + path.replace(/^\/+/, "");
}

function kindFor(status: number): ProviderErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 410) return "gone";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "unavailable";
  return "invalid";
}

/** The provider's short explanation, trimmed; never the request, never a header. */
export function providerMessageOf(json: unknown): string | undefined {
  const o = (json ?? {}) as { message?: unknown; error?: unknown; error_description?: unknown };
  const err = o.error as { message?: unknown; status?: unknown } | string | undefined;
  const raw = typeof o.message === "string"
    ? o.message
    : typeof err === "object" && err && typeof err.message === "string"
    ? err.message
    : typeof o.error_description === "string"
    ? o.error_description
    : typeof err === "string"
    ? err
    : undefined;
  return raw ? raw.replace(/\s+/g, " ").slice(0, 200) : undefined;
}

/** GitHub signals rate limits with 403 (secondary limits) as well as 429. */
function rateLimitWait(headers: Headers, now: number): number | undefined {
  const after = parseRetryAfter(headers.get("retry-after"), now);
  if (after !== undefined) return after;
  if (headers.get("x-ratelimit-remaining") === "0") {
    const reset = Number(headers.get("x-ratelimit-reset"));
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
    return 60_000;
  }
  return undefined;
}

interface Answer {
  status: number;
  json: unknown;
  headers: Headers;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Sends the request with retries inside the budget. Resolves with the JSON of a 2xx answer;
 * throws a ProviderError for any other final answer, for running out of attempts or of time.
 */
export async function providerFetch<T = unknown>(
  deps: HttpDeps,
  req: ProviderRequest,
): Promise<ProviderResponse<T>> {
  const doFetch = deps.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = {
    Accept: "application/json",
    "User-Agent": "Token-Guard-Slack-App",
    ...req.headers,
  };
  if (req.token !== undefined) headers.Authorization = `Bearer ${req.token}`;
  if (req.body !== undefined) headers["Content-Type"] = "application/json";
  const init: RequestInit = {
    method: req.method ?? (req.body === undefined ? "GET" : "POST"),
    headers,
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
  };

  const idempotent = req.idempotent ?? init.method === "GET";
  const timeoutMs = deps.retry?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let answer: Answer | typeof UNSURE;
  try {
    answer = await retry(async (signal): Promise<Outcome<Answer | typeof UNSURE>> => {
      // Our own timeout, so a non-idempotent request that times out is reported, not re-sent
      // (the retry loop's timeout, a little later, would treat it as transient).
      const controller = new AbortController();
      const abort = () => controller.abort();
      signal.addEventListener("abort", abort);
      const timer = setTimeout(abort, Math.max(1, Math.min(timeoutMs, deps.budget.remainingMs())));
      let value: Answer;
      try {
        const res = await doFetch(req.url, { ...init, signal: controller.signal });
        value = { status: res.status, json: await readJson(res), headers: res.headers };
      } catch {
        // The error may quote the URL; keep only the fact.
        if (!idempotent) return { done: true, value: UNSURE };
        return { done: false, reason: controller.signal.aborted ? "timeout" : "network_error" };
      } finally {
        clearTimeout(timer);
        signal.removeEventListener("abort", abort);
      }
      if (value.status === 429) {
        return {
          done: false,
          reason: "http_429",
          retryAfterMs: rateLimitWait(value.headers, Date.now()),
          last: value,
        };
      }
      if (value.status === 403) {
        const wait = rateLimitWait(value.headers, Date.now());
        if (wait !== undefined) {
          return { done: false, reason: "http_429", retryAfterMs: wait, last: value };
        }
      }
      if (value.status >= 500) {
        if (!idempotent) return { done: true, value: UNSURE };
        return { done: false, reason: `http_${value.status}`, last: value };
      }
      return { done: true, value };
    }, { ...deps.retry, timeoutMs: timeoutMs + 1_000, budget: deps.budget });
  } catch (e) {
    if (e instanceof RetryError) throw giveUp(req.provider, e);
    throw e;
  }
  if (answer === UNSURE) throw unsure(req.provider);
  if (answer.status >= 200 && answer.status < 300) {
    return { status: answer.status, json: answer.json as T, headers: answer.headers };
  }
  const kind = kindFor(answer.status);
  const said = providerMessageOf(answer.json);
  throw new ProviderError(
    req.provider,
    kind,
    `${req.provider} answered HTTP ${answer.status}${said ? ` ("${said}")` : ""}.`,
    answer.status,
    said,
  );
}

/** A non-idempotent request whose fate is unknown (5xx, timeout, broken connection). */
const UNSURE = Symbol("unsure");

function unsure(provider: ProviderName): ProviderError {
  return new ProviderError(
    provider,
    "unavailable",
    `${provider} did not confirm the change (busy, slow or unreachable), and it may or may not ` +
      `have been made. Check ${provider} before trying again, so it is not done twice.`,
  );
}

function giveUp(provider: ProviderName, e: RetryError): ProviderError {
  const last = e.last as Answer | undefined;
  const status = last && typeof last.status === "number" ? last.status : undefined;
  if (e.lastReason === "http_429") {
    const wait = e.retryAfterMs !== undefined
      ? ` (it asked to wait ${Math.ceil(e.retryAfterMs / 1000)} s)`
      : "";
    return new ProviderError(
      provider,
      "rate_limited",
      `${provider} is rate-limiting Token Guard right now${wait}, and this run had no time left to wait. Try again in a few minutes.`,
      status,
    );
  }
  const why = e.lastReason === "timeout"
    ? "did not answer in time"
    : e.lastReason === "network_error"
    ? "could not be reached"
    : status
    ? `kept failing (HTTP ${status})`
    : "kept failing";
  return new ProviderError(
    provider,
    "unavailable",
    `${provider} ${why} after ${e.attempts} attempt(s). Nothing was changed; try again in a few minutes.`,
    status,
  );
}
