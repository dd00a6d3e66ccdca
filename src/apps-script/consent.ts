/**
 * Granular consent: a clerk may untick some of the manifest's scopes at Google's consent screen, and a run
 * can then start without them (docs/google-behaviours.md, switch i). Every menu handler and google.script.run
 * target calls this first: a missing grant ends the run at Google's consent screen, which asks again,
 * instead of failing later with a misleading "no access" message.
 */
export function requireAllScopes(): void {
  ScriptApp.requireAllScopes(ScriptApp.AuthMode.FULL);
}
