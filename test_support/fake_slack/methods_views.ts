// views.open / views.update: modals opened from a function's interactivity pointer. Slack checks
// the pointer (trigger_id or interactivity_pointer) and the view's shape; the fake checks the
// same basics and keeps nothing but the call record (fake.callsTo("views.open")).
import { type Ctx, fail, json, type MethodSpec, str } from "./method_types.ts";
import { nextId } from "./state.ts";

function view(ctx: Ctx): Record<string, unknown> {
  const v = json<Record<string, unknown>>(ctx.args, "view");
  if (!v || typeof v !== "object" || Array.isArray(v)) fail("invalid_arguments");
  if (v.type !== "modal") fail("invalid_arguments", { detail: "view.type must be modal" });
  const blocks = v.blocks;
  if (!Array.isArray(blocks) || blocks.length > 100) fail("invalid_blocks");
  return v;
}

export const viewMethods: Record<string, MethodSpec> = {
  "views.open": {
    handler(ctx) {
      if (!str(ctx.args, "trigger_id") && !str(ctx.args, "interactivity_pointer")) {
        fail("invalid_arguments", { detail: "trigger_id or interactivity_pointer is required" });
      }
      const v = view(ctx);
      return { view: { id: nextId(ctx.state, "V"), team_id: ctx.state.team.id, ...v } };
    },
  },
  "views.update": {
    handler(ctx) {
      const id = str(ctx.args, "view_id") ?? str(ctx.args, "external_id");
      if (!id) fail("invalid_arguments", { detail: "view_id or external_id is required" });
      return { view: { id, team_id: ctx.state.team.id, ...view(ctx) } };
    },
  },
};
