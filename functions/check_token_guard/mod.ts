import { SlackFunction } from "deno-slack-sdk/mod.ts";
import { CheckTokenGuardFunction } from "./definition.ts";
import { failedAnswer, healthyAnswer, type Identity } from "./blocks.ts";
import { Budget } from "../../slack/budget.ts";
import { callSlack } from "../../slack/client.ts";
import { tellPerson } from "../../slack/tell_person.ts";
import { BOT_SCOPES } from "../../scopes.ts";
import { checkHealth, healthBlocks } from "../../slack/health.ts";
import { slackCall } from "../../slack/client.ts";
import { loadSettings } from "../../slack/settings_store.ts";

export default SlackFunction(CheckTokenGuardFunction, async ({ inputs, client, env }) => {
  const budget = Budget.forFunction();
  const who = await callSlack<Identity>(client, "auth.test", {}, { budget });
  if (!who.ok) {
    const answer = failedAnswer(who.explanation);
    // With a dead token nothing can be posted either; the error is what the run log shows.
    await tellPerson(client, { ...inputs, text: answer.summary, blocks: answer.blocks }, budget);
    return { error: answer.summary };
  }

  const answer = healthyAnswer({
    identity: who,
    granted: grantedScopes(who),
    wanted: Object.keys(BOT_SCOPES),
  });
  // Is the guard wired up: triggers vs settings, channel membership, scopes, connections.
  const settings = await loadSettings(slackCall(client, budget), env).catch(() => undefined);
  const health = settings
    ? await checkHealth({ client, settings, budget, grantedScopes: grantedScopes(who) })
    : undefined;
  if (health && !health.healthy) {
    answer.healthy = false;
    answer.summary = `${answer.summary} ${health.problems.length} setup problem(s) to fix.`;
  }
  const delivery = await tellPerson(client, {
    ...inputs,
    text: answer.summary,
    blocks: health
      ? [...answer.blocks, { type: "divider" }, ...healthBlocks(health).blocks]
      : answer.blocks,
  }, budget);
  if (!delivery.ok) {
    return {
      error:
        `The check ran (${answer.summary}) but the answer could not be posted: ${delivery.failure.explanation.sentence}`,
    };
  }
  return { outputs: { healthy: answer.healthy, summary: answer.summary } };
});

/** Slack lists a token's scopes in the `x-oauth-scopes` response header of every call. */
function grantedScopes(reply: object): string[] | undefined {
  const toFetch = (reply as { toFetchResponse?: () => Response }).toFetchResponse;
  const header = toFetch?.().headers.get("x-oauth-scopes");
  if (header === undefined || header === null) return undefined;
  return header.split(",").map((s) => s.trim()).filter(Boolean);
}
