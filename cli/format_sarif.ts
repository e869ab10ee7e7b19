// SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): the full rule
// catalogue in tool.driver.rules, one result per finding with a relative artifact URI, a region,
// and our fingerprint (SHA-256 of the secret) as a partial fingerprint so alerts stay stable
// when lines move. The message carries only the redacted preview.
import type { Confidence, Rule } from "../detect/types.ts";
import { endOf, type Located } from "./report.ts";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

const LEVEL: Record<Confidence, "error" | "warning" | "note"> = {
  high: "error",
  medium: "warning",
  low: "note",
};

// GitHub ranks security alerts by this property (0.1 - 10).
const SEVERITY: Record<Confidence, string> = { high: "9.0", medium: "7.0", low: "4.0" };

/** A path as a SARIF URI: relative paths stay relative (to %SRCROOT%), segments escaped. */
export function toUri(path: string): string {
  const clean = path.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  const encoded = clean.split("/").map((s) => encodeURIComponent(s)).join("/");
  return clean.startsWith("/") ? `file://${encoded}` : encoded;
}

export interface SarifOptions {
  version: string;
  informationUri?: string;
}

export function formatSarif(found: Located[], rules: readonly Rule[], opts: SarifOptions): string {
  const index = new Map<string, number>();
  const driverRules = rules.map((r, i) => {
    index.set(r.id, i);
    return {
      id: r.id,
      name: r.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
      shortDescription: { text: r.description },
      fullDescription: { text: `${r.description} (${r.family} credential)` },
      help: {
        text: helpText(r),
        markdown: `**${r.description}**\n\n${helpText(r)}`,
      },
      defaultConfiguration: { level: LEVEL[r.confidence] },
      properties: {
        tags: ["security", "secret", r.family],
        precision: r.confidence === "high" ? "very-high" : r.confidence,
        "security-severity": SEVERITY[r.confidence],
      },
    };
  });

  const results = found.map((l) => {
    const f = l.finding;
    const end = endOf(l);
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      level: LEVEL[f.confidence],
      message: { text: `${f.description}: ${f.redacted}` },
      locations: [{
        physicalLocation: {
          artifactLocation: l.path.startsWith("/")
            ? { uri: toUri(l.path) }
            : { uri: toUri(l.path), uriBaseId: "%SRCROOT%" },
          region: {
            startLine: Math.max(1, l.line),
            startColumn: Math.max(1, l.column),
            endLine: Math.max(1, end.line),
            endColumn: Math.max(1, end.column),
            // In the file; an export's offsets are in a message, which is no artifact here.
            ...(l.slack ? {} : { charOffset: f.start, charLength: f.end - f.start }),
          },
        },
      }],
      partialFingerprints: { "secretSha256/v1": f.fingerprint },
    };
    const i = index.get(f.ruleId);
    if (i !== undefined) result.ruleIndex = i;
    if (l.slack) {
      result.properties = {
        channel: l.slack.channel,
        ts: l.slack.ts,
        user: l.slack.user ?? l.slack.userId,
        permalink: l.slack.permalink,
      };
    }
    return result;
  });

  const sarif = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [{
      tool: {
        driver: {
          name: "Token Guard",
          semanticVersion: opts.version,
          informationUri: opts.informationUri ?? "https://api.slack.com/automation",
          rules: driverRules,
        },
      },
      originalUriBaseIds: { "%SRCROOT%": { description: { text: "The scanned folder" } } },
      results,
    }],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}

function helpText(r: Rule): string {
  return `A ${r.family} credential was found in plain text. Treat it as leaked: revoke or rotate ` +
    "it at its provider, then remove it from the file and its history. Token Guard shows only a " +
    "redacted preview; the fingerprint is the SHA-256 of the secret.";
}
