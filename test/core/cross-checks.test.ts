/**
 * Cross-checks a reviewer makes where two entered figures must agree: an output typed beside area ×
 * yield, a count typed beside the names it counts, parts beside their total. Each is a warning on the
 * cell, in Vietnamese, with both figures; the report still uses the computed figure.
 */
import { describe, expect, it } from 'vitest';
import { documentText } from '../../src/core/document/model';
import { renderReportDocument } from '../../src/core/report/document';
import { runReport } from '../../src/core/report/pipeline';
import { namesIn } from '../../src/core/workbook/constraints';
import { DVK, fieldCell, listCell, sampleGrid, withField, withListCell } from '../helpers/workbook';

const warningsOf = (grid = sampleGrid()) => runReport(DVK, grid).issues.filter((i) => i.severity === 'warning');

describe('cross-checks between entered figures', () => {
  it('the sample agrees with itself: no warning but the reported forest cover', () => {
    expect(warningsOf().map((w) => w.cell)).toEqual([fieldCell(sampleGrid(), 'ty_le_che_phu_rung_da_bao_cao').cell]);
  });

  it('an output typed as the reference typed it (60.436 for rice, 180 for peanut) is flagged on its cell', () => {
    let grid = sampleGrid();
    const rice = DVK.sample.lists.cay_trong.findIndex((c) => c.ten === 'Lúa');
    const peanut = DVK.sample.lists.cay_trong.findIndex((c) => c.ten === 'Đậu Phụng Lạc');
    const maize = DVK.sample.lists.cay_trong.findIndex((c) => c.ten === 'Ngô');
    grid = withListCell('cay_trong', rice, 'san_luong_da_bao_cao', '60.436', grid);
    grid = withListCell('cay_trong', peanut, 'san_luong_da_bao_cao', 180, grid);
    grid = withListCell('cay_trong', maize, 'san_luong_da_bao_cao', 210, grid);
    const run = runReport(DVK, grid);
    const warnings = run.issues.filter((i) => i.severity === 'warning' && i.message.startsWith('Sản lượng đã báo cáo'));
    expect(warnings.map((w) => `${w.sheet}!${w.cell}`)).toEqual(
      [rice, peanut].map((i) => {
        const at = listCell(grid, 'cay_trong', i, 'san_luong_da_bao_cao');
        return `${at.sheet}!${at.cell}`;
      }),
    );
    expect(warnings[0].message).toContain('đã nhập 60.436, tính được 6.043,6 (1.042 × 58 × 0,1)');
    expect(warnings[1].message).toContain('đã nhập 180, tính được 18');
    expect(run.issues.some((i) => i.severity === 'error')).toBe(false);
    // The report keeps the computed output.
    const text = documentText(renderReportDocument(DVK.template, run.data).document).replace(/\u00A0/g, ' ');
    expect(text).toContain('sản lượng đạt 6.043,6 tấn');
    expect(text).not.toContain('60.436');
  });

  it('a count of markets that differs from the markets named beside it', () => {
    const w = warningsOf(withField('so_cho', 3));
    const at = fieldCell(sampleGrid(), 'so_cho');
    expect(w.map((x) => `${x.sheet}!${x.cell}`)).toContain(`${at.sheet}!${at.cell}`);
    expect(w.find((x) => x.cell === at.cell)?.message).toContain('đã nhập 3, nhưng ô');
    expect(w.find((x) => x.cell === at.cell)?.message).toContain('kể 2 tên (Km3; Km7)');
  });

  it('a total below its parts', () => {
    const w = warningsOf(withField('tong_gia_tri_san_xuat', 500));
    const at = fieldCell(sampleGrid(), 'tong_gia_tri_san_xuat');
    const hit = w.find((x) => x.sheet === at.sheet && x.cell === at.cell);
    expect(hit?.message).toContain('các phần cộng lại 634,687 tỷ đồng, tổng chỉ 500 tỷ đồng');
  });

  it('parts too large to add up (each near the largest number a cell holds) are a warning, not a crash', () => {
    let grid = withField('tong_gia_tri_nong_nghiep', Number.MAX_VALUE);
    grid = withField('gia_tri_tmdv', Number.MAX_VALUE, 'value', grid);
    const at = fieldCell(sampleGrid(), 'tong_gia_tri_san_xuat');
    const hit = warningsOf(grid).find((x) => x.sheet === at.sheet && x.cell === at.cell);
    expect(hit?.message).toContain('các phần cộng lại một số quá lớn để ghi ra, tổng chỉ 1.177,9 tỷ đồng');
    expect(hit?.message).not.toMatch(/Infinity|NaN/);
  });

  it('names are split on commas, semicolons and «và»', () => {
    expect(namesIn('Km3 và Km7')).toEqual(['Km3', 'Km7']);
    expect(namesIn('Hiệp An, Hùng Nghĩa, Gia An và thôn Vĩnh Xuân')).toHaveLength(4);
    expect(namesIn('Chợ Mới')).toEqual(['Chợ Mới']);
  });
});
