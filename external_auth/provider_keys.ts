// Provider keys shared by the manifest's providers and the functions' `oauth2` inputs. No side
// effects here: function code imports this at run time, where no client id is in the environment.

export const GOOGLE_PROVIDER_KEY = "google";
export const GITHUB_PROVIDER_KEY = "github";

export type ProviderKey = typeof GOOGLE_PROVIDER_KEY | typeof GITHUB_PROVIDER_KEY;

/** How people see each provider in messages. */
export const PROVIDER_NAMES: Readonly<Record<ProviderKey, string>> = {
  google: "Google",
  github: "GitHub",
};

/** The link-trigger workflow that (re)connects each provider, named in every "what to do". */
export const CONNECT_WORKFLOW_TITLES: Readonly<Record<ProviderKey, string>> = {
  google: "Connect my Google account",
  github: "Connect my GitHub account",
};
