// The fake workspace's state: plain, typed, mutable records that tests may read and change
// directly. Handlers in methods_*.ts read and write it; nothing here knows about HTTP.
import { fakeSlackToken } from "../fake_tokens.ts";

export type TokenKind = "bot" | "user" | "app";

export interface FakeToken {
  token: string;
  kind: TokenKind;
  team_id: string;
  user_id: string;
  bot_id?: string;
  app_id?: string;
  scopes: string[];
  enterprise_id?: string;
  revoked?: boolean;
  /** The owner's account was deactivated: Slack answers `account_inactive`. */
  inactive?: boolean;
  /** An expired rotating token: Slack answers `token_expired`. */
  expired?: boolean;
}

export interface FakeTeam {
  id: string;
  name: string;
  domain: string;
}

export interface FakeEnterprise {
  id: string;
  name: string;
}

export interface FakeUser {
  id: string;
  team_id: string;
  name: string;
  real_name: string;
  is_admin: boolean;
  is_owner: boolean;
  is_primary_owner: boolean;
  is_bot: boolean;
  deleted: boolean;
  tz?: string;
  bot_id?: string;
}

export interface FakeChannel {
  id: string;
  name: string;
  is_private: boolean;
  is_archived: boolean;
  is_im: boolean;
  created: number;
  creator: string;
  members: string[];
}

export interface FakeMessage {
  type: "message";
  channel: string;
  ts: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  /** Set on replies (the parent's ts) and on parents that have replies (their own ts). */
  thread_ts?: string;
  parent_user_id?: string;
  reply_count?: number;
  reply_users?: string[];
  latest_reply?: string;
  subtype?: string;
  edited?: { user: string; ts: string };
  metadata?: unknown;
}

export interface FakeEphemeral {
  channel: string;
  user: string;
  message_ts: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
  /** The token's user that sent it (the bot user for a bot token). */
  sender: string;
}

export interface FakeTrigger {
  id: string;
  type: string;
  name: string;
  description?: string;
  workflow: string;
  inputs: Record<string, unknown>;
  event?: Record<string, unknown>;
  schedule?: Record<string, unknown>;
  shortcut?: Record<string, unknown>;
  webhook?: Record<string, unknown>;
  date_created: number;
  date_updated: number;
  owner: string;
  /** Extra fields the caller sent that the fake keeps verbatim. */
  extra: Record<string, unknown>;
}

export interface FakeCompletion {
  function_execution_id: string;
  kind: "success" | "error";
  outputs?: Record<string, unknown>;
  error?: string;
  at: number;
}

export interface FakeExternalToken {
  external_token_id: string;
  /** The provider key from the manifest, e.g. "google" or "github". */
  provider_key: string;
  external_user_id?: string;
  /** The access token the provider currently accepts (when not `expired`). */
  token: string;
  /** The provider would reject `token` now; only a `force_refresh` rotates it. */
  expired?: boolean;
  /** `false`: Slack holds no refresh token, so `force_refresh` fails with `no_refresh_token`. */
  refreshable?: boolean;
  /** Inject a failure for every get: e.g. "scope_mismatch_error". */
  error?: string;
  /** How many times force_refresh rotated it. */
  refreshes: number;
}

export type WebhookStatus = "live" | "revoked" | "archived" | "team_disabled" | "removed";

export interface FakeWebhook {
  team_id: string;
  channel: string;
  /** The path after /services/: "T…/B…/secret". */
  path: string;
  status: WebhookStatus;
}

export interface FakeUsergroup {
  id: string;
  handle: string;
  users: string[];
}

export interface FakeState {
  team: FakeTeam;
  enterprise?: FakeEnterprise;
  app_id: string;
  bot_user_id: string;
  bot_id: string;
  users: Map<string, FakeUser>;
  channels: Map<string, FakeChannel>;
  /** All channel messages (parents and replies), in posting order. */
  messages: FakeMessage[];
  ephemerals: FakeEphemeral[];
  tokens: Map<string, FakeToken>;
  usergroups: Map<string, FakeUsergroup>;
  /** datastore name -> (primary key value -> item). */
  datastores: Map<string, Map<string, Record<string, unknown>>>;
  /** datastore name -> primary key attribute; undeclared stores use "id". */
  datastoreKeys: Map<string, string>;
  triggers: Map<string, FakeTrigger>;
  /** When non-empty, triggers may only name these workflow callback ids. */
  workflows: Set<string>;
  completions: FakeCompletion[];
  externalTokens: Map<string, FakeExternalToken>;
  webhooks: Map<string, FakeWebhook>;
  /** Everything posted through a live webhook. */
  webhookPosts: Array<{ path: string; payload: unknown }>;
  /** Documented-ish limits the fake enforces; tests may lower them. */
  limits: { triggerChannelIds: number; historyMaxLimit: number; datastoreMaxLimit: number };
  /** Monotonic clock for message timestamps (microseconds). */
  lastTsMicros: number;
  seq: number;
}

/** Readable, stable ids for the default workspace, so tests can name them. */
export const FAKE_IDS = {
  team: "T0FAKETEAM1",
  enterprise: "E0FAKEORG01",
  app: "A0TOKENGRD1",
  botUser: "U0TOKENBOT1",
  bot: "B0TOKENBOT1",
  admin: "U0ADMIN0001",
  owner: "U0OWNER0001",
  member: "U0MEMBER001",
  other: "U0MEMBER002",
  general: "C0GENERAL01",
  random: "C0RANDOM001",
  privateChannel: "C0PRIVATE01",
  archived: "C0ARCHIVED1",
  security: "C0SECURITY1",
  usergroup: "S0SECTEAM01",
} as const;

/** The scopes the default bot token holds: everything the fake's methods ask for. */
export const ALL_BOT_SCOPES = [
  "chat:write",
  "chat:write.public",
  "channels:history",
  "groups:history",
  "channels:read",
  "groups:read",
  "channels:join",
  "users:read",
  "usergroups:read",
  "datastore:read",
  "datastore:write",
  "triggers:read",
  "triggers:write",
];

export interface Seed {
  team: Partial<FakeTeam>;
  enterprise: FakeEnterprise;
  botToken: string;
  botScopes: string[];
  users: Array<Partial<FakeUser> & { id: string }>;
  channels: Array<Partial<FakeChannel> & { id: string }>;
  /** Skip the default users and channels (the bot user is always created). */
  empty: boolean;
  /** datastore name -> primary key attribute. */
  datastores: Record<string, string>;
  workflows: string[];
}

export function makeUser(u: Partial<FakeUser> & { id: string }, teamId: string): FakeUser {
  const name = u.name ?? u.id.toLowerCase();
  return {
    team_id: teamId,
    name,
    real_name: u.real_name ?? name,
    is_admin: false,
    is_owner: false,
    is_primary_owner: false,
    is_bot: false,
    deleted: false,
    tz: "Europe/London",
    ...u,
  };
}

export function makeChannel(
  c: Partial<FakeChannel> & { id: string },
  creator: string,
): FakeChannel {
  return {
    name: c.name ?? c.id.toLowerCase(),
    is_private: false,
    is_archived: false,
    is_im: false,
    created: 1_700_000_000,
    creator,
    members: [],
    ...c,
  };
}

export function createState(seed: Partial<Seed> = {}): { state: FakeState; botToken: string } {
  const team: FakeTeam = {
    id: FAKE_IDS.team,
    name: "Fake Workspace",
    domain: "fake-workspace",
    ...seed.team,
  };
  const state: FakeState = {
    team,
    enterprise: seed.enterprise,
    app_id: FAKE_IDS.app,
    bot_user_id: FAKE_IDS.botUser,
    bot_id: FAKE_IDS.bot,
    users: new Map(),
    channels: new Map(),
    messages: [],
    ephemerals: [],
    tokens: new Map(),
    usergroups: new Map(),
    datastores: new Map(),
    datastoreKeys: new Map(Object.entries(seed.datastores ?? {})),
    triggers: new Map(),
    workflows: new Set(seed.workflows ?? []),
    completions: [],
    externalTokens: new Map(),
    webhooks: new Map(),
    webhookPosts: [],
    limits: { triggerChannelIds: 20, historyMaxLimit: 999, datastoreMaxLimit: 1000 },
    lastTsMicros: 1_700_000_000_000_000,
    seq: 0,
  };
  const bot = makeUser({
    id: FAKE_IDS.botUser,
    name: "token_guard",
    real_name: "Token Guard",
    is_bot: true,
    bot_id: FAKE_IDS.bot,
  }, team.id);
  state.users.set(bot.id, bot);
  if (!seed.empty) {
    for (
      const u of [
        { id: FAKE_IDS.admin, name: "ada", real_name: "Ada Admin", is_admin: true },
        {
          id: FAKE_IDS.owner,
          name: "olive",
          real_name: "Olive Owner",
          is_admin: true,
          is_owner: true,
          is_primary_owner: true,
        },
        { id: FAKE_IDS.member, name: "mo", real_name: "Mo Member" },
        { id: FAKE_IDS.other, name: "nia", real_name: "Nia Member" },
      ]
    ) state.users.set(u.id, makeUser(u, team.id));
    const everyone = [FAKE_IDS.admin, FAKE_IDS.owner, FAKE_IDS.member, FAKE_IDS.other];
    for (
      const c of [
        { id: FAKE_IDS.general, name: "general", members: [...everyone, FAKE_IDS.botUser] },
        { id: FAKE_IDS.random, name: "random", members: [...everyone] },
        {
          id: FAKE_IDS.privateChannel,
          name: "private-ops",
          is_private: true,
          members: [FAKE_IDS.admin, FAKE_IDS.botUser],
        },
        {
          id: FAKE_IDS.archived,
          name: "old-project",
          is_archived: true,
          members: [...everyone, FAKE_IDS.botUser],
        },
        {
          id: FAKE_IDS.security,
          name: "security-alerts",
          members: [FAKE_IDS.admin, FAKE_IDS.owner, FAKE_IDS.botUser],
        },
      ]
    ) state.channels.set(c.id, makeChannel(c, FAKE_IDS.admin));
    state.usergroups.set(FAKE_IDS.usergroup, {
      id: FAKE_IDS.usergroup,
      handle: "security-team",
      users: [FAKE_IDS.member],
    });
  }
  for (const u of seed.users ?? []) state.users.set(u.id, makeUser(u, team.id));
  for (const c of seed.channels ?? []) state.channels.set(c.id, makeChannel(c, FAKE_IDS.admin));

  const botToken = seed.botToken ?? fakeSlackToken("xoxb");
  state.tokens.set(botToken, {
    token: botToken,
    kind: "bot",
    team_id: team.id,
    user_id: FAKE_IDS.botUser,
    bot_id: FAKE_IDS.bot,
    app_id: FAKE_IDS.app,
    scopes: seed.botScopes ?? [...ALL_BOT_SCOPES],
    enterprise_id: seed.enterprise?.id,
  });
  return { state, botToken };
}

/** Next message timestamp: strictly increasing, shaped like Slack's "1700000000.000100". */
export function nextTs(state: FakeState): string {
  const now = Date.now() * 1000;
  state.lastTsMicros = Math.max(now, state.lastTsMicros + 1);
  return formatTs(state.lastTsMicros);
}

export function formatTs(micros: number): string {
  const sec = Math.floor(micros / 1_000_000);
  const frac = String(micros % 1_000_000).padStart(6, "0");
  return `${sec}.${frac}`;
}

/** Slack timestamps compare as decimals; these are fixed-width after the dot, so parse to micros. */
export function tsToMicros(ts: string): number {
  const [sec, frac = ""] = ts.split(".");
  return Number(sec) * 1_000_000 + Number((frac + "000000").slice(0, 6));
}

export function nextId(state: FakeState, letter: string): string {
  state.seq += 1;
  return letter + "0F" + String(state.seq).padStart(8, "0");
}
