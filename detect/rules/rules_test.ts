// Every rule in RULES, whatever family, through the real scanner with its own examples.
import { assert, assertEquals } from "@std/assert";
import { RULES } from "./mod.ts";
import { scanSync } from "../scan.ts";
import { reportedSecret } from "../match.ts";

Deno.test("rule ids are unique kebab-case; keywords lower-case, non-empty; patterns global", () => {
  const ids = new Set<string>();
  for (const r of RULES) {
    assert(/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(r.id), `bad id ${r.id}`);
    assert(!ids.has(r.id), `duplicate id ${r.id}`);
    ids.add(r.id);
    assert(r.keywords.length > 0, `${r.id}: no keywords`);
    for (const k of r.keywords) {
      assert(k.length > 0 && k === k.toLowerCase(), `${r.id}: keyword ${JSON.stringify(k)}`);
    }
    assert(r.pattern.global, `${r.id}: pattern not global`);
    assert(!r.pattern.sticky, `${r.id}: pattern sticky`);
    assert(r.description.length > 0, `${r.id}: no description`);
    assert(r.examples.positives().length > 0, `${r.id}: no positives`);
    assert(r.examples.negatives().length > 0, `${r.id}: no negatives`);
  }
});

for (const rule of RULES) {
  Deno.test(`${rule.id}: finds its positives`, () => {
    for (const p of rule.examples.positives()) {
      const found = scanSync(p.text, { includeSecret: true });
      const mine = found.filter((f) => f.ruleId === rule.id);
      assertEquals(mine.length, 1, `${rule.id}: ${mine.length} findings (${summary(found)})`);
      if (p.secret !== undefined) {
        assert(
          mine[0].secret === reportedSecret(rule, p.secret),
          `${rule.id}: wrong secret, got ${mine[0].redacted}`,
        );
        assertEquals(p.text.slice(mine[0].start, mine[0].end), p.secret);
      }
      assertEquals(mine[0].family, rule.family);
      assertEquals(mine[0].fingerprint.length, 64);
    }
  });
  Deno.test(`${rule.id}: ignores its negatives`, () => {
    for (const text of rule.examples.negatives()) {
      const found = scanSync(text);
      assertEquals(found.length, 0, `${rule.id}: negative found (${summary(found)})`);
    }
  });
}

/** Rule ids and redacted previews only: a failing test never prints a secret. */
function summary(found: Array<{ ruleId: string; redacted: string }>): string {
  return found.map((f) => `${f.ruleId} ${f.redacted}`).join("; ");
}

// Rules whose secret stands alone (not a value read after a name, not multi-line, not a URL):
// URL-encoded into a link's query (`%3D` before it, `%26` after), each is still found. A
// percent-escape ends in a hex digit, so a plain "no letter or digit before" would miss them.
const SELF_STANDING =
  /^(?:slack-(?:bot|user|app|legacy|client|workspace)-token|github-|google-|aws-access-key-id|stripe-|openai-|anthropic-|npm-access-token|jwt)/;

Deno.test("self-standing tokens are found after a percent-escape in an encoded link", () => {
  const rules = RULES.filter((r) => SELF_STANDING.test(r.id));
  assert(rules.length >= 20, `only ${rules.length} rules selected`);
  for (const rule of rules) {
    for (const p of rule.examples.positives()) {
      if (p.secret === undefined || p.secret.includes("\n")) continue;
      for (const escape of ["%3D", "%2F", "%3d"]) {
        const text = `<https://acme.io/login?next=%2Fapi${escape}${p.secret}%26v%3D2>`;
        const found = scanSync(text, { includeSecret: true });
        assert(
          found.some((f) => f.ruleId === rule.id && f.secret === reportedSecret(rule, p.secret!)),
          `${rule.id} after ${escape}: ${summary(found) || "nothing"}`,
        );
      }
    }
  }
});

Deno.test("a whole token followed by an ellipsis is found; one followed by a mask is not", () => {
  for (const rule of RULES.filter((r) => SELF_STANDING.test(r.id))) {
    for (const p of rule.examples.positives()) {
      if (p.secret === undefined || p.secret.includes("\n")) continue;
      const want = reportedSecret(rule, p.secret);
      for (const tail of ["... then the deploy failed", "…", "..."]) {
        const found = scanSync(`try ${p.secret}${tail}`, { includeSecret: true });
        assert(
          found.some((f) => f.ruleId === rule.id && f.secret === want),
          `${rule.id} before ${JSON.stringify(tail)}: ${summary(found) || "nothing"}`,
        );
      }
      const masked = scanSync(`try ${p.secret}-XXXX`, { includeSecret: true });
      assert(!masked.some((f) => f.secret === want), `${rule.id} before a mask`);
    }
  }
});
