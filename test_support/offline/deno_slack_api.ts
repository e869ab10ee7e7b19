// Offline stand-in for "deno-slack-api/mod.ts": the copy of deno_slack_api 2.8.0 inside the npm
// build of the SDK. That build needs its polyfills (import.meta ponyfill for the user agent)
// loaded first, which the SDK's own entry point does and a direct import of mod.js does not.
import "../../node_modules/@slack/deno-slack-sdk/esm/_dnt.polyfills.js";
export * from "../../node_modules/@slack/deno-slack-sdk/esm/deps/deno.land/x/deno_slack_api@2.8.0/mod.js";
