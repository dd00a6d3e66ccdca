// LockService, PropertiesService, HtmlService, Utilities, Session, console and the call counter
// (the Apps Script reference): what the contract list (src/apps-script/contract/) cannot exercise live.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { countByKind, createGoogleWorld, LIVE_CALL_COSTS, NO_CALL_COSTS } from './index';
import { installClockDate } from './load-bundle';

describe('LockService fake', () => {
  it('getting a lock does not acquire it; tryLock acquires, a held lock stays held, releaseLock frees it', () => {
    const w = createGoogleWorld();
    const lock = w.globals.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    lock.releaseLock(); // no-op when not held
    expect(lock.hasLock()).toBe(false);
  });

  it('contention: another holder makes tryLock return false after the timeout, or succeed once it lets go', () => {
    const w = createGoogleWorld();
    w.locks.holdByOther('document');
    const lock = w.globals.LockService.getDocumentLock();
    expect(lock.tryLock(3000)).toBe(false);
    expect(w.clock.elapsedMs).toBe(3000);
    expect(lock.hasLock()).toBe(false);
    w.locks.holdByOther('document', { releaseAfterMs: 500 });
    expect(lock.tryLock(1000)).toBe(true);
    expect(w.locks.attempts.map((a) => a.acquired)).toEqual([false, true]);
  });

  it('there is no document lock outside a container', () => {
    expect(createGoogleWorld({ context: 'standalone' }).globals.LockService.getDocumentLock()).toBeNull();
  });
});

describe('PropertiesService fake', () => {
  it('stores strings, gives null for a missing key, and enforces 9 KB per value', () => {
    const w = createGoogleWorld();
    const props = w.globals.PropertiesService.getDocumentProperties();
    expect(props.getProperty('templateId')).toBeNull();
    props.setProperty('templateId', 'abc').setProperties({ count: 3 as never });
    expect([props.getProperty('templateId'), props.getProperty('count')]).toEqual(['abc', '3']);
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    props.setProperty('ok', 'ệ'.repeat(3072)); // 3 bytes each: exactly 9 KB
    expect(props.getProperty('ok')).toHaveLength(3072);
    const user = w.globals.PropertiesService.getUserProperties();
    for (let i = 0; i < 56; i++) user.setProperty(`k${i}`, 'x'.repeat(9000)); // ~504 KB of 500 KiB
    expect(() => user.setProperty('k56', 'x'.repeat(9000))).toThrow('property storage quota');
    expect(createGoogleWorld({ context: 'standalone' }).globals.PropertiesService.getDocumentProperties()).toBeNull();
  });
});

describe('HtmlService fake', () => {
  it('reads NAME.html from its folder, evaluates templates, chains setters', () => {
    const dir = mkdtempSync(join(tmpdir(), 'html-'));
    writeFileSync(join(dir, 'Sidebar.html'), '<h1>Xin chào</h1>');
    writeFileSync(join(dir, 'Dialog.html'), '<p><?= name ?></p><?!= raw ?><? for (var i = 0; i < n; i++) { ?>.<? } ?>');
    const w = createGoogleWorld({ htmlDir: dir });
    const out = w.globals.HtmlService.createTemplateFromFile('Sidebar').evaluate().setTitle('Báo cáo').setWidth(300).setHeight(200);
    expect([out.getContent(), out.getTitle()]).toEqual(['<h1>Xin chào</h1>', 'Báo cáo']);
    expect(() => w.globals.HtmlService.createTemplateFromFile('Sidebar.html')).toThrow('No HTML file named Sidebar.html was found.');
    const t = w.globals.HtmlService.createTemplateFromFile('Dialog');
    Object.assign(t, { name: '<Lan & Hà>', raw: '<b>đậm</b>', n: 3 });
    expect(t.evaluate().getContent()).toBe('<p>&lt;Lan &amp; Hà&gt;</p><b>đậm</b>...');
  });
});

describe('Utilities, Session, console fakes', () => {
  it('formatDate uses SimpleDateFormat letters and the time zone', () => {
    const w = createGoogleWorld();
    const d = new Date(Date.UTC(2025, 0, 31, 17, 5, 9));
    const U = w.globals.Utilities;
    expect(U.formatDate(d, 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm:ss')).toBe('01/02/2025 00:05:09');
    expect(U.formatDate(d, 'Asia/Ho_Chi_Minh', "'ngày' d 'tháng' M 'năm' yyyy")).toBe('ngày 1 tháng 2 năm 2025');
    expect(U.formatDate(d, 'GMT+7', 'yyyy-MM-dd HH:mm Z')).toBe('2025-02-01 00:05 +0700');
    expect(U.formatDate(d, 'UTC', "EEE, MMM d, ''yy h:mm a XXX")).toBe("Fri, Jan 31, '25 5:05 PM Z");
    expect(U.formatDate(d, 'Asia/Ho_Chi_Minh', 'z')).toBe('ICT');
    expect(U.formatDate(d, 'Not/AZone', 'HH:mm')).toBe('17:05'); // unknown zone: GMT, as Java does
  });

  it('sleep advances the fake clock', () => {
    const w = createGoogleWorld();
    w.globals.Utilities.sleep(1500);
    expect(w.clock.sleeps).toEqual([1500]);
    expect(w.clock.elapsedMs).toBe(1500);
  });

  it('Session: time zone from the manifest', () => {
    expect(createGoogleWorld().globals.Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
  });

  it('console writes to world.logs; Logger is not there, since the product never calls it', () => {
    const w = createGoogleWorld();
    w.globals.console.warn('chú ý', { n: 1 });
    expect(w.logs).toEqual([{ source: 'console', level: 'warn', message: 'chú ý {"n":1}' }]);
    expect('Logger' in w.globals).toBe(false);
  });
});

describe('call counter', () => {
  it('counts per service and method, sums per service, snapshots and resets', () => {
    const w = createGoogleWorld({ sheets: { A: [[1, 2]] } });
    const sheet = w.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('A')!;
    sheet.getDataRange().getValues();
    sheet.getRange('A2:B2').setValues([[3, 4]]);
    expect(w.calls.count('Range.getValues')).toBe(1);
    expect(w.calls.count('Range.setValues')).toBe(1);
    expect(w.calls.count('Sheet')).toBe(2);
    expect(w.calls.snapshot()).toMatchObject({ 'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getSheetByName': 1 });
    w.calls.reset();
    expect(w.calls.total()).toBe(0);
  });

  it('values handed to a vm context are of its realm once useRealm is set', () => {
    const w = createGoogleWorld({ sheets: { A: [[new Date(2025, 0, 1)]] } });
    const ctx = vm.createContext({ SpreadsheetApp: w.globals.SpreadsheetApp });
    w.useRealm({ Date: vm.runInContext('Date', ctx), Error: vm.runInContext('Error', ctx) });
    expect(vm.runInContext('SpreadsheetApp.getActiveSpreadsheet().getRange("A1").getValue() instanceof Date', ctx)).toBe(true);
    expect(vm.runInContext('try { SpreadsheetApp.getActiveSpreadsheet().insertSheet("A"); false } catch (e) { e instanceof Error }', ctx)).toBe(true);
  });
});

describe('the fake clock and what Google calls cost', () => {
  it('a DocumentApp call costs 5 ms, a Sheets range read or a Drive call 300 ms, the rest nothing', () => {
    const w = createGoogleWorld({ sheets: { A: [[1, 2]] } });
    const start = w.clock.now();
    const doc = w.globals.DocumentApp.create('T');
    doc.getBody().getNumChildren(); // create, getBody, getNumChildren
    expect(w.clock.now() - start).toBe(3 * LIVE_CALL_COSTS.documentAppMs);
    const sheet = w.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    const range = sheet.getDataRange();
    range.getNumRows(); // geometry: free
    range.getValues();
    expect(w.clock.now() - start).toBe(3 * LIVE_CALL_COSTS.documentAppMs + LIVE_CALL_COSTS.apiMs);
    w.globals.Drive!.Permissions.list(w.driveStore.addDoc('D', ['x']).id);
    expect(w.clock.now() - start).toBe(3 * LIVE_CALL_COSTS.documentAppMs + 2 * LIVE_CALL_COSTS.apiMs);
    expect(countByKind(w.calls.snapshot())).toEqual({ documentApp: 3, api: 2 });
  });

  it('NO_CALL_COSTS keeps the clock still; a test may change the costs of a world at any time', () => {
    const w = createGoogleWorld({ callCosts: NO_CALL_COSTS });
    w.globals.DocumentApp.create('T').getBody().getNumChildren();
    expect(w.clock.elapsedMs).toBe(0);
    w.rt.callCosts = { documentAppMs: 1000, apiMs: 0 };
    w.globals.DocumentApp.create('U');
    expect(w.clock.elapsedMs).toBe(1000);
  });

  it('the built bundle\'s Date reads the fake clock, and its Dates are still Dates', () => {
    const w = createGoogleWorld();
    const context = vm.createContext({});
    installClockDate(context, () => w.clock.now());
    const read = () => vm.runInContext('[new Date().getTime(), Date.now(), new Date(0).getTime(), new Date() instanceof Date, typeof Date()]', context) as unknown[];
    expect(read()).toEqual([w.clock.now(), w.clock.now(), 0, true, 'string']);
    w.clock.advance(90_000);
    expect(read()[0]).toBe(w.clock.startMs + 90_000);
  });
});
