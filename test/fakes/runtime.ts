/**
 * What every fake shares within one world: the call counter, injected failures, the scopes the manifest
 * grants, the run context (bound script, trigger, standalone), a fake clock, and the "realm" that
 * creates the Dates and Errors handed to the code under test.
 *
 * Realm: code loaded into a node:vm context has its own Date and Error; a host Date fails
 * `v instanceof Date` there. load-bundle.ts points `realm` at the context's constructors so values
 * coming out of the fakes look native to the bundle.
 */

import { OPTIMISTIC, type GoogleBehaviours } from './behaviours';

export const SCOPE = {
  spreadsheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  documents: 'https://www.googleapis.com/auth/documents',
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  drive: 'https://www.googleapis.com/auth/drive',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  userinfoEmail: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

/**
 * Where the script runs (REF guides/triggers, the Apps Script reference):
 * - 'bound': a menu item or dialog call in the open Sheet, fully authorized;
 * - 'simpleTrigger': onOpen/onEdit in AuthMode.LIMITED: the bound Sheet and its Ui work, services that
 *   need authorization (DocumentApp, Drive, Docs, the user's email, dialogs) throw;
 * - 'trigger': an installable or time-driven trigger: authorized, but no Ui;
 * - 'standalone': no container at all: no active spreadsheet, no document lock or document properties.
 */
export type RunContext = 'bound' | 'simpleTrigger' | 'trigger' | 'standalone';

export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
}

/** Counts calls per "Service.method" key (for example 'Range.getValues', 'Drive.Files.copy'). */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly failures = new Map<string, unknown[]>();

  /** Number of calls of one key; a key without a method part ('Range') sums the whole service. */
  count(key: string): number {
    if (this.counts.has(key)) return this.counts.get(key) ?? 0;
    let sum = 0;
    for (const [k, n] of this.counts) if (k.startsWith(`${key}.`)) sum += n;
    return sum;
  }

  /** All counts, keys sorted: handy in a snapshot or a failure message. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  reset(): void {
    this.counts.clear();
  }

  /** The next `times` calls of `key` throw `error` (after being counted), in order of injection. */
  failNext(key: string, error: unknown, times = 1): void {
    const queue = this.failures.get(key) ?? [];
    for (let i = 0; i < times; i++) queue.push(error);
    this.failures.set(key, queue);
  }

  /** Injected failures not consumed yet, per key. */
  pendingFailures(): Record<string, number> {
    return Object.fromEntries([...this.failures].filter(([, q]) => q.length > 0).map(([k, q]) => [k, q.length]));
  }

  /** Records a call; throws an injected failure if one is queued for this key. */
  hit(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    const queue = this.failures.get(key);
    if (queue && queue.length > 0) throw queue.shift();
  }
}

/**
 * What a Google call costs on the fake clock, in ms. Live Apps Script answers every call over the
 * network; these defaults are the planning figures the product is measured against (README,
 * Performance): a DocumentApp call ~5 ms, a call to the Drive, Docs or Sheets API ~300 ms.
 *
 * Which calls count (callKind):
 * - 'documentApp': every method of DocumentApp and of what it hands out (Document, Body, HeaderSection,
 *   FooterSection, Paragraph, ListItem, Text, Table, TableRow, TableCell, RangeElement), openById and
 *   saveAndClose included, except Document.getAs (a PDF rendering: 'api');
 * - 'api': every method of the Drive and Docs advanced services, and every Range method that reads or
 *   writes cells (values, formulas, number formats, notes, validation, font weight, background,
 *   clearContent); Range geometry (getRow, getNumRows, getA1Notation, ...) and everything else
 *   (Sheet, Spreadsheet, Ui, Lock, Properties, Utilities, HtmlService) cost nothing.
 * A world's costs are a switch: createGoogleWorld({ callCosts: NO_CALL_COSTS }) stops the clock moving
 * with calls; Utilities.sleep and lock waits still advance it.
 */
export interface CallCosts {
  documentAppMs: number;
  apiMs: number;
}

export const LIVE_CALL_COSTS: Readonly<CallCosts> = Object.freeze({ documentAppMs: 5, apiMs: 300 });
export const NO_CALL_COSTS: Readonly<CallCosts> = Object.freeze({ documentAppMs: 0, apiMs: 0 });

const DOCUMENT_APP_SERVICES = new Set(['DocumentApp', 'Document', 'Body', 'HeaderSection', 'FooterSection', 'Paragraph', 'ListItem', 'Text', 'Table', 'TableRow', 'TableCell', 'RangeElement']);
const RANGE_GEOMETRY = new Set(['activate', 'getA1Notation', 'protect', 'getRow', 'getColumn', 'getLastRow', 'getLastColumn', 'getNumRows', 'getNumColumns', 'getSheet']);

/** The kind of a counted call ("Service.method" or service and method), as the cost model sees it. */
export function callKind(service: string, method: string): 'documentApp' | 'api' | 'free' {
  // Rendering a Doc as PDF is a conversion on Google's side, priced like an API call, not a local edit.
  if (service === 'Document' && method === 'getAs') return 'api';
  if (DOCUMENT_APP_SERVICES.has(service)) return 'documentApp';
  if (['Drive', 'Docs', 'Sheets'].some((api) => service === api || service.startsWith(`${api}.`))) return 'api';
  if (service === 'Range' && !RANGE_GEOMETRY.has(method)) return 'api';
  return 'free';
}

/** Sums a call-count snapshot by kind: how many DocumentApp calls, how many API calls. */
export function countByKind(counts: Record<string, number>): { documentApp: number; api: number } {
  const out = { documentApp: 0, api: 0 };
  for (const [key, n] of Object.entries(counts)) {
    const dot = key.lastIndexOf('.');
    const kind = callKind(key.slice(0, dot), key.slice(dot + 1));
    if (kind !== 'free') out[kind] += n;
  }
  return out;
}

/** Fake time: Utilities.sleep, lock waits and (by their cost) Google calls advance it; nothing really waits. */
export class FakeClock {
  elapsedMs = 0;
  readonly sleeps: number[] = [];
  constructor(public startMs: number) {}
  now(): number {
    return this.startMs + this.elapsedMs;
  }
  advance(ms: number): void {
    this.elapsedMs += Math.max(0, ms);
  }
}

export interface RuntimeOptions {
  scopes?: readonly string[];
  context?: RunContext;
  nowMs?: number;
  /** Default LIVE_CALL_COSTS. */
  callCosts?: Partial<CallCosts>;
  behaviours?: Partial<GoogleBehaviours>;
  /** The account running the script; default the Sheet's owner. */
  user?: string;
}

export class Runtime {
  readonly calls = new CallCounter();
  readonly clock: FakeClock;
  scopes: Set<string>;
  context: RunContext;
  realm: Realm = { Date, Error };
  /** What each call costs on the clock; tests may change it at any time. */
  callCosts: CallCosts;
  /** The undocumented behaviours' answers in this world (behaviours.ts, docs/google-behaviours.md). */
  readonly behaviours: GoogleBehaviours;
  /** The account the script runs as: files it creates are its own, and drive.file is per account. */
  user: string;
  private idCounter = 0;

  constructor(opts: RuntimeOptions = {}) {
    this.scopes = new Set(opts.scopes ?? Object.values(SCOPE));
    this.context = opts.context ?? 'bound';
    this.behaviours = { ...OPTIMISTIC, ...opts.behaviours };
    this.user = opts.user ?? 'canbo.thongke@example.com';
    this.clock = new FakeClock(opts.nowMs ?? Date.UTC(2025, 0, 15, 2, 0, 0));
    this.callCosts = { ...LIVE_CALL_COSTS, ...opts.callCosts };
  }

  /** Set by stopRunAt: the run was stopped by Apps Script, and no code of it runs any more. */
  private stopAt: string | null = null;
  private stopped = false;

  /**
   * Apps Script stops the run at the next call of `key` (the 6-minute limit, say): that call and every
   * later one throw, so none of the code's clean-up reaches Google, as after a real stop.
   * startNewRun() ends the stopped run; the next menu click starts afresh.
   */
  stopRunAt(key: string): void {
    this.stopAt = key;
  }

  startNewRun(): void {
    this.stopAt = null;
    this.stopped = false;
    this.beginExecution();
  }

  /** Which execution (menu click, google.script.run call) the calls belong to; load-bundle's call() starts one. */
  execution = 0;

  beginExecution(): void {
    this.execution += 1;
  }

  /** Counts the call and advances the clock by its cost (a failing call costs its round trip too). */
  hit(service: string, method: string): void {
    if (this.stopped || this.stopAt === `${service}.${method}`) {
      this.stopped = true;
      throw this.error('Exceeded maximum execution time');
    }
    const kind = callKind(service, method);
    if (kind !== 'free') this.clock.advance(kind === 'api' ? this.callCosts.apiMs : this.callCosts.documentAppMs);
    this.calls.hit(`${service}.${method}`);
  }

  /** An Error of the code-under-test's realm, as Apps Script throws ("Exception: ..." is only the log prefix). */
  error(message: string): Error {
    return new this.realm.Error(message);
  }

  date(ms: number): Date {
    return new this.realm.Date(ms);
  }

  /** Deterministic ids that look like Drive ids (44 characters, letters, digits, - and _). */
  newId(prefix: string): string {
    this.idCounter += 1;
    const n = String(this.idCounter).padStart(6, '0');
    return `${prefix}${'x'.repeat(Math.max(0, 44 - prefix.length - n.length))}${n}`;
  }

  hasScope(...anyOf: string[]): boolean {
    return anyOf.some((s) => this.scopes.has(s));
  }

  /**
   * The error Apps Script raises when the manifest lacks a scope (text quoted in public notes for
   * Ui.showSidebar, see the Apps Script reference; the same pattern for other built-in services).
   */
  requireScope(api: string, ...anyOf: string[]): void {
    if (!this.hasScope(...anyOf)) {
      throw this.error(`Specified permissions are not sufficient to call ${api}. Required permissions: ${anyOf.join(' || ')}`);
    }
  }

  /**
   * A service that needs the user's authorization: the scope must be granted, and a simple trigger
   * (AuthMode.LIMITED) may not use it at all ("You do not have permission to call …", the pattern
   * Apps Script logs; exact text per service unconfirmed).
   */
  requireAuth(api: string, ...anyOf: string[]): void {
    if (this.context === 'simpleTrigger') {
      throw this.error(`You do not have permission to call ${api}. Required permissions: ${anyOf.join(' || ')}`);
    }
    this.requireScope(api, ...anyOf);
  }
}

/** True for a Date of any realm. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Casts a fake to the @types/google-apps-script interface it stands for (the fake implements a Pick<> of it). */
export function asGas<T>(fake: unknown): T {
  return fake as T;
}

/** An enum object whose members are their own names, as Apps Script enums print (String(e) === name). */
export function nameEnum<T>(names: readonly string[]): T {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as unknown as T;
}

/** "The parameters (String) don't match the method signature for ..." (GF, the Apps Script reference). */
export function signatureError(rt: Runtime, method: string, args: readonly unknown[]): Error {
  const typeName = (v: unknown): string => {
    if (v === null) return 'null';
    if (v === undefined) return 'undefined';
    if (Array.isArray(v)) return 'Object[]';
    if (isDate(v)) return 'Date';
    if (typeof v === 'string') return 'String';
    if (typeof v === 'number') return 'number';
    if (typeof v === 'boolean') return 'Boolean';
    return 'Object';
  };
  return rt.error(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`);
}
