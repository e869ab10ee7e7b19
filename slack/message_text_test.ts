import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { messageText, messageTextParts } from "./message_text.ts";
import { fakeSlackToken, fakeWebhookUrl } from "../test_support/fake_tokens.ts";

Deno.test("plain text only", () => {
  assertEquals(messageTextParts({ text: "hello" }), ["hello"]);
  assertEquals(messageText({}), "");
});

Deno.test("rich text: styled pieces of one token are joined, nested lists, quotes, code", () => {
  const token = fakeSlackToken("xoxb", 1);
  const head = token.slice(0, 10);
  const tail = token.slice(10);
  const hook = fakeWebhookUrl(2);
  const codeToken = fakeSlackToken("xoxp", 3);
  const quoted = fakeSlackToken("xapp", 4);
  const listed = fakeSlackToken("xoxb", 5);
  const text = messageText({
    blocks: [{
      type: "rich_text",
      elements: [
        {
          type: "rich_text_section",
          elements: [
            { type: "text", text: "see " },
            { type: "text", text: head, style: { bold: true } },
            { type: "text", text: tail },
            { type: "emoji", name: "key" },
            { type: "link", url: hook, text: "our hook" },
          ],
        },
        {
          type: "rich_text_list",
          style: "bullet",
          elements: [
            {
              type: "rich_text_section",
              elements: [{ type: "text", text: "item one" }],
            },
            {
              type: "rich_text_list",
              style: "ordered",
              elements: [{ type: "rich_text_section", elements: [{ type: "text", text: listed }] }],
            },
          ],
        },
        { type: "rich_text_quote", elements: [{ type: "text", text: quoted }] },
        { type: "rich_text_preformatted", elements: [{ type: "text", text: codeToken }] },
      ],
    }],
  });
  assertStringIncludes(text, token);
  assertStringIncludes(text, hook);
  assertStringIncludes(text, "our hook");
  assertStringIncludes(text, listed);
  assertStringIncludes(text, quoted);
  assertStringIncludes(text, codeToken);
});

Deno.test("section, fields, context, header and button blocks", () => {
  const parts = messageTextParts({
    blocks: [
      { type: "header", text: { type: "plain_text", text: "H" } },
      {
        type: "section",
        text: { type: "mrkdwn", text: "S" },
        fields: [{ type: "mrkdwn", text: "F1" }, { type: "plain_text", text: "F2" }],
        accessory: {
          type: "button",
          text: { type: "plain_text", text: "B" },
          url: "https://x.test/u",
        },
      },
      {
        type: "context",
        elements: [{ type: "image", image_url: "https://x.test/i.png", alt_text: "i" }, {
          type: "mrkdwn",
          text: "C",
        }],
      },
    ],
  });
  assertEquals(parts, ["H", "S", "F1", "F2", "B", "https://x.test/u", "C"]);
});

Deno.test("attachments: text, pretext, fallback, fields, title link, nested blocks", () => {
  const parts = messageTextParts({
    text: "",
    attachments: [{
      pretext: "P",
      title: "T",
      title_link: "https://x.test/t",
      text: "X",
      fallback: "FB",
      fields: [{ title: "k", value: "v" }],
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "AB" } }],
    }, {
      message_blocks: [{ message: { blocks: [{ type: "markdown", text: "shared" }] } }],
    }],
  });
  for (const p of ["P", "T", "https://x.test/t", "X", "FB", "k", "v", "AB", "shared"]) {
    assert(parts.includes(p), p);
  }
});

Deno.test("files: titles and names; duplicates appear once", () => {
  const parts = messageTextParts({
    text: "same",
    blocks: [{
      type: "rich_text",
      elements: [{ type: "rich_text_section", elements: [{ type: "text", text: "same" }] }],
    }],
    files: [{ title: "deploy.env", name: "deploy.env" }, { name: "other.txt" }],
  });
  assertEquals(parts, ["same", "deploy.env", "other.txt"]);
});

Deno.test("garbage shapes are ignored, not thrown on", () => {
  assertEquals(
    messageTextParts({
      blocks: [null, 3, "x", {
        type: "rich_text",
        elements: [null, { type: "rich_text_section" }],
      }],
      attachments: [null, { fields: [null, 1] }],
      files: [undefined],
    } as never),
    [],
  );
});
