// A password or key told in a sentence, where words stand between the name and the value: "the
// sendgrid api key is …", "pw is … for the wifi box", "new db password after rotation -> …"), and
// passwords in German, Spanish, French, Portuguese, Polish, Turkish, Russian and Japanese ("Das
// Passwort für die Staging-DB ist …", "La contraseña de la base es …", "mdp : …", "hasło do
// bazy: …", "şifre: …", "パスワードは … です"), and keys in German ("Schlüssel für web: …") or
// with a spaced name ("prod API key = …"). (`password is …` with nothing between is the name = value
// rule's.) The pattern finds the verb or colon and the value; the validator reads back the name
// word on the same line, at most 40 characters before, with no word between that makes the value
// *about* the password (its reset link, policy or length). The value is judged as a password
// (or, after "api key", as a key).
import type { CharReader, Rule } from "../types.ts";
import { ALPHABET, bitCount, charClassBit, randomString, seededRandom } from "../entropy.ts";
import {
  entityDecoded,
  entityEnd,
  isEmojiShortcode,
  isSecretValue,
  looksLikeCode,
  plausibleUserPassword,
  unwrapBold,
} from "./generic_value.ts";
import { innerUnderscore } from "./gate_chars.ts";
import { isFormatting } from "../normalize.ts";
import { isAlnum } from "../chars.ts";

/** Keys named with a space, a qualifier before `key` ("the Algolia admin key: …"), besides `api`. */
const SPACED_KEYS = [
  "admin",
  // A wallet's or a service account's key told in a sentence ("the private key is 0x4c08…").
  "private",
  "access",
  "secret",
  "master",
  "license",
  "app",
  "client",
  "account",
  "service",
  "signing",
  "encryption",
  "storage",
];

/** The name words, and what kind of value each asks for. */
const NAME_WORDS = new RegExp(
  String
    .raw`(password|passwort|kennwort|contraseña|mot de passe|senha|wachtwoord|lösenord(?:et)?|heslo|пароль|密码|パスワード|パス(?!ワード)|비밀번호|पासवर्ड|סיסמה|كلمة المرور|mật khẩu|(?<![A-Za-z0-9_.])(?:passwd|pasword|pwd?)(?![A-Za-z0-9_])|(?<![A-Za-z0-9])mdp(?![A-Za-z0-9])|şifre(?:si)?|hasło|clave|` +
    `(?:api|${SPACED_KEYS.join("|")})[ _-]?key` +
    String
      .raw`|apiキー|(?:api-?)?schlüssel|clé (?:d'|de l')?api|passcode|passwrd|pssword|(?<![A-Za-z0-9_.])(?:pswd|pword)(?![A-Za-z0-9_])|contrasena|(?<![A-Za-z])haslo|(?<![A-Za-z])sifre(?:si)?|密碼|(?<![A-Za-z0-9_.])(?:token|secret|credentials?|creds)(?![A-Za-z0-9_]))([^\n]{0,40})$`,
  "i",
);

/** The name words a login's comma may stand before ("user x, password …", "login x, hasło …"). */
const AFTER_LOGIN =
  "(?:password|пароль|şifre|mật khẩu|पासवर्ड|wachtwoord|hasło|mot de passe|contraseña|senha|passwort|kennwort|lösenord|heslo|비밀번호)";

/**
 * A quote that may open a value: ASCII, a backtick, Japanese 「, French « (and its space),
 * typographic “ and ‘.
 */
const OPEN = "(?:[\"'`「“‘]|«[ \\t]?)?";

/** The verbs a name is told with ("… is", "… ist", "… è"): the pattern's and the validator's. */
const VERB = "(?:is|ist|lautet|es|est|c'est|c’est|é|è|era|war|was|to|je|är|là|היא|هي|है)";

/** A dash or an arrow that points at a value (`password – …`, `new password -> …`). */
const ARROW = "(?:–|—|->|-&gt;|→)";

/** A verb, colon or arrow (and blanks, a quote) at the end of the text before a value. */
const VERB_AT_END = new RegExp(
  `(?:[ \\t]*${VERB}[ \\t]*:?|[ \\t]*[:：=]\\*{0,2}|[ \\t]*${ARROW}|は|是|는|은)[ \\t]*${OPEN}\\*?$`,
  "i",
);

/**
 * What a name = value rule reads after its name (`password is`, `password:`, `password =`): told
 * so, a lone `password` is that rule's; with another verb (`Passwort ist`, `lautet:`) it is this one's.
 */
const NAME_VALUE_VERB = new RegExp(`^[ \\t]*(?:(?:is|was)[ \\t:]*|[:=][ \\t]*)${OPEN}\\*?$`, "i");

/** The same, the verb after a blank: a separator the value follows. */
const SEPARATOR_AT_END = new RegExp(
  `(?:[ \\t]${VERB}|[:：=は是는은]\\*{0,2}|${ARROW})[ \\t]*${OPEN}\\*?$`,
  "i",
);
const ARROW_AT_END = new RegExp(`${ARROW}[ \\t]*${OPEN}\\*?$`);

/** Words between the name and the value that make the value something else than the secret. */
const ABOUT =
  /\b(?:reset|policy|policies|manager|hint|length|rules?|fields?|prompt|change[ds]?|expir\w*|requirements?|strength|format|link|url|hash|same|wrong|incorrect|invalid|validat\w*|not|nicht|no|pas|name|id|errors?|events?|failures?|requests?|traces?|logs?)\b/i;

/** What is done to a password that is then told with "to". */
const RESET = /\b(?:re)?set\b|\bchanged?\b|\bupdated?\b|\brotated?\b/i;

function validateSentence(
  secret: string,
  ctx: { text: string; start: number; end: number },
): boolean {
  if (isEmojiShortcode(secret, ctx)) return false;
  const before = ctx.text.slice(Math.max(0, ctx.start - 96), ctx.start);
  const lineBefore = before.slice(before.lastIndexOf("\n") + 1);
  // Inside SOPS's encrypted value (`ENC[AES256_GCM,data:…`): no value of its own.
  if (/ENC\[[A-Z0-9_]+,[^\]\s]*$/.test(lineBefore)) return false;
  const named = lineBefore.replace(VERB_AT_END, "");
  const m = NAME_WORDS.exec(named);
  if (m === null || /[.!?](?:\s|$)/.test(m[2])) return false;
  // The name word goes on as an identifier (`private_key_id = …`, `access-key-id: …`,
  // `smtpPasswordGitSha`): another name, the name = value rules'.
  if (/^[_.-]\w|^[A-Z]/.test(m[2])) return false;
  // Code between the name and the value (minified JavaScript: `password:i.password,b["k"]=…`,
  // `apiKey:window.ENV.API_KEY};var …`): a statement ended or an index, never a sentence's.
  if (/[{};]|\[["'\d]|["'\d]\]/.test(m[2])) return false;
  // "to" tells a value only after a reset ("I reset your password to …", "password was
  // changed to …"); elsewhere it leads to something else ("the password to the vault").
  const to = /[ \t]to[ \t]*["'`「]?\*?$/i.test(lineBefore);
  // (Polish says "to" for "is": "hasło do bazy to …".)
  if (to && !RESET.test(lineBefore) && !/^hasło$/i.test(m[1])) return false;
  if (ABOUT.test(to ? m[2].replace(new RegExp(RESET.source, "gi"), "") : m[2])) return false;
  // `password: …`, `password is …` (and `password_hash: …`) are the name = value rules': here a
  // one-word name they read needs words between it and its verb ("the password for prod is").
  // "with password …", and a login named before it: "login admin, password …", "логин x, пароль …".
  const withPassword = new RegExp(
    `(?:(?:^|[^A-Za-z])with[ \\t]{1,8}password|[^\\s,]{1,64},[ \\t]{0,4}${AFTER_LOGIN})[ \\t]+["'\`]?\\*?$`,
    "i",
  ).test(lineBefore);
  const told = lineBefore.slice(named.length);
  // A field of a log line between the name and the value (`secret oauth env request_id=…`,
  // `token refresh duration_ms: …`): the value is that field's. (A sentence's `=` stands apart,
  // and its colon follows a word: `the token for staging: …`.)
  if (m[2] !== "" && (/^=/.test(told) || (/^:/.test(told) && /\w*[_\d]\w*$/.test(m[2])))) {
    return false;
  }
  // The separator inside a quoted string (`password => "vault:v1:…"`; an apostrophe inside a
  // word, `l'imprimante`, opens none), or a colon glued to a
  // word and the value after a token's or secret's name (`--access-token vault:v1:…`,
  // `secret ssm:…`): a scheme or a reference's prefix, not a sentence's colon.
  if (/(?:^|[\s=:(>])["'`][^"'`\s]+$/.test(m[2])) return false;
  if (/^(?:token|secret|cred)/i.test(m[1]) && /\w$/.test(m[2]) && told === ":") {
    return false;
  }
  const otherVerb = m[2] === "" && /^[ \t]+[^\s:=]/.test(told) && !NAME_VALUE_VERB.test(told);
  if (
    /^(?:password|passwort|token|secret|credentials?|creds)$/i.test(m[1]) && !withPassword &&
    !/^[ \t]+\S/.test(m[2]) && !ARROW_AT_END.test(lineBefore) && !to && !otherVerb
  ) {
    return false;
  }
  // No verb or colon: only "with password …" ("log in as root with password …") or after a login.
  if (
    !SEPARATOR_AT_END.test(
      lineBefore,
    ) &&
    !withPassword
  ) return false;
  // `… api key is request_id=…`: a log's next field; `required,min=12`: a list of options;
  // `//host/path`: the rest of a URL whose scheme's colon was read as the separator.
  // (A trailing `=` is base64's padding or a password's last character.)
  if (/^[A-Za-z_][\w.-]*=(?!=*$)|,[A-Za-z_][\w.-]*=|^\/\//.test(secret)) return false;
  if (looksLikeCode(secret, m[1], ctx)) return false;
  const kind = /^api|schlüssel|^clé|key$|^(?:token|secret|cred)/i.test(m[1])
    ? "secret"
    : "password";
  return plausibleUserPassword(secret, "") && isSecretValue(secret, kind);
}

const VERBS = new Set(["is", "ist", "lautet", "es", "est", "era", "war", "was", "to", "je"]);

/**
 * The rule's gate (Rule.windowGate): a finding from this name word has its verb or colon on the
 * same line within 40 characters after it (the validator's reach), then a value of 6 or more
 * characters; or "with" before it and the value right after it. A formatting marker at a
 * word's edge reads as the blank it may show as (`*is*`); one between two letters (it may join
 * them into a verb as shown) or a character that is not ASCII (`：`, `は`, `é`): maybe.
 * (Entities and `<…>` references never show as a verb.)
 */
export function sentenceMayFollow(text: CharReader, hitStart: number, hitEnd: number): boolean {
  // "with password …", "login admin, password …": the value right after the name word.
  if ((withBefore(text, hitStart) || commaBefore(text, hitStart)) && valueAfter(text, hitEnd)) {
    return true;
  }
  // The keyword itself may end in its colon (a full-width one too; over bytes, any character
  // that is not ASCII reads as U+FFFD), `=` or verb (`api key:`, `pw：`, `api key =`, `api key is`).
  const last = text.charCodeAt(hitEnd - 1);
  if (
    last === 58 || last === 0xff1a || last === 0xfffd || last === 61 ||
    ((last | 0x20) === 115 && hitEnd - hitStart > 2 &&
      (text.charCodeAt(hitEnd - 2) | 0x20) === 105 && isBlank(text.charCodeAt(hitEnd - 3)))
  ) {
    if (valueAfter(text, hitEnd)) return true;
  }
  // `password` or `passwort` alone before its colon or verb is the name = value rules' (the
  // validator): here a blank follows it, and words come before the verb or colon.
  const alone = hitEnd - hitStart === 8 && (text.charCodeAt(hitStart) | 0x20) === 112;
  if (alone && !isBlank(text.charCodeAt(hitEnd)) && !isFormatting(text.charCodeAt(hitEnd))) {
    return false;
  }
  const stop = Math.min(text.length, hitEnd + 48);
  let word = "";
  let afterBlank = true; // the first word starts at the hit's end
  let content = false; // something not blank before the current word
  for (let j = hitEnd; j <= stop; j++) {
    let c = j < stop ? text.charCodeAt(j) : 32;
    if (isLetter(c)) {
      if (word.length < 8) word += String.fromCharCode(c | 0x20);
      continue;
    }
    // An underscore inside an identifier (`request_id`) joins two words (the pattern's verb
    // follows a blank).
    if (c === 95 && innerUnderscore(text, j)) {
      word = "_";
      continue;
    }
    if (c >= 0x80) return true;
    // An arrow (`->`, `-&gt;`) may point at the value: maybe.
    if (c === 45 && (text.charCodeAt(j + 1) === 62 || text.charCodeAt(j + 1) === 38)) return true;
    if (isFormatting(c)) {
      if (isLetter(text.charCodeAt(j - 1)) && isLetter(text.charCodeAt(j + 1))) return true;
      c = 32; // as shown; raw, it is something before the verb
      content = true;
    }
    // A verb is a whole word: after a blank (or the hit's end), before a blank.
    const colon = c === 58 && (!alone || content || word !== "");
    // ("password to …" with nothing between: the validator wants a reset before it. A verb the
    // name = value rules do not read, `Passwort ist …`, `lautet …`, is this rule's.)
    const verb = isBlank(c) && afterBlank && VERBS.has(word) &&
      (!alone || content || (word !== "is" && word !== "was"));
    if ((colon || verb) && valueAfter(text, j + 1)) return true;
    if (c === 10 || c === 13 || Number.isNaN(c)) return false;
    if (word !== "" || !isBlank(c)) content = true;
    // French `c'est` is a verb: after its apostrophe, `est` is read as after a blank.
    afterBlank = isBlank(c) || (c === 39 && word === "c" && afterBlank);
    word = "";
  }
  return false;
}

/**
 * Whether "with" and 1-8 blanks come right before `at` (not the end of a longer word), markers
 * read as the blanks they may show as.
 */
function withBefore(text: CharReader, at: number): boolean {
  let k = at, b = 0;
  for (; k > 0 && b <= 8; k--, b++) {
    const c = text.charCodeAt(k - 1);
    if (!isBlank(c) && !isFormatting(c)) break;
  }
  if (b === 0 || b > 8 || k < 4) return false;
  const w = (i: number) => text.charCodeAt(k - 4 + i) | 0x20;
  return w(0) === 119 && w(1) === 105 && w(2) === 116 && w(3) === 104 &&
    (k === 4 || !isLetter(text.charCodeAt(k - 5)));
}

/** Whether a comma and at most 4 blanks come right before `at` (a login named before it). */
function commaBefore(text: CharReader, at: number): boolean {
  let k = at;
  while (k > 0 && at - k < 4 && isBlank(text.charCodeAt(k - 1))) k--;
  return k > 0 && text.charCodeAt(k - 1) === 44;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether a value of 6 or more non-blank characters starts at `v` (after blanks, a quote). */
function valueAfter(text: CharReader, v: number): boolean {
  let k = v;
  // A marker before the value may show as a blank: maybe.
  for (; k < text.length && k <= v + 4; k++) {
    const c = text.charCodeAt(k);
    if (isFormatting(c)) return true;
    if (!isBlank(c) || k === v + 4) break;
  }
  const q = text.charCodeAt(k);
  // A `<` opens a placeholder or a reference the validator never takes (`<token>`,
  // `<#C024BE91L|ops>` read raw).
  if (q === 60) return false;
  if (q === 34 || q === 39 || q === 96) k++;
  // The pattern's value is the run's first 128 characters at most, less trailing punctuation;
  // the validator wants 8 or more of two classes or more, and no `name=` (a log's next field).
  let n = 0, classes = 0, name = true, field = false;
  for (; k < text.length && n < 128; k++, n++) {
    const c = text.charCodeAt(k);
    if (isBlank(c) || c === 10 || c === 13 || c === 34 || c === 39) break;
    if (c >= 0x80) return true;
    classes |= charClassBit(c);
    if (name && !field) {
      // `name=value` is a field; a trailing `=` (base64's padding) is not.
      if (c === 61 && n > 0) {
        const d = k + 1 < text.length ? text.charCodeAt(k + 1) : 32;
        if (d !== 61 && !isBlank(d) && d !== 10 && d !== 13 && d !== 34 && d !== 39) field = true;
        else name = false;
      } else if (!(isLetter(c) || c === 95 || (n > 0 && (isAlnum(c) || c === 46 || c === 45)))) {
        name = false;
      }
    }
  }
  return !field && n >= 8 && bitCount(classes) >= 2;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

const b62 = (n: number, rand: () => number) => randomString(ALPHABET.base62, n, rand);

export const rules: Rule[] = [
  {
    id: "generic-sentence-password",
    family: "generic",
    description: "Password or API key told in a sentence, in English or another language",
    // `api key` right before its verb or colon, `password` (English, Italian: "the password for
    // the staging db is …", "la password del database è …"), and the name words of other languages:
    // `passe ` (mot de passe), `seña` (contraseña), `enha ` (senha), `achtwoord` (wachtwoord),
    // chosen so the byte scanner's filter, which stops at a keyword's first three bytes, does
    // not stop at everyday words and gets no first byte of its own. The byte scanner's sentence
    // gate (scripts/wasm/gates.as.ts) drops a hit with no verb
    // or colon and value after it before any TypeScript runs: "password for" is common in chat.
    keywords: [
      // "api key " takes "the API key for staging is …", "el API key de staging es …".
      "api key ",
      "api key is",
      "api key:",
      "api key =",
      "api key=",
      "api keyは",
      // Other keys named with a space ("the Algolia admin key: …", "our license key is …").
      ...SPACED_KEYS.map((q) => q + " key"),
      // A token, secret or credentials told in a sentence ("the token for the staging bot is
      // …"): the name = value rules' keywords and the blank a sentence goes on with, so the byte
      // filter stops nowhere new and a `token=`/`secret:` in every line of a log or a config
      // dump wakes the name = value rules alone.
      "token ",
      "secret ",
      "credentials ",
      "credential ",
      "creds ",
      "password",
      // `pw ` takes "pw for …", "pw is …", "pw → …"; "passwd for the vpn: …", "pwd for …", and
      // the common misspelling "pasword: …".
      "pw ",
      "pw:",
      "pw=",
      "pw：",
      "passwd",
      "pwd for",
      "pwd is",
      "pasword",
      // French "clé API : …", "clé d'API : …" (`c` + `l` open other keywords already).
      "clé api",
      "clé d'api",
      // mot de passe, abbreviated; Turkish şifre; Polish hasło (from its rarer part: `has` is
      // everyday English, and `asł` cost the byte filter 4%, `sło` 2%); Portuguese senha before
      // its colon; Spanish clave.
      "mdp",
      "şifre",
      "sło",
      "enha:",
      "lave ",
      "lave:",
      "passwort",
      "seña",
      "passe ",
      "passe:",
      // A passcode; misspellings; Spanish, Polish and Turkish typed without their accents
      // (`contrasena`, `haslo`, `sifre`); traditional Chinese. (口令 and 暗証番号 would take the
      // byte scanner past its 127 distinct bytes.)
      "passcode",
      "passwrd",
      "pssword",
      "pswd",
      "pword",
      "rasena",
      // (`haslo` from its rarer part: `has` is everyday English.)
      "aslo ",
      "aslo:",
      "sifre",
      "密碼",
      "enha ",
      "achtwoord",
      "пароль",
      "密码",
      "パスワード",
      // パス, the everyday clipping of パスワード, before its colon.
      "パス:",
      "パス：",
      "apiキー",
      // Schlüssel, from its rarer part: `sch` starts everyday German words.
      "chlüssel",
      // German Kennwort (`ken` starts "token"), Swedish lösenord, Czech heslo (`hes` is in
      // "matches"), Hebrew, Hindi, Arabic and Vietnamese. (Korean's 비밀번호 would take the
      // byte scanner past its 127 distinct bytes in a Slack export's JSON.)
      "nnwort",
      "lösenord",
      "eslo",
      "סיסמ",
      "पासवर्ड",
      "المرور",
      "mật khẩu",
    ],
    pattern: new RegExp(
      `(?:(?<=[ \\t])${VERB}[ \\t]{1,4}|[:：=]\\*{0,2}[ \\t]{0,4}|${ARROW}[ \\t]{0,4}|[は是는은][ \\t]{0,4}|(?<=h password|, ${AFTER_LOGIN})[ \\t]{1,4})` +
        `(?:["'\`「“‘]|«[ \\t]?)?(?<secret>[^\\s"'\`«»“”‘’\\u3000-\\u30ff\\u3400-\\u9fff\\uff00-\\uffef]{5,127}[^\\s"'\`.,;:?)«»“”‘’\\u3000-\\u30ff\\u3400-\\u9fff\\uff00-\\uffef])`,
      "gi",
    ),
    // A bold value (`la password è *…*`) leaves its markers, read as written too.
    unwrap: unwrapBold,
    // Slack stores `<`, `>` and `&` as entities: a value's last one keeps its `;`, and the value
    // is reported as typed (`pw is Tk&lt;9…&gt;` is `Tk<9…>`).
    extendEnd: entityEnd,
    canonical: entityDecoded,
    windowGate: sentenceMayFollow,
    byteGate: "sentence",
    validate: validateSentence,
    confidence: "medium",
    literalMarkers: true,
    // The name word comes first, the verb and the value within the line after it; "with", or a
    // login and its comma, may stand before it (the validator reads them back).
    window: { before: 80, after: 200 },
    examples: {
      positives: () => {
        const rand = seededRandom(14301);
        const a = "Qx7" + b62(10, rand) + "#";
        const b = b62(32, rand);
        const c = "Lv2" + b62(9, rand) + "!";
        // Words, digits and a trailing `=`: no `name=value` field.
        const padded = ["Saffron", "Walrus", randomString("0123456789", 4, rand), "="].join("");
        return [
          { text: `the sendgrid api key is ${b}`, secret: b },
          { text: `the API key for staging is ${b}`, secret: b },
          { text: `el API key de staging es ${b}`, secret: b },
          { text: `prod api key: ${b}`, secret: b },
          { text: `prod API key = ${b}`, secret: b },
          // Other keys named with a space.
          { text: `new Algolia admin key: ${b} :white_check_mark:`, secret: b },
          { text: `our license key for the build farm is ${b}`, secret: b },
          // A token, secret or credentials with words before their verb or colon.
          { text: `the token for the staging bot is ${b}`, secret: b },
          { text: `Here's the API token for staging: ${b}`, secret: b },
          { text: `the secret for the billing webhook is \`${b}\``, secret: b },
          { text: `Schlüssel für web: ${b} - bitte nicht teilen`, secret: b },
          { text: `der API-Schlüssel lautet ${b}`, secret: b },
          { text: `Das Passwort für die Staging-DB ist ${c}`, secret: c },
          { text: `La contraseña de la base de datos es ${a}.`, secret: a },
          { text: `le mot de passe du wifi invités: ${c}`, secret: c },
          { text: `ステージングDBのパスワードは ${a} です`, secret: a },
          { text: `ステージングのパスワードは「${a}」です`, secret: a },
          { text: `the password for the staging db is ${c}`, secret: c },
          { text: `Password to the shared wifi is ${a}, don't share it`, secret: a },
          { text: `la password del database è ${c}`, secret: c },
          { text: `het wachtwoord is ${a}`, secret: a },
          { text: `пароль от базы: ${c}`, secret: c },
          { text: `数据库密码是 ${a}`, secret: a },
          { text: `本番のAPIキーは ${b} です`, secret: b },
          { text: `pw for deploy:${c}`, secret: c },
          { text: `heads up: pw → ${c}`, secret: c },
          { text: `pw -> ${a}`, secret: a },
          { text: `yo passwd for the vpn: ${c}`, secret: c },
          { text: `the pwd for the vpn is ${a}`, secret: a },
          { text: `fyi pasword: ${c}`, secret: c },
          { text: `clé API : ${b}`, secret: b },
          { text: `pw is ${a} for the wifi box`, secret: a },
          { text: `pw is ${padded} for the wifi box`, secret: padded },
          { text: `la password del database è *${c}*`, secret: c },
          { text: `mdp : ${c}`, secret: c },
          { text: `şifre: \`${a}\``, secret: a },
          { text: `hasło do bazy: ${c}`, secret: c },
          { text: `senha: ${a}`, secret: a },
          { text: `la clave del admin es ${c}`, secret: c },
          { text: `password – \`${a}\``, secret: a },
          { text: `new db password after rotation -&gt; ${c}`, secret: c },
          { text: `2. log in as svc_report with password ${a}`, secret: a },
          { text: `login admin, password *${c}*`, secret: c },
          { text: `логин reporting, пароль ${a}`, secret: a },
          { text: `Jenkins giriş bilgileri: kullanıcı adı emartin, şifre \`${a}\``, secret: a },
          { text: `tài khoản VPN: tên đăng nhập \`svc_etl\`, mật khẩu ${c}`, secret: c },
          { text: `Lösenordet till office router är \`${a}\`, byt det.`, secret: a },
          { text: `heslo je ${c}`, secret: c },
          { text: `Kennwort: ${c}`, secret: c },
          { text: `הסיסמה ל-TeamCity server היא \`${a}\``, secret: a },
          { text: `AWS console का लॉगिन: यूज़रनेम deploy, पासवर्ड ${a}`, secret: a },
          { text: `كلمة المرور هي ${c}`, secret: c },
          {
            text: `Hasło do Windows build VM to ${c}, zmień je po pierwszym logowaniu.`,
            secret: c,
          },
          { text: `<@U0TE5RDZO> I reset your password to \`${c}\` please change it`, secret: c },
          { text: `your password has been changed to ${a}`, secret: a },
          // A verb the name = value rules do not read, right after a lone name.
          { text: `Das WLAN-Passwort ist ${c}`, secret: c },
          { text: `Das Passwort lautet: ${a}`, secret: a },
          { text: `Le mot de passe est « ${c} »`, secret: c },
          { text: `ID：admin\nPW：${a}`, secret: a },
          { text: `ssh into bastion, user ubuntu pw=${c}`, secret: c },
          { text: `password for the printer admin page: ${a}`, secret: a },
          // A value glued to the Chinese or Japanese around it; bold labels in files; the name
          // typed without its accents, in traditional Chinese, misspelled.
          { text: `临时密码是${a}，登录后请修改`, secret: a },
          { text: `ゲストWi-Fiのパスワードは${c}です`, secret: c },
          { text: `*Wachtwoord:* ${a}`, secret: a },
          { text: `Login: kasia.n\nhaslo: ${c}`, secret: c },
          { text: `• 密碼：${a}`, secret: a },
          { text: `mot de passe: ${c}`, secret: c },
          { text: `contrasena del router: ${a}`, secret: a },
          { text: `le mdp de l'imprimante c'est ${c} 😅`, secret: c },
          { text: `• パス: ${a}`, secret: a },
          { text: `*clave:* ${c}`, secret: c },
          { text: `la contraseña del wifi es “${c}”`, secret: c },
          // Slack stores `<` as an entity: the value is reported as typed (its canonical form).
          { text: `root pw is ${c.slice(0, 6)}&lt;${a}`, secret: `${c.slice(0, 6)}&lt;${a}` },
          {
            text: `for <#C0YOOYRNJL4|deploy-staging>: ステージングDBのパスワードは ${a} です`,
            secret: a,
          },
        ];
      },
      negatives: () => [
        "the password for the staging db is in 1password",
        "the token for prod expired: see INC-2024-0042",
        "the secret for staging is stored in vault under kv/billing",
        "the token is invalid",
        `sentry event for the token error: ${
          randomString(ALPHABET.hexLower, 32, seededRandom(14304))
        }`,
        "2024-05-01T10:05:00Z WARN alert flag secret oauth env request_id=be0ce03b9d63b12f",
        `let private_key_id = "${randomString(ALPHABET.hexLower, 32, seededRandom(14302))}";`,
        `./deploy.sh --access-token vault:v1:${b62(56, seededRandom(14303))} --env prod`,
        "the password reset link is https://acme.io/reset",
        "the password for prod is NOT the same as staging",
        "the password policy is Minimum12Chars!",
        "Das Passwort ist falsch, bitte nochmal",
        "the api key is missing from the request headers",
        "api key = None",
        "der Schlüssel für das Büro liegt am Empfang",
        "Schlüssel: siehe Tresor",
        "ERROR a api key is request_id=246c60022c12ea57 duration_ms=325",
        // Minified JavaScript: the name in one statement, a constant in the next.
        `{password:i.password,bN["HeeRFsGI"]="${b62(32, seededRandom(14303))}";function F(n){}`,
        `={apiKey:window.ENV.API_KEY};const x="${b62(32, seededRandom(14304))}";`,
        "the password to the vault is ********",
        `send the password to ${b62(12, seededRandom(14302))} over Signal`,
        "I reset your password to the default one",
        "the password for the staging db is in the vault",
        "password doesn't match, is the caps lock on",
        "the password of the admin account is rotated: see #ops",
        "het wachtwoord is verlopen",
        "the MDP solver converged: reward is 0.93",
        `curl -H "Authorization: Bearer x9Mdp${"Q".repeat(3)}" https://api.acme.io/v1/me`,
        "la clave del éxito es la constancia",
        "password -> see the vault entry",
        "pw → reset it in the portal first",
        "cat /etc/passwd: root entry is there",
        "la clé API : voir le coffre",
        `the pwd is /home/${b62(10, seededRandom(14303))}/app`,
        `which password ${b62(16, seededRandom(14302))} do you mean`,
        "sign in with password authentication disabled",
        "login admin, password reset required",
        "fixed the typo, password policy is enforced now",
        '\tPassword string `json:"password" validate:"required,min=12"`',
      ],
    },
  },
];
