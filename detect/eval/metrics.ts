// Precision and recall of the engine on labelled messages, per family. A finding counts as a true
// positive when a label of the same family has exactly its secret; anything else it reports is a
// false positive, and every label left unmatched a false negative. Failures are described by
// template, kind and redacted preview only: nothing here prints a secret.
import type { Family } from "../types.ts";
import { scanSync } from "../scan.ts";
import { reportedSecret } from "../match.ts";
import { RULES } from "../rules/mod.ts";
import { redact } from "../redact.ts";
import type { Sample } from "./corpus.ts";

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Failure {
  type: "missed" | "false positive";
  family: Family;
  shape: string;
  /** Label kind (missed) or rule id (false positive). */
  what: string;
  redacted: string;
}

export interface Evaluation {
  families: Map<Family, Counts>;
  overall: Counts;
  failures: Failure[];
}

export function precision(c: Counts): number {
  return c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
}

export function recall(c: Counts): number {
  return c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
}

export function f1(c: Counts): number {
  const p = precision(c), r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export function evaluate(samples: Sample[]): Evaluation {
  const families = new Map<Family, Counts>();
  const counts = (f: Family) => {
    let c = families.get(f);
    if (!c) families.set(f, c = { tp: 0, fp: 0, fn: 0 });
    return c;
  };
  const failures: Failure[] = [];
  for (const s of samples) {
    const found = scanSync(s.text, { includeSecret: true });
    const open = [...s.labels];
    for (const f of found) {
      const rule = RULES.find((r) => r.id === f.ruleId)!;
      const i = open.findIndex((l) =>
        l.family === f.family && reportedSecret(rule, l.secret) === f.secret
      );
      if (i >= 0) {
        counts(f.family).tp++;
        open.splice(i, 1);
      } else {
        counts(f.family).fp++;
        failures.push({
          type: "false positive",
          family: f.family,
          shape: s.shape,
          what: f.ruleId,
          redacted: f.redacted,
        });
      }
    }
    for (const l of open) {
      counts(l.family).fn++;
      failures.push({
        type: "missed",
        family: l.family,
        shape: s.shape,
        what: l.kind,
        redacted: redact(l.secret),
      });
    }
  }
  const overall = { tp: 0, fp: 0, fn: 0 };
  for (const c of families.values()) {
    overall.tp += c.tp;
    overall.fp += c.fp;
    overall.fn += c.fn;
  }
  return { families, overall, failures };
}

/** A Markdown table: family, TP, FP, FN, precision, recall, F1, then the overall row. */
export function table(e: Evaluation): string {
  const fmt = (x: number) => x.toFixed(3);
  const row = (name: string, c: Counts) =>
    `| ${name} | ${c.tp} | ${c.fp} | ${c.fn} | ${fmt(precision(c))} | ${fmt(recall(c))} | ${
      fmt(f1(c))
    } |`;
  return [
    "| family | TP | FP | FN | precision | recall | F1 |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...[...e.families].sort((a, b) => a[0].localeCompare(b[0])).map(([f, c]) => row(f, c)),
    row("**all**", e.overall),
  ].join("\n");
}
