// Typed access to the `external_connections` datastore (datastores/external_connections.ts): per
// person and provider, the Slack external token *id* and the account it belongs to. Never a token.
//
//   await saveConnection(call, { provider: "google", user_id, external_token_id, account, connected_at });
//   const c = await getConnection(call, "google", userId);   // ExternalConnection | undefined
//   await updateConnection(call, "google", userId, { spreadsheet_id, spreadsheet_url });
import { callOk, type SlackCall } from "./slack_call.ts";
import type { ProviderKey } from "../external_auth/provider_keys.ts";

export const EXTERNAL_CONNECTIONS_DATASTORE = "external_connections";

export interface ExternalConnection {
  id: string;
  provider: ProviderKey;
  user_id: string;
  external_token_id: string;
  account: string;
  /** Epoch seconds. */
  connected_at: number;
  last_used_at?: number;
  spreadsheet_id?: string;
  spreadsheet_url?: string;
}

export type NewConnection = Omit<ExternalConnection, "id">;

export function connectionId(provider: ProviderKey, userId: string): string {
  return `${provider}:${userId}`;
}

function clean(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

function asConnection(item: unknown): ExternalConnection | undefined {
  const r = (item ?? {}) as Partial<ExternalConnection>;
  if (typeof r.id !== "string" || typeof r.external_token_id !== "string") return undefined;
  if (r.external_token_id === "") return undefined;
  return r as ExternalConnection;
}

export async function getConnection(
  call: SlackCall,
  provider: ProviderKey,
  userId: string,
): Promise<ExternalConnection | undefined> {
  const reply = await callOk(call, "apps.datastore.get", {
    datastore: EXTERNAL_CONNECTIONS_DATASTORE,
    id: connectionId(provider, userId),
  });
  return asConnection(reply.item);
}

/** Creates or replaces the person's connection; a previous spreadsheet link is kept. */
export async function saveConnection(
  call: SlackCall,
  c: NewConnection,
): Promise<ExternalConnection> {
  const item = clean({ ...c, id: connectionId(c.provider, c.user_id) });
  const reply = await callOk(call, "apps.datastore.update", {
    datastore: EXTERNAL_CONNECTIONS_DATASTORE,
    item,
  });
  return asConnection(reply.item) ?? (item as unknown as ExternalConnection);
}

export async function updateConnection(
  call: SlackCall,
  provider: ProviderKey,
  userId: string,
  patch: Partial<Omit<ExternalConnection, "id" | "provider" | "user_id">>,
): Promise<void> {
  await callOk(call, "apps.datastore.update", {
    datastore: EXTERNAL_CONNECTIONS_DATASTORE,
    item: clean({ ...patch, id: connectionId(provider, userId) }),
  });
}
