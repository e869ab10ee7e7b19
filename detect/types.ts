// The engine's public shapes. The engine knows nothing about Slack: callers hand it text and get
// findings back. A raw secret leaves the engine only when the caller asks with `includeSecret`.

/** Credential families, as people name them. */
export const FAMILIES = [
  "slack",
  "github",
  "google",
  "aws",
  "private-key",
  "stripe",
  "openai",
  "anthropic",
  "npm",
  "jwt",
  "gitlab",
  "huggingface",
  "groq",
  "replicate",
  "xai",
  "perplexity",
  "openrouter",
  "langchain",
  "digitalocean",
  "hashicorp",
  "flyio",
  "heroku",
  "doppler",
  "pulumi",
  "okta",
  "azure",
  "supabase",
  "planetscale",
  "render",
  "tailscale",
  "dynatrace",
  "newrelic",
  "1password",
  "docker",
  "sendgrid",
  "mailgun",
  "shopify",
  "square",
  "postman",
  "atlassian",
  "linear",
  "sentry",
  "grafana",
  "notion",
  "figma",
  "contentful",
  "mapbox",
  "circleci",
  "discord",
  "microsoft",
  "telegram",
  "rubygems",
  "alibaba",
  "mailchimp",
  "twilio",
  "databricks",
  "adafruit",
  "readme",
  "brevo",
  "clojars",
  "shippo",
  "flutterwave",
  "easypost",
  "typeform",
  "prefect",
  "sourcegraph",
  "sonarqube",
  "mailersend",
  "hubspot",
  "neon",
  "nvidia",
  "plaid",
  "cloudflare",
  "zapier",
  "deepseek",
  "paystack",
  "yandex",
  "jfrog",
  "posthog",
  "clickup",
  "duffel",
  "dropbox",
  "generic",
] as const;

export type Family = typeof FAMILIES[number];

export type Confidence = "high" | "medium" | "low";

/** Example text for a rule's own tests, built at run time (the repository holds no literal). */
export interface RuleExamples {
  /** Texts in which the rule must find exactly the secret `secret` (or, when absent, one finding). */
  positives: () => Array<{ text: string; secret?: string }>;
  /** Texts in which the rule must find nothing. */
  negatives: () => string[];
}

/**
 * What a gate reads: a string, or a view of raw bytes that answers as conservatively as the
 * text they decode to (detect/byte_text.ts).
 */
export interface CharReader {
  readonly length: number;
  charCodeAt(index: number): number;
}

export interface Rule {
  /** Stable id, kebab-case, e.g. "slack-bot-token". Used in baselines, SARIF and the datastore. */
  id: string;
  family: Family;
  /** One line a person reads in a report. */
  description: string;
  /** Lower-case literals; the rule's pattern only runs where one of these occurs. */
  keywords: string[];
  /**
   * Keywords that wake this rule only in exactly this case: a format's fixed prefix (`AKIA`,
   * `eyJ`), which its pattern matches in this case alone. Each is one of `keywords` as written
   * here; the others match in any case.
   */
  exactKeywords?: string[];
  /**
   * Global, sticky-free regex. When it has a named group `secret`, that group is the secret;
   * otherwise the whole match is.
   */
  pattern: RegExp;
  /** Rejects matches that look right but are not credentials (checksums, placeholders, shape). */
  validate?: (secret: string, context: { text: string; start: number; end: number }) => boolean;
  /**
   * How much of a match is the secret, when its pattern cannot say where it ends (a value in a
   * query string ends before the next `&name=`). Applied before `validate`.
   */
  trimEnd?: (secret: string, at: { text: string; start: number }) => number;
  /**
   * The secret's span without what wraps it, after `trimEnd` and before `validate`: a bold
   * value's markers when the text is read as written (`la password è *…*`).
   */
  unwrap?: (text: string, start: number, end: number) => [number, number];
  /**
   * Where a match its pattern had to cut really ends: a bounded repetition keeps the pattern's
   * backtracking linear, and a long value runs on (an AWS session token is several hundred
   * characters). Applied before `trimEnd`.
   */
  extendEnd?: (text: string, start: number, end: number) => number;
  /**
   * Where a secret really starts, before its match: what the pattern leaves out because
   * redos-detector cannot bound it as an optional lead (a webhook URL's scheme). After `unwrap`.
   */
  extendStart?: (text: string, start: number) => number;
  /**
   * The form a finding reports and fingerprints, when one credential can be pasted in several
   * shapes (a PEM key indented, quoted or on one line; a URL with JSON-escaped slashes): each
   * shape is then the same leak, with one fingerprint. Applied after `validate`.
   */
  canonical?: (secret: string) => string;
  confidence: Confidence;
  /** Slack token kind for verification (`xoxb`, `xoxp`, `xapp`, `webhook`, ...), if any. */
  verifyAs?: string;
  /**
   * How far around a keyword hit the pattern runs (UTF-16 units; defaults 64 before, 512 after,
   * and the window end is then stretched to the next whitespace). Rules whose secret can sit far
   * from the keyword (a PEM body, an AWS secret lines away from its key id) widen it.
   */
  window?: { before?: number; after?: number };
  /**
   * `"word"`: a match starts in the word that holds the keyword hit (at its start, or right after
   * a non-alphanumeric character in it, at most `window.before` characters back), never
   * elsewhere. The scanner then tries the pattern there (sticky) instead of searching the window
   * with it: rules whose keywords are everyday words (`token`, `secret`, `pass`, `://`) cost a
   * few regex steps per hit rather than a search of every position around it. The pattern must
   * still be a complete global regex (tests and the ReDoS check use it as is).
   */
  anchor?: "word";
  /**
   * For anchored rules, a cheap necessary condition checked before the pattern is tried at a
   * hit: `false` only when no match of the pattern that the rule's validator would accept can
   * start anywhere in `[wordStart, hitStart]` of `text`, nor (when `asShown`) in that region as
   * normalize() would show it. Common words (`token`, `pass`, `://` in links) and values no
   * validator accepts (`password=********`) mostly fail it in a few character reads. `true`
   * means "maybe".
   */
  mayStart?: (
    text: CharReader,
    wordStart: number,
    hitStart: number,
    hitEnd: number,
    asShown: boolean,
  ) => boolean;
  /**
   * For window-searching rules, the same kind of gate per keyword hit: `false` only when no
   * match the rule keeps can come from this hit (its validator needs the hit, and what the gate
   * reads after it is missing), as shown too. Rules woken by everyday phrases ("password for")
   * use it so that prose costs a few character reads, not a window search.
   */
  windowGate?: (text: CharReader, hitStart: number, hitEnd: number) => boolean;
  /**
   * The same gate for raw text, built into the byte scanner (scripts/wasm/gates.as.ts), which
   * then drops a hit it rules out before any TypeScript runs.
   */
  byteGate?: "name-value" | "url" | "hex32" | "sentence" | "delimited" | "phrase";
  /**
   * The secret may hold `*`, `_`, `~` or a backtick as a character (a password): when the
   * scanner reads the text as a person sees it for this rule, a marker inside a word stays.
   */
  literalMarkers?: boolean;
  /**
   * Global placeholder checks this rule opts out of, because its format legitimately has that
   * shape (npm's legacy `_authToken` is a UUID; a keyword-anchored secret may be plain hex).
   */
  placeholderExempt?: Array<"uuid" | "hash" | "filler">;
  examples: RuleExamples;
}

export interface Finding {
  ruleId: string;
  family: Family;
  description: string;
  /** Offsets in the caller's original text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** 1-based line and column of `start` in the original text. */
  line: number;
  column: number;
  /** 1-based line and column of `end` (the character after the secret), as SARIF's regions. */
  endLine: number;
  endColumn: number;
  /** Hex SHA-256 of the secret: the only durable identity of a leak. */
  fingerprint: string;
  /** The only form in which a secret is ever shown, e.g. "xoxb-12…ab9f (40 chars)". */
  redacted: string;
  confidence: Confidence;
  verifyAs?: string;
  /** Present only when the caller passed `includeSecret: true`. Never log, store or print it. */
  secret?: string;
}

export interface ScanOptions {
  /** Return the raw secret on each finding (Slack functions verifying or revoking). */
  includeSecret?: boolean;
  /** Treat the input as Slack mrkdwn and normalize it first (default true). */
  mrkdwn?: boolean;
  /** Restrict to these rule ids. */
  rules?: string[];
}
