import { DefineFunction, SlackFunction, SlackAPI } from "deno-slack-sdk/mod.ts";
import { TriggerTypes } from "deno-slack-api/mod.ts";
import type { Trigger } from "deno-slack-api/types.ts";
import { assertEquals } from "@std/assert";
Deno.test("proof", () => { assertEquals(typeof SlackAPI, "function"); assertEquals(TriggerTypes.Shortcut, "shortcut"); const t: Trigger | null = null; void t; void DefineFunction; void SlackFunction; });
