/**
 * The fixes for behaviours Google does not document (docs/google-behaviours.md), each under the switch's
 * pessimistic answer, through the TypeScript sources on the fakes. Each case fails on the code before the fix.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseTemplateText } from '../../src/core/document/template-text';
import { merge } from '../../src/core/template/merge';
import { buildTemplateDoc } from '../../src/apps-script/doc-builder';
import { createDocsPort } from '../../src/apps-script/docs-port';
import { ClerkMessage } from '../../src/apps-script/errors';
import { finalCounts } from '../../src/apps-script/replace-checks';
import { appendLog, writeSettings } from '../../src/apps-script/settings';
import { writeIndicatorsTab } from '../../src/apps-script/indicators-tab';
import { setUpTabs } from '../../src/apps-script/setup';
import { googleBodyText, installWorld } from './google-harness';
import type { GoogleBehaviours } from '../fakes/behaviours';
import type { Indicator } from '../../src/core/indicators/types';
import { DVK } from '../helpers/workbook';

afterEach(() => {
  vi.unstubAllGlobals();
});

function mergeWith(template: string, data: Record<string, unknown>, behaviours: Partial<GoogleBehaviours>) {
  const world = installWorld({ behaviours });
  const built = buildTemplateDoc(parseTemplateText(template), 'Mẫu thử');
  const port = createDocsPort(DocumentApp.openById(built.id));
  expect(merge(port, data as never)).toEqual([]);
  let error: unknown = null;
  try {
    port.flush();
  } catch (e) {
    error = e;
  }
  return { world, id: built.id, error };
}

describe('documents, under each pessimistic answer', () => {
  it('a: the template is made by Drive.Files.create in the app folder, so drive.file reaches it whoever made DocumentApp files', () => {
    const world = installWorld({ behaviours: { documentAppFilesAreAppFiles: false } });
    const folder = world.driveStore.addFolder('Báo cáo xã');
    const built = buildTemplateDoc(parseTemplateText('{{a}}'), 'Mẫu thử', folder.id);
    expect(world.calls.count('DocumentApp.create')).toBe(0);
    expect(world.driveStore.file(built.id)?.parents).toEqual([folder.id]);
    expect(Drive!.Files.get(built.id, { fields: 'id' }).id).toBe(built.id);
  });

  it('b: a value holding braces arrives verbatim when replaceAllText strips Private Use Area characters', () => {
    const { world, id, error } = mergeWith('{{a}} | {{b}}', { a: 'x {{b}} y', b: 'B' }, { replaceAllKeepsPrivateUse: false });
    expect(error).toBeNull();
    expect(googleBodyText(world, id)).toBe('x {{b}} y | B');
  });

  it('b: a second stage that changed fewer places than the first stops with a message', () => {
    const pairs = [{ find: '{{a}}', replace: '{b}' }];
    const plan = [pairs[0], { find: '⦃0⦄', replace: '{b}' }];
    expect(() => finalCounts(pairs, [pairs[0], plan[1]], [2, 0])).toThrow(ClerkMessage);
    expect(() => finalCounts(pairs, [pairs[0], plan[1]], [2, 0])).toThrow('{{a}}');
    expect(finalCounts(pairs, [pairs[0], plan[1]], [2, 2])).toEqual([2]);
  });

  it('e: a line break Google drops stops generation loudly, naming the tag; kept, it arrives', () => {
    const lost = mergeWith('{{c}}', { c: 'dòng 1\ndòng 2' }, { verticalTabIsLineBreak: false });
    expect(lost.error).toBeInstanceOf(ClerkMessage);
    expect((lost.error as Error).message).toContain('{{c}}');
    const kept = mergeWith('{{c}}', { c: 'dòng 1\ndòng 2' }, {});
    expect(kept.error).toBeNull();
    expect(googleBodyText(kept.world, kept.id)).toBe('dòng 1\ndòng 2');
  });

  it('f: header and footer tags are filled when replaceAllText reaches the body only', () => {
    const template = ['@header', 'Xã {{xa}} - {{a}}', '@end', '@footer', '{{ky}} $1', '@end', 'Thân {{xa}}'].join('\n');
    const { world, id, error } = mergeWith(template, { xa: 'Phổ Phong', a: '{{xa}}', ky: 'Quý II' }, { replaceAllReachesHeaders: false });
    expect(error).toBeNull();
    const text = world.docText(id);
    expect(text.header).toBe('Xã Phổ Phong - {{xa}}');
    expect(text.footer).toBe('Quý II $1');
    expect(text.body).toContain('Thân Phổ Phong');
  });
});

describe('sheets, under each pessimistic answer', () => {
  const typedTexts = ['100 %', '34,79 %', '1/2', '007', 'TRUE', '6.043,6'];

  it('c: the indicators tab keeps its texts as text when setValues reads strings as typed', () => {
    const world = installWorld({ behaviours: { setValuesKeepsStrings: false } });
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const indicators = typedTexts.map((t, i) => ({ key: `k${i}`, label: t, value: 0.5, unit: t, text: t, phrase: t, how: t, sources: [] }) as unknown as Indicator);
    const sheet = writeIndicatorsTab(ss, indicators);
    const values = sheet.getDataRange().getValues();
    typedTexts.forEach((t, i) => {
      expect(values[i + 1][1]).toBe(t);
      expect(values[i + 1][4]).toBe(t);
      expect(values[i + 1][2]).toBe(0.5);
    });
    expect(world.calls.count('Range.setNumberFormats')).toBe(1);
  });

  it('c: the log and the settings keep their texts as text', () => {
    installWorld({ behaviours: { setValuesKeepsStrings: false } });
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    appendLog(ss, ...typedTexts.map((t) => ({ when: new Date(), action: t, name: t, url: '', result: t, detail: t })));
    const log = ss.getSheetByName('Nhật ký')!.getDataRange().getValues().slice(1);
    expect(log.map((r) => [r[1], r[2], r[5], r[6]])).toEqual(typedTexts.map((t) => [t, t, t, t]));
    writeSettings(ss, { templateId: '1E5', fileName: '007' });
    const settings = ss.getSheetByName('Cài đặt')!.getDataRange().getValues();
    expect(settings.map((r) => r[1])).toEqual(expect.arrayContaining(['1E5', '007']));
  });

  it('c, d: set-up tabs keep texts as text, and each date is its day in a Sheet zone west of the script’s', () => {
    const world = installWorld({ behaviours: { setValuesKeepsStrings: false, sheetZoneIsScriptZone: false } });
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSpreadsheetTimeZone()).not.toBe(Session.getScriptTimeZone());
    setUpTabs(ss, DVK, DVK.sample);
    const shown = JSON.stringify(world.spreadsheet.sheets.map((s) => s.getDataRange().getDisplayValues()));
    // The sample's dates, as the clerk sees them in the Sheet's own zone.
    expect(shown).toContain('25/05/2023');
    expect(shown).toContain('19/05/2023');
    const general = ss.getSheetByName('Thông tin chung')!.getDataRange().getValues();
    for (const row of general) for (const v of row) expect(typeof v === 'string' || typeof v === 'number' || v instanceof Date || Object.prototype.toString.call(v) === '[object Date]').toBe(true);
  });

  it('g: with the apostrophe kept as a character, a formula-like text is still never a formula', () => {
    installWorld({ behaviours: { apostropheMakesText: false } });
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    appendLog(ss, { when: new Date(), action: 'x', name: '=HYPERLINK("http://x")', url: '', result: 'ok', detail: '' });
    const sheet = ss.getSheetByName('Nhật ký')!;
    expect(sheet.getDataRange().getFormulas().flat().every((f) => f === '')).toBe(true);
  });
});
