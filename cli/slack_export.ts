// A Slack workspace export, zipped or unpacked: users.json and channels.json (plus groups.json,
// dms.json, mpims.json for private channels and DMs) at the root, one folder per conversation
// holding a JSON array of messages per day. Thread replies are messages of the same day files
// (thread_ts != ts). Entries may arrive in any order (zips are streamed), so names and
// permalinks are resolved at the end, once every metadata file has been seen.
import type { Finding } from "../detect/types.ts";
import { messageParts } from "./message_parts.ts";
import { detach } from "./read_stream.ts";
import type { Located } from "./report.ts";

type Json = Record<string, unknown>;

export const META_FILES = new Set([
  "users.json",
  "channels.json",
  "groups.json",
  "dms.json",
  "mpims.json",
]);

const DAY_FILE = /(?:^|\/)([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;

export type PartScanner = (text: string, mrkdwn: boolean) => Promise<Finding[]> | Finding[];

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function basename(rel: string): string {
  return rel.slice(rel.lastIndexOf("/") + 1);
}

export class SlackExport {
  readonly #users = new Map<string, string>();
  /** Conversation folder name -> id (C…, G…, D…). */
  readonly #channels = new Map<string, string>();
  #workspace?: string;

  constructor(readonly root: string, workspace?: string) {
    this.#workspace = workspace;
  }

  /** Root metadata files (users.json, channels.json, …) at the export's top or one level down. */
  static isMeta(rel: string): boolean {
    return META_FILES.has(basename(rel)) && rel.split("/").length <= 2;
  }

  static isDayFile(rel: string): boolean {
    return DAY_FILE.test(rel);
  }

  /** Throws on a shape that is not Slack's (the caller names the file). */
  addMeta(rel: string, data: unknown): void {
    if (!Array.isArray(data)) throw new Error("expected a JSON array");
    const name = basename(rel);
    for (const item of data) {
      if (!isObject(item) || typeof item.id !== "string") continue;
      if (name === "users.json") {
        const profile = isObject(item.profile) ? item.profile : {};
        const shown = [profile.display_name, profile.real_name, item.real_name, item.name]
          .find((v) => typeof v === "string" && v.length > 0) as string | undefined;
        this.#users.set(item.id, shown ?? item.id);
      } else {
        // DMs have no name: Slack names their folder by the conversation id.
        const folder = typeof item.name === "string" ? item.name : item.id;
        this.#channels.set(folder, item.id);
      }
    }
  }

  /** Scans one day file's messages; `data` is its parsed JSON. Throws on a non-array. */
  scanDay(rel: string, data: unknown, scanPart: PartScanner): Promise<Located[]> {
    if (!Array.isArray(data)) throw new Error("expected a JSON array of messages");
    return this.scanMessages(rel, data, scanPart);
  }

  /** The workspace's host (subdomain), given or learned from a file permalink. */
  get host(): string | undefined {
    return this.#workspace;
  }

  /** Takes a host learned elsewhere (another thread's read of a day file) if none is known. */
  learnHost(host: string | undefined): void {
    this.#workspace ??= host;
  }

  /** Notes what a message not otherwise read tells about the workspace (its host). */
  learn(msg: unknown): void {
    if (isObject(msg)) this.#learnWorkspace(msg);
  }

  /** Scans some of a day file's messages, in order. */
  async scanMessages(
    rel: string,
    messages: Iterable<unknown>,
    scanPart: PartScanner,
  ): Promise<Located[]> {
    const m = DAY_FILE.exec(rel);
    if (!m) return [];
    const channel = m[1];
    const out: Located[] = [];
    for (const msg of messages) {
      if (!isObject(msg)) continue;
      this.#learnWorkspace(msg);
      // text and blocks usually carry the same words: a later field reports a secret only as
      // many more times as it holds it than the fields before it did (each occurrence in one
      // field is its own finding).
      const reported = new Map<string, number>();
      const ts = typeof msg.ts === "string" ? msg.ts : String(msg.ts ?? "");
      const threadTs = typeof msg.thread_ts === "string" && msg.thread_ts !== ts
        ? msg.thread_ts
        : undefined;
      const userId = typeof msg.user === "string"
        ? msg.user
        : typeof msg.bot_id === "string"
        ? msg.bot_id
        : undefined;
      const inlineName = isObject(msg.user_profile)
        ? (msg.user_profile.display_name || msg.user_profile.real_name) as string | undefined
        : typeof msg.username === "string"
        ? msg.username
        : undefined;
      for (const part of messageParts(msg)) {
        const result = scanPart(part.text, part.mrkdwn);
        // A synchronous scanner's answer is used as is: an await per part costs a turn.
        const found = result instanceof Promise ? await result : result;
        const inPart = new Map<string, number>();
        for (const finding of found) {
          const n = (inPart.get(finding.fingerprint) ?? 0) + 1;
          inPart.set(finding.fingerprint, n);
          // Occurrences up to what earlier fields reported are theirs; each one beyond is new.
          if (n <= (reported.get(finding.fingerprint) ?? 0)) continue;
          reported.set(finding.fingerprint, n);
          out.push({
            finding: detach(finding),
            path: `${this.root}/${rel}`,
            line: finding.line,
            column: finding.column,
            slack: {
              channel,
              ts,
              threadTs,
              userId,
              user: inlineName || undefined,
              field: part.field,
              permalink: "",
            },
          });
        }
      }
    }
    return out;
  }

  /** Fills user names, channel ids and permalinks once all metadata is known. */
  finish(found: Located[]): void {
    for (const f of found) {
      const s = f.slack;
      if (!s) continue;
      if (s.userId && this.#users.has(s.userId)) s.user = this.#users.get(s.userId);
      s.channelId = this.#channels.get(s.channel);
      s.permalink = permalink(s.channel, s.channelId, s.ts, s.threadTs, this.#workspace);
    }
  }

  /** File permalinks in messages name the workspace's host: the export itself does not. */
  #learnWorkspace(msg: Json): void {
    if (this.#workspace || !Array.isArray(msg.files)) return;
    for (const f of msg.files) {
      const url = isObject(f) ? f.permalink : undefined;
      const m = typeof url === "string" ? /^https:\/\/([a-z0-9-]+)\.slack\.com\//.exec(url) : null;
      if (m && m[1] !== "files" && m[1] !== "app") {
        this.#workspace = m[1];
        return;
      }
    }
  }
}

export function permalink(
  channel: string,
  channelId: string | undefined,
  ts: string,
  threadTs: string | undefined,
  workspace: string | undefined,
): string {
  const p = `p${ts.replace(".", "")}`;
  if (workspace && channelId) {
    const thread = threadTs ? `?thread_ts=${threadTs}&cid=${channelId}` : "";
    return `https://${workspace}.slack.com/archives/${channelId}/${p}${thread}`;
  }
  return `#${channel} ${p}`;
}
