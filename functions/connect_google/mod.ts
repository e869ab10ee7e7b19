import { SlackFunction } from "deno-slack-sdk/mod.ts";
import { ConnectGoogleFunction } from "./definition.ts";
import { connectAccount, connectedSentence } from "../../providers/accounts.ts";
import { externalDepsFor } from "../../providers/external_deps.ts";
import { sentenceFor } from "../../providers/errors.ts";
import { tellPerson } from "../../slack/tell_person.ts";

export default SlackFunction(ConnectGoogleFunction, async ({ inputs, client, env }) => {
  const deps = externalDepsFor({ client, env });
  const who = { user_id: inputs.user_id, channel_id: inputs.channel_id };
  try {
    const c = await connectAccount(deps, {
      provider: "google",
      userId: inputs.user_id,
      tokenId: inputs.google_access_token_id,
      source: "END_USER",
    });
    await tellPerson(client, { ...who, text: connectedSentence("google", c.account) }, deps.budget);
    return { outputs: { account: c.account } };
  } catch (e) {
    const { sentence, expected } = sentenceFor(e);
    if (!expected) console.error("connect_google failed:", e instanceof Error ? e.name : typeof e);
    await tellPerson(client, { ...who, text: sentence }, deps.budget);
    return { error: sentence };
  }
});
