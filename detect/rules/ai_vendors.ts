// AI platforms beyond OpenAI and Anthropic whose keys carry a published prefix: Hugging Face user
// (`hf_`) and organisation (`api_org_`) tokens, Groq (`gsk_`), Replicate (`r8_`), xAI (`xai-`),
// Perplexity (`pplx-`), OpenRouter (`sk-or-v1-`) and LangSmith (`lsv2_pt_`, `lsv2_sk_`). Each
// bills its owner per request, so a leaked key is spent money as well as data.
import type { Rule } from "../types.ts";
import { randomString } from "../entropy.ts";
import { b62, hex, prefixedTokenRule } from "./prefixed_token.ts";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export const rules: Rule[] = [
  prefixedTokenRule({
    id: "huggingface-token",
    family: "huggingface",
    description: "Hugging Face user or organisation access token (hf_, api_org_)",
    prefixes: ["h" + "f_", "api_" + "org_"],
    body: "[A-Za-z]{34}",
    classes: "mixed-case",
    seed: 12103,
    sample: (rand) => ({ body: randomString(LETTERS, 34, rand) }),
  }),
  prefixedTokenRule({
    id: "groq-api-key",
    family: "groq",
    description: "Groq API key (gsk_)",
    prefixes: ["g" + "sk_"],
    body: "[A-Za-z0-9]{52}",
    classes: "mixed-case",
    seed: 12111,
    sample: (rand) => ({ body: b62(52, rand) }),
  }),
  prefixedTokenRule({
    id: "replicate-api-token",
    family: "replicate",
    description: "Replicate API token (r8_)",
    prefixes: ["r" + "8_"],
    body: "[A-Za-z0-9]{37}",
    classes: "mixed-case",
    seed: 12121,
    sample: (rand) => ({ body: b62(37, rand) }),
  }),
  prefixedTokenRule({
    id: "xai-api-key",
    family: "xai",
    description: "xAI (Grok) API key (xai-)",
    prefixes: ["x" + "ai-"],
    body: "[A-Za-z0-9]{80}",
    classes: "mixed-case",
    seed: 12131,
    sample: (rand) => ({ body: b62(80, rand) }),
  }),
  prefixedTokenRule({
    id: "perplexity-api-key",
    family: "perplexity",
    description: "Perplexity API key (pplx-)",
    prefixes: ["p" + "plx-"],
    body: "[A-Za-z0-9]{48}",
    classes: "mixed-case",
    seed: 12141,
    sample: (rand) => ({ body: b62(48, rand) }),
  }),
  prefixedTokenRule({
    id: "openrouter-api-key",
    family: "openrouter",
    description: "OpenRouter API key (sk-or-v1-)",
    prefixes: ["s" + "k-or-v1-"],
    body: "[a-f0-9]{64}",
    classes: "hex",
    seed: 12151,
    sample: (rand) => ({ body: hex(64, rand) }),
  }),
  prefixedTokenRule({
    id: "langsmith-api-key",
    family: "langchain",
    description: "LangSmith personal access token or service key (lsv2_pt_, lsv2_sk_)",
    prefixes: ["l" + "sv2_pt_", "l" + "sv2_sk_"],
    body: "[a-f0-9]{32}_[a-f0-9]{10}",
    classes: "hex",
    seed: 12161,
    sample: (rand) => ({ body: hex(32, rand) + "_" + hex(10, rand) }),
  }),
];
