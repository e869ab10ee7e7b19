// Platform calls: function completion, external (OAuth2) tokens, and Socket Mode connections.
import { bool, fail, json, type MethodSpec, need, str } from "./method_types.ts";
import { fakeAlnum, fakeHex } from "../fake_tokens.ts";

export const platformMethods: Record<string, MethodSpec> = {
  "functions.completeSuccess": {
    handler({ state, args }) {
      const outputs = json<Record<string, unknown>>(args, "outputs") ?? {};
      state.completions.push({
        function_execution_id: need(args, "function_execution_id"),
        kind: "success",
        outputs,
        at: Date.now(),
      });
      return {};
    },
  },
  "functions.completeError": {
    handler({ state, args }) {
      state.completions.push({
        function_execution_id: need(args, "function_execution_id"),
        kind: "error",
        error: need(args, "error"),
        at: Date.now(),
      });
      return {};
    },
  },
  "apps.auth.external.get": {
    handler({ state, args }) {
      const ext = state.externalTokens.get(need(args, "external_token_id"));
      if (!ext) fail("token_not_found");
      if (ext.error) fail(ext.error);
      if (bool(args, "force_refresh")) {
        if (ext.refreshable === false) fail("no_refresh_token");
        ext.token = `${ext.provider_key}-access-${fakeAlnum(32)}`;
        ext.expired = false;
        ext.refreshes += 1;
      }
      return { external_token: ext.token };
    },
  },
  "apps.auth.external.delete": {
    handler({ state, args }) {
      if (!state.externalTokens.delete(need(args, "external_token_id"))) fail("token_not_found");
      return {};
    },
  },
  "apps.connections.open": {
    kinds: ["app"],
    scope: "connections:write",
    handler({ args }) {
      const ticket = fakeHex(36, str(args, "ticket_seed"));
      return { url: `wss://wss-primary.slack.com/link/?ticket=${ticket}&app_id=fake` };
    },
  },
};
