// A chat-like corpus for benchmarks: Slack-style messages with mrkdwn, mentions, links, code
// blocks, logs, JSON, stack traces, hashes and ids, talk about tokens and passwords that is not
// a credential, and a few planted fake credentials (built at run time, see cli/fake_secrets.ts).
// Deterministic from the seed, so every tool in a comparison reads byte-identical files.
//
//   deno run --allow-write bench/corpus.ts --out DIR [--size 21MB] [--file-size 1MB]
//   deno run --allow-write bench/corpus.ts --single FILE --size 500MB
//   deno run --allow-write bench/corpus.ts --export DIR --size 21MB   (a Slack export folder)
//   deno run --allow-write bench/corpus.ts --dump FILE --size 5MB     (logs and config dumps)
import { parseSize } from "../cli/args.ts";
import { plantedSet } from "../cli/fake_secrets.ts";
import { seededRandom } from "../detect/entropy.ts";

/** xorshift32: cheap and good enough to vary text. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

const WORDS = (
  "the a to and of in is it for on that this we can you with be have deploy build release " +
  "merge review branch test flaky pipeline staging prod customer ticket incident rollback " +
  "dashboard latency p99 error rate alert pager on-call migration schema index query cache " +
  "redis postgres kafka queue worker cron job timeout retry backoff config flag feature " +
  "design doc meeting standup tomorrow today friday lunch thanks sounds good lgtm ship it " +
  "token password secret key rotate vault env variable api rate limit oauth scope login " +
  "please could someone take a look when you get a chance I think it's fixed now weird"
).split(" ");
const NAMES = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan"];
const HEX = "0123456789abcdef";
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

export class ChatGenerator {
  readonly #r: (n: number) => number;
  #clock = 1714557600;

  constructor(seed = 42) {
    this.#r = rng(seed);
  }

  #pick<T>(xs: readonly T[]): T {
    return xs[this.#r(xs.length)];
  }

  #chars(alphabet: string, n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += alphabet[this.#r(alphabet.length)];
    return s;
  }

  #sentence(min = 4, max = 18): string {
    const n = min + this.#r(max - min);
    const w: string[] = [];
    for (let i = 0; i < n; i++) w.push(this.#pick(WORDS));
    return w.join(" ");
  }

  #id(letter: string): string {
    return letter + this.#chars(UPPER, 10);
  }

  /** One message body in mrkdwn, of one of many everyday shapes. */
  body(): string {
    const r = this.#r(20);
    switch (r) {
      case 0:
        return `<@${this.#id("U")}> ${this.#sentence()} <#${this.#id("C")}|${this.#pick(WORDS)}>`;
      case 1:
        return `see <https://github.com/acme/${this.#pick(WORDS)}/pull/${this.#r(9000)}|PR #${
          this.#r(9000)
        }> ${this.#sentence(2, 8)}`;
      case 2:
        return "```\n" +
          Array.from(
            { length: 3 + this.#r(8) },
            () =>
              `2024-05-01T10:${String(this.#r(60)).padStart(2, "0")}:00Z ${
                this.#pick(["INFO", "WARN", "ERROR", "DEBUG"])
              } ${this.#sentence(3, 9)} request_id=${this.#chars(HEX, 16)} duration_ms=${
                this.#r(900)
              }`,
          ).join("\n") + "\n```";
      case 3:
        return "```\n" + JSON.stringify(
          {
            id: this.#chars(HEX, 24),
            user: this.#id("U"),
            status: this.#pick(["ok", "failed", "pending"]),
            items: [this.#r(100), this.#r(100)],
            token_type: "bearer",
            expires_in: 3600,
          },
          null,
          2,
        ) + "\n```";
      case 4:
        return `commit ${this.#chars(HEX, 40)} ${this.#sentence(3, 10)}`;
      case 5:
        return `*${this.#sentence(2, 5)}* _${this.#sentence(2, 5)}_ ~${this.#sentence(1, 3)}~ \`${
          this.#pick(WORDS)
        }_${this.#pick(WORDS)}\``;
      case 6:
        return '```\nTraceback (most recent call last):\n  File "/app/' + this.#pick(WORDS) +
          '.py", line ' + this.#r(400) + ", in handler\n    " + this.#sentence(3, 6) +
          "\nKeyError: '" + this.#pick(WORDS) + "'\n```";
      case 7:
        return `the ${this.#pick(["api key", "token", "password", "secret"])} for ${
          this.#pick(WORDS)
        } is in vault under secret/${this.#pick(WORDS)}/${this.#pick(WORDS)}, ask <@${
          this.#id("U")
        }> for access`;
      case 8:
        return `uuid ${this.#chars(HEX, 8)}-${this.#chars(HEX, 4)}-4${this.#chars(HEX, 3)}-a${
          this.#chars(HEX, 3)
        }-${this.#chars(HEX, 12)} ${this.#sentence(2, 6)}`;
      case 9:
        return `https://acme.slack.com/archives/${this.#id("C")}/p${1714557600 + this.#r(1e6)}${
          this.#r(999999)
        } ${this.#sentence(2, 6)} :${this.#pick(["tada", "eyes", "fire", "+1"])}:`;
      case 10:
        return `export ${this.#pick(WORDS).toUpperCase()}_URL=https://${
          this.#pick(WORDS)
        }.internal.example/v1 # ${this.#sentence(2, 5)}`;
      case 11:
        return `> ${this.#sentence()}\n${this.#sentence()}`;
      case 12:
        return `• ${this.#sentence(2, 8)}\n• ${this.#sentence(2, 8)}\n• ${this.#sentence(2, 8)}`;
      case 13:
        return `sha256:${this.#chars(HEX, 64)} ${this.#sentence(2, 5)}`;
      case 14:
        return `image ${this.#chars(ALNUM + "+/", 80)}== ${this.#sentence(2, 4)}`;
      default:
        return this.#sentence();
    }
  }

  /** A log-style chat line: `[ts] #channel user: body`. */
  line(): string {
    this.#clock += 1 + this.#r(90);
    return `[${this.#clock}.${String(this.#r(999999)).padStart(6, "0")}] #${
      this.#pick(["general", "dev-ops", "random", "incidents", "eng"])
    } ${this.#pick(NAMES)}: ${this.body()}\n`;
  }
}

export interface CorpusStats {
  bytes: number;
  planted: number;
}

/** Bytes between two planted credentials, unless a caller says otherwise. */
const PLANT_EVERY = 2_000_000;

/**
 * Writes about `size` bytes of chat, one planted credential roughly every `plantEvery` bytes,
 * through `write`. With `offset` (where this text starts in a larger corpus), the credentials
 * sit where they would in that corpus, so a file much smaller than `plantEvery` holds one only
 * now and then. Returns what was written.
 */
export async function generate(
  size: number,
  write: (text: string) => Promise<void>,
  opts: { seed?: number; plantEvery?: number; offset?: number } = {},
): Promise<CorpusStats> {
  const gen = new ChatGenerator(opts.seed ?? 42);
  const plantEvery = opts.plantEvery ?? PLANT_EVERY;
  let bytes = 0;
  let planted = 0;
  let nextPlant = plantEvery / 2;
  if (opts.offset !== undefined) {
    // The corpus plants at plantEvery / 2, then every plantEvery: the first at or after offset.
    const k = Math.max(0, Math.ceil((opts.offset - plantEvery / 2) / plantEvery));
    nextPlant = plantEvery / 2 + k * plantEvery - opts.offset;
  }
  let batch: string[] = [];
  let batchLen = 0;
  while (bytes + batchLen < size) {
    let line = gen.line();
    if (bytes + batchLen >= nextPlant) {
      const seed = opts.seed ?? 42;
      const set = plantedSet(`corpus:${seed}:${planted}`);
      line = `[${1714557600 + planted}.000100] #dev-ops erin: ${
        set[(seed + planted) % set.length].message
      }\n`;
      planted++;
      nextPlant += plantEvery;
    }
    batch.push(line);
    batchLen += line.length; // ASCII: characters are bytes
    if (batchLen > 1 << 20) {
      await write(batch.join(""));
      bytes += batchLen;
      batch = [];
      batchLen = 0;
    }
  }
  if (batchLen) await write(batch.join(""));
  return { bytes: bytes + batchLen, planted };
}

/** One file of about `size` bytes (`offset`: see generate). */
export async function writeCorpusFile(path: string, size: number, seed = 42, offset?: number) {
  const file = await Deno.open(path, { write: true, create: true, truncate: true });
  const enc = new TextEncoder();
  try {
    return await generate(size, async (t) => {
      const data = enc.encode(t);
      for (let at = 0; at < data.length;) at += await file.write(data.subarray(at));
    }, { seed, offset });
  } finally {
    file.close();
  }
}

/**
 * A folder of files of about `fileSize` bytes each, `size` bytes in all. Files much smaller
 * than the planting interval get their credentials by place in the whole corpus (a few in all,
 * not one per file).
 */
export async function writeCorpusDir(dir: string, size: number, fileSize = 1 << 20) {
  await Deno.mkdir(dir, { recursive: true });
  let bytes = 0;
  let planted = 0;
  const spread = fileSize * 4 <= PLANT_EVERY;
  for (let i = 0; bytes < size; i++) {
    const name = `${dir}/chat-${String(i).padStart(4, "0")}.log`;
    const want = Math.min(fileSize, size - bytes);
    const s = await writeCorpusFile(name, want, 1000 + i, spread ? bytes : undefined);
    bytes += s.bytes;
    planted += s.planted;
  }
  return { bytes, planted };
}

/**
 * A Slack workspace export of about `size` bytes, as Slack writes it: users.json,
 * channels.json, and per channel one day file of messages (text plus its rich_text block,
 * user_profile, client_msg_id, team), pretty-printed with escaped slashes. The message texts
 * are the same chat as the plain corpus.
 */
export async function writeCorpusExport(dir: string, size: number, seed = 7) {
  const channels = ["general", "dev-ops", "random", "incidents", "eng"];
  const users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan"];
  const id = (p: string, i: number) => p + String(100000000 + i * 7919).padStart(10, "0");
  const json = (v: unknown) => JSON.stringify(v, null, 4).replace(/\//g, "\\/");
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(
    `${dir}/users.json`,
    json(users.map((name, i) => ({ id: id("U", i), name, real_name: name, profile: {} }))),
  );
  await Deno.writeTextFile(
    `${dir}/channels.json`,
    json(channels.map((name, i) => ({ id: id("C", i), name }))),
  );
  const gen = new ChatGenerator(seed);
  let bytes = 0;
  let day = 0;
  const messages: Record<string, unknown[]> = {};
  let pending = 0;
  const flush = async () => {
    const date = new Date(Date.UTC(2024, 0, 1) + day * 86400000).toISOString().slice(0, 10);
    for (const [channel, list] of Object.entries(messages)) {
      await Deno.mkdir(`${dir}/${channel}`, { recursive: true });
      const text = json(list);
      await Deno.writeTextFile(`${dir}/${channel}/${date}.json`, text);
      bytes += text.length;
    }
    for (const k of Object.keys(messages)) delete messages[k];
    pending = 0;
    day++;
  };
  let planted = 0;
  while (bytes + pending < size) {
    const line = gen.line();
    const m = /^\[([\d.]+)\] #(\S+) (\w+): ([^]*)\n$/.exec(line)!;
    let text = m[4];
    if ((bytes + pending) > (planted + 0.5) * 2_000_000) {
      const set = plantedSet(`export:${seed}:${planted}`);
      text = set[planted % set.length].message;
      planted++;
    }
    const user = id("U", users.indexOf(m[3]));
    const msg = {
      client_msg_id: crypto.randomUUID(),
      type: "message",
      text,
      user,
      ts: m[1],
      blocks: [{
        type: "rich_text",
        block_id: m[1].slice(-5),
        elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }],
      }],
      team: "T0000BENCH",
      user_team: "T0000BENCH",
      source_team: "T0000BENCH",
      user_profile: {
        avatar_hash: m[1].replace(".", "").slice(-12),
        image_72: `https://avatars.slack-edge.com/2024-01-01/${m[1].replace(".", "")}_72.png`,
        first_name: m[3],
        real_name: m[3],
        display_name: m[3],
        team: "T0000BENCH",
        name: m[3],
        is_restricted: false,
        is_ultra_restricted: false,
      },
    };
    (messages[m[2]] ??= []).push(msg);
    pending += text.length * 2 + 900;
    if (pending > 1_000_000) await flush();
  }
  if (pending) await flush();
  return { bytes, planted };
}

/**
 * Application logs and configuration dumps of about `size` bytes: line after line of name =
 * value pairs whose values are no secret (masked, redacted, templated, example passwords, URLs,
 * vault references), the input where a name = value rule runs at every line; a planted
 * credential every ~1 MB.
 */
export async function writeConfigDump(path: string, size: number, seed = 11) {
  const rand = seededRandom(seed);
  const next = (n: number) => Math.floor(rand() * n);
  const services = ["billing", "auth", "search", "payments", "mailer", "reports", "gateway"];
  const shapes: Array<(s: string, i: number) => string> = [
    (s, i) =>
      `2024-05-01T10:${
        String(i % 60).padStart(2, "0")
      }:00Z INFO ${s} login user=u${i} password=******** ok`,
    (s, i) => `${s.toUpperCase()}_${i % 90}_PASSWORD=changeme${i % 7}`,
    (s) => `req ${s} token=<redacted> status=200`,
    (s) => `${s}.db.password = \${${s.toUpperCase()}_DB_PASSWORD}`,
    (s) => `${s.toUpperCase()}_API_KEY_URL=https://${s}.internal.example/v1/keys`,
    (s) => `secret_ref: vault:secret/data/${s}/prod#api_key`,
    (s, i) => `[${s}] client_secret=${"x".repeat(8 + (i % 8))} (masked)`,
    (s) => `${s}: auth_token: null`,
  ];
  const enc = new TextEncoder();
  const file = await Deno.open(path, { write: true, create: true, truncate: true });
  let bytes = 0, planted = 0, i = 0;
  try {
    while (bytes < size) {
      const lines: string[] = [];
      for (let k = 0; k < 1000; k++, i++) {
        lines.push(shapes[next(shapes.length)](services[next(services.length)], i));
      }
      if (bytes > (planted + 0.5) * 1_000_000) {
        const set = plantedSet(`dump:${seed}:${planted}`);
        lines.push(set[planted % set.length].message);
        planted++;
      }
      const data = enc.encode(lines.join("\n") + "\n");
      for (let at = 0; at < data.length;) at += await file.write(data.subarray(at));
      bytes += data.length;
    }
  } finally {
    file.close();
  }
  return { bytes, planted };
}

if (import.meta.main) {
  const args = Deno.args;
  const get = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const size = parseSize(get("--size") ?? "21MB");
  const single = get("--single");
  const out = get("--out");
  const exp = get("--export");
  const dump = get("--dump");
  if (!single && !out && !exp && !dump) {
    console.error(
      "usage: corpus.ts (--out DIR [--file-size 1MB] | --single FILE | --export DIR | --dump FILE)" +
        " [--size 21MB]",
    );
    Deno.exit(2);
  }
  const stats = single
    ? await writeCorpusFile(single, size)
    : dump
    ? await writeConfigDump(dump, size)
    : exp
    ? await writeCorpusExport(exp, size)
    : await writeCorpusDir(out!, size, parseSize(get("--file-size") ?? "1MB"));
  console.log(JSON.stringify(stats));
}
