// Web session cookies pasted from a browser or a log: `Cookie: sessionid=…` (Django),
// `connect.sid=s%3A…` (Express), `JSESSIONID=…` (Java), `PHPSESSID=…`, `_app_session=…` (Rails,
// Laravel). Whoever holds one is logged in as its owner until it expires. Only in a cookie: the
// line must say so (`Cookie:`, `Set-Cookie:`, curl's `-b` or `--cookie`); a `session_id=` in an
// application log is an identifier, not a credential.
import type { Rule } from "../types.ts";
import { ALPHABET, hasFiller, isLowVariety, randomString, seededRandom } from "../entropy.ts";
import { entropyOf } from "../placeholder.ts";

/** What says the line carries cookies, before the value. */
const COOKIE_LINE = /cookie|(?:^|\s)-b[ \t]+["']?[^\n]*$/i;

function validateCookie(secret: string, ctx: { text: string; start: number }): boolean {
  let value: string;
  try {
    value = decodeURIComponent(secret);
  } catch {
    value = secret;
  }
  const body = value.replace(/[^A-Za-z0-9]/g, "");
  if (body.length < 20 || hasFiller(body) || isLowVariety(body) || entropyOf(body) < 3.0) {
    return false;
  }
  if (!/[0-9]/.test(body) || !/[A-Za-z]/.test(body)) return false;
  const before = ctx.text.slice(Math.max(0, ctx.start - 400), ctx.start);
  return COOKIE_LINE.test(before.slice(before.lastIndexOf("\n") + 1));
}

export const rules: Rule[] = [
  {
    id: "session-cookie",
    family: "generic",
    description:
      "Web session cookie in a Cookie header (sessionid=, connect.sid=, JSESSIONID=, PHPSESSID=, _session=)",
    keywords: ["sessionid=", "connect.sid=", "sessid=", "_session="],
    pattern:
      /(?<![A-Za-z0-9.])(?:[A-Za-z][A-Za-z0-9]{0,30})?(?:sessionid|connect\.sid|sessid|_session)=(?<secret>[A-Za-z0-9%._+/=-]{20,400})/gi,
    validate: validateCookie,
    confidence: "medium",
    window: { before: 48, after: 420 },
    examples: {
      positives: () => {
        const rand = seededRandom(15301);
        const django = randomString("abcdefghijklmnopqrstuvwxyz0123456789", 32, rand);
        const express = "s%3A" + randomString(ALPHABET.base64url, 32, rand) + "." +
          randomString(ALPHABET.base62, 43, rand);
        const java = randomString("0123456789ABCDEF", 32, rand);
        return [
          { text: `Cookie: _ga=GA1.1.3187; sessionid=${django}; theme=dark`, secret: django },
          {
            text: `curl -i https://admin.acme.io -H "Cookie: connect.sid=${express}"`,
            secret: express,
          },
          { text: `Set-Cookie: JSESSIONID=${java}; Path=/; HttpOnly`, secret: java },
          { text: `curl -b 'sessionid=${django}' https://acme.io/api`, secret: django },
        ];
      },
      negatives: () => [
        `INFO request done session_id=${randomString(ALPHABET.hexLower, 32, seededRandom(15302))}`,
        "Cookie: sessionid=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "Cookie: sessionid=${SESSION}",
        `the sessionid=${
          randomString(ALPHABET.hexLower, 32, seededRandom(15303))
        } in our analytics table`,
      ],
    },
  },
];
