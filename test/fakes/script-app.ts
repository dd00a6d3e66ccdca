/**
 * ScriptApp, the parts the product uses.
 * - requireAllScopes (REF script/script-app#requireAllScopes). Under granular consent a user may untick
 *   scopes (docs/google-behaviours.md, switch i); requireAllScopes then ends the run and shows Google's
 *   consent screen for the missing ones. The fake records the prompt and ends the run by throwing; nothing
 *   after the call runs.
 * - getAuthorizationInfo(FULL).getAuthorizationStatus() (REF script/authorization-info): REQUIRED while a scope
 *   of the manifest is not granted, NOT_REQUIRED otherwise; the self-check reads it (switch i).
 * - Installable triggers (REF script/script-app, script/trigger-builder, script/clock-trigger-builder;
 *   guides/triggers/installable): `newTrigger(fn).timeBased().after(ms).create()`, `getProjectTriggers()`,
 *   `deleteTrigger(t)`. They need the `script.scriptapp` scope. A time-driven trigger runs its function later
 *   in a context without Ui; Apps Script gives no exact time, only "after at least ms". Tests fire due
 *   triggers with `runNext`.
 */
import { Runtime, asGas, nameEnum } from './runtime';

const AUTH_MODES = ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const;
const AUTHORIZATION_STATUSES = ['REQUIRED', 'NOT_REQUIRED'] as const;

/** What the fake throws to end a run at the consent screen (the text a log shows is unconfirmed). */
export const CONSENT_REQUIRED = 'Authorization is required to perform that action.';

export const SCRIPT_APP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';

export interface FakeTriggerRecord {
  id: string;
  handler: string;
  /** When it becomes due on the fake clock. */
  atMs: number;
}

class FakeTrigger {
  constructor(
    private readonly rt: Runtime,
    readonly record: FakeTriggerRecord,
  ) {}
  getUniqueId(): string {
    this.rt.hit('Trigger', 'getUniqueId');
    return this.record.id;
  }
  getHandlerFunction(): string {
    this.rt.hit('Trigger', 'getHandlerFunction');
    return this.record.handler;
  }
  getEventType(): string {
    this.rt.hit('Trigger', 'getEventType');
    return 'CLOCK';
  }
}

class FakeClockTriggerBuilder {
  private afterMs: number | null = null;
  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}
  after(durationMilliseconds: number): FakeClockTriggerBuilder {
    this.afterMs = durationMilliseconds;
    return this;
  }
  create(): GoogleAppsScript.Script.Trigger {
    return this.app.createTrigger(this.handler, this.afterMs ?? 0);
  }
}

class FakeTriggerBuilder {
  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}
  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.app, this.handler);
  }
}

export class FakeScriptApp {
  readonly AuthMode = nameEnum<typeof GoogleAppsScript.Script.AuthMode>(AUTH_MODES);
  readonly AuthorizationStatus = nameEnum<typeof GoogleAppsScript.Script.AuthorizationStatus>(AUTHORIZATION_STATUSES);
  /** The scopes each consent screen asked for, in order. */
  readonly consentPrompts: string[][] = [];
  readonly triggers: FakeTrigger[] = [];
  /** Every trigger ever created, for the tests' counts. */
  created = 0;
  private next = 0;
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
  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode): GoogleAppsScript.Script.AuthorizationInfo {
    this.rt.hit('ScriptApp', 'getAuthorizationInfo');
    if (!AUTH_MODES.includes(String(authMode) as (typeof AUTH_MODES)[number])) {
      throw this.rt.error(`The parameters (${typeof authMode}) don't match the method signature for ScriptApp.getAuthorizationInfo.`);
    }
    const missing = this.manifestScopes.some((s) => !this.rt.scopes.has(s));
    const status = this.AuthorizationStatus[missing ? 'REQUIRED' : 'NOT_REQUIRED'];
    return asGas({ getAuthorizationStatus: () => status, getAuthorizationUrl: () => 'https://script.google.com/fake-consent' });
  }
  /** The clerk accepts the consent screen: every missing scope is granted from now on. */
  grantAll(): void {
    for (const s of this.manifestScopes) this.rt.scopes.add(s);
  }
  self(): GoogleAppsScript.Script.ScriptApp {
    return asGas(this);
  }

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    this.rt.hit('ScriptApp', 'newTrigger');
    this.rt.requireAuth('ScriptApp.newTrigger', SCRIPT_APP_SCOPE);
    return asGas(new FakeTriggerBuilder(this, functionName));
  }
  createTrigger(handler: string, afterMs: number): GoogleAppsScript.Script.Trigger {
    this.rt.hit('ClockTriggerBuilder', 'create');
    // Apps Script caps a project at 20 triggers per user (REF quotas).
    if (this.triggers.length >= 20) throw this.rt.error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    const t = new FakeTrigger(this.rt, { id: String(++this.next), handler, atMs: this.rt.clock.now() + Math.max(afterMs, 60_000) });
    this.triggers.push(t);
    this.created += 1;
    return asGas(t);
  }
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    this.rt.hit('ScriptApp', 'getProjectTriggers');
    this.rt.requireAuth('ScriptApp.getProjectTriggers', SCRIPT_APP_SCOPE);
    return asGas([...this.triggers]);
  }
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    this.rt.hit('ScriptApp', 'deleteTrigger');
    const i = this.triggers.findIndex((t) => t === (trigger as unknown as FakeTrigger) || t.record.id === trigger.getUniqueId());
    if (i >= 0) this.triggers.splice(i, 1);
  }

  /**
   * Test helper: runs the earliest pending trigger as Apps Script would (the clock moves to its time, the
   * context is a trigger's, so there is no Ui), deleting nothing: the code under test deletes its own.
   * Returns the handler's name, or null when no trigger is pending.
   */
  runNext(call: (handler: string) => void): string | null {
    const next = [...this.triggers].sort((a, b) => a.record.atMs - b.record.atMs)[0];
    if (!next || next.record.atMs === Number.POSITIVE_INFINITY) return null;
    if (this.rt.clock.now() < next.record.atMs) this.rt.clock.advance(next.record.atMs - this.rt.clock.now());
    const before = this.rt.context;
    this.rt.context = 'trigger';
    try {
      call(next.record.handler);
    } finally {
      this.rt.context = before;
    }
    // A time-based trigger made with after() fires once; Apps Script disables it, the project keeps it until deleted.
    next.record.atMs = Number.POSITIVE_INFINITY;
    return next.record.handler;
  }
}
