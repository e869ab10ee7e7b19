// age encryption identities (`AGE-SECRET-KEY-1` + 58 Bech32 characters): the private half of an
// age key pair, which decrypts every file and SOPS secret encrypted to its recipient.
import type { Rule } from "../types.ts";
import { randomString } from "../entropy.ts";
import { prefixedTokenRule } from "./prefixed_token.ts";

const BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

export const rules: Rule[] = [
  prefixedTokenRule({
    id: "age-secret-key",
    family: "private-key",
    description: "age encryption secret key (AGE-SECRET-KEY-1…)",
    prefixes: ["AGE-SECRET-" + "KEY-1"],
    exact: true,
    keywords: ["E-SECRET-" + "KEY-1"],
    body: `[${BECH32}]{58}`,
    seed: 12701,
    sample: (rand) => ({ body: randomString(BECH32, 58, rand) }),
  }),
];
