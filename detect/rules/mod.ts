// Every rule, in the order the scanner tries them (more specific families first, generic last).
import type { Rule } from "../types.ts";
import { rules as slack } from "./slack.ts";
import { rules as slackProse } from "./slack_prose.ts";
import { rules as github } from "./github.ts";
import { rules as google } from "./google.ts";
import { rules as aws } from "./aws.ts";
import { rules as privateKey } from "./private_key.ts";
import { rules as stripe } from "./stripe.ts";
import { rules as ai } from "./ai.ts";
import { rules as npm } from "./npm.ts";
import { rules as jwt } from "./jwt.ts";
import { rules as pypi } from "./pypi.ts";
import { rules as gitlab } from "./gitlab.ts";
import { rules as aiVendors } from "./ai_vendors.ts";
import { rules as cloud } from "./cloud.ts";
import { rules as saas } from "./saas.ts";
import { rules as vendorPrefixes } from "./vendor_prefixes.ts";
import { rules as chatWebhooks } from "./chat_webhooks.ts";
import { rules as age } from "./age.ts";
import { rules as vendorShapes } from "./vendor_shapes.ts";
import { rules as encoded } from "./encoded.ts";
import { rules as azureSas } from "./azure_sas.ts";
import { rules as okta } from "./okta.ts";
import { rules as sessionCookie } from "./session_cookie.ts";
import { rules as generic } from "./generic.ts";
import { rules as genericStructured } from "./generic_structured.ts";
import { rules as genericCode } from "./generic_code.ts";
import { rules as genericOutput } from "./generic_output.ts";
import { rules as genericCommand } from "./generic_command.ts";
import { rules as genericSentence } from "./generic_sentence.ts";
import { rules as genericTable } from "./generic_table.ts";
import { rules as genericDelimited } from "./generic_delimited.ts";
import { rules as genericLoginPair } from "./generic_login_pair.ts";
import { rules as genericReset } from "./generic_reset.ts";
import { rules as genericPassphrase } from "./generic_passphrase.ts";

export const RULES: readonly Rule[] = [
  ...slack,
  ...slackProse,
  ...github,
  ...google,
  ...aws,
  ...privateKey,
  ...stripe,
  ...ai,
  ...npm,
  ...jwt,
  ...pypi,
  ...gitlab,
  ...aiVendors,
  ...cloud,
  ...saas,
  ...vendorPrefixes,
  ...chatWebhooks,
  ...age,
  ...vendorShapes,
  ...encoded,
  ...azureSas,
  ...okta,
  ...sessionCookie,
  ...generic,
  ...genericStructured,
  ...genericCode,
  ...genericOutput,
  ...genericCommand,
  ...genericSentence,
  ...genericTable,
  ...genericDelimited,
  ...genericLoginPair,
  ...genericReset,
  ...genericPassphrase,
];
