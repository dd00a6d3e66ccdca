/**
 * The example row a blank workbook shows at the top of each list: marked at its right, never read as data,
 * silent in `check` while untouched, an error at its mark once typed over (its figures would otherwise be
 * dropped without a word). Workbooks without it (the sample, older Sheets) read exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_MARK, layoutWorkbook } from '../../src/core/workbook/layout';
import { readWorkbook } from '../../src/core/workbook/read';
import { runReport } from '../../src/core/report/pipeline';
import { a1, type WorkbookGrid } from '../../src/core/workbook/grid';
import { DVK, emptyGrid, sampleGrid } from '../helpers/workbook';

function blankWithExamples(): WorkbookGrid {
  return layoutWorkbook(DVK, undefined, { examples: DVK.sample }).map((s) => ({ name: s.name, rows: structuredClone(s.rows) }));
}
const crops = () => {
  const sheet = layoutWorkbook(DVK, undefined, { examples: DVK.sample }).find((s) => s.name === 'Nông nghiệp')!;
  const block = sheet.blocks.find((b) => b.kind === 'list')!;
  return { sheet, block, row: block.firstDataRow, mark: block.columns };
};

describe('the example row of a blank workbook', () => {
  it('is laid out first in each list, marked, from the first sample row; the sample and older layouts have none', () => {
    const { sheet, row, mark } = crops();
    expect(sheet.rows[row].slice(0, 3)).toEqual(['Lúa', 'Cây chính', 1042]);
    expect(sheet.rows[row][mark]).toBe(EXAMPLE_MARK);
    const lists = layoutWorkbook(DVK, undefined, { examples: DVK.sample }).flatMap((s) => s.blocks.filter((b) => b.kind === 'list'));
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((b) => b.exampleRow)).toBe(true);
    expect(layoutWorkbook(DVK, DVK.sample, { examples: DVK.sample }).flatMap((s) => s.blocks).some((b) => b.exampleRow)).toBe(false);
    expect(layoutWorkbook(DVK).flatMap((s) => s.blocks).some((b) => b.exampleRow)).toBe(false);
  });

  it('is never read: a blank workbook with examples gives the same input and issues as one without', () => {
    const withExamples = readWorkbook(DVK, blankWithExamples());
    const without = readWorkbook(DVK, emptyGrid());
    expect(withExamples.input).toEqual(without.input);
    expect(withExamples.issues).toEqual(without.issues);
    for (const list of Object.values(withExamples.input.lists)) expect(list).toEqual([]);
  });

  it('rows typed below it are read, and the example still is not', () => {
    const grid = blankWithExamples();
    const { row } = crops();
    const farm = grid.find((s) => s.name === 'Nông nghiệp')!;
    farm.rows[row + 1] = ['Ngô', 'Cây khác', 35, 60, 'tạ/ha'];
    const read = readWorkbook(DVK, grid);
    expect(read.input.lists.cay_trong.map((r) => r.values.ten)).toEqual(['Ngô']);
    expect(read.issues.filter((i) => i.sheet === 'Nông nghiệp' && i.severity === 'error').map((i) => i.message)).not.toContainEqual(expect.stringContaining('ví dụ'));
  });

  it('typed over half-way: an error at its mark, saying how to keep the row; the row is not read', () => {
    const grid = blankWithExamples();
    const { row, mark } = crops();
    const farm = grid.find((s) => s.name === 'Nông nghiệp')!;
    farm.rows[row][2] = 980; // the clerk's own rice area over the example's
    const read = readWorkbook(DVK, grid);
    const issue = read.issues.find((i) => i.sheet === 'Nông nghiệp' && i.cell === a1(row, mark));
    expect(issue?.severity).toBe('error');
    expect(issue?.message).toContain('là dòng ví dụ');
    expect(issue?.message).toContain(`xóa ô ${a1(row, mark)}`);
    expect(read.input.lists.cay_trong).toEqual([]);
    // With the mark cleared, the row is the clerk's: read, no error about it.
    farm.rows[row][mark] = null;
    const kept = readWorkbook(DVK, grid);
    expect(kept.input.lists.cay_trong.map((r) => r.values.dien_tich)).toEqual([980]);
    expect(kept.issues.some((i) => i.cell === a1(row, mark))).toBe(false);
  });

  it('the sample report is unchanged: the sample has no example row', () => {
    const run = runReport(DVK, sampleGrid());
    expect(run.input.lists.cay_trong.map((r) => r.values.ten)).toEqual(DVK.sample.lists.cay_trong.map((r) => r.ten));
  });
});
