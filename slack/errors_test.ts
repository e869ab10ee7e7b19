import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { explainSlackError, isDeadCode, SLACK_ERRORS } from "./errors.ts";

const REQUIRED = [
  "token_revoked",
  "token_expired",
  "invalid_auth",
  "account_inactive",
  "not_authed",
  "no_permission",
  "accesslimited",
  "ekm_access_denied",
  "enterprise_is_restricted",
  "two_factor_setup_required",
  "missing_scope",
  "not_allowed_token_type",
  "ratelimited",
  "deprecated_endpoint",
  "org_login_required",
  "team_access_not_granted",
  "invalid_arg_name",
  "invalid_arguments",
  "invalid_charset",
  "invalid_form_data",
  "invalid_post_type",
  "missing_post_type",
  "request_timeout",
  "service_unavailable",
  "fatal_error",
  "internal_error",
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "user_not_found",
  "message_not_found",
  "access_denied",
  "http_error",
  "network_error",
  "timeout",
  "budget_exhausted",
];

Deno.test("errors: every required code is in the table", () => {
  for (const code of REQUIRED) assert(code in SLACK_ERRORS, code);
});

Deno.test("errors: every entry renders a sentence a person can read", () => {
  for (const code of Object.keys(SLACK_ERRORS)) {
    const e = explainSlackError(code, { status: 503, needed: "chat:write", retryAfterSeconds: 3 });
    assertEquals(e.code, code);
    assert(["dead", "unknown", "config", "input"].includes(e.kind), code);
    assert(e.sentence.length > 20, code);
    assert(/^[A-Z]/.test(e.sentence), `${code} starts with a capital`);
    assert(/[.)]$/.test(e.sentence), `${code} ends a sentence: ${e.sentence}`);
    assert(!e.sentence.includes("undefined"), code);
  }
});

Deno.test("errors: kinds that verification relies on", () => {
  for (const c of ["token_revoked", "token_expired", "invalid_auth", "account_inactive"]) {
    assert(isDeadCode(c), c);
  }
  for (const c of ["ratelimited", "accesslimited", "internal_error", "network_error", "timeout"]) {
    assertEquals(explainSlackError(c).kind, "unknown", c);
  }
  assertEquals(explainSlackError("missing_scope").kind, "config");
  assertEquals(explainSlackError("channel_not_found").kind, "input");
});

Deno.test("errors: details sharpen the sentence", () => {
  const scope = explainSlackError("missing_scope", {
    needed: "chat:write",
    provided: "users:read",
  });
  assertStringIncludes(scope.sentence, "chat:write");
  assertStringIncludes(scope.sentence, "users:read");
  assertStringIncludes(explainSlackError("http_error", { status: 502 }).sentence, "HTTP 502");
  assertStringIncludes(explainSlackError("ratelimited", { retryAfterSeconds: 7 }).sentence, "7 s");
});

Deno.test("errors: unknown codes still explain themselves", () => {
  const e = explainSlackError("some_new_code");
  assertEquals(e.kind, "unknown");
  assertStringIncludes(e.sentence, "some_new_code");
  assertEquals(explainSlackError("toString").kind, "unknown");
});
