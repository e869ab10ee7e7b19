// apps.datastore.*, as deno-slack-api's typed methods send them (datastore, item, id/ids, items,
// expression*, limit, cursor). Items live in state.datastores keyed by their primary key.
import {
  type Args,
  type Ctx,
  fail,
  json,
  type MethodSpec,
  need,
  pageByOffset,
  str,
} from "./method_types.ts";
import { compileQuery, QueryError } from "./datastore_query.ts";

type Item = Record<string, unknown>;

function datastoreError(message: string, pointer = "/item"): never {
  fail("datastore_error", { errors: [{ code: "invalid_request", message, pointer }] });
}

function store(ctx: Ctx): { name: string; key: string; items: Map<string, Item> } {
  const name = need(ctx.args, "datastore");
  let items = ctx.state.datastores.get(name);
  if (!items) ctx.state.datastores.set(name, items = new Map());
  return { name, key: ctx.state.datastoreKeys.get(name) ?? "id", items };
}

function itemArg(ctx: Ctx, key: string, field = "item"): { id: string; item: Item } {
  const item = json<Item>(ctx.args, field);
  if (!item || typeof item !== "object" || Array.isArray(item)) {
    datastoreError(`${field} is required`);
  }
  const id = item[key];
  if (id === undefined || id === null || id === "") {
    datastoreError(`the primary key "${key}" is missing`, `/${field}/${key}`);
  }
  return { id: String(id), item: structuredClone(item) };
}

function ids(args: Args): string[] {
  const v = json<unknown[]>(args, "ids");
  if (!Array.isArray(v) || v.length === 0) fail("invalid_arguments", { detail: "ids is required" });
  return v.map(String);
}

function matching(ctx: Ctx, items: Map<string, Item>): Item[] {
  try {
    const pred = compileQuery(
      str(ctx.args, "expression"),
      json<Record<string, string>>(ctx.args, "expression_attributes") ?? {},
      json<Record<string, unknown>>(ctx.args, "expression_values") ?? {},
    );
    return [...items.values()].filter(pred);
  } catch (e) {
    if (e instanceof QueryError) datastoreError(e.message, "/expression");
    throw e;
  }
}

export const datastoreMethods: Record<string, MethodSpec> = {
  "apps.datastore.put": {
    scope: "datastore:write",
    handler(ctx) {
      const s = store(ctx);
      const { id, item } = itemArg(ctx, s.key);
      s.items.set(id, item);
      return { datastore: s.name, item };
    },
  },
  "apps.datastore.update": {
    scope: "datastore:write",
    handler(ctx) {
      const s = store(ctx);
      const { id, item } = itemArg(ctx, s.key);
      const merged = { ...(s.items.get(id) ?? {}), ...item };
      s.items.set(id, merged);
      return { datastore: s.name, item: merged };
    },
  },
  "apps.datastore.get": {
    scope: "datastore:read",
    handler(ctx) {
      const s = store(ctx);
      const item = s.items.get(need(ctx.args, "id"));
      // Slack answers a missing key with ok and an empty item.
      return { datastore: s.name, item: item ? structuredClone(item) : {} };
    },
  },
  "apps.datastore.delete": {
    scope: "datastore:write",
    handler(ctx) {
      const s = store(ctx);
      s.items.delete(need(ctx.args, "id"));
      return { datastore: s.name };
    },
  },
  "apps.datastore.query": {
    scope: "datastore:read",
    handler(ctx) {
      const s = store(ctx);
      const all = matching(ctx, s.items);
      const max = ctx.state.limits.datastoreMaxLimit;
      const { page, next_cursor } = pageByOffset(all, ctx.args, "ds", 100, max);
      return {
        datastore: s.name,
        items: page.map((i) => structuredClone(i)),
        response_metadata: { next_cursor },
      };
    },
  },
  "apps.datastore.count": {
    scope: "datastore:read",
    handler(ctx) {
      const s = store(ctx);
      return { datastore: s.name, count: matching(ctx, s.items).length };
    },
  },
  "apps.datastore.bulkGet": {
    scope: "datastore:read",
    handler(ctx) {
      const s = store(ctx);
      const items: Item[] = [];
      for (const id of ids(ctx.args)) {
        const it = s.items.get(id);
        if (it) items.push(structuredClone(it));
      }
      return { datastore: s.name, items, failed_items: [] };
    },
  },
  "apps.datastore.bulkPut": {
    scope: "datastore:write",
    handler(ctx) {
      const s = store(ctx);
      const items = json<Item[]>(ctx.args, "items");
      if (!Array.isArray(items) || items.length === 0) {
        datastoreError("items is required", "/items");
      }
      const failed: Item[] = [];
      for (const item of items) {
        const id = item?.[s.key];
        if (id === undefined || id === null || id === "") failed.push(item);
        else s.items.set(String(id), structuredClone(item));
      }
      return { datastore: s.name, failed_items: failed };
    },
  },
  "apps.datastore.bulkDelete": {
    scope: "datastore:write",
    handler(ctx) {
      const s = store(ctx);
      for (const id of ids(ctx.args)) s.items.delete(id);
      return { datastore: s.name, failed_items: [] };
    },
  },
};
