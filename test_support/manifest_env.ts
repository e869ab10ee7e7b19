// Import this FIRST in any test or script that imports manifest.ts without a real .env: it sets
// dummy OAuth client ids, which are public identifiers, not secrets, so the manifest can be
// generated offline. Real ids (from .env) are never overwritten. The Slack CLI never loads this.
export const DUMMY_CLIENT_IDS: Readonly<Record<string, string>> = {
  GOOGLE_CLIENT_ID: "test-google-client-id.apps.googleusercontent.com",
  GITHUB_CLIENT_ID: "test-github-client-id",
};

for (const [name, value] of Object.entries(DUMMY_CLIENT_IDS)) {
  if (!Deno.env.get(name)) Deno.env.set(name, value);
}
