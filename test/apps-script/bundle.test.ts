/**
 * The BUILT Apps Script bundle, loaded into a vm context that holds only the fakes: what Apps Script
 * will run after `clasp push`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBundle } from '../../scripts/build-apps-script.mjs';
import { CONTRACT_CASES, isObserved } from '../../src/apps-script/contract';
import { MENU_ENTRIES, MENU_TITLE, menuHandlerNames } from '../../src/apps-script/menu';
import { createGoogleWorld, PROJECT_ROOT, SCOPE } from '../fakes';
import { CONSENT_REQUIRED } from '../fakes/script-app';
import { BUILT_CODE, loadBundle } from '../fakes/load-bundle';

/**
 * Menu handlers another engineer has not exported from main.ts yet. Each one is an it.todo below; when a
 * handler lands, the guard test fails until its name is removed from this list, turning the todo into a
 * real assertion.
 */

let code = '';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-apps-script.mjs'], { cwd: PROJECT_ROOT, stdio: 'pipe' });
  code = readFileSync(BUILT_CODE, 'utf8');
});

describe('built dist/Code.js', () => {
  it('has a delegating top-level function per export of main.ts, and the manifest next to it', () => {
    const gas = loadBundle(createGoogleWorld());
    expect(gas.topLevelFunctions()).toEqual(expect.arrayContaining(['onOpen', 'onInstall']));
    expect(code).toMatch(/^function onOpen\(e\) \{ return BaoCao\.onOpen\.apply\(BaoCao, arguments\); \}$/m);
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'dist', 'appsscript.json'), 'utf8'));
    expect(manifest).toEqual(JSON.parse(readFileSync(join(PROJECT_ROOT, 'appsscript.json'), 'utf8')));
  });

  it('runs in a context without Node: require, process, setTimeout, Buffer are undefined', () => {
    const gas = loadBundle(createGoogleWorld());
    for (const name of ['require', 'process', 'setTimeout', 'setInterval', 'Buffer', 'TextEncoder', 'fetch', 'module']) {
      expect(gas.evaluate(`typeof ${name}`), name).toBe('undefined');
    }
    expect(gas.evaluate('typeof SpreadsheetApp')).toBe('object');
  });

  it('onOpen builds the "Báo cáo" menu with every item and separator, in order', () => {
    const world = createGoogleWorld();
    loadBundle(world).call('onOpen', { authMode: 'LIMITED' });
    const menu = world.ui.menu(MENU_TITLE);
    expect(menu).toBeDefined();
    expect(menu!.entries).toEqual(
      MENU_ENTRIES.map((e) => (e.kind === 'separator' ? { separator: true } : { caption: e.caption, functionName: e.handler })),
    );
    expect(world.calls.count('Menu.addToUi')).toBe(1);
  });

  it('onOpen works as a simple trigger (AuthMode.LIMITED): it needs no authorization', () => {
    const world = createGoogleWorld({ context: 'simpleTrigger' });
    loadBundle(world).call('onOpen', { authMode: 'LIMITED' });
    expect(world.ui.menu(MENU_TITLE)?.entries.length).toBe(MENU_ENTRIES.length);
    expect(world.calls.count('DocumentApp') + world.calls.count('Drive')).toBe(0);
  });

  it('onInstall builds the same menu', () => {
    const world = createGoogleWorld();
    loadBundle(world).call('onInstall', {});
    expect(world.ui.menu(MENU_TITLE)?.entries.length).toBe(MENU_ENTRIES.length);
  });
});

describe('menu handlers are top-level functions of the built Code.js', () => {
  for (const handler of menuHandlerNames()) {
    it(`${handler}`, () => {
      const gas = loadBundle(createGoogleWorld());
      expect(gas.topLevelFunctions()).toContain(handler);
    });
  }
});

describe('the built Code.js and the behaviours Google does not document (docs/google-behaviours.md)', () => {
  it('never calls DocumentApp.create: its files may not count as the app’s under drive.file (switch a)', () => {
    expect(code).toContain('Files.create');
    expect(code).not.toMatch(/DocumentApp\s*\.\s*create\b/);
  });

  it('contains no Private Use Area character, neither written nor escaped, but the self-check’s one probe (switch b)', () => {
    // The self-check sends one such character to see what replaceAllText does with it (contract/docs-cases.ts).
    const probe = code.split('\n').findIndex((l) => /^\s*var PRIVATE_USE_PROBE\d* = "\uE100";$/u.test(l));
    expect(probe).toBeGreaterThan(0);
    const rest = code.split('\n').filter((_, i) => i !== probe).join('\n');
    expect(rest).not.toMatch(/[\uE000-\uF8FF]/u);
    expect(rest).not.toMatch(/\\u(?:\{)?(?:e[0-9a-f]{3}|f[0-8][0-9a-f]{2})\b|0xe000|0xf8ff|57344|63743/i);
  });

  it('the self-check menu entry runs the whole contract list on the fakes: every case passes or reports Google’s answer', () => {
    const world = createGoogleWorld();
    loadBundle(world).call('selfCheck');
    const html = world.ui.shown.at(-1)?.html.getContent() ?? '';
    const statuses = [...html.matchAll(/"status":"(\w+)"/g)].map((m) => m[1]);
    expect(statuses).toHaveLength(CONTRACT_CASES.length + 1); // and the clean-up
    expect(statuses.filter((st) => st !== 'pass' && st !== 'observed')).toEqual([]);
    expect(statuses.filter((st) => st === 'observed')).toHaveLength(CONTRACT_CASES.filter(isObserved).length);
    expect([...world.driveStore.files.values()].filter((f) => f.id !== world.spreadsheet.id && !f.trashed)).toEqual([]);
  });

  const targets = [...menuHandlerNames(), 'selectCell', 'shareSelectedReport', 'saveReportPdfLater'];
  it.each(targets)('%s asks for every scope first: with drive.file unticked it stops at the consent screen before any other Google call (switch i)', (name) => {
    expect(code).toMatch(/ScriptApp\.requireAllScopes\(ScriptApp\.AuthMode\.FULL\)/);
    const world = createGoogleWorld({ behaviours: { allScopesGranted: false } });
    const gas = loadBundle(world);
    expect(() => gas.call(name, { reportId: 'x', role: 'Xem', message: '' })).toThrow(CONSENT_REQUIRED);
    expect(world.scriptApp.consentPrompts).toEqual([[SCOPE.driveFile]]);
    expect(world.calls.total()).toBe(world.calls.count('ScriptApp.requireAllScopes'));
  });
});

describe('the build refuses what V8 Apps Script lacks', () => {
  it.each([
    ['require(', 'var fs = require("fs");'],
    ['import(', 'import("x").then(function () {});'],
    ['process.', 'var e = process.env;'],
    ['setTimeout', 'setTimeout(function () {}, 1);'],
    ['Buffer', 'var b = Buffer.from("x");'],
  ])('%s', (what, snippet) => {
    expect(() => checkBundle(`var BaoCao = (function () { ${snippet} })();`)).toThrow(what);
  });

  it('syntax newer than ES2019 (static class fields, ?.)', () => {
    expect(() => checkBundle('class A { static x = 1; }')).toThrow(/not valid es2019/);
    expect(() => checkBundle('var a = b?.c;')).toThrow(/not valid es2019/);
  });

  it('but not the same words inside strings', () => {
    expect(() => checkBundle('var s = "require( process. setTimeout Buffer";')).not.toThrow();
  });
});
