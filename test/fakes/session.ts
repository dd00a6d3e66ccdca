/**
 * Session (REF base/session; the Apps Script reference): the script's time zone, the one Session call the
 * product makes. It never asks for the user's e-mail (that needs the userinfo.email scope, which the manifest
 * does not grant); the accounts are kept here only so that `world.runAs` says who runs the script.
 */
import { Runtime } from './runtime';

export class FakeSession implements Pick<GoogleAppsScript.Base.Session, 'getScriptTimeZone'> {
  constructor(
    private readonly rt: Runtime,
    public activeUserEmail: string,
    public effectiveUserEmail: string,
    public scriptTimeZone: string,
    public locale = 'vi',
  ) {}
  /** The script's IANA zone (the manifest's timeZone); may differ from the Sheet's (REF). */
  getScriptTimeZone(): string {
    this.rt.hit('Session', 'getScriptTimeZone');
    return this.scriptTimeZone;
  }
}
