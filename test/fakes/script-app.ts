/**
 * ScriptApp, the part the product uses: requireAllScopes (REF script/script-app#requireAllScopes). Under
 * granular consent a user may untick scopes (docs/google-behaviours.md, switch i); requireAllScopes then
 * ends the run and shows Google's consent screen for the missing ones. The fake records the prompt and
 * ends the run by throwing; nothing after the call runs.
 */
import { Runtime, asGas, nameEnum } from './runtime';

const AUTH_MODES = ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const;

/** What the fake throws to end a run at the consent screen (the text a log shows is unconfirmed). */
export const CONSENT_REQUIRED = 'Authorization is required to perform that action.';

export class FakeScriptApp implements Pick<GoogleAppsScript.Script.ScriptApp, 'requireAllScopes' | 'AuthMode'> {
  readonly AuthMode = nameEnum<typeof GoogleAppsScript.Script.AuthMode>(AUTH_MODES);
  /** The scopes each consent screen asked for, in order. */
  readonly consentPrompts: string[][] = [];
  constructor(
    private readonly rt: Runtime,
    private readonly manifestScopes: readonly string[],
  ) {}
  requireAllScopes(authMode: GoogleAppsScript.Script.AuthMode): void {
    this.rt.hit('ScriptApp', 'requireAllScopes');
    if (!AUTH_MODES.includes(String(authMode) as (typeof AUTH_MODES)[number])) {
      throw this.rt.error(`The parameters (${typeof authMode}) don't match the method signature for ScriptApp.requireAllScopes.`);
    }
    const missing = this.manifestScopes.filter((s) => !this.rt.scopes.has(s));
    if (missing.length === 0) return;
    this.consentPrompts.push(missing);
    throw this.rt.error(CONSENT_REQUIRED);
  }
  /** The clerk accepts the consent screen: every missing scope is granted from now on. */
  grantAll(): void {
    for (const s of this.manifestScopes) this.rt.scopes.add(s);
  }
  self(): GoogleAppsScript.Script.ScriptApp {
    return asGas(this);
  }
}
