import { assert, assertEquals, assertFalse } from "@std/assert";
import { scan, scanSync } from "../scan.ts";
import { ALPHABET, randomString, seededRandom } from "../entropy.ts";
import { rules } from "./generic.ts";
import {
  classifyName,
  isNonSecretValue,
  isPassphrase,
  isPrefixedPlaceholder,
  isTemplateSlot,
  looksGenerated,
  looksLikePassword,
  plausibleUserPassword,
} from "./generic_value.ts";
import { testRuleExamples } from "./family_examples.ts";

testRuleExamples(rules);

Deno.test("generic: names are classified into password, secret or neither", () => {
  assertEquals(classifyName("DB_PASSWORD"), "password");
  assertEquals(classifyName("--password"), "password");
  assertEquals(classifyName("dbPassword"), "password");
  assertEquals(classifyName("apiKey"), "secret");
  assertEquals(classifyName("x-api-key"), "secret");
  assertEquals(classifyName("client_secret"), "secret");
  assertEquals(classifyName("GITHUB_TOKEN"), "secret");
  assertEquals(classifyName("password_hash"), null);
  assertEquals(classifyName("token_url"), null);
  assertEquals(classifyName("monkey"), null);
  assertEquals(classifyName("cache_key"), null);
  // One word run into another: its end decides.
  assertEquals(classifyName("PGPASSWORD"), "password");
  assertEquals(classifyName("MYSQL_ROOTPASSWD"), "password");
  assertEquals(classifyName("GHTOKEN"), "secret");
  assertEquals(classifyName("jwtsecret"), "secret");
  assertEquals(classifyName("tokenizer"), null);
  assertEquals(classifyName("passwordless"), null);
  assertEquals(classifyName("PGPASSWORD_FILE"), null);
  assertEquals(classifyName("AccountKey"), "secret");
  assertEquals(classifyName("VAULT_SECRET_ID"), "secret");
  assertEquals(classifyName("HMAC_KEY"), "secret");
  assertEquals(classifyName("validationKey"), "secret");
  assertEquals(classifyName("hmac_key_path"), null);
  assertEquals(classifyName("-secret-id"), "secret");
  assertEquals(classifyName("SecretId"), null);
  assertEquals(classifyName("secret_id_file"), null);
});

Deno.test("generic: a vendor prefix and a placeholder is no token; a password with an @ is", () => {
  for (const v of ["dop_v1_%TOKEN%", "sq0atp-[TOKEN", "ATATT3x__TOKEN__", "glpat-<TOKEN>"]) {
    assert(isPrefixedPlaceholder(v), v);
  }
  for (const v of ["Welcome@HOME123", "Admin@PASSWORD1", "Kx9mQ2vLr8@Tz4", "Summer2024!"]) {
    assertFalse(isPrefixedPlaceholder(v), v);
  }
});

Deno.test("generic: a template's slot is no password; a password between like symbols is", () => {
  for (
    const slot of ["{password}", "#{db_password}", "((db_password))", "!PASSWORD!", "%DB_PASS%"]
  ) {
    assert(isTemplateSlot(slot), slot);
  }
  for (const pw of ["!Summer2024!", "__Kx9mQ2vLr8__", "%Tz4mQ2vLr8%"]) {
    assertFalse(isTemplateSlot(pw), pw);
    assert(plausibleUserPassword(pw, "app"), pw);
  }
});

Deno.test("generic: a passphrase of dictionary words is a password; identifiers are not", () => {
  for (
    const p of ["river.violin.correct.battery", "pencil-battery-tunnel", "staple_velvet_pencil"]
  ) {
    assert(isPassphrase(p), p);
    assert(looksLikePassword(p), p);
    assertFalse(isNonSecretValue(p), p);
  }
  assert(isPassphrase("castle.glacier.lantern.orbit.82"));
  for (const p of ["River.Sunset.Horse11", "juniper.orbit.walnut23"]) {
    assertFalse(isNonSecretValue(p), p);
    assert(looksLikePassword(p), p);
  }
  assert(isNonSecretValue("System.Text.Encoding"));
  for (
    const n of [
      "request.body.user.password",
      "prod-cluster-admin-role",
      "my-app-service-name",
      "ask.the.platform.team",
      "river-violin", // two words
      "river.violin-correct.battery", // two separators
      "Pencil-Battery-Tunnel", // a title, not the lower-case words people pick
    ]
  ) assertFalse(isPassphrase(n), n);
});

Deno.test("generic: values that reference, template or describe are not secrets", () => {
  for (
    const v of [
      "${TOKEN}",
      "$TOKEN_VALUE",
      "process.env.API_KEY",
      "os.environ.get",
      "{{ api_key }}",
      "/etc/ssl/private/server.key",
      "./secrets/token.txt",
      "https://example.org/token",
      "1234567890",
      "v1.2.3-beta.4",
      "2024-01-31",
      "true",
      "/^(?:pass|pwd)$/i;",
      "/.(?:password|passwd)$/",
      "/.(?:password|passwd|passphrase",
      "/^[A-Za-z0-9]{40}$/",
      "$DB_PASSWORD",
      "$dbPassword",
      "$request->input(",
      "$env:API_TOKEN",
      "ENC[AES256_GCM",
      "ConvertTo-SecureString",
      "Read-Host",
      btoa("password"),
      btoa("changeme"),
    ]
  ) assert(isNonSecretValue(v), v);
  // A password may start with a dollar sign; random letters after it are no variable's name.
  assertFalse(isNonSecretValue("$gW4" + randomString(ALPHABET.base62, 16, seededRandom(9))));
  assert(looksGenerated(randomString(ALPHABET.base62, 32, seededRandom(8))));
  assertFalse(looksGenerated("getUserAccessTokenFromCache"));
  assertFalse(looksGenerated("somethingsomething"));
  assert(looksLikePassword("Kx9#" + "mP2vLq"));
  assertFalse(looksLikePassword("Password1!"));
  assertFalse(looksLikePassword("hunter2"));
});

Deno.test("generic: a specific family's look-alike is left to that family", async () => {
  const prefix = ["gh", "p_"].join("");
  const bad = prefix + randomString(ALPHABET.base62, 36, seededRandom(11));
  assertEquals(await scan(`GITHUB_TOKEN=${bad}`), []);
});

Deno.test("generic: a value in a query string ends before the next parameter", async () => {
  const pw = "Co7" + randomString(ALPHABET.base62, 13, seededRandom(12));
  for (
    const text of [
      `jdbc:postgresql://db1/app?user=shop&password=${pw}&useSSL=true`,
      `\`jdbc:postgresql://db1/app?user=shop&amp;password=${pw}&amp;useSSL=true\``,
      `<https://acme.io/login?user=shop&amp;password=${pw}&amp;next=%2F|log in>`,
    ]
  ) {
    const found = await scan(text, { includeSecret: true });
    assertEquals(found.map((f) => [f.ruleId, f.secret]), [["generic-password", pw]], text);
  }
});

Deno.test("generic: a password holding a pair of angle brackets is read whole", async () => {
  const rand = seededRandom(14);
  const pw = "Bc" + randomString(ALPHABET.base62, 3, rand) + "&" + "1c" +
    randomString(ALPHABET.base62, 3, rand) + "<" + "TbLq" + ">" + "673";
  for (
    const text of [
      `DB_PASSWORD=${pw}`,
      `password: ${pw} (rotated today)`,
      `"password": "${pw}",`,
      `password=${pw}.`,
    ]
  ) {
    const found = await scan(text, { includeSecret: true });
    assertEquals(found.map((f) => f.secret), [pw], text);
  }
  // A stand-in in brackets is still one, glued to one side or to none.
  for (
    const text of [
      "password=<your-password>",
      "password=<password>123",
      "DB_PASSWORD=prod<password>",
      "password: <https://vault.acme.io/ui/secret|vault>",
    ]
  ) assertEquals(await scan(text), [], text);
});

Deno.test("generic: bold around a name = value is formatting, whichever reading is kept", async () => {
  const pw = "Harbor.Quartz" + randomString("0123456789", 4, seededRandom(13));
  const found = await scan(`*DB_PASSWORD=${pw}*`, { includeSecret: true });
  assertEquals(found.map((f) => [f.ruleId, f.secret]), [["generic-password", pw]]);
  // As shown, the value is an attribute (rejected); the raw reading's `*` closes the bold.
  assertEquals(await scan("*password = self.dbPassword*"), []);
  assertEquals(await scan("_token: settings.apiToken_"), []);
});

/** Real text that holds no credential (source files, binaries' strings, package lists), read plain. */
const NOT_CREDENTIALS: Record<string, string[]> = {
  "code is not a password (escapes, brackets, generic types, flags named pass-arg)": [
    "const is1PasswordServiceAccountToken = (base64String) => {",
    "type Pass = IsEmptyObject<{}>; //=> true",
    "running pass: \\0StringLifting: bad type",
    "wasm-opt --pass-arg=asyncify-memory@memory\\0asyncify-in-secondary-memory",
    'sourcemap: "x < this.entriesCapacity * FREE_FACTOR_N / FREE_FACTOR_D\\\\n    ) this"',
  ],
  "Python type hints and casts under a password's name are code": [
    "        self, data: bytes, password: typing.Optional[bytes]",
    "    passphrase: Optional[PassphraseCallableT] = None",
    "PassphraseCallableT = Union[bytes, Callable[..., bytes]]",
    "        auth = dict(Email=credentials[0], Passwd=credentials[1], service=service)",
    "    pw: Optional[str] = None",
    "        self, private_key: ed25519.Ed25519PrivateKey, f_priv: bytes",
    "\tpassword_data = (GnomeKeyringNetworkPasswordData *)entries->data;",
    "  `{ psk: <Buffer|TypedArray|DataView>, identity: <string> }`",
    '    "Cryptography_HAS_PSK_TLSv1_3": cryptography_has_psk_tlsv13,',
    "            pass_leaf.prefix = orig_meta_prefix",
    "        tls_maximum_version / tls_minimum_version require",
    "#   host          = IP-literal / IPv4address / reg-name",
  ],
  "C++ and config files under a pass name are code": [
    "  using PassModelT = detail::PassModel<LazyCallGraph::SCC, CGSCCPassManager>;",
    "  Pass *ResultPass = Resolver->getAnalysisIfAvailable(PI, true);",
    "    IsLoopNestPass = std::move(RHS.IsLoopNestPass);",
    "  MemDeallocPolicy MDP = MemDeallocPolicy::Standard;",
    "javax.net.ssl.trustStorePassword=<truststore-password>",
    "#password_encryption = scram-sha-256\t# scram-sha-256 or md5",
    "\t\t\t__u32 type; /* EVTCHNSTAT_ipi / EVTCHNSTAT_interdomain */",
    "    return GV_Max_WG_Size / GV_Warp_Size;",
  ],
  "package lists and descriptions are no credentials": [
    "apt\tpython3-pip\t23.0.1+dfsg-1\napt\tpython3-jwt\t2.6.0-1\napt\tpasswd\t1:4.13+dfsg1-1+deb12u1",
    "mkpassphrase\t2.0.0.post1\t2018-03",
    "validations with redux-form / react-final-form",
    "Multi-CPU / multi-GPU parallel code",
    "animations with a p5.js / Processing-like API.",
    "运行时，输入--api_key OpenWeather-API-KEY，获取最新天气信息。",
    "my $Token = qr/[\\x21\\x23-\\x27\\x2A\\x2B]/;",
  ],
  "what a password is said to be, its label or its name, is no password": [
    "fyi the password is SSO-only now for the admin portal",
    "the password is MFA-protected since the migration",
    "btw the token is HS256-signed now",
    "the password is PBKDF2-SHA256, see PLAT-5090",
    "the password is Vault-managed, don't change it by hand",
    "The password is base64-encoded in the Secret.",
    "password is k8s-managed",
    "the token is HMAC-SHA256-signed",
    "the API key is AES-256-encrypted",
    "das Passwort ist AES-256-encrypted",
    "the password is sha256-hashed, x509-based auth for the rest",
    "token format: the token is v2-format, TLS1.3-only",
    "the password is PKCS#8-encoded",
    '`password = Configuration["ConnectionStrings:Password"]` reads user-secrets',
    '`password = data.vault_generic_secret.DB.data["Password"]`',
    'Swedish copy: `password: "Lösenord"`, Icelandic `password: "Lykilorð"`',
    ["export const pl = { password: ", '"Has', "\\u0142", 'o", title: "Zaloguj" };'].join(""),
    'export const passwordSelector = "#Password-Field";',
    'test id: `password_input_testid = "LoginPage-PasswordInput"`',
    "password: PasswordPolicyV3 is the name of the Okta policy",
    `SECRET_ARN=arn:aws:secretsmanager:eu-west-1:${"4".repeat(12)}:secret:qa/api/jwt-${
      randomString(ALPHABET.base62, 6, seededRandom(13992))
    }`,
    "API key: rotated-2024-09-18 (old one revoked)",
    "api key name: ci-readonly-2025, the one the nightly uses",
    "パスワード：社内Wikiを参照",
    'FAKE_PASSWORD = "hunter2-but-longer"',
    "zxcvbn: `password: correct-horse-battery-staple (xkcd example)` scores 4",
  ],
  "example passwords, regions and URLs told as a value are no credentials": [
    `e.g. password: ${"Winter" + "2023!"} (this is an EXAMPLE, do not use)`,
    `Example: \`password: ${"Summer" + "2024!"}\` is rejected by policy`,
    "for the region, set it to us-east-1",
    `set it to "jdbc:postgresql://%USER%:{pwd}@db02-staging.internal:5432/app"`,
    'RequestHeader set Authorization "%{HTTP_AUTHORIZATION}e" env=HTTP_AUTHORIZATION',
  ],
  "template slots, patterns, ports and signed-URL scopes are no credentials": [
    "Password for postgres:5432/auth is in vault",
    "      postgres://{{ .Data.username }}:{{ .Data.password }}@postgres:5432/auth",
    "login.password.forgot=Zapomněli jste heslo?",
    "password.forgot: ¿Olvidaste tu contraseña?",
    "https://storage.googleapis.com/b/o?X-Goog-Credential=trent%40acme-dev.iam." +
    "gserviceaccount.com%2F20241084%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20240101T000000Z",
    ...[
      "{password}",
      "#{password}",
      "%PASSWORD%",
      "{self.password}",
      "{password!s}",
      "__PASSWORD__",
      "((db_password))",
      "!PASSWORD!",
      "«password»",
      "&{password}",
    ].map((slot) => `postgres://app:${slot}@db:5432/app`),
    "TOKEN=dop_v1_%TOKEN%",
    "TOKEN=dop_v1_<TOKEN>",
    "TOKEN=sq0atp-{TOKEN}",
    "TOKEN=dop_v1___TOKEN__ and TOKEN=ATATT3x%API_KEY%",
    'api_key: "pat-na1-@TOKEN@", TOKEN=sq0csp-[TOKEN]',
    "TOKEN=oauth2:ENC[AES256_GCM,data:abc=,type:str]",
    "the password is utf-16le, das Passwort ist rotated-90d",
    "le mot de passe est chiffré-AES",
    "Password for ldap.acme.internal:636/ou=people is in vault",
    "TOKEN=glpat-ENC[AES256_GCM,data:abc=,type:str]",
    "token: [A-Za-z0-9_-]{40}",
    "token = r'^[A-Za-z0-9+/]{40}$'",
    "password: ^[A-Za-z0-9+/]{40}$",
    "password = r'[[:alnum:]]{24}'",
  ],
  "values encrypted to be committed are no credentials": [
    // Maven's settings.xml, its master password elsewhere (settings-security.xml).
    `<password>{${randomString(ALPHABET.base64, 43, seededRandom(13991))}=}</password>`,
  ],
};

for (const [name, texts] of Object.entries(NOT_CREDENTIALS)) {
  Deno.test(`generic: ${name}`, () => {
    for (const text of texts) {
      assertEquals(scanSync(text, { mrkdwn: false }).map((f) => f.ruleId), [], text);
    }
  });
}
