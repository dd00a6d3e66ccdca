/**
 * A fresh, isolated Google world for one test: the bound Sheet, its Ui, an in-memory Drive shared by
 * DocumentApp and the Drive/Docs advanced services, locks, properties, HtmlService, Utilities, Session
 * and logs, all counting their calls in one CallCounter.
 *
 *   const world = createGoogleWorld({ sheets: { 'Số liệu': [['Chỉ tiêu', 'Giá trị'], ['Dân số', 1200]] } });
 *   world.globals                          // what Apps Script code sees: SpreadsheetApp, DocumentApp, Drive, ...
 *   world.calls.count('Range.getValues')   // calls of one method; world.calls.count('Drive.Files') sums a service
 *   world.calls.snapshot(); world.calls.reset();
 *   world.drive.failNext('Files.copy', 'User rate limit exceeded.', { code: 429 });
 *   world.calls.failNext('Docs.Documents.batchUpdate', new Error('boom'));   // any counted method
 *   world.locks.holdByOther('document', { releaseAfterMs: 5000 });          // another clerk holds the lock
 *   world.ui.answerNext(Button.NO); world.ui.menu('Báo cáo')
 *
 * Scopes, time zone and enabled advanced services default to the project's appsscript.json, so the
 * manifest itself is under test: a missing scope fails the way Apps Script does.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeDocs } from './docs';
import { FakeDocumentApp } from './document';
import { DriveStore, FakeDrive, MIME } from './drive';
import { FakeHtmlService } from './html';
import { FakeLockService } from './lock';
import { fakeConsole, type LogEntry } from './logger';
import { FakePropertiesService } from './properties';
import { Runtime, SCOPE, type CallCosts, type Realm, type RunContext } from './runtime';
import { FakeSession } from './session';
import { FakeSpreadsheet, FakeSpreadsheetApp, FakeUi } from './spreadsheet';
import { FakeUtilities } from './utilities';
import { FakeScriptApp } from './script-app';
import { OPTIMISTIC, OTHER_SHEET_ZONE, SECOND_CLERK, type GoogleBehaviours } from './behaviours';
import { FakeSheets, SheetsStore } from './sheets';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Manifest {
  timeZone: string;
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: { userSymbol: string; serviceId: string; version: string }[] };
}

export function readManifest(path = join(PROJECT_ROOT, 'appsscript.json')): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

export interface WorldOptions {
  /** Default 'bound': a clerk pressing a menu item in the open Sheet. */
  context?: RunContext;
  /** Granted scopes; default the manifest's oauthScopes. */
  scopes?: readonly string[];
  /** Advanced services present as globals; default the manifest's (Drive v3 and Docs v1; the district's adds Sheets v4). */
  advancedServices?: readonly ('Drive' | 'Docs' | 'Sheets')[];
  /** The manifest whose scopes, zone and services apply; default the commune's appsscript.json. */
  manifestPath?: string;
  /** The bound Sheet's tabs and their values from A1; default one empty tab "Trang tính1". */
  sheets?: Record<string, unknown[][]>;
  spreadsheetName?: string;
  /** The Sheet's owner (editor of protections, owner of created files). */
  ownerEmail?: string;
  /** '' simulates a hidden identity. */
  activeUserEmail?: string;
  effectiveUserEmail?: string;
  scriptTimeZone?: string;
  /** Where HtmlService reads NAME.html; default the built dist/. */
  htmlDir?: string;
  /** When given, only these addresses have Google accounts (Drive sharing without notification fails for others). */
  googleAccounts?: readonly string[];
  /** Fake clock start (ms since epoch). */
  nowMs?: number;
  /**
   * What each Google call costs on the fake clock (runtime.ts, callKind): default LIVE_CALL_COSTS
   * (5 ms per DocumentApp call, 300 ms per Drive, Docs or Sheets API call), so time budgets are really
   * exercised; NO_CALL_COSTS keeps the clock still. The built bundle's `new Date()` reads this clock.
   */
  callCosts?: Partial<CallCosts>;
  /** Answers to the behaviours Google does not document (behaviours.ts); default all optimistic. */
  behaviours?: Partial<GoogleBehaviours>;
}

export interface GoogleGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  Drive?: GoogleAppsScript.Drive;
  Docs?: GoogleAppsScript.Docs;
  Sheets?: GoogleAppsScript.Sheets;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Session: GoogleAppsScript.Base.Session;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
}

export function createGoogleWorld(opts: WorldOptions = {}) {
  const manifest = readManifest(opts.manifestPath);
  const behaviours: GoogleBehaviours = { ...OPTIMISTIC, ...opts.behaviours };
  const owner = opts.ownerEmail ?? 'canbo.thongke@example.com';
  const manifestScopes = manifest.oauthScopes ?? [];
  // Switch i: the clerk left drive.file unticked at the consent screen.
  const granted = (opts.scopes ?? manifestScopes).filter((s) => behaviours.allScopesGranted || s !== SCOPE.driveFile);
  const rt = new Runtime({ scopes: granted, context: opts.context, nowMs: opts.nowMs, behaviours, user: owner, callCosts: opts.callCosts });
  const enabled = opts.advancedServices ?? (manifest.dependencies?.enabledAdvancedServices ?? []).map((s) => s.userSymbol as 'Drive' | 'Docs' | 'Sheets');

  const driveStore = new DriveStore(rt, owner);
  if (opts.googleAccounts) driveStore.googleAccounts = new Set(opts.googleAccounts.map((e) => e.toLowerCase()));

  // The bound Sheet is a Drive file too; under drive.file the app did not create it, so Drive calls cannot see it.
  const sheetFile = driveStore.add({ name: opts.spreadsheetName ?? 'Báo cáo xã', mimeType: MIME.sheet, appCreated: false }, '1sheet');
  const sheetZone = behaviours.sheetZoneIsScriptZone ? manifest.timeZone : OTHER_SHEET_ZONE;
  const spreadsheet = new FakeSpreadsheet(rt, sheetFile.id, sheetFile.name, owner, opts.effectiveUserEmail ?? owner, sheetZone);
  if (!behaviours.singleAccount) {
    // Switch j: the Sheet is shared with a second clerk of the office (an editor), who runs the menu too (world.runAs).
    spreadsheet.editors.push(SECOND_CLERK);
    sheetFile.permissions.push({ kind: 'drive#permission', id: 'perm-clerk2', type: 'user', role: 'writer', emailAddress: SECOND_CLERK });
  }
  if (opts.sheets && Object.keys(opts.sheets).length > 0) {
    const [first, ...rest] = Object.entries(opts.sheets);
    spreadsheet.sheets.splice(0, spreadsheet.sheets.length);
    spreadsheet.activeSheet = spreadsheet.addSheet(first[0], first[1]);
    for (const [name, values] of rest) spreadsheet.addSheet(name, values);
  }

  const ui = new FakeUi(rt);
  const spreadsheetApp = new FakeSpreadsheetApp(rt, spreadsheet, ui);
  const documentApp = new FakeDocumentApp(rt, driveStore);
  const drive = new FakeDrive(rt, driveStore);
  const docs = new FakeDocs(rt, driveStore);
  const locks = new FakeLockService(rt);
  const properties = new FakePropertiesService(rt);
  const html = new FakeHtmlService(rt, opts.htmlDir ?? join(PROJECT_ROOT, 'dist'));
  const utilities = new FakeUtilities(rt);
  const session = new FakeSession(rt, opts.activeUserEmail ?? owner, opts.effectiveUserEmail ?? owner, opts.scriptTimeZone ?? manifest.timeZone);
  const logs: LogEntry[] = [];
  const scriptApp = new FakeScriptApp(rt, manifestScopes);
  const sheetsStore = new SheetsStore(rt);
  const sheets = new FakeSheets(rt, sheetsStore);

  const globals: GoogleGlobals = {
    SpreadsheetApp: spreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    DocumentApp: documentApp as unknown as GoogleAppsScript.Document.DocumentApp,
    LockService: locks as unknown as GoogleAppsScript.Lock.LockService,
    PropertiesService: properties as unknown as GoogleAppsScript.Properties.PropertiesService,
    HtmlService: html as unknown as GoogleAppsScript.HTML.HtmlService,
    Utilities: utilities as unknown as GoogleAppsScript.Utilities.Utilities,
    Session: session as unknown as GoogleAppsScript.Base.Session,
    ScriptApp: scriptApp.self(),
    console: fakeConsole(rt, logs),
  };
  if (enabled.includes('Drive')) globals.Drive = drive as unknown as GoogleAppsScript.Drive;
  if (enabled.includes('Docs')) globals.Docs = docs as unknown as GoogleAppsScript.Docs;
  if (enabled.includes('Sheets')) globals.Sheets = sheets as unknown as GoogleAppsScript.Sheets;

  return {
    rt,
    calls: rt.calls,
    clock: rt.clock,
    globals,
    spreadsheet,
    ui,
    spreadsheetApp,
    documentApp,
    drive,
    driveStore,
    docs,
    /** Other people's Sheets the Sheets advanced service reads (the communes of a district). */
    sheetsStore,
    /** Installable triggers; `scriptApp.runNext(h => gas.call(h))` fires the earliest. */
    scriptApp,
    locks,
    properties,
    html,
    utilities,
    session,
    logs,
    behaviours,
    /** From now on the script runs as another account (a second clerk of the office: drive.file is per account). */
    runAs(email: string) {
      rt.user = email;
      session.activeUserEmail = email;
      session.effectiveUserEmail = email;
    },
    /** Shortcut for calls.failNext: the next call of `key` ('Range.setValues', 'Drive.Files.copy') throws. */
    failNext(key: string, error: unknown, times = 1) {
      rt.calls.failNext(key, error, times);
    },
    /** Apps Script stops the run at the next call of `key`: it and every later call throw (runtime.ts). */
    stopRunAt(key: string) {
      rt.stopRunAt(key);
    },
    /** Ends a stopped run: calls work again, as for the clerk's next menu click. */
    startNewRun() {
      rt.startNewRun();
    },
    /** A new execution (a menu click or a google.script.run call): load-bundle's call() starts one. */
    beginExecution() {
      rt.beginExecution();
    },
    /** Makes the fakes create Dates and Errors of another realm (load-bundle.ts uses the vm context's). */
    useRealm(realm: Realm) {
      rt.realm = realm;
    },
    /** The Google Doc with this id as plain text (body, header, footer), without counting calls. */
    docText(id: string) {
      const f = driveStore.file(id);
      if (!f?.doc) throw new Error(`fake: no Google Doc ${id}`);
      return f.doc.text();
    },
  };
}

export type GoogleWorld = ReturnType<typeof createGoogleWorld>;

export { Button, ButtonSet } from './spreadsheet';
export { SCOPE, LIVE_CALL_COSTS, NO_CALL_COSTS, callKind, countByKind, type CallCosts } from './runtime';
export { MIME } from './drive';
