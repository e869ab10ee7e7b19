// Tokens wrapped onto the next line, as terminals, emails, phones and quoted-printable wrap them,
// read whole; lines that merely follow a token (another token, a word, an id) are not joined.
import { assertEquals } from "@std/assert";
import { scanSync } from "./scan.ts";
import { fakeSlackToken, fakeWebhookUrl } from "../test_support/fake_tokens.ts";
import { jwt } from "../cli/fake_secrets.ts";
import { joinWrapped } from "./wrapped.ts";

function found(text: string): Array<[string, string]> {
  return scanSync(text, { mrkdwn: false, includeSecret: true }).map((f) => [f.ruleId, f.secret!]);
}

/** `token` cut into lines of `width` characters, the first after `lead`. */
function wrap(lead: string, token: string, width: number, quote = ""): string {
  const first = Math.max(1, width - lead.length);
  const lines = [lead + token.slice(0, first)];
  for (let at = first; at < token.length; at += width) {
    lines.push(quote + token.slice(at, at + width));
  }
  return lines.join("\n");
}

const bot = fakeSlackToken("xoxb", "wrap");
const user = fakeSlackToken("xoxp", "wrap");
const hook = fakeWebhookUrl("wrap");
const token = jwt("wrap");

Deno.test("wrapped: a token cut by a terminal, an email or a phone reads whole", () => {
  assertEquals(found(wrap("$ ./init --token=", user, 80) + " --verbose"), [[
    "slack-user-token",
    user,
  ]]);
  assertEquals(found(wrap("the token is ", bot, 30)), [["slack-bot-token", bot]]);
  assertEquals(found(wrap("> posted to ", hook, 40, "> ")), [["slack-webhook-url", hook]]);
  assertEquals(found(wrap("> > posted to ", hook, 40, "> > ")), [["slack-webhook-url", hook]]);
  assertEquals(found(wrap("Authorization: Bearer ", token, 64) + "\n\nthanks"), [["jwt", token]]);
  assertEquals(found(wrap("CRLF: ", bot, 24).replaceAll("\n", "\r\n")), [["slack-bot-token", bot]]);
});

Deno.test("wrapped: quoted-printable soft breaks (`=` at a line's end) are read through", () => {
  const body = "Your new bot token for the workspace integration, as requested:  " + bot;
  const qp = body.slice(0, 75) + "=\n" + body.slice(75) + "\n\nRegards";
  assertEquals(found(qp), [["slack-bot-token", bot]]);
});

Deno.test("wrapped: lines after a token that are no part of it stay apart", () => {
  const other = fakeSlackToken("xoxb", "wrap-other");
  // A build id, a commit, a UUID under a complete token are text of their own (the line is no
  // wrap width, and no full line of its width follows).
  const ids = [
    "b7f3c9a21e04",
    "57de406eeaf2d02d1c1a8cd7f704b",
    "3af2a27a-4354-44de-a69d-4850dcba588e",
  ];
  for (
    const next of [
      other,
      "thanks!",
      "U0123ABCDE9",
      "see you tomorrow 2pm",
      "abc123",
      "`code`",
      ...ids,
    ]
  ) {
    assertEquals(found(`${bot}\n${next}`)[0], ["slack-bot-token", bot], next);
  }
  // base64 padding is no soft break: the line after a padded blob is not joined
  assertEquals(joinWrapped("c2VjcmV0IHZhbHVlIGhlcmU=\nNext1Line2Here", 0, 24, () => false), null);
});
