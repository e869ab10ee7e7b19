import "../test_support/manifest_env.ts";
import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import manifest from "../manifest.ts";
import {
  ADMIN_PACKET_PATH,
  attributeComments,
  currentPacket,
  gaps,
  type ManifestLike,
  renderAdminPacket,
} from "./admin_packet.ts";

const m = manifest as unknown as ManifestLike;

Deno.test("admin packet: every manifest scope, domain and datastore attribute is explained", async () => {
  const g = gaps(m, await attributeComments());
  assertEquals(g.scopesWithoutReason, [], "add the reason to BOT_SCOPES in scopes.ts");
  assertEquals(g.domainsWithoutReason, [], "add the reason to OUTGOING_DOMAINS in scopes.ts");
  assertEquals(g.attributesWithoutNote, [], "add a doc comment in datastores/ or ATTRIBUTE_NOTES");
  assertEquals(
    g.providerScopesWithoutReason,
    [],
    "add the reason beside the scope in external_auth/",
  );
});

Deno.test("admin packet: OAuth scopes of each provider are listed with their reason", async () => {
  const packet = await currentPacket();
  for (const scope of ["openid", "email", "https://www.googleapis.com/auth/drive.file"]) {
    assertStringIncludes(packet, `| \`${scope}\` |`);
  }
  assertStringIncludes(packet, "| `public_repo` | Default.");
  assertStringIncludes(packet, "| `repo` |");
  // A scope the manifest asks for that has no reason is caught.
  const extra: ManifestLike = {
    ...m,
    external_auth_providers: {
      oauth2: { github: { options: { scope: ["public_repo", "admin:org"] } } },
    },
  };
  assertEquals(gaps(extra, await attributeComments()).providerScopesWithoutReason, [
    "github:admin:org",
  ]);
});

Deno.test("admin packet: a scope or domain without a reason is caught", async () => {
  const extra: ManifestLike = {
    ...m,
    oauth_config: { scopes: { bot: [...(m.oauth_config?.scopes?.bot ?? []), "files:read"] } },
    outgoing_domains: ["example.invalid"],
  };
  const g = gaps(extra, await attributeComments());
  assertEquals(g.scopesWithoutReason, ["files:read"]);
  assertEquals(g.domainsWithoutReason, ["example.invalid"]);
  assertStringIncludes(renderAdminPacket(extra, {}), "**no reason given**");
});

Deno.test("admin packet: doc comments in datastores/ are read", async () => {
  const c = await attributeComments();
  assertStringIncludes(c["findings.verification"] ?? "", "live");
  assertStringIncludes(c["settings.revoker_user_ids"] ?? "", "Revoke");
});

Deno.test("admin packet: docs/ADMIN.md is up to date (run `deno task admin-packet`)", async () => {
  const want = await currentPacket();
  let have = "";
  try {
    have = await Deno.readTextFile(new URL(`../${ADMIN_PACKET_PATH}`, import.meta.url));
  } catch {
    assert(false, `${ADMIN_PACKET_PATH} is missing: run \`deno task admin-packet\``);
  }
  assert(have === want, `${ADMIN_PACKET_PATH} is stale: run \`deno task admin-packet\``);
  for (const scope of m.oauth_config?.scopes?.bot ?? []) assertStringIncludes(have, `\`${scope}\``);
  assertStringIncludes(have, "slack delete");
});
