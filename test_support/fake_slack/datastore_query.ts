// DynamoDB-style filter expressions, as apps.datastore.query and count accept them:
// comparisons (= <> < <= > >=), BETWEEN … AND …, IN (…), AND / OR / NOT, parentheses, and the
// functions begins_with, contains, attribute_exists, attribute_not_exists. Names come in as
// `#placeholders` (expression_attributes, dotted for nested maps) and values as `:placeholders`
// (expression_values). Pure: no Slack, no I/O.

export class QueryError extends Error {
  override name = "QueryError";
}

type Item = Record<string, unknown>;
type Operand = (item: Item) => unknown;
export type Predicate = (item: Item) => boolean;

interface Tok {
  kind: "name" | "value" | "word" | "op" | "(" | ")" | ",";
  text: string;
}

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  const re =
    /\s*(?:(#[A-Za-z0-9_]+(?:\.#[A-Za-z0-9_]+)*)|(:[A-Za-z0-9_]+)|(<>|<=|>=|=|<|>)|([(),])|([A-Za-z_][A-Za-z0-9_]*))/y;
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) throw new QueryError(`cannot read the expression near "${src.slice(i, i + 12)}"`);
    i = re.lastIndex;
    if (m[1]) toks.push({ kind: "name", text: m[1] });
    else if (m[2]) toks.push({ kind: "value", text: m[2] });
    else if (m[3]) toks.push({ kind: "op", text: m[3] });
    else if (m[4]) toks.push({ kind: m[4] as "(" | ")" | ",", text: m[4] });
    else toks.push({ kind: "word", text: m[5] });
  }
  return toks;
}

function sameType(a: unknown, b: unknown): boolean {
  return typeof a === typeof b && a !== undefined && a !== null && b !== null;
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (op === "=") return sameType(a, b) && JSON.stringify(a) === JSON.stringify(b);
  if (op === "<>") return !(sameType(a, b) && JSON.stringify(a) === JSON.stringify(b));
  if (!sameType(a, b) || (typeof a !== "number" && typeof a !== "string")) return false;
  const x = a as number | string;
  const y = b as number | string;
  switch (op) {
    case "<":
      return x < y;
    case "<=":
      return x <= y;
    case ">":
      return x > y;
    case ">=":
      return x >= y;
  }
  return false;
}

/**
 * Compiles `expression` into a predicate over items. An empty expression matches everything.
 * Throws QueryError for syntax errors and for placeholders missing from the maps.
 */
export function compileQuery(
  expression: string | undefined,
  attributes: Record<string, string> = {},
  values: Record<string, unknown> = {},
): Predicate {
  if (!expression || !expression.trim()) return () => true;
  const toks = tokenize(expression);
  let pos = 0;
  const peek = () => toks[pos];
  const isWord = (w: string) => peek()?.kind === "word" && peek().text.toUpperCase() === w;
  const expect = (kind: Tok["kind"], text?: string) => {
    const t = toks[pos];
    if (!t || t.kind !== kind || (text && t.text.toUpperCase() !== text)) {
      throw new QueryError(`expected ${text ?? kind} at token ${pos + 1}`);
    }
    pos++;
    return t;
  };

  const operand = (): Operand => {
    const t = toks[pos++];
    if (!t) throw new QueryError("the expression ends too early");
    if (t.kind === "name") {
      const path = t.text.split(".").map((p) => {
        const real = attributes[p];
        if (real === undefined) throw new QueryError(`${p} is not in expression_attributes`);
        return real;
      });
      return (item) => {
        let v: unknown = item;
        for (const p of path) v = (v as Item | undefined)?.[p];
        return v;
      };
    }
    if (t.kind === "value") {
      if (!(t.text in values)) throw new QueryError(`${t.text} is not in expression_values`);
      const v = values[t.text];
      return () => v;
    }
    throw new QueryError(`expected an attribute or a value, got "${t.text}"`);
  };

  const fn = (): Predicate => {
    const name = toks[pos++].text.toLowerCase();
    expect("(");
    const a = operand();
    let b: Operand | undefined;
    if (peek()?.kind === ",") {
      pos++;
      b = operand();
    }
    expect(")");
    switch (name) {
      case "begins_with":
        if (!b) throw new QueryError("begins_with needs two arguments");
        return (it) => {
          const x = a(it);
          const y = b!(it);
          return typeof x === "string" && typeof y === "string" && x.startsWith(y);
        };
      case "contains":
        if (!b) throw new QueryError("contains needs two arguments");
        return (it) => {
          const x = a(it);
          const y = b!(it);
          if (typeof x === "string") return typeof y === "string" && x.includes(y);
          if (Array.isArray(x)) return x.some((e) => JSON.stringify(e) === JSON.stringify(y));
          return false;
        };
      case "attribute_exists":
        return (it) => a(it) !== undefined;
      case "attribute_not_exists":
        return (it) => a(it) === undefined;
    }
    throw new QueryError(`unknown function ${name}`);
  };

  const primary = (): Predicate => {
    const t = peek();
    if (!t) throw new QueryError("the expression ends too early");
    if (t.kind === "(") {
      pos++;
      const inner = or();
      expect(")");
      return inner;
    }
    if (t.kind === "word" && toks[pos + 1]?.kind === "(") return fn();
    const left = operand();
    if (isWord("BETWEEN")) {
      pos++;
      const lo = operand();
      expect("word", "AND");
      const hi = operand();
      return (it) => compare(">=", left(it), lo(it)) && compare("<=", left(it), hi(it));
    }
    if (isWord("IN")) {
      pos++;
      expect("(");
      const opts = [operand()];
      while (peek()?.kind === ",") {
        pos++;
        opts.push(operand());
      }
      expect(")");
      return (it) => opts.some((o) => compare("=", left(it), o(it)));
    }
    const op = expect("op").text;
    const right = operand();
    return (it) => compare(op, left(it), right(it));
  };

  const not = (): Predicate => {
    if (isWord("NOT")) {
      pos++;
      const inner = not();
      return (it) => !inner(it);
    }
    return primary();
  };

  const and = (): Predicate => {
    let p = not();
    while (isWord("AND")) {
      pos++;
      const l = p;
      const r = not();
      p = (it) => l(it) && r(it);
    }
    return p;
  };

  const or = (): Predicate => {
    let p = and();
    while (isWord("OR")) {
      pos++;
      const l = p;
      const r = and();
      p = (it) => l(it) || r(it);
    }
    return p;
  };

  const result = or();
  if (pos !== toks.length) throw new QueryError(`unexpected "${toks[pos].text}"`);
  return result;
}
