/**
 * Session (REF base/session; the Apps Script reference). The user's e-mail needs the userinfo.email
 * scope (REF lists it for getActiveUser/getEffectiveUser); the manifest does not grant it, so the fake
 * throws when it is missing (error text follows the usual pattern, unconfirmed). getActiveUser() gives ''
 * when the identity is hidden (simple triggers, other domains): set `activeUserEmail: ''`.
 */
import { Runtime, SCOPE, asGas } from './runtime';

export class FakeSession implements Pick<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale'> {
  constructor(
    private readonly rt: Runtime,
    public activeUserEmail: string,
    public effectiveUserEmail: string,
    public scriptTimeZone: string,
    public locale = 'vi',
  ) {}
  private user(which: 'getActiveUser' | 'getEffectiveUser', email: () => string): GoogleAppsScript.Base.User {
    const rt = this.rt;
    return asGas({
      getEmail: () => {
        rt.hit('User', 'getEmail');
        rt.requireScope(`Session.${which}`, SCOPE.userinfoEmail);
        return rt.context === 'simpleTrigger' && which === 'getActiveUser' ? '' : email();
      },
    });
  }
  getActiveUser(): GoogleAppsScript.Base.User {
    this.rt.hit('Session', 'getActiveUser');
    return this.user('getActiveUser', () => this.activeUserEmail);
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    this.rt.hit('Session', 'getEffectiveUser');
    return this.user('getEffectiveUser', () => this.effectiveUserEmail);
  }
  /** The script's IANA zone (the manifest's timeZone); may differ from the Sheet's (REF). */
  getScriptTimeZone(): string {
    this.rt.hit('Session', 'getScriptTimeZone');
    return this.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    this.rt.hit('Session', 'getActiveUserLocale');
    return this.locale;
  }
}
