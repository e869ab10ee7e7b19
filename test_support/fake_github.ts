// A fake GitHub REST API on loopback: `GET /user` and `POST /repos/{owner}/{repo}/issues`, with
// GitHub's answers: 401 "Bad credentials" for an unknown or revoked token, 403 "Resource not
// accessible by integration" when an app installation token asks for /user, 404 for a repository
// the token cannot see (a private one needs the `repo` scope), 410 when issues are disabled.
// Tokens: the fake Slack's live external tokens for provider "github" (login from
// `external_user_id`, scopes from `slackTokenScopes`), and tokens added with `addToken` (how a
// leaked token is planted for the verify tests).
//
//   const github = await startFakeGitHub({ slack });
//   github.addRepo("acme/security", { private: false });
//   github.addToken(leaked, { login: "octo", scopes: ["repo"] });   github.revoke(leaked);
//   env: { ...github.env }   // GITHUB_API_BASE_URL
import type { FakeSlack } from "./fake_slack/mod.ts";
import { FakeHttpServer, json, type ProviderCall, type ProviderFault } from "./fake_http.ts";

export interface FakeGitHubToken {
  login: string;
  id?: number;
  scopes: string[];
  revoked?: boolean;
  /** A GitHub App installation token: valid, but /user is not for it. */
  installation?: boolean;
}

export interface FakeRepo {
  fullName: string;
  private: boolean;
  hasIssues: boolean;
  issues: Array<{ number: number; title: string; body: string; labels: string[]; by: string }>;
}

export interface FakeGitHubOptions {
  slack?: FakeSlack;
  /** Scopes the Slack-issued tokens carry (default: public_repo). */
  slackTokenScopes?: string[];
}

function githubError(status: number): unknown {
  const messages: Record<number, string> = {
    401: "Bad credentials",
    403: "API rate limit exceeded",
    404: "Not Found",
    422: "Validation Failed",
    429: "Too many requests",
  };
  return { message: messages[status] ?? `fake ${status}` };
}

export class FakeGitHub {
  readonly server: FakeHttpServer;
  readonly tokens = new Map<string, FakeGitHubToken>();
  readonly repos = new Map<string, FakeRepo>();

  constructor(readonly opts: FakeGitHubOptions = {}) {
    this.server = new FakeHttpServer([
      { name: "user", method: "GET", pattern: /^\/user$/, handle: (_r, c) => this.#user(c) },
      {
        name: "issues.create",
        method: "POST",
        pattern: /^\/repos\/[^/]+\/[^/]+\/issues$/,
        handle: (_r, c, url) => this.#createIssue(c, url),
      },
    ], githubError);
  }

  get url(): string {
    return this.server.url;
  }

  get calls(): ProviderCall[] {
    return this.server.calls;
  }

  get env(): { GITHUB_API_BASE_URL: string } {
    return { GITHUB_API_BASE_URL: this.url };
  }

  fault(route: string, fault: ProviderFault): void {
    this.server.fault(route, fault);
  }

  callsTo(route: string): ProviderCall[] {
    return this.server.callsTo(route);
  }

  addToken(token: string, t: Partial<FakeGitHubToken> & { login: string }): void {
    this.tokens.set(token, { scopes: [], ...t });
  }

  revoke(token: string): void {
    const t = this.tokens.get(token);
    if (!t) throw new Error("no such token");
    t.revoked = true;
  }

  addRepo(fullName: string, r: Partial<Omit<FakeRepo, "fullName" | "issues">> = {}): FakeRepo {
    const repo: FakeRepo = { fullName, private: false, hasIssues: true, issues: [], ...r };
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  tokenFor(value: string | undefined): FakeGitHubToken | undefined {
    if (!value) return undefined;
    const direct = this.tokens.get(value);
    if (direct) return direct.revoked ? undefined : direct;
    const rec = this.opts.slack?.externalTokenLive(value);
    if (rec && rec.provider_key === "github") {
      return {
        login: rec.external_user_id ?? "octocat",
        scopes: this.opts.slackTokenScopes ?? ["public_repo"],
      };
    }
    return undefined;
  }

  #user(call: ProviderCall): Response {
    const t = this.tokenFor(call.token);
    if (!t) return json(githubError(401), 401);
    if (t.installation) {
      return json({ message: "Resource not accessible by integration" }, 403);
    }
    return json(
      { login: t.login, id: t.id ?? 1000 + t.login.length, type: "User", name: null },
      200,
      { "x-oauth-scopes": t.scopes.join(", ") },
    );
  }

  #createIssue(call: ProviderCall, url: URL): Response {
    const t = this.tokenFor(call.token);
    if (!t) return json(githubError(401), 401);
    const [, , owner, name] = url.pathname.split("/");
    const repo = this.repos.get(`${owner}/${name}`.toLowerCase());
    const canWrite = repo &&
      (repo.private
        ? t.scopes.includes("repo")
        : t.scopes.some((s) => s === "repo" || s === "public_repo"));
    // GitHub hides what a token may not reach behind a 404.
    if (!repo || !canWrite) return json(githubError(404), 404);
    if (!repo.hasIssues) return json({ message: "Issues are disabled for this repo" }, 410);
    const body = (call.body ?? {}) as { title?: unknown; body?: unknown; labels?: unknown };
    if (typeof body.title !== "string" || body.title.trim() === "") {
      return json(githubError(422), 422);
    }
    const number = repo.issues.length + 1;
    repo.issues.push({
      number,
      title: body.title,
      body: typeof body.body === "string" ? body.body : "",
      labels: Array.isArray(body.labels) ? body.labels.map(String) : [],
      by: t.login,
    });
    return json(
      {
        number,
        title: body.title,
        html_url: `https://github.com/${repo.fullName}/issues/${number}`,
        state: "open",
      },
      201,
    );
  }
}

export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const fake = new FakeGitHub(opts);
  await fake.server.listen();
  return fake;
}
