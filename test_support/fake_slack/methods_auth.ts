// auth.test and auth.revoke: the two calls verification and revocation stand on.
import type { MethodSpec } from "./method_types.ts";
import { bool } from "./method_types.ts";

export const authMethods: Record<string, MethodSpec> = {
  "auth.test": {
    kinds: ["bot", "user"],
    handler({ state, token }) {
      const user = state.users.get(token.user_id);
      const reply: Record<string, unknown> = {
        url: `https://${state.team.domain}.slack.com/`,
        team: state.team.id === token.team_id ? state.team.name : token.team_id,
        user: user?.name ?? token.user_id,
        team_id: token.team_id,
        user_id: token.user_id,
        is_enterprise_install: false,
      };
      if (token.kind === "bot") {
        reply.bot_id = token.bot_id;
        if (token.app_id) reply.app_id = token.app_id;
      }
      if (token.enterprise_id) reply.enterprise_id = token.enterprise_id;
      return reply;
    },
  },
  "auth.revoke": {
    kinds: ["bot", "user"],
    handler({ args, token }) {
      if (bool(args, "test")) return { revoked: false };
      token.revoked = true;
      return { revoked: true };
    },
  },
};
