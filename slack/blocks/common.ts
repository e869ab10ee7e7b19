// Small pieces the Token Guard messages share: family names, the verification line, dates.

/** What chat.postMessage / chat.update / chat.postEphemeral take: fallback text and blocks. */
export interface MessageBlocks {
  text: string;
  blocks: Record<string, unknown>[];
}

const FAMILY_LABELS: Record<string, string> = {
  "slack": "Slack credential",
  "github": "GitHub token",
  "google": "Google credential",
  "aws": "AWS access key",
  "private-key": "Private key",
  "stripe": "Stripe key",
  "openai": "OpenAI API key",
  "anthropic": "Anthropic API key",
  "npm": "npm token",
  "jwt": "JSON Web Token",
  "gitlab": "GitLab token",
  "huggingface": "Hugging Face token",
  "groq": "Groq API key",
  "replicate": "Replicate API token",
  "xai": "xAI API key",
  "perplexity": "Perplexity API key",
  "openrouter": "OpenRouter API key",
  "langchain": "LangSmith API key",
  "digitalocean": "DigitalOcean token",
  "hashicorp": "HashiCorp token",
  "flyio": "Fly.io token",
  "heroku": "Heroku API key",
  "doppler": "Doppler token",
  "pulumi": "Pulumi access token",
  "okta": "Okta API token",
  "azure": "Azure secret",
  "supabase": "Supabase key",
  "planetscale": "PlanetScale token",
  "render": "Render API key",
  "tailscale": "Tailscale key",
  "dynatrace": "Dynatrace token",
  "newrelic": "New Relic API key",
  "1password": "1Password service account token",
  "docker": "Docker Hub token",
  "sendgrid": "SendGrid API key",
  "mailgun": "Mailgun API key",
  "shopify": "Shopify token",
  "square": "Square credential",
  "postman": "Postman API key",
  "atlassian": "Atlassian token",
  "linear": "Linear API key",
  "sentry": "Sentry credential",
  "grafana": "Grafana token",
  "notion": "Notion token",
  "figma": "Figma token",
  "contentful": "Contentful token",
  "mapbox": "Mapbox secret token",
  "circleci": "CircleCI token",
  "discord": "Discord webhook",
  "microsoft": "Microsoft Teams webhook",
  "telegram": "Telegram bot token",
  "rubygems": "RubyGems API key",
  "alibaba": "Alibaba Cloud key",
  "mailchimp": "Mailchimp API key",
  "twilio": "Twilio credential",
  "generic": "Secret",
};

export function familyLabel(family: string): string {
  return FAMILY_LABELS[family] ?? family;
}

export interface VerificationView {
  state: "live" | "dead" | "unknown";
  reason: string;
}

export function verificationLine(v: VerificationView): string {
  switch (v.state) {
    case "live":
      return `:red_circle: *It works right now.* ${v.reason}`;
    case "dead":
      return `:white_circle: *It no longer works.* ${v.reason}`;
    default:
      return `:grey_question: *Could not check whether it works;* treat it as live. ${v.reason}`;
  }
}

/** A date Slack renders in each reader's own time zone, with a plain fallback. */
export function slackDate(epochSeconds: number): string {
  const s = Math.floor(epochSeconds);
  const iso = new Date(s * 1000).toISOString().replace(".000Z", "Z");
  return `<!date^${s}^{date_short_pretty} at {time}|${iso}>`;
}

/** Slack message timestamps ("1700000000.000100") as epoch seconds. */
export function tsSeconds(ts: string): number {
  return Math.floor(Number(ts.split(".")[0]));
}
