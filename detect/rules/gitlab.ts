// GitLab tokens. Every GitLab token type carries its own prefix (GitLab's token overview):
// personal, project and group access tokens `glpat-`, deploy tokens `gldt-`, runner
// authentication `glrt-` (and the deprecated registration tokens `GR1348941`), pipeline trigger
// `glptt-`, OAuth application secrets `gloas-`, and the CI job, agent, feed, incoming-mail, SCIM
// and feature-flag tokens. The classic body is 20 base64url characters; routable tokens (GitLab
// 17+) carry a longer base64 payload, a dot, its length and a CRC32 in base 36.
import type { Rule } from "../types.ts";
import { ALPHABET, randomString } from "../entropy.ts";
import { prefixedTokenRule } from "./prefixed_token.ts";

const CLASSIC_OR_ROUTABLE = "[0-9A-Za-z_-]{20}(?:[0-9A-Za-z_-]{7,280}\\.[0-9a-z]{9})?";
const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
const GL = ["g", "l"].join("");

export const rules: Rule[] = [
  prefixedTokenRule({
    id: "gitlab-access-token",
    family: "gitlab",
    description: "GitLab personal, project or group access token (glpat-)",
    prefixes: [GL + "pat-"],
    body: CLASSIC_OR_ROUTABLE,
    classes: "mixed-case",
    seed: 12001,
    sample: (rand) =>
      rand() < 0.5 ? { body: randomString(ALPHABET.base64url, 20, rand) } : {
        body: randomString(ALPHABET.base64url, 36, rand) + "." +
          randomString(BASE36, 9, rand),
      },
  }),
  prefixedTokenRule({
    id: "gitlab-deploy-token",
    family: "gitlab",
    description: "GitLab deploy token (gldt-)",
    prefixes: [GL + "dt-"],
    body: CLASSIC_OR_ROUTABLE,
    classes: "mixed-case",
    seed: 12011,
    sample: (rand) => ({ body: randomString(ALPHABET.base64url, 20, rand) }),
  }),
  prefixedTokenRule({
    id: "gitlab-runner-token",
    family: "gitlab",
    description: "GitLab runner authentication (glrt-) or registration (GR1348941) token",
    prefixes: [GL + "rt-", "GR1348941"],
    body: CLASSIC_OR_ROUTABLE,
    classes: "mixed-case",
    seed: 12021,
    sample: (rand) => ({ body: randomString(ALPHABET.base64url, 20, rand) }),
  }),
  prefixedTokenRule({
    id: "gitlab-pipeline-trigger-token",
    family: "gitlab",
    description: "GitLab pipeline trigger token (glptt-)",
    prefixes: [GL + "ptt-"],
    body: "(?:[0-9a-f]{40}|[0-9A-Za-z_-]{20})",
    seed: 12031,
    sample: (rand) => ({ body: randomString(ALPHABET.hexLower, 40, rand) }),
  }),
  prefixedTokenRule({
    id: "gitlab-oauth-secret",
    family: "gitlab",
    description: "GitLab OAuth application secret (gloas-)",
    prefixes: [GL + "oas-"],
    body: "[0-9A-Za-z_-]{64}",
    seed: 12041,
    sample: (rand) => ({ body: randomString(ALPHABET.base64url, 64, rand) }),
  }),
  prefixedTokenRule({
    id: "gitlab-other-token",
    family: "gitlab",
    description:
      "GitLab CI job, agent, feed, incoming-mail, SCIM or feature-flag token (glcbt-, glagent-, …)",
    prefixes: [
      GL + "cbt-",
      GL + "agent-",
      GL + "ft-",
      GL + "imt-",
      GL + "soat-",
      GL + "ffct-",
    ],
    body: "[0-9A-Za-z_-]{20,80}",
    classes: "mixed-case",
    seed: 12051,
    sample: (rand) => ({ body: randomString(ALPHABET.base64url, 50, rand) }),
  }),
];
