import { assertEquals, assertStringIncludes, assertThrows } from "@std/assert";
import { ClientIdError, githubIssueScope, requireClientId } from "./client_id.ts";
import { googleProviderOptions } from "./google.ts";
import { githubProviderOptions } from "./github.ts";
import { externalAuthProviders } from "./mod.ts";

const GOOGLE = "test-google-client-id.apps.googleusercontent.com";
const GITHUB = "test-github-client-id";

Deno.test("client id: present and well shaped, trimmed", () => {
  assertEquals(requireClientId({ GOOGLE_CLIENT_ID: ` ${GOOGLE}\n` }, "GOOGLE_CLIENT_ID"), GOOGLE);
  assertEquals(requireClientId({ GITHUB_CLIENT_ID: GITHUB }, "GITHUB_CLIENT_ID"), GITHUB);
});

Deno.test("client id: missing or blank names the variable and the README section", () => {
  for (const env of [{}, { GOOGLE_CLIENT_ID: "" }, { GOOGLE_CLIENT_ID: "   " }]) {
    const e = assertThrows(() => requireClientId(env, "GOOGLE_CLIENT_ID"), ClientIdError);
    assertStringIncludes(e.message, "GOOGLE_CLIENT_ID is not set");
    assertStringIncludes(e.message, '"External accounts"');
    assertEquals((e as ClientIdError).variable, "GOOGLE_CLIENT_ID");
  }
});

Deno.test("client id: a URL or a secret in its place is refused with a sentence", () => {
  const e = assertThrows(
    () => requireClientId({ GOOGLE_CLIENT_ID: "https://accounts.google.com" }, "GOOGLE_CLIENT_ID"),
    ClientIdError,
  );
  assertStringIncludes(e.message, ".apps.googleusercontent.com");
  assertThrows(
    () => requireClientId({ GITHUB_CLIENT_ID: "has spaces in it" }, "GITHUB_CLIENT_ID"),
    ClientIdError,
  );
});

Deno.test("github scope: public_repo by default, repo on request, nothing else", () => {
  assertEquals(githubIssueScope({}), "public_repo");
  assertEquals(githubIssueScope({ GITHUB_OAUTH_SCOPE: "repo" }), "repo");
  const e = assertThrows(
    () => githubIssueScope({ GITHUB_OAUTH_SCOPE: "admin:org" }),
    ClientIdError,
  );
  assertStringIncludes(e.message, "GITHUB_OAUTH_SCOPE");
});

Deno.test("google provider: least privilege scopes, offline consent, email identity", () => {
  const o = googleProviderOptions({ GOOGLE_CLIENT_ID: GOOGLE });
  assertEquals(o.client_id, GOOGLE);
  assertEquals([...o.scope].sort(), [
    "email",
    "https://www.googleapis.com/auth/drive.file",
    "openid",
  ]);
  assertEquals(o.authorization_url_extras, { access_type: "offline", prompt: "consent" });
  assertEquals(o.identity_config.account_identifier, "$.email");
});

Deno.test("github provider: one scope, login identity", () => {
  const o = githubProviderOptions({ GITHUB_CLIENT_ID: GITHUB, GITHUB_OAUTH_SCOPE: "repo" });
  assertEquals(o.scope, ["repo"]);
  assertEquals(o.identity_config.url, "https://api.github.com/user");
  assertEquals(o.identity_config.account_identifier, "$.login");
});

Deno.test("providers export for the manifest with the ids, never undefined", () => {
  const [google, github] = externalAuthProviders({
    GOOGLE_CLIENT_ID: GOOGLE,
    GITHUB_CLIENT_ID: GITHUB,
  });
  assertEquals(google.id, "google");
  assertEquals(github.id, "github");
  const json = JSON.stringify([google.export(), github.export()]);
  assertEquals(json.includes("undefined"), false);
  assertStringIncludes(json, GOOGLE);
  assertThrows(() => externalAuthProviders({ GOOGLE_CLIENT_ID: GOOGLE }), ClientIdError);
});
