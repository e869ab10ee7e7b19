// The two GitHub calls Token Guard makes with a connected account, through providerFetch:
// who the token belongs to, and open an issue in the configured repository.
import { type HttpDeps, joinUrl, ProviderError, providerFetch } from "./http.ts";

export const GITHUB_HEADERS = {
  Accept: "application/vnd.github+json",
  "X-GitHub-Api-Version": "2022-11-28",
};

export interface GitHubUser {
  login: string;
  id?: number;
  /** The classic OAuth scopes the token holds (x-oauth-scopes), when GitHub says. */
  scopes?: string[];
}

/** GET {GITHUB_API_BASE_URL}/user. */
export async function githubUser(http: HttpDeps, base: string, token: string): Promise<GitHubUser> {
  const r = await providerFetch<{ login?: unknown; id?: unknown }>(http, {
    provider: "GitHub",
    url: joinUrl(base, "user"),
    token,
    headers: GITHUB_HEADERS,
  });
  if (typeof r.json?.login !== "string" || r.json.login === "") {
    throw new ProviderError("GitHub", "invalid", "GitHub did not say which account this is.", 200);
  }
  const scopes = r.headers.get("x-oauth-scopes");
  return {
    login: r.json.login,
    id: typeof r.json.id === "number" ? r.json.id : undefined,
    scopes: scopes === null ? undefined : scopes.split(",").map((s) => s.trim()).filter(Boolean),
  };
}

/** "owner/name", as GitHub allows them. */
export const REPOSITORY_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/** Accepts "owner/name", "https://github.com/owner/name(.git)"; undefined if neither. */
export function parseRepository(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim().replace(/^https?:\/\/(www\.)?github\.com\//i, "").replace(/\.git$/, "")
    .replace(/\/+$/, "");
  return REPOSITORY_PATTERN.test(v) ? v : undefined;
}

export interface NewIssue {
  title: string;
  body: string;
  labels?: string[];
}

export interface CreatedIssue {
  number: number;
  url: string;
}

/** POST {GITHUB_API_BASE_URL}/repos/{owner}/{repo}/issues, with sentences for GitHub's refusals. */
export async function createIssue(
  http: HttpDeps,
  base: string,
  token: string,
  repository: string,
  issue: NewIssue,
): Promise<CreatedIssue> {
  const [owner, name] = repository.split("/");
  try {
    const r = await providerFetch<{ number?: unknown; html_url?: unknown }>(http, {
      provider: "GitHub",
      method: "POST",
      url: joinUrl(base, `repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}/issues`),
      token,
      headers: GITHUB_HEADERS,
      body: issue,
    });
    if (typeof r.json?.number !== "number" || typeof r.json.html_url !== "string") {
      throw new ProviderError("GitHub", "invalid", "GitHub created no issue number.", r.status);
    }
    return { number: r.json.number, url: r.json.html_url };
  } catch (e) {
    if (!(e instanceof ProviderError)) throw e;
    const sentence = issueRefusal(e, repository);
    if (!sentence) throw e;
    throw new ProviderError("GitHub", e.kind, sentence, e.status, e.providerMessage);
  }
}

function issueRefusal(e: ProviderError, repository: string): string | undefined {
  switch (e.status) {
    case 404:
      return `GitHub cannot find ${repository}, or the connected account may not open issues ` +
        `there. Check the repository in Token Guard's settings; a private repository needs the ` +
        `app's GitHub scope "repo" (GITHUB_OAUTH_SCOPE=repo) and an account with access to it.`;
    case 410:
      return `Issues are turned off in ${repository}. Turn them on in the repository's settings, ` +
        `or choose another repository in Token Guard's settings.`;
    case 403:
      return `GitHub refused to open an issue in ${repository} for the connected account` +
        `${e.providerMessage ? ` ("${e.providerMessage}")` : ""}. An organisation may need to ` +
        `approve the Token Guard OAuth app (Organisation settings, Third-party access).`;
    case 422:
      return `GitHub rejected the issue's content${
        e.providerMessage ? ` ("${e.providerMessage}")` : ""
      }.`;
  }
  return undefined;
}
