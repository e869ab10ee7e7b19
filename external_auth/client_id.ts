// OAuth client ids and the GitHub scope, read from the environment when the manifest is generated
// (`slack manifest`, `slack deploy`, `slack run` load `.env`). Client ids are public values, not
// secrets: the client *secrets* go to Slack with `slack external-auth add-secret` and never live
// in this repository or its environment. A missing id must stop manifest generation with a
// sentence a developer can act on, never put `undefined` into the manifest.

export type ManifestEnv = Record<string, string | undefined>;

/** The README section that explains how to create the OAuth clients. */
export const README_SECTION = 'README, section "External accounts"';

export class ClientIdError extends Error {
  override name = "ClientIdError";
  constructor(readonly variable: string, message: string) {
    super(message);
  }
}

/** Rough shape checks that catch a secret or a URL pasted in place of an id. */
const SHAPES: Readonly<Record<string, { pattern: RegExp; looksLike: string }>> = {
  GOOGLE_CLIENT_ID: {
    pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*\.apps\.googleusercontent\.com$/,
    looksLike: "ends in .apps.googleusercontent.com",
  },
  GITHUB_CLIENT_ID: {
    pattern: /^[A-Za-z0-9._-]{8,64}$/,
    looksLike: "is 8 to 64 letters, digits, dots, dashes or underscores (e.g. Ov23li…)",
  },
};

/**
 * The client id in `env[variable]`, trimmed. Throws a ClientIdError naming the variable and the
 * README section when it is missing, blank or not shaped like a client id.
 */
export function requireClientId(env: ManifestEnv, variable: string): string {
  const value = env[variable]?.trim() ?? "";
  if (value === "" && env[ENV_DENIED]?.split(",").includes(variable)) {
    throw new ClientIdError(
      variable,
      `Deno was not allowed to read ${variable} while generating the manifest: run it with ` +
        `--allow-env (the Slack CLI's get-manifest hook does). See the ${README_SECTION}.`,
    );
  }
  if (value === "") {
    throw new ClientIdError(
      variable,
      `${variable} is not set. Create the OAuth client as the ${README_SECTION} explains, ` +
        `then put its client id in .env as ${variable}=… (client ids are public; the secret goes ` +
        `to Slack with \`slack external-auth add-secret\`).`,
    );
  }
  const shape = SHAPES[variable];
  if (shape && !shape.pattern.test(value)) {
    throw new ClientIdError(
      variable,
      `${variable} does not look like a client id: it should be the id that ${shape.looksLike}, ` +
        `not the client secret or a URL. See the ${README_SECTION}.`,
    );
  }
  return value;
}

/** The classic OAuth scopes that can open an issue: public repositories only, or all. */
export const GITHUB_ISSUE_SCOPES = ["public_repo", "repo"] as const;
export type GitHubIssueScope = typeof GITHUB_ISSUE_SCOPES[number];

/**
 * `GITHUB_OAUTH_SCOPE` (default `public_repo`). `public_repo` is the narrowest classic scope that
 * can open issues, and only in public repositories; a private repository needs `repo`.
 */
export function githubIssueScope(env: ManifestEnv): GitHubIssueScope {
  const raw = env.GITHUB_OAUTH_SCOPE?.trim() || "public_repo";
  if (!(GITHUB_ISSUE_SCOPES as readonly string[]).includes(raw)) {
    throw new ClientIdError(
      "GITHUB_OAUTH_SCOPE",
      `GITHUB_OAUTH_SCOPE must be "public_repo" (issues in public repositories) or "repo" ` +
        `(private repositories too), not "${raw}". See the ${README_SECTION}.`,
    );
  }
  return raw as GitHubIssueScope;
}

/** The variables the providers read. */
export const MANIFEST_ENV_NAMES = ["GOOGLE_CLIENT_ID", "GITHUB_CLIENT_ID", "GITHUB_OAUTH_SCOPE"];

/** Set in an env by `processEnv` when Deno refused to read a variable (no --allow-env). */
export const ENV_DENIED = "__TOKEN_GUARD_ENV_DENIED";

/** Those variables from the process; one we may not read is unset and named in ENV_DENIED. */
export function processEnv(names: readonly string[] = MANIFEST_ENV_NAMES): ManifestEnv {
  const env: ManifestEnv = {};
  const denied: string[] = [];
  for (const name of names) {
    try {
      env[name] = Deno.env.get(name);
    } catch {
      denied.push(name);
    }
  }
  if (denied.length) env[ENV_DENIED] = denied.join(",");
  return env;
}
