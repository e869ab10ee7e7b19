import { assertEquals, assertThrows } from "@std/assert";
import { compileQuery, QueryError } from "./datastore_query.ts";

const items = [
  { id: "a", state: "open", n: 1, tags: ["slack", "bot"], meta: { team: "T1" } },
  { id: "b", state: "revoked", n: 5, tags: ["github"], meta: { team: "T2" } },
  { id: "c", state: "open", n: 10, note: "prefix-x" },
  { id: "d", state: "resolved", n: 7 },
];

function ids(expr: string, attrs: Record<string, string>, values: Record<string, unknown> = {}) {
  const p = compileQuery(expr, attrs, values);
  return items.filter(p).map((i) => i.id);
}

const A = { "#s": "state", "#n": "n", "#t": "tags", "#m": "meta", "#team": "team", "#o": "note" };

Deno.test("query: comparisons", () => {
  assertEquals(ids("#s = :s", A, { ":s": "open" }), ["a", "c"]);
  assertEquals(ids("#s <> :s", A, { ":s": "open" }), ["b", "d"]);
  assertEquals(ids("#n < :v", A, { ":v": 5 }), ["a"]);
  assertEquals(ids("#n <= :v", A, { ":v": 5 }), ["a", "b"]);
  assertEquals(ids("#n > :v", A, { ":v": 5 }), ["c", "d"]);
  assertEquals(ids("#n >= :v", A, { ":v": 7 }), ["c", "d"]);
  // Types never mix: a string never equals a number.
  assertEquals(ids("#n = :v", A, { ":v": "1" }), []);
});

Deno.test("query: AND, OR, NOT and parentheses with the usual precedence", () => {
  const V = { ":o": "open", ":r": "revoked", ":v": 5 };
  assertEquals(ids("#s = :o AND #n > :v", A, V), ["c"]);
  assertEquals(ids("#s = :r OR #s = :o AND #n > :v", A, V), ["b", "c"]);
  assertEquals(ids("(#s = :r OR #s = :o) AND #n >= :v", A, V), ["b", "c"]);
  assertEquals(ids("NOT #s = :o", A, V), ["b", "d"]);
  assertEquals(ids("#s = :o and #n > :v", A, V), ["c"]);
});

Deno.test("query: BETWEEN, IN and functions", () => {
  assertEquals(ids("#n BETWEEN :lo AND :hi", A, { ":lo": 2, ":hi": 7 }), ["b", "d"]);
  assertEquals(ids("#s IN (:a, :b)", A, { ":a": "revoked", ":b": "resolved" }), ["b", "d"]);
  assertEquals(ids("begins_with(#o, :p)", A, { ":p": "prefix" }), ["c"]);
  assertEquals(ids("contains(#t, :x)", A, { ":x": "bot" }), ["a"]);
  assertEquals(ids("contains(#o, :x)", A, { ":x": "fix-" }), ["c"]);
  assertEquals(ids("attribute_exists(#t)", A), ["a", "b"]);
  assertEquals(ids("attribute_not_exists(#t) AND #n > :v", A, { ":v": 7 }), ["c"]);
  assertEquals(ids("#m.#team = :t", A, { ":t": "T2" }), ["b"]);
});

Deno.test("query: empty expressions match all; errors are QueryErrors", () => {
  assertEquals(items.filter(compileQuery(undefined)).length, 4);
  assertEquals(items.filter(compileQuery("  ")).length, 4);
  assertThrows(() => compileQuery("#x = :v", {}, { ":v": 1 }), QueryError, "#x");
  assertThrows(() => compileQuery("#s = :v", A, {}), QueryError, ":v");
  assertThrows(() => compileQuery("#s = ", A, {}), QueryError);
  assertThrows(() => compileQuery("#s = :v :v", A, { ":v": 1 }), QueryError);
  assertThrows(() => compileQuery("nope(#s)", A, {}), QueryError);
  assertThrows(() => compileQuery("#s ~ :v", A, { ":v": 1 }), QueryError);
});
