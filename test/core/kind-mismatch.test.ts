/**
 * A workbook of another kind than the one it is read as is one error naming its kind, in both doors' reader
 * (the `kinds` option), instead of a missing tab, block or row for everything the chosen kind has.
 */
import { describe, expect, it } from 'vitest';
import { runReport } from '../../src/core/report/pipeline';
import { KIND_SETTING_LABEL, SETTINGS_HEADER, SETTINGS_TAB } from '../../src/core/workbook/local-units';
import { layoutWorkbook } from '../../src/core/workbook/layout';
import type { WorkbookGrid } from '../../src/core/workbook/grid';
import { bundledKind, bundledKinds } from '../../src/kinds/bundled';
import type { ReportKind } from '../../src/core/kind/types';
import { sampleGrid, DVK } from '../helpers/workbook';

const KTXH = bundledKind('kinh-te-xa-hoi') as ReportKind;
const ktxhGrid = (): WorkbookGrid => layoutWorkbook(KTXH, KTXH.sample).map((s) => ({ name: s.name, rows: structuredClone(s.rows) }));
const withKindSetting = (grid: WorkbookGrid, value: string): WorkbookGrid => [
  ...grid,
  { name: SETTINGS_TAB, rows: [[...SETTINGS_HEADER], ['Diện tích 1 sào (m²)', 360, ''], [KIND_SETTING_LABEL, value, '']] },
];
const kinds = bundledKinds();

describe('a workbook of another kind', () => {
  it('read as «Dân vận khéo», a «Kinh tế - xã hội» workbook is one error naming its kind and its --kind', () => {
    const run = runReport(DVK, ktxhGrid(), { kinds });
    expect(run.issues).toHaveLength(1);
    const [issue] = run.issues;
    expect(issue.severity).toBe('error');
    expect(issue.cell).toBe('A1');
    expect(KTXH.tabs.map((t) => t.name)).toContain(issue.sheet);
    expect(DVK.tabs.map((t) => t.name)).not.toContain(issue.sheet);
    expect(issue.message).toContain(`làm theo loại báo cáo «${KTXH.name}»`);
    expect(issue.message).toContain(`không phải loại «${DVK.name}»`);
    expect(issue.message).toContain('--kind kinh-te-xa-hoi');
    expect(run.indicators).toEqual([]);
  });

  it('without the kinds, the same workbook gives the long list it used to (the option is what changes it)', () => {
    expect(runReport(DVK, ktxhGrid()).issues.length).toBeGreaterThan(10);
  });

  it('the other way round too', () => {
    const run = runReport(KTXH, sampleGrid(), { kinds });
    expect(run.issues.map((i) => i.message)).toEqual([expect.stringContaining(`làm theo loại báo cáo «${DVK.name}»`)]);
    expect(run.issues[0].message).toContain('--kind dan-van-kheo');
  });

  it('its «Cài đặt» naming another kind is enough, and the error points at that cell', () => {
    const run = runReport(DVK, withKindSetting(sampleGrid(), 'kinh-te-xa-hoi'), { kinds });
    expect(run.issues).toHaveLength(1);
    expect(run.issues[0]).toMatchObject({ sheet: SETTINGS_TAB, cell: 'B3' });
    expect(run.issues[0].message).toContain(`trang «${SETTINGS_TAB}» ghi «kinh-te-xa-hoi»`);
    // By the kind's name as Google's setup writes it, too.
    expect(runReport(DVK, withKindSetting(sampleGrid(), KTXH.name), { kinds }).issues[0]?.sheet).toBe(SETTINGS_TAB);
  });

  it('a workbook of its own kind is read as before, also when its «Cài đặt» names the kind', () => {
    expect(runReport(DVK, sampleGrid(), { kinds }).issues).toEqual(runReport(DVK, sampleGrid()).issues);
    expect(runReport(DVK, withKindSetting(sampleGrid(), DVK.name), { kinds }).indicators.length).toBeGreaterThan(0);
  });

  it('an older workbook of its own kind that lacks a tab gets the usual message for that tab', () => {
    const old = sampleGrid().filter((s) => s.name !== 'Nơi nhận');
    const issues = runReport(DVK, old, { kinds }).issues.filter((i) => i.severity === 'error');
    expect(issues.map((i) => i.message)).toEqual([expect.stringContaining('Thiếu trang tính «Nơi nhận»')]);
  });

  it('a workbook that fits no kind, or its «Cài đặt» naming no known kind, is read as the chosen kind', () => {
    const none = [{ name: 'Trang tính 1', rows: [] }];
    expect(runReport(DVK, none, { kinds }).issues.length).toBe(runReport(DVK, none).issues.length);
    expect(runReport(DVK, withKindSetting(sampleGrid(), 'báo cáo khác'), { kinds }).indicators.length).toBeGreaterThan(0);
  });
});
