// Set up Token Guard. Why a modal of our own (views.open + a view_submission handler) rather than
// the built-in OpenForm step: the form must be prefilled from the stored settings (editing is
// the common case), non-admins must be refused before they fill anything in, bad input (a user
// group id, too many channels) is shown under the field instead of failing the workflow, and the
// answer (a coverage table) replaces the form in place.
//
// Flow: the function checks the clicker, opens the modal and stays open (`completed: false`);
// the submission handler re-checks, saves (slack functions' 10 s handler budget) and completes
// the function; closing the modal completes it too.
import { SlackFunction } from "deno-slack-sdk/mod.ts";
import { SetupGuardFunction } from "./definition.ts";
import { Budget } from "../../slack/budget.ts";
import { slackCall } from "../../slack/client.ts";
import { loadSettings } from "../../slack/settings_store.ts";
import { tellPerson } from "../../slack/tell_person.ts";
import { parseSetupForm, SETUP_VIEW, setupView, validateSetupForm } from "./view.ts";
import { coverageMessage, maySetUp, saveSetup } from "./apply.ts";

function messageView(title: string, blocks: Record<string, unknown>[]) {
  return {
    type: "modal",
    callback_id: `${SETUP_VIEW}_done`,
    title: { type: "plain_text", text: title },
    close: { type: "plain_text", text: "Done" },
    blocks,
  };
}

function metadata(raw: unknown): { channel_id?: string } {
  try {
    const v = JSON.parse(String(raw ?? ""));
    return typeof v === "object" && v ? v : {};
  } catch {
    return {};
  }
}

export default SlackFunction(SetupGuardFunction, async ({ inputs, client, env }) => {
  const budget = Budget.forFunction();
  const call = slackCall(client, budget);
  let settings;
  try {
    settings = await loadSettings(call, env);
  } catch (e) {
    return {
      error: `Token Guard could not read its settings: ${e instanceof Error ? e.message : e}`,
    };
  }
  const perm = await maySetUp(call, inputs.user_id, settings);
  if (!perm.allowed) {
    const text = perm.reason!;
    await tellPerson(
      client,
      { user_id: inputs.user_id, channel_id: inputs.channel_id, text },
      budget,
    );
    return { outputs: { saved: false, summary: text } };
  }
  const view = setupView(settings, {
    digestEnabled: Boolean(settings.digest_trigger_id),
    privateMetadata: JSON.stringify({ channel_id: inputs.channel_id ?? "" }),
    viewerId: inputs.user_id,
  });
  const r = await call("views.open", {
    interactivity_pointer: inputs.interactivity.interactivity_pointer,
    view,
  });
  if (r.ok === false) {
    return {
      error:
        `The setup form could not be opened (${r.error}). Click the link again: Slack allows only a few seconds between the click and the form.`,
    };
  }
  return { completed: false };
})
  .addViewSubmissionHandler(SETUP_VIEW, async ({ view, body, client, env }) => {
    const budget = Budget.forHandler();
    const call = slackCall(client, budget);
    const userId: string = body.user.id;
    const executionId: string | undefined = body.function_data?.execution_id;
    const complete = (saved: boolean, summary: string) =>
      executionId
        ? call("functions.completeSuccess", {
          function_execution_id: executionId,
          outputs: { saved, summary },
        })
        : Promise.resolve({});

    const form = parseSetupForm(view.state?.values ?? {});
    const errors = validateSetupForm(form);
    if (form.revokerUsergroupId && !errors.revoker_usergroup) {
      const g = await call("usergroups.users.list", { usergroup: form.revokerUsergroupId });
      if (g.ok === false) {
        errors.revoker_usergroup = g.error === "no_such_subteam"
          ? "No user group has that ID in this workspace."
          : `Slack could not check that user group (${g.error}).`;
      }
    }
    if (Object.keys(errors).length) return { response_action: "errors", errors };

    const settings = await loadSettings(call, env);
    const perm = await maySetUp(call, userId, settings);
    if (!perm.allowed) {
      await complete(false, perm.reason!);
      return {
        response_action: "update",
        view: messageView("Not saved", [
          { type: "section", text: { type: "mrkdwn", text: perm.reason! } },
        ]),
      };
    }
    const result = await saveSetup(
      { call, now: () => Math.floor(Date.now() / 1000) },
      settings,
      form,
      userId,
    );
    const message = coverageMessage(result);
    // A copy the admin keeps after closing the modal.
    await tellPerson(client, {
      user_id: userId,
      channel_id: metadata(view.private_metadata).channel_id || undefined,
      ...message,
    }, budget);
    await complete(true, message.text);
    return {
      response_action: "update",
      view: messageView("Token Guard is set up", message.blocks.slice(0, 100)),
    };
  })
  .addViewClosedHandler(SETUP_VIEW, async ({ body, client }) => {
    const executionId: string | undefined = body.function_data?.execution_id;
    if (!executionId) return;
    await slackCall(client, Budget.forHandler())("functions.completeSuccess", {
      function_execution_id: executionId,
      outputs: { saved: false, summary: "Closed without saving." },
    });
  });
