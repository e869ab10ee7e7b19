// The contract between the HTTP layer (server.ts) and the method handlers (methods_*.ts).
import type { FakeState, FakeToken } from "./state.ts";

/** A parsed request body: form values are strings, JSON-looking object fields are parsed. */
export type Args = Record<string, unknown>;

export interface Ctx {
  state: FakeState;
  method: string;
  args: Args;
  /** The calling token's record (absent only for methods with `auth: "none"`). */
  token: FakeToken;
}

/** A JSON reply body; `ok` defaults to true. */
export type Reply = Record<string, unknown>;

export interface MethodSpec {
  /** The scope this call needs from the token, or a function deciding it from the args. */
  scope?: string | ((ctx: Ctx) => string | undefined);
  /** Which token kinds may call it; default bot and user. */
  kinds?: Array<FakeToken["kind"]>;
  handler: (ctx: Ctx) => Reply;
}

/** Thrown by handlers to answer `ok: false` with Slack's error code and extra fields. */
export class SlackMethodError extends Error {
  constructor(readonly code: string, readonly extra: Record<string, unknown> = {}) {
    super(code);
  }
}

export function fail(code: string, extra: Record<string, unknown> = {}): never {
  throw new SlackMethodError(code, extra);
}

export function str(args: Args, key: string): string | undefined {
  const v = args[key];
  if (v === undefined || v === null || v === "") return undefined;
  return typeof v === "string" ? v : String(v);
}

export function need(args: Args, key: string): string {
  return str(args, key) ?? fail("invalid_arguments", { detail: `missing required field: ${key}` });
}

export function num(args: Args, key: string): number | undefined {
  const v = str(args, key);
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : fail("invalid_arguments", { detail: `${key} is not a number` });
}

export function bool(args: Args, key: string): boolean {
  const v = args[key];
  return v === true || v === "true" || v === "1" || v === 1;
}

/** An object or array field; form bodies carry them JSON-stringified. */
export function json<T>(args: Args, key: string): T | undefined {
  const v = args[key];
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "string") {
    try {
      return JSON.parse(v) as T;
    } catch {
      fail("invalid_arguments", { detail: `${key} is not valid JSON` });
    }
  }
  return v as T;
}

/** Opaque cursors: base64 of a small prefix and offset, like Slack's "bmV4dF90czo…". */
export function encodeCursor(kind: string, value: string | number): string {
  return btoa(`${kind}:${value}`);
}

export function decodeCursor(kind: string, cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  let raw: string;
  try {
    raw = atob(cursor);
  } catch {
    fail("invalid_cursor");
  }
  if (!raw.startsWith(kind + ":")) fail("invalid_cursor");
  return raw.slice(kind.length + 1);
}

/** One page of `items` from an offset cursor. */
export function pageByOffset<T>(
  items: T[],
  args: Args,
  kind: string,
  defaultLimit: number,
  maxLimit: number,
): { page: T[]; next_cursor: string } {
  const start = Number(decodeCursor(kind, str(args, "cursor")) ?? 0);
  if (!Number.isInteger(start) || start < 0 || start > items.length) fail("invalid_cursor");
  let limit = num(args, "limit") ?? defaultLimit;
  if (limit <= 0) limit = defaultLimit;
  limit = Math.min(limit, maxLimit);
  const page = items.slice(start, start + limit);
  const end = start + page.length;
  return { page, next_cursor: end < items.length ? encodeCursor(kind, end) : "" };
}
