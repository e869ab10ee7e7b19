// The compiled engine of a rule selection: each rule's pattern as a matching and a probing regex,
// and one case-insensitive prefilter regex of every keyword (a factored trie), of the Slack
// prefixes broken up by markers, and of the invisible characters that may split a keyword; then
// which rules each keyword wakes, and in which case. Built once per selection and kept.
import type { Rule } from "./types.ts";
import { RULES } from "./rules/mod.ts";
import { INVISIBLE_CLASS } from "./normalize.ts";
import type { PlaceholderOptions } from "./placeholder.ts";

const DEFAULT_BEFORE = 64;
const DEFAULT_AFTER = 512;
/** How far a window's end may stretch to reach the end of the token it cut. */
export const STRETCH = 512;

export interface Compiled {
  rule: Rule;
  /**
   * Same source and flags as the rule's, plus `d` for the secret group's offsets; sticky (`y`,
   * not `g`) for anchored rules, which try it at chosen positions only.
   */
  re: RegExp;
  /** For anchored rules: `re` without match indices, a cheaper "does it match here?". */
  probe: RegExp;
  anchored: boolean;
  before: number;
  after: number;
  placeholder: PlaceholderOptions;
}

export interface Engine {
  rules: Compiled[];
  /** Alternation of every keyword (longest first) plus the "keyword may be split" triggers. */
  prefilter: RegExp;
  /** Lower-cased hit -> indexes of the rules it wakes (every rule with a keyword inside it). */
  wakes: Map<string, number[]>;
  /**
   * Beside each wakes list: the exact text the hit must be to wake that rule (Rule.
   * exactKeywords), or undefined for any case.
   */
  exact: Map<string, Array<string | undefined>>;
}

/**
 * Slack prefixes broken up by markers (`xo*xb-`, `xox_b-`) do not contain the keyword until
 * normalized; these hits (and any invisible character) make the scanner normalize the whole
 * text. Each is [literal lead, regex rest]: the lead joins the keyword trie.
 */
const MARKERS = "[*_~`]+";
const SPLIT_TRIGGERS: Array<[string, string]> = [
  ["x", MARKERS + "ox"],
  ["xo", MARKERS + "x"],
  ["xox", MARKERS + "[a-z]"],
  ["xox", "[a-z]" + MARKERS + "[-.]"],
  ["xap", MARKERS + "p"],
  ["xa", MARKERS + "pp"],
  ["x", MARKERS + "app"],
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\-\/]/g, "\\$&");
}

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
  /** Regex fragments that may follow this node's prefix. */
  raw: string[];
}

function trieNode(): TrieNode {
  return { next: new Map(), end: false, raw: [] };
}

function trieAt(root: TrieNode, prefix: string): TrieNode {
  let n = root;
  for (const ch of prefix) {
    let m = n.next.get(ch);
    if (!m) n.next.set(ch, m = trieNode());
    n = m;
  }
  return n;
}

/**
 * The keywords as one factored regex (`s(?:ecret(?:_key|key)?|k_live_)|…`): every position costs
 * one first-character test instead of one per keyword, and an optional group is greedy, so the
 * hit is the longest keyword at its position (what the wake map is keyed by).
 */
function trieSource(n: TrieNode): string {
  const alts = [...n.next].map(([ch, child]) => escapeRegExp(ch) + trieSource(child));
  alts.push(...n.raw);
  if (alts.length === 0) return "";
  if (alts.length === 1 && !n.end) return alts[0];
  return "(?:" + alts.join("|") + ")" + (n.end ? "?" : "");
}

function compile(rules: readonly Rule[]): Engine {
  const compiled = rules.map((rule): Compiled => {
    const anchored = rule.anchor === "word";
    let flags = rule.pattern.flags.replace(/[gy]/g, "");
    if (!flags.includes("d")) flags += "d";
    return {
      rule,
      re: new RegExp(rule.pattern.source, flags + (anchored ? "y" : "g")),
      probe: new RegExp(rule.pattern.source, flags.replace("d", "") + "y"),
      anchored,
      before: rule.window?.before ?? DEFAULT_BEFORE,
      after: rule.window?.after ?? DEFAULT_AFTER,
      placeholder: { exempt: rule.placeholderExempt ?? [] },
    };
  });
  const keywords = [...new Set(rules.flatMap((r) => r.keywords.map((k) => k.toLowerCase())))]
    .filter((k) => k.length > 0)
    .sort((a, b) => b.length - a.length);
  const wakes = new Map<string, number[]>();
  const exact = new Map<string, Array<string | undefined>>();
  const lowered = compiled.map((c) => c.rule.keywords.map((k) => k.toLowerCase()));
  for (const c of compiled) {
    for (const e of c.rule.exactKeywords ?? []) {
      if (!c.rule.keywords.includes(e.toLowerCase())) {
        throw new Error(`${c.rule.id}: exact keyword ${e} is not one of its keywords`);
      }
    }
  }
  // A keyword wakes every rule with a keyword inside it. Each rule keyword is looked for in all
  // keywords joined (a native search, in rule order, so each list comes out sorted): testing
  // hundreds of keywords against hundreds of rules pairwise took 20 ms of every start.
  const joined = keywords.join("\n");
  const owner = new Int32Array(joined.length);
  for (let j = 0, at = 0; j < keywords.length; at += keywords[j].length + 1, j++) {
    owner.fill(j, at, at + keywords[j].length);
  }
  const woken: number[][] = keywords.map(() => []);
  lowered.forEach((ks, i) => {
    for (const rk of ks) {
      if (rk === "") continue;
      for (let at = joined.indexOf(rk); at !== -1; at = joined.indexOf(rk, at + 1)) {
        const list = woken[owner[at]];
        if (list[list.length - 1] !== i) list.push(i);
      }
    }
  });
  // A rule's exact spelling of each keyword (its first, when two fold to one).
  const exactOf = compiled.map((c) =>
    c.rule.exactKeywords
      ? new Map([...c.rule.exactKeywords].reverse().map((e) => [e.toLowerCase(), e]))
      : null
  );
  keywords.forEach((k, j) => {
    wakes.set(k, woken[j]);
    exact.set(k, woken[j].map((i) => exactOf[i]?.get(k)));
  });
  const root = trieNode();
  for (const k of keywords) trieAt(root, k).end = true;
  for (const [lead, rest] of SPLIT_TRIGGERS) trieAt(root, lead).raw.push(rest);
  // An invisible character is a hit that wakes nothing (so it marks the text as split): one scan
  // finds both. It cannot start or sit inside a keyword, so the keyword hits are unchanged.
  const prefilter = new RegExp(`${trieSource(root)}|[${INVISIBLE_CLASS}]`, "gi");
  return { rules: compiled, prefilter, wakes, exact };
}

const engines = new Map<string, Engine>();
let enginesFor: readonly Rule[] | null = null;

export function engineFor(selected?: string[]): Engine {
  if (enginesFor !== RULES) {
    engines.clear();
    enginesFor = RULES;
  }
  const key = selected ? [...selected].sort().join(",") : "*";
  let e = engines.get(key);
  if (!e) {
    const chosen = selected ? RULES.filter((r) => selected.includes(r.id)) : RULES;
    e = compile(chosen);
    engines.set(key, e);
  }
  return e;
}
