import { assert, assertEquals } from "@std/assert";
import { scan, scanSync } from "./scan.ts";
import { scanBytes } from "./scan_bytes.ts";
import { secretSpan } from "./match.ts";
import { normalize } from "./normalize.ts";
import { hitPlan } from "./hit_plan.ts";
import { fingerprint } from "./fingerprint.ts";
import { fakeChars } from "./rules/slack.ts";
import { pem } from "./rules/private_key.ts";
import { ALPHABET, randomString, seededRandom } from "./entropy.ts";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const bot = (seed: number) =>
  ["xo", "xb-"].join("") + "123456789012-" + "2345678901234-" + fakeChars(ALNUM, 24, seed);

Deno.test("scan: line, column, offsets, fingerprint and redaction", async () => {
  const secret = bot(1);
  const text = `first line\nsecond has it: ${secret} ok\nthird`;
  const [f, ...rest] = await scan(text);
  assertEquals(rest.length, 0);
  assertEquals(f.ruleId, "slack-bot-token");
  assertEquals(f.family, "slack");
  assertEquals(text.slice(f.start, f.end), secret);
  assertEquals([f.line, f.column], [2, 16]);
  assertEquals(f.fingerprint, await fingerprint(secret));
  assertEquals(f.secret, undefined);
  assert(!f.redacted.includes(secret.slice(7, -4)));
  assertEquals(f.verifyAs, "xoxb");
});

Deno.test("scan: the raw secret only with includeSecret", () => {
  const secret = bot(2);
  assertEquals(scanSync(secret, { includeSecret: true })[0].secret, secret);
  assertEquals(scanSync(secret)[0].secret, undefined);
});

Deno.test("scan: text without keywords finds nothing; empty text is fine", () => {
  assertEquals(scanSync("hello *world* <@U123> &amp; nothing to see").length, 0);
  assertEquals(scanSync("").length, 0);
});

Deno.test("scan: tokens split by formatting or invisible characters, positions in the original", () => {
  const secret = bot(3);
  const cut = 20;
  for (
    const text of [
      `a ${secret.slice(0, cut)}*${secret.slice(cut, cut + 4)}*${secret.slice(cut + 4)} b`,
      `a ${secret.slice(0, 2)}\u200D${secret.slice(2, 9)}\u200B${secret.slice(9)} b`,
      `a ${secret.slice(0, 2)}*${secret.slice(2)} b`,
    ]
  ) {
    const found = scanSync(text, { includeSecret: true });
    assertEquals(found.length, 1, JSON.stringify(found.map((f) => f.ruleId)));
    assertEquals(found[0].secret, secret);
    assertEquals(found[0].start, 2);
    assertEquals(found[0].end, text.length - 2);
  }
});

Deno.test("scan: a token in italics up to one of its dashes reads whole, as Slack shows it", () => {
  const secret = bot(5);
  const text = `the value is _${secret.slice(0, 17)}_${secret.slice(17)} ok?`;
  const found = scanSync(text, { includeSecret: true });
  assertEquals(found.map((f) => [f.ruleId, f.secret]), [["slack-bot-token", secret]]);
  assertEquals([found[0].start, found[0].end], [14, text.length - 4]);
  // A key that holds `_-` itself (base64url) keeps it: no italics opened before it.
  const key = "ab" + fakeChars(ALNUM, 10, 6) + "_-" + fakeChars(ALNUM, 10, 7);
  assertEquals(normalize(`key ${key} ok`).text, `key ${key} ok`);
});

Deno.test("scan: mrkdwn reads a token with an invisible character as typed, its `_` kept", () => {
  const b64url = (o: unknown) =>
    btoa(JSON.stringify(o)).replace(/=+$/, "").replaceAll("+", "-").replaceAll("/", "_");
  const head = b64url({ alg: "HS256", typ: "JWT" });
  const body = b64url({ sub: "4711", role: "admin", iat: 1704037239 });
  // A signature that starts with `_` and holds more: in mrkdwn they might read as italics.
  const sig = "_" + fakeChars(ALNUM, 20, 8) + "__" + fakeChars(ALNUM, 18, 9) + "_w";
  const jwt = `${head}.${body}.${sig}`;
  const at = head.length + 12;
  const text = `try ${jwt.slice(0, at)}\u200B${jwt.slice(at)} now`;
  const found = scanSync(text, { mrkdwn: true, includeSecret: true });
  assertEquals(found.map((f) => [f.ruleId, f.secret]), [["jwt", jwt]]);
  assertEquals([found[0].start, found[0].end], [4, text.length - 4]);
});

Deno.test("scan: mrkdwn false reads markup literally, and invisible characters as nothing", () => {
  const secret = bot(4);
  const marked = `${secret.slice(0, 2)}*${secret.slice(2, 9)}*${secret.slice(9)}`;
  assertEquals(scanSync(marked, { mrkdwn: false }).length, 0);
  assertEquals(scanSync(marked).length, 1);
  const hidden = `${secret.slice(0, 2)}\u200D${secret.slice(2)}`;
  assertEquals(scanSync(hidden, { mrkdwn: false }).length, 1);
  assertEquals(scanSync(hidden).length, 1);
});

Deno.test("scan: bold, italic or strike around a value is formatting; an unpaired marker is typed", () => {
  const v = "Xk9mP2vL8q" + fakeChars(ALNUM, 6, 41);
  const secretOf = (text: string) =>
    scanSync(text, { includeSecret: true }).map((
      f,
    ) => [f.ruleId, f.secret, text.slice(f.start, f.end)]);
  for (const text of [`*password: ${v}*`, `_db password is ${v}_`, `my pass is *${v}*`]) {
    assertEquals(secretOf(text), [["generic-password", v, v]], text);
  }
  assertEquals(secretOf(`api_key: _${v}_ ok`), [["generic-secret", v, v]]);
  // No span to close: the marker is part of what was typed (and raw text is read as it is).
  for (const text of [`password=${v}*`, `*Note*: password=${v}*`, `db_pass_word = ${v}_`]) {
    const typed = text.slice(text.indexOf(v));
    assertEquals(secretOf(text), [["generic-password", typed, typed]], text);
  }
  assertEquals(
    scanSync(`*password: ${v}*`, { mrkdwn: false, includeSecret: true }).map((f) => f.secret),
    [v + "*"],
  );
});

Deno.test("scan: several secrets, sorted, each once; rule filter", () => {
  const a = bot(5), b = bot(6);
  const text = `${b}\n\`${a}\`\n*${b}*`;
  const found = scanSync(text, { includeSecret: true });
  assertEquals(found.map((f) => f.secret), [b, a, b]);
  assertEquals(found.map((f) => f.line), [1, 2, 3]);
  assertEquals(found[0].fingerprint, found[2].fingerprint);
  assertEquals(scanSync(text, { rules: ["slack-user-token"] }).length, 0);
});

Deno.test("scan: a token deep inside a large text is found at the right place", () => {
  const secret = bot(7);
  const filler = "lorem ipsum dolor sit amet token secret password ".repeat(20000);
  const text = filler + secret + "\n" + filler;
  const found = scanSync(text, { includeSecret: true });
  const mine = found.filter((f) => f.ruleId === "slack-bot-token");
  assertEquals(mine.length, 1);
  assertEquals(mine[0].start, filler.length);
});

Deno.test("scan: anchored rules find what a search of the whole text with their pattern finds", async () => {
  const { RULES } = await import("./rules/mod.ts");
  const { evalCorpus } = await import("./eval/corpus.ts");
  const { isPlaceholder } = await import("./placeholder.ts");
  const anchored = RULES.filter((r) => r.anchor === "word");
  assert(anchored.length >= 3);
  let checked = 0;
  for (const { text } of evalCorpus(800, 5)) {
    for (const rule of anchored) {
      const found = new Set(
        scanSync(text, { rules: [rule.id], includeSecret: true, mrkdwn: false }).map((f) =>
          `${f.start}:${f.end}`
        ),
      );
      const re = new RegExp(rule.pattern.source, rule.pattern.flags + "d");
      for (const m of text.matchAll(re)) {
        const [from, whole] = m.indices!.groups!.secret;
        const [s, e] = secretSpan(rule, text, from, whole);
        const secret = text.slice(s, e);
        const ctx = { text, start: s, end: e };
        if (rule.validate && !rule.validate(secret, ctx)) continue;
        if (isPlaceholder(secret, ctx, { exempt: rule.placeholderExempt })) continue;
        checked++;
        assert(found.has(`${s}:${e}`), `${rule.id} missed a match the full search finds`);
      }
    }
  }
  assert(checked > 20, `only ${checked} matches checked`);
});

Deno.test("hitPlan: a format's fixed prefix wakes its rule only in its own case", () => {
  const plan = hitPlan();
  const at = (k: string) => plan.windowed[plan.keywords.indexOf(k)];
  assertEquals(at("eyj").map((w) => w.exact), ["eyJ"]);
  assertEquals(at("akia").map((w) => w.exact), ["AK" + "IA", "AK" + "IA"]);
  assertEquals(at("xoxb-").map((w) => w.exact), [undefined]);
});

Deno.test("scanSync: a finding's end is the character after the secret, on its own line", () => {
  const bot = ["xo", "xb-"].join("") + "1234567890-1234567890123-" + "Zq8Wm2Kp7Xr4Tn6Yv3Hb9Jc5";
  const [f] = scanSync(`hello\n  token ${bot} ok`);
  assertEquals([f.line, f.column, f.endLine, f.endColumn], [2, 9, 2, 9 + bot.length]);
  const body = randomString(ALPHABET.base64, 64 * 20, seededRandom(4401));
  const key = pem("RSA", "MIIEow" + body);
  const [k] = scanSync(`key:\n${key}\nthanks`).filter((x) => x.family === "private-key");
  const lines = key.split("\n");
  assertEquals([k.line, k.column], [2, 1]);
  assertEquals([k.endLine, k.endColumn], [1 + lines.length, lines.at(-1)!.length + 1]);
});

Deno.test("scanSync: plain text reads a token without the invisible characters inside it", () => {
  const bot = ["xo", "xb-"].join("") + "1234567890-1234567890123-" + "Zq8Wm2Kp7Xr4Tn6Yv3Hb9Jc5";
  for (const inv of ["\u200b", "\u00ad", "\u2060"]) {
    for (const at of [2, 5, 20]) {
      const text = `token: ${bot.slice(0, at)}${inv}${bot.slice(at)} ok`;
      const found = scanSync(text, { mrkdwn: false, includeSecret: true });
      assertEquals(found.map((f) => [f.ruleId, f.secret]), [["slack-bot-token", bot]]);
      // The span covers the token as written, the invisible character with it.
      assertEquals([found[0].start, found[0].end], [7, 7 + bot.length + 1]);
    }
  }
});

Deno.test("scanSync and scanBytes: plain text reads a value with its entities decoded", () => {
  const rand = seededRandom(31);
  const pw = (sep: string) =>
    "Lb" + randomString(ALPHABET.base62, 8, rand) + sep + randomString(ALPHABET.base62, 6, rand);
  const cases = [
    ["&", "&amp;", (v: string) => `const dbPassword = '${v}';`],
    ["<", "&lt;", (v: string) => `export SMTP_PASSWORD="${v}"`],
    ["&", "&amp;", (v: string) => `  'mysql_root_password' => '${v}',`],
    ["&", "&amp;", (v: string) => `<add key="DbPassword" value="${v}" />`],
  ] as const;
  for (const [typed, entity, line] of cases) {
    const value = pw(typed);
    const text = `${line(value.replace(typed, entity))}\nnext line`;
    const found = scanSync(text, { mrkdwn: false, includeSecret: true });
    assertEquals(found.map((f) => f.secret), [value], text);
    // The span covers the value as written, its entity with it.
    assertEquals(text.slice(found[0].start, found[0].end), value.replace(typed, entity));
    const bytes = scanBytes(new TextEncoder().encode(text));
    assertEquals(bytes.map((f) => [f.fingerprint, f.start, f.end]), [
      [found[0].fingerprint, found[0].start, found[0].end],
    ]);
  }
});

Deno.test("scanSync and scanBytes: a no-break space is a blank between a name and its value", () => {
  const rand = seededRandom(41);
  const pw = "Qm4" + randomString(ALPHABET.base62, 12, rand);
  const key = randomString(ALPHABET.base62, 32, rand);
  const hex = randomString(ALPHABET.hexLower, 32, rand);
  const cases: Array<[string, string]> = [
    [`password:\u00a0${pw}`, pw],
    [`mot de passe\u00a0: ${pw}`, pw],
    [`api_key =\u202f${key}`, key],
    [`client_secret=\u00a0${hex}`, hex],
  ];
  for (const [text, secret] of cases) {
    for (const mrkdwn of [false, true]) {
      const found = scanSync(text, { mrkdwn, includeSecret: true });
      assertEquals(found.map((f) => f.secret), [secret], text);
      assertEquals(text.slice(found[0].start, found[0].end), secret);
    }
    const bytes = scanBytes(new TextEncoder().encode(text));
    assertEquals(bytes.map((f) => f.end - f.start), [secret.length], text);
  }
});

Deno.test("scanSync and scanBytes: a password holding `>` reads whole, as Slack stores it", () => {
  const rand = seededRandom(37);
  const head = "Tiger" + randomString(ALPHABET.base62, 4, rand);
  const value = `${head}>9229${randomString(ALPHABET.base62, 6, rand)}`;
  const stored = value.replace(">", "&gt;");
  for (const text of [`password: ${stored}`, `the staging db password is ${stored}.`]) {
    for (const mrkdwn of [true, false]) {
      const found = scanSync(text, { mrkdwn, includeSecret: true });
      assertEquals(found.map((f) => f.secret), [value], `${text} (${mrkdwn})`);
      assertEquals(text.slice(found[0].start, found[0].end), stored);
      const bytes = scanBytes(new TextEncoder().encode(text), { mrkdwn });
      assertEquals(bytes.map((f) => [f.fingerprint, f.start, f.end]), [
        [found[0].fingerprint, found[0].start, found[0].end],
      ]);
    }
  }
});

Deno.test("scanSync and scanBytes: an emoji glued to a value is no part of it", () => {
  const pw = "Pixel" + randomString(ALPHABET.base62, 6, seededRandom(43)) + "9&";
  const token = randomString(ALPHABET.base62, 40, seededRandom(47));
  for (const text of [`pw:${pw}🙏`, `password: ${pw}👍🏽 thanks`, `api_token=${token}✅️`]) {
    const found = scanSync(text, { mrkdwn: false, includeSecret: true });
    assertEquals(found.length, 1, text);
    assert(!/\p{Extended_Pictographic}|\uFE0F/u.test(found[0].secret!), text);
    const bytes = scanBytes(new TextEncoder().encode(text), { mrkdwn: false });
    assertEquals(bytes.map((f) => [f.start, f.end]), [[found[0].start, found[0].end]]);
  }
});

Deno.test("scanSync: a password's last `.` is its own where no sentence goes on", () => {
  const pw = "Maple" + randomString(ALPHABET.base62, 6, seededRandom(41)) + "7.";
  const secretOf = (text: string) =>
    scanSync(text, { mrkdwn: false, includeSecret: true }).map((f) => f.secret);
  assertEquals(secretOf(`MYSQL_ROOT_PASSWORD=${pw}\n`), [pw]);
  assertEquals(secretOf(`Server=db1;User Id=sa;Password=${pw};Encrypt=True`), [pw]);
  // In a sentence, the full stop is the sentence's.
  assertEquals(secretOf(`then set password=${pw}\n`), [pw.slice(0, -1)]);
});

Deno.test("scanSync: plain text reads a token in italics, bold or strike without its markers", () => {
  const bot = ["xo", "xb-"].join("") + "1234567890-1234567890123-" + "Zq8Wm2Kp7Xr4Tn6Yv3Hb9Jc5";
  for (const [open, close] of [["_", "_"], ["*", "*"], ["~", "~"], ["_*", "*_"]]) {
    const text = `token: ${open}${bot}${close} ok`;
    const found = scanSync(text, { mrkdwn: false, includeSecret: true });
    assertEquals(found.map((f) => [f.ruleId, f.secret]), [["slack-bot-token", bot]], text);
    assertEquals(text.slice(found[0].start, found[0].end), bot);
  }
  // Inside an identifier, `_` is no marker: a Google key's edge holds there.
  const key = ["AI", "za"].join("") + "SyB3kP9xQ2mL7vN4rT8wZ1cF6hJ0dG5sE2a";
  assertEquals(scanSync(`_${key}_`, { mrkdwn: false }).map((f) => f.ruleId), ["google-api-key"]);
  assertEquals(scanSync(`MY_VAR_${key}`, { mrkdwn: false }).length, 0);
});

Deno.test("scanSync: in plain text a token that ends in `_` keeps it", () => {
  const jwt = [
    btoa(JSON.stringify({ alg: "HS256", typ: "JWT" })).replace(/=+$/, ""),
    btoa(JSON.stringify({ sub: "2c0ffbc9", iat: 1731579165 })).replace(/=+$/, ""),
    "wW-c4EYwuPB9GbU3Kzfm_YygK0pkL6LRUt6gses2Xu_",
  ].join(".");
  const found = scanSync(`Cookie: access_token=${jwt}; theme=dark`, {
    mrkdwn: false,
    includeSecret: true,
  });
  assertEquals(found.map((f) => [f.ruleId, f.secret]), [["jwt", jwt]]);
});
