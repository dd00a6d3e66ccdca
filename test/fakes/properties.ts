/**
 * PropertiesService (REF properties/properties-service, properties/properties; quotas page as quoted in
 * the Apps Script reference): string values, null for a missing key, 9 KB per value and 500 KB per store.
 * The limit error texts are unconfirmed. The document store is null outside a container.
 */
import { Runtime, asGas } from './runtime';

export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;

const bytes = (s: string) => new TextEncoder().encode(s).length;

type PropertiesMethods = 'getProperty' | 'setProperty' | 'setProperties' | 'deleteProperty';

export class FakeProperties implements Pick<GoogleAppsScript.Properties.Properties, PropertiesMethods> {
  readonly data = new Map<string, string>();
  constructor(
    private readonly rt: Runtime,
    readonly store: 'document' | 'script' | 'user',
  ) {}
  private self(): GoogleAppsScript.Properties.Properties {
    return asGas(this);
  }
  private hit(method: string): void {
    this.rt.hit('Properties', method);
  }
  private checkedWrite(entries: [string, unknown][], base: Map<string, string>): Map<string, string> {
    const next = new Map(base);
    for (const [k, v] of entries) {
      const value = String(v);
      if (bytes(value) > VALUE_LIMIT_BYTES) throw this.rt.error('Argument too large: value');
      next.set(String(k), value);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > STORE_LIMIT_BYTES) throw this.rt.error('You have exceeded the property storage quota. Please remove some properties and try again.');
    return next;
  }
  private replace(next: Map<string, string>): void {
    this.data.clear();
    for (const [k, v] of next) this.data.set(k, v);
  }
  getProperty(key: string): string | null {
    this.hit('getProperty');
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this.hit('setProperty');
    this.replace(this.checkedWrite([[key, value]], this.data));
    return this.self();
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): GoogleAppsScript.Properties.Properties {
    this.hit('setProperties');
    this.replace(this.checkedWrite(Object.entries(properties), deleteAllOthers ? new Map() : this.data));
    return this.self();
  }
  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.hit('deleteProperty');
    this.data.delete(key);
    return this.self();
  }
}

export class FakePropertiesService
  implements Pick<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties' | 'getUserProperties'>
{
  readonly document: FakeProperties;
  readonly script: FakeProperties;
  /** One user store per account (REF: "specific to the current user of a script"). */
  private readonly users = new Map<string, FakeProperties>();
  constructor(private readonly rt: Runtime) {
    this.document = new FakeProperties(rt, 'document');
    this.script = new FakeProperties(rt, 'script');
  }
  /** The running account's user store. */
  get user(): FakeProperties {
    let store = this.users.get(this.rt.user);
    if (!store) this.users.set(this.rt.user, (store = new FakeProperties(this.rt, 'user')));
    return store;
  }
  /** null unless the script is bound or an add-on (REF properties-service#getDocumentProperties). */
  getDocumentProperties(): GoogleAppsScript.Properties.Properties {
    this.rt.hit('PropertiesService', 'getDocumentProperties');
    return asGas(this.rt.context === 'standalone' ? null : this.document);
  }
  getUserProperties(): GoogleAppsScript.Properties.Properties {
    this.rt.hit('PropertiesService', 'getUserProperties');
    return asGas(this.user);
  }
}
