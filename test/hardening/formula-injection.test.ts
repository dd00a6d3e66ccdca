/**
 * Hardening: text the product writes into the Sheet that starts with '=', '+', '-' or '@' is stored as
 * text, never run as a formula. Unit tests of the writers, then the BUILT bundle in the fake Google world
 * with a crop, a model and a text field named like formulas.
 *
 * The fake (test/fakes/spreadsheet.ts) stores a value starting with "=" as a formula and a value starting
 * with an apostrophe as the text after it; that Google drops the apostrophe from the stored value is
 * unconfirmed (the Apps Script reference) and belongs to the in-product self-check.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_HEADER, indicatorRows } from '../../src/apps-script/indicators-tab';
import { asSheetText, toSheetValue } from '../../src/apps-script/sheet-io';
import type { Indicator } from '../../src/core/indicators/types';
import { runReport } from '../../src/core/report/pipeline';
import type { CellValue } from '../../src/core/workbook/grid';
import { Button, createGoogleWorld, type GoogleWorld } from '../fakes/index';
import { loadBundle } from '../fakes/load-bundle';
import { fieldCell, listCell, sampleGrid, withField, withListCell, type CellLoc, DVK } from '../helpers/workbook';

const RISKY = ['=1+1', '=HYPERLINK("http://x")', '+1', '-1', '@SUM(A1)', '+84 912 345 678', '-- ghi chú', '=', '@'];
const SAFE = ['Phổ Phong', '1+1', 'a=b', ' =1', "'đã có dấu nháy", '', '34,79 %', 'x@y.vn'];

let cases = 0;

describe('asSheetText and the writers built on it', () => {
  it.each(RISKY)('%j gets the apostrophe a person would type', (text) => {
    cases++;
    expect(asSheetText(text)).toBe(`'${text}`);
    expect(toSheetValue(text)).toBe(`'${text}`);
  });

  it.each(SAFE)('%j is written as it is', (text) => {
    cases++;
    expect(asSheetText(text)).toBe(text);
  });

  it('a formula error is written as its text, a number stays a number (a negative one too)', () => {
    cases++;
    expect(toSheetValue({ error: '#REF!' })).toBe('#REF!');
    expect(toSheetValue(-5)).toBe(-5);
    expect(toSheetValue(null)).toBe('');
  });

  it('indicator rows: every text column starting like a formula is made text; keys, values and status are never formula-like', () => {
    cases++;
    const risky: Indicator = {
      key: 'k',
      label: '=HYPERLINK("http://x")',
      value: -3,
      unit: '+1',
      text: '-3 điểm',
      phrase: '@SUM(A1)',
      how: '=A1*2',
      status: 'đạt',
      sources: [{ sheet: '=Sheet', cell: 'A1' }],
    } as Indicator;
    const [header, row] = indicatorRows([risky]);
    expect(header).toEqual(INDICATOR_HEADER);
    expect(row).toEqual(['k', `'=HYPERLINK("http://x")`, -3, "'+1", "'@SUM(A1)", 'đạt', "'=A1*2", "'=Sheet!A1"]);
    // On the sample, no cell the product writes starts like a formula unless made text.
    for (const r of indicatorRows(runReport(DVK, sampleGrid()).indicators)) {
      for (const v of r) if (typeof v === 'string') expect(/^[=+\-@]/.test(v) ? v.startsWith("'") : true, v).toBe(true);
    }
  });
});

// ------------------------------------------------------------------- through the BUILT bundle

const CROP = '=HYPERLINK("http://x")';
const MODEL = '@SUM(A1)';
const TEXT = '+1';

/** What a clerk typed as text in Sheets: the stored value is the text itself, with no formula. */
function typeText(world: GoogleWorld, at: CellLoc, value: CellValue): void {
  const sheet = world.spreadsheet.sheets.find((s) => s.name === at.sheet);
  if (!sheet) throw new Error(`no tab ${at.sheet}`);
  sheet.cellForWrite(at.row + 1, at.col + 1).value = value;
}

function allFormulas(world: GoogleWorld, tab: string): string[] {
  const sheet = world.spreadsheet.sheets.find((s) => s.name === tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  return sheet.getDataRange().getFormulas().flat().filter((f) => f !== '');
}

function inputTabs(world: GoogleWorld): Record<string, unknown> {
  const names = new Set(DVK.tabs.map((t) => t.name));
  return Object.fromEntries(world.spreadsheet.sheets.filter((s) => names.has(s.name)).map((s) => [s.name, JSON.parse(JSON.stringify(s.dump()))]));
}

describe('the BUILT bundle: a crop, a model and a text field named like formulas', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-apps-script.mjs'], { stdio: 'pipe' });
  }, 120_000);

  it('computeIndicators stores no formula and the texts read back exactly', () => {
    cases++;
    const world = createGoogleWorld();
    const gas = loadBundle(world);
    world.ui.answerNext(Button.YES);
    gas.call('setupWorkbook');

    const g = sampleGrid();
    const crop = listCell(g, 'cay_trong', 3, 'ten');
    const model = listCell(g, 'mo_hinh', 4, 'ten');
    const text = fieldCell(g, 'ten_cho');
    typeText(world, crop, CROP);
    typeText(world, model, MODEL);
    typeText(world, text, TEXT);

    // The core reads the same names as the clerk's text, with no issue.
    const core = runReport(DVK, withField('ten_cho', TEXT, 'value', withListCell('mo_hinh', 4, 'ten', MODEL, withListCell('cay_trong', 3, 'ten', CROP, g))));
    expect(core.input.lists.cay_trong[3].values.ten).toBe(CROP);
    expect(core.input.lists.mo_hinh[4].values.ten).toBe(MODEL);
    expect(core.input.fields.ten_cho.value).toBe(TEXT);

    const before = inputTabs(world);
    expect(() => gas.call('computeIndicators')).not.toThrow();
    expect(inputTabs(world)).toEqual(before);

    // No formula anywhere: not in the indicators tab, and none made of the clerk's text in the input tabs.
    const tab = world.spreadsheet.sheets.find((s) => s.name === 'Chỉ tiêu');
    expect(tab).toBeDefined();
    expect(allFormulas(world, 'Chỉ tiêu')).toEqual([]);
    for (const t of DVK.tabs) expect(allFormulas(world, t.name), t.name).toEqual([]);

    // The indicators tab reads back exactly what the core computed: the crop's name inside its label,
    // and every text cell as written, without an apostrophe.
    const values = tab!.getDataRange().getValues() as unknown[][];
    const expected = core.indicators;
    expect(values.length).toBe(expected.length + 1);
    const cropRow = values.find((r) => String(r[1]).endsWith(CROP));
    expect(cropRow?.[1]).toBe(`Sản lượng bình quân hằng năm: ${CROP}`);
    expect(cropRow?.[4]).toBe('900\u00A0tấn');
    values.slice(1).forEach((r, i) => {
      const ind = expected[i];
      expect(r.slice(0, 8)).toEqual([ind.key, ind.label, ind.value, ind.unit, ind.phrase ?? ind.text, ind.status ?? '', ind.how, ind.sources.map((s) => `${s.sheet}!${s.cell}`).join(', ')]);
    });
    expect(values.flat().some((v) => typeof v === 'string' && v.startsWith("'"))).toBe(false);
    // The model named like a formula is counted like any other.
    expect(values.find((r) => r[0] === 'so_mo_hinh')?.[2]).toBe(9);
  });

  it('a leading apostrophe written by the product is not part of the stored value (per the fake; unconfirmed on Google)', () => {
    cases++;
    const world = createGoogleWorld();
    const gas = loadBundle(world);
    gas.call('onOpen', {});
    const sheet = world.spreadsheet.sheets[0];
    sheet.getRange(1, 1, 1, RISKY.length).setValues([RISKY.map((t) => toSheetValue(t))]);
    expect(sheet.getRange(1, 1, 1, RISKY.length).getFormulas()).toEqual([RISKY.map(() => '')]);
    expect(sheet.getRange(1, 1, 1, RISKY.length).getValues()).toEqual([RISKY]);
    console.log(`formula-injection: ${cases} cases (${RISKY.length} formula-like and ${SAFE.length} plain texts, indicator rows, the built bundle)`);
  });
});
