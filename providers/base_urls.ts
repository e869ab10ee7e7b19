// Where the provider APIs live. Read from the function's `env` so tests reach loopback fakes;
// deployed, the real hosts (each listed in scopes.ts OUTGOING_DOMAINS with its reason).

export type Env = Record<string, string | undefined>;

export const GOOGLE_API_BASE_URL = "https://openidconnect.googleapis.com";
export const GOOGLE_SHEETS_API_BASE_URL = "https://sheets.googleapis.com";
export const GITHUB_API_BASE_URL = "https://api.github.com";

function pick(env: Env, name: string, fallback: string): string {
  const v = env[name]?.trim();
  return v ? v.replace(/\/+$/, "") : fallback;
}

/** Google identity (OpenID userinfo). */
export const googleApiBase = (env: Env) => pick(env, "GOOGLE_API_BASE_URL", GOOGLE_API_BASE_URL);
/** Google Sheets API v4. */
export const sheetsApiBase = (env: Env) =>
  pick(env, "GOOGLE_SHEETS_API_BASE_URL", GOOGLE_SHEETS_API_BASE_URL);
/** GitHub REST API. */
export const githubApiBase = (env: Env) => pick(env, "GITHUB_API_BASE_URL", GITHUB_API_BASE_URL);
