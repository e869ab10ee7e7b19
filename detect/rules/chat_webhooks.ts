// Other chat platforms' bot credentials that get pasted next to Slack's: Discord webhook URLs,
// Microsoft Teams incoming webhooks (Office 365 connectors and the Power Automate "Workflows"
// URLs that replace them, whose `sig=` signs every post) and Telegram bot tokens (the bot's
// numeric id, a colon, `AA` and 33 characters). Anyone holding one can post as the bot.
import type { Rule } from "../types.ts";
import { randomString } from "../entropy.ts";
import { b62, b64url, hex, prefixedTokenRule, UUID, uuid } from "./prefixed_token.ts";

const DIGITS = "0123456789";
const HTTPS = ["https", "://"].join("");

export const rules: Rule[] = [
  prefixedTokenRule({
    id: "discord-webhook-url",
    family: "discord",
    description: "Discord webhook URL (discord.com/api/webhooks/…)",
    lead: `${HTTPS.replace(/[/.]/g, "\\$&")}(?:ptb\\.|canary\\.)?`,
    prefixes: ["discord.com/api/webhooks/", "discordapp.com/api/webhooks/"],
    keywords: ["hooks/"],
    body: "[0-9]{17,20}/[A-Za-z0-9_-]{60,68}",
    classes: "mixed-case",
    seed: 12601,
    sample: (rand) => ({
      lead: HTTPS,
      body: "1" + randomString(DIGITS, 18, rand) + "/" + b64url(67, rand) + b62(1, rand),
    }),
  }),
  prefixedTokenRule({
    id: "teams-webhook-url",
    family: "microsoft",
    description: "Microsoft Teams incoming webhook URL (….webhook.office.com/webhookb2/…)",
    lead: `${HTTPS.replace(/[/.]/g, "\\$&")}(?:[a-z0-9-]{1,60}\\.)?`,
    prefixes: ["webhook.office.com/webhookb2/", "outlook.office.com/webhook/"],
    keywords: ["hookb2/", "hook/"],
    body: `${UUID}@${UUID}/IncomingWebhook/[0-9a-f]{32}/${UUID}(?:/[A-Za-z0-9_-]{40,60})?`,
    classes: "hex",
    seed: 12611,
    sample: (rand) => ({
      lead: HTTPS + "contoso.",
      body: `${uuid(rand)}@${uuid(rand)}/IncomingWebhook/${hex(32, rand)}/${uuid(rand)}/V2` +
        b64url(43, rand),
    }),
  }),
  prefixedTokenRule({
    id: "power-automate-webhook-url",
    family: "microsoft",
    description: "Power Automate / Teams Workflows webhook URL, signed (logic.azure.com … sig=)",
    lead: `${HTTPS.replace(/[/.]/g, "\\$&")}[a-z0-9-]{1,30}\\.[a-z0-9]{2,30}\\.`,
    prefixes: ["logic.azure.com"],
    keywords: ["c.azure.com"],
    body:
      "(?::443)?/workflows/[0-9a-f]{32}/triggers/[A-Za-z0-9_]{1,40}/paths/invoke\\?api-version=[0-9-]{10}&(?:amp;)?sp=[A-Za-z0-9%]{1,60}&(?:amp;)?sv=[0-9.]{1,5}&(?:amp;)?sig=[A-Za-z0-9_-]{43}",
    classes: "mixed-case",
    seed: 12621,
    sample: (rand) => ({
      lead: HTTPS + "prod-27.westus.",
      body: `:443/workflows/${hex(32, rand)}/triggers/manual/paths/invoke?api-version=2016-06-01` +
        `&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${b64url(42, rand)}${b62(1, rand)}`,
    }),
  }),
  prefixedTokenRule({
    id: "telegram-bot-token",
    family: "telegram",
    description: "Telegram bot token (bot id:AA…)",
    lead: "[0-9]{8,10}",
    // The Bot API's URLs carry the token right after `bot`: api.telegram.org/bot<token>/getMe.
    after: "/bot",
    prefixes: [":AA"],
    exact: true,
    body: "[A-Za-z0-9_-]{33}",
    classes: "mixed-case",
    seed: 12631,
    sample: (rand) => ({
      lead: "7" + randomString(DIGITS, 9, rand),
      body: b64url(32, rand) + b62(1, rand),
    }),
  }),
];
