// The guard checks a leaked GitHub token live too (GET /user with it), through the same path.
import { assertEquals, assertStringIncludes } from "@std/assert";
import { FAKE_IDS, startKit } from "./test_kit.ts";
import { startFakeGitHub } from "../../test_support/fake_github.ts";
import { withBase62Crc32 } from "../../detect/checksum.ts";
import { fakeAlnum } from "../../test_support/fake_tokens.ts";

function fakeGitHubToken(seed: string): string {
  return ["gh", "p_"].join("") + withBase62Crc32(fakeAlnum(30, seed));
}

Deno.test({
  name:
    "guard: a leaked GitHub token is checked live (live with its login, then dead once revoked)",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const kit = await startKit();
    const github = await startFakeGitHub({ slack: kit.fake });
    try {
      Object.assign(kit.env, github.env);
      const live = fakeGitHubToken("live-one");
      const dead = fakeGitHubToken("dead-one");
      github.addToken(live, { login: "octo-leaker", scopes: ["repo"] });
      github.addToken(dead, { login: "old-bot", scopes: [] });
      github.revoke(dead);

      await kit.guard(
        kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: `ci uses ${live}` }),
      );
      await kit.guard(kit.post(FAKE_IDS.general, { user: FAKE_IDS.member, text: `old: ${dead}` }));

      const byState = Object.fromEntries(
        kit.findings().map((f) => [String(f.verification), f]),
      );
      assertEquals(Object.keys(byState).sort(), ["dead", "live"]);
      assertEquals(byState.live.owner_name, "octo-leaker");
      assertEquals(byState.live.family, "github");
      assertStringIncludes(JSON.stringify(kit.alerts()), "octo-leaker");
      // The check went to GitHub's API with each leaked token once, and nowhere else.
      assertEquals(github.server.callsTo("user").length, 2);
    } finally {
      await github.close();
      await kit.close();
    }
  },
});
