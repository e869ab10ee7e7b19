// All the text of a Slack message a person could have pasted a credential into. The
// `message_posted` event carries only `text`; a message read back through the API also has
// blocks (rich text), attachments and files, and a secret hides in any of them: in a code block,
// in a list item, as a link's URL, in an attachment field posted by an integration.

/** The parts of a message (as `conversations.history` returns it) that can hold text. */
export interface MessageLike {
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  files?: unknown[];
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A text object (`{type: "mrkdwn" | "plain_text", text}`) or a bare string. */
function textObject(v: unknown): string | undefined {
  if (typeof v === "string") return str(v);
  return isObj(v) ? str(v.text) : undefined;
}

/**
 * Rich text: sections, lists, quotes and preformatted blocks nest elements; leaves are text,
 * links (URL and label), and a few kinds with no scannable text (emoji, user, channel, date).
 * Inline leaves of one container are joined without a separator, as Slack renders them, so a
 * token split by styling (`xoxb-` bold, the rest plain) is whole again.
 */
function richText(el: unknown, out: string[]): void {
  if (!isObj(el)) return;
  switch (el.type) {
    case "rich_text":
    case "rich_text_list":
      for (const child of list(el.elements)) richText(child, out);
      return;
    case "rich_text_section":
    case "rich_text_quote":
    case "rich_text_preformatted": {
      let line = "";
      const links: string[] = [];
      for (const leaf of list(el.elements)) {
        if (!isObj(leaf)) continue;
        if (leaf.type === "text") line += str(leaf.text) ?? "";
        else if (leaf.type === "link") {
          const label = str(leaf.text);
          const url = str(leaf.url);
          line += label ?? url ?? "";
          // The URL itself is what leaks (a webhook pasted with a label, a token in a query).
          if (url && url !== label) links.push(url);
        } else if (isObj(leaf) && Array.isArray(leaf.elements)) richText(leaf, out);
      }
      if (line) out.push(line);
      out.push(...links);
      return;
    }
  }
}

function block(b: unknown, out: string[]): void {
  if (!isObj(b)) return;
  switch (b.type) {
    case "rich_text":
      richText(b, out);
      return;
    case "section": {
      const t = textObject(b.text);
      if (t) out.push(t);
      for (const f of list(b.fields)) {
        const ft = textObject(f);
        if (ft) out.push(ft);
      }
      if (isObj(b.accessory)) element(b.accessory, out);
      return;
    }
    case "context":
      for (const e of list(b.elements)) {
        const t = isObj(e) && e.type !== "image" ? textObject(e) : undefined;
        if (t) out.push(t);
      }
      return;
    case "header": {
      const t = textObject(b.text);
      if (t) out.push(t);
      return;
    }
    case "markdown": {
      const t = str(b.text);
      if (t) out.push(t);
      return;
    }
    case "actions":
      for (const e of list(b.elements)) element(e, out);
      return;
    case "input": {
      const label = textObject(b.label);
      if (label) out.push(label);
      return;
    }
  }
}

/** Interactive elements carry text in labels, button URLs and values. */
function element(e: unknown, out: string[]): void {
  if (!isObj(e)) return;
  const t = textObject(e.text);
  if (t) out.push(t);
  const url = str(e.url);
  if (url) out.push(url);
  const value = str(e.value);
  if (value) out.push(value);
}

function attachment(a: unknown, out: string[]): void {
  if (!isObj(a)) return;
  for (
    const key of [
      "pretext",
      "title",
      "title_link",
      "text",
      "fallback",
      "author_name",
      "author_link",
      "footer",
      "from_url",
      "original_url",
    ]
  ) {
    const v = str(a[key]);
    if (v) out.push(v);
  }
  for (const f of list(a.fields)) {
    if (!isObj(f)) continue;
    const title = str(f.title);
    const value = str(f.value);
    if (title) out.push(title);
    if (value) out.push(value);
  }
  for (const b of list(a.blocks)) block(b, out);
  // A shared message arrives as an attachment that has its own text and blocks.
  for (const mb of list(a.message_blocks)) {
    if (isObj(mb) && isObj(mb.message)) { for (const b of list(mb.message.blocks)) block(b, out); }
  }
}

function file(f: unknown, out: string[]): void {
  if (!isObj(f)) return;
  for (const key of ["title", "name", "preview"]) {
    const v = str(f[key]);
    if (v) out.push(v);
  }
}

/**
 * Every distinct piece of text in `message`, in reading order: text, blocks, attachments, files.
 * Identical pieces appear once (the `text` of a rich-text message repeats its blocks).
 */
export function messageTextParts(message: MessageLike): string[] {
  const out: string[] = [];
  const text = str(message.text);
  if (text) out.push(text);
  for (const b of list(message.blocks)) block(b, out);
  for (const a of list(message.attachments)) attachment(a, out);
  for (const f of list(message.files)) file(f, out);
  const seen = new Set<string>();
  return out.filter((p) => {
    if (seen.has(p)) return false;
    seen.add(p);
    return true;
  });
}

/** All scannable text of `message` as one string, pieces on their own lines. */
export function messageText(message: MessageLike): string {
  return messageTextParts(message).join("\n");
}
