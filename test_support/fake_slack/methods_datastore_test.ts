import { assertEquals } from "@std/assert";
import { SlackAPI } from "deno-slack-sdk/mod.ts";
import { withFakeSlack } from "./mod.ts";
import { fakeSlackToken } from "../fake_tokens.ts";

const api = (url: string, token: string) => SlackAPI(token, { slackApiUrl: url });

withFakeSlack("datastore: put, get, update, delete", async (fake) => {
  const c = api(fake.url, fake.botToken);
  const put = await c.apps.datastore.put({
    datastore: "settings",
    item: { id: "guard", policy: "alert", revokers: ["U1"] },
  });
  assertEquals(put.ok, true);
  assertEquals(put.item, { id: "guard", policy: "alert", revokers: ["U1"] });
  const got = await c.apps.datastore.get({ datastore: "settings", id: "guard" });
  assertEquals(got.item.revokers, ["U1"]);
  const up = await c.apps.datastore.update({
    datastore: "settings",
    item: { id: "guard", policy: "auto-revoke" },
  });
  assertEquals(up.item, { id: "guard", policy: "auto-revoke", revokers: ["U1"] });
  assertEquals((await c.apps.datastore.delete({ datastore: "settings", id: "guard" })).ok, true);
  const gone = await c.apps.datastore.get({ datastore: "settings", id: "guard" });
  assertEquals([gone.ok, gone.item], [true, {}]);
  const bad = await c.apps.datastore.put({ datastore: "settings", item: { policy: "x" } });
  assertEquals(bad.error, "datastore_error");
});

withFakeSlack("datastore: a declared primary key", async (fake) => {
  const c = api(fake.url, fake.botToken);
  await c.apps.datastore.put({ datastore: "findings", item: { fingerprint: "f1", state: "open" } });
  const got = await c.apps.datastore.get({ datastore: "findings", id: "f1" });
  assertEquals(got.item.state, "open");
  assertEquals(fake.state.datastores.get("findings")?.has("f1"), true);
}, { datastores: { findings: "fingerprint" } });

withFakeSlack("datastore: bulkPut, bulkGet, bulkDelete", async (fake) => {
  const c = api(fake.url, fake.botToken);
  const put = await c.apps.datastore.bulkPut({
    datastore: "d",
    items: [{ id: "1", v: 1 }, { id: "2", v: 2 }, { v: 3 }],
  });
  assertEquals(put.failed_items, [{ v: 3 }]);
  const got = await c.apps.datastore.bulkGet({ datastore: "d", ids: ["1", "2", "9"] });
  assertEquals(got.items.map((i) => String(i.id)), ["1", "2"]);
  assertEquals((await c.apps.datastore.bulkDelete({ datastore: "d", ids: ["1"] })).ok, true);
  assertEquals([...fake.state.datastores.get("d")!.keys()], ["2"]);
});

withFakeSlack("datastore: query with expressions, count, limit and cursor paging", async (fake) => {
  const c = api(fake.url, fake.botToken);
  for (let i = 0; i < 12; i++) {
    await c.apps.datastore.put({
      datastore: "findings",
      item: { id: `f${i}`, state: i % 3 === 0 ? "revoked" : "open", n: i, rule: `slack-${i % 2}` },
    });
  }
  const q = {
    datastore: "findings",
    expression: "#s = :s AND (#n >= :lo OR begins_with(#r, :p))",
    expression_attributes: { "#s": "state", "#n": "n", "#r": "rule" },
    expression_values: { ":s": "open", ":lo": 8, ":p": "slack-1" },
  };
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const r = await c.apps.datastore.query({ ...q, limit: 2, cursor });
    assertEquals(r.ok, true);
    pages++;
    ids.push(...r.items.map((i) => String(i.id)));
    cursor = r.response_metadata?.next_cursor || undefined;
  } while (cursor);
  assertEquals(ids, ["f1", "f5", "f7", "f8", "f10", "f11"]);
  assertEquals(pages, 3);
  const count = await c.apps.datastore.count(q);
  assertEquals(count.count, 6);
  const all = await c.apps.datastore.query({ datastore: "findings" });
  assertEquals(all.items.length, 12);
  const bad = await c.apps.datastore.query({
    datastore: "findings",
    expression: "#s = :nope",
    expression_attributes: { "#s": "state" },
    expression_values: {},
  });
  assertEquals(bad.error, "datastore_error");
  const badCursor = await c.apps.datastore.query({ datastore: "findings", cursor: "zzz" });
  assertEquals(badCursor.error, "invalid_cursor");
});

withFakeSlack("datastore: scopes are checked per direction", async (fake) => {
  const readOnly = fakeSlackToken("xoxb");
  fake.addToken({ token: readOnly, kind: "bot", scopes: ["datastore:read"] });
  const c = api(fake.url, readOnly);
  assertEquals((await c.apps.datastore.query({ datastore: "d" })).ok, true);
  const w = await c.apps.datastore.put({ datastore: "d", item: { id: "1" } });
  assertEquals([w.error, w.needed], ["missing_scope", "datastore:write"]);
});
