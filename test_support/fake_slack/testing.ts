// Test helper: a Deno.test with a fresh fake server, closed afterwards. Sanitizers are off
// because the SDK's undici keep-alive timer trips them on Deno 1.46.
import { type FakeSlack, startFakeSlack } from "./server.ts";
import type { Seed } from "./state.ts";

export function withFakeSlack(
  name: string,
  fn: (fake: FakeSlack) => Promise<void> | void,
  seed: Partial<Seed> = {},
): void {
  Deno.test({
    name,
    sanitizeOps: false,
    sanitizeResources: false,
    fn: async () => {
      const fake = await startFakeSlack(seed);
      try {
        await fn(fake);
      } finally {
        await fake.close();
      }
    },
  });
}
