// What a sentence puts between a secret's name and its value, in the languages the prose rules
// read: what the secret belongs to, then the verb that tells it ("the AWS secret key for staging
// is …", "das client secret für Staging ist …", "o signing secret do staging é …"), or Japanese's
// particle ("stagingのverification tokenは …"). Shared by the rules that read a name back from
// its value (slack_prose.ts, aws.ts).

/** The prepositions that say what a secret belongs to. */
export const BELONGS_TO = "(?:for|of|in|on|from|do|da|de|del|für|pour|per|para|voor)";

/** The verbs that tell the value. */
export const TELLS = "(?:is|ist|es|est|é|è|era|war|was)";

/**
 * Regex source from a name's end to its value: what it belongs to (at most `reach` characters)
 * and the verb or a colon ("the verification token for the slash command: …"), or the particle.
 */
export function proseToValue(reach: number): string {
  return String.raw`[ \t]${BELONGS_TO}[ \t][^\n:=|,"'` + "`" +
    String.raw`]{1,${reach}}?(?:[ \t]${TELLS}[ \t]{1,4}|:[ \t]{0,4})|は[ \t]{0,4}`;
}
