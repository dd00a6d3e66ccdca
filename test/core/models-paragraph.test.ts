/**
 * The «Mô hình» paragraph of the Dân vận khéo report: each model once, with its field and its body, and a
 * result shared by several models written once after them («mô hình A … và mô hình B …, giúp …»), as
 * the reference report writes it. Blank results join nothing.
 */
import { describe, expect, it } from 'vitest';
import { documentText } from '../../src/core/document/model';
import { renderReportDocument } from '../../src/core/report/document';
import { runReport } from '../../src/core/report/pipeline';
import { DVK, sampleGrid, withListCell } from '../helpers/workbook';

function modelsText(grid = sampleGrid()): { text: string; models: { ten: string; ket_qua: string; linh_vuc: string }[] } {
  const run = runReport(DVK, grid);
  const text = documentText(renderReportDocument(DVK.template, run.data).document);
  const models = run.input.lists.mo_hinh.map((r) => ({ ten: String(r.values.ten), ket_qua: String(r.values.ket_qua ?? ''), linh_vuc: String(r.values.linh_vuc) }));
  return { text, models };
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('the models paragraph', () => {
  it('names every model of the sample exactly once, under its own field', () => {
    const { text, models } = modelsText();
    expect(models.map((m) => m.ten)).toContain('Tư vấn, hỗ trợ nông dân phát triển, quảng bá các sản phẩm');
    for (const m of models) {
      expect(count(text, `mô hình “${m.ten}”`), m.ten).toBe(1);
      const line = text.split('\n').find((l) => l.includes(`“${m.ten}”`)) ?? '';
      expect(line.startsWith(`+ Lĩnh vực ${m.linh_vuc} (`), m.ten).toBe(true);
    }
  });

  it('writes each result once, after the models that share it', () => {
    const { text, models } = modelsText();
    const results = [...new Set(models.map((m) => m.ket_qua).filter(Boolean))];
    expect(results.length).toBeLessThan(models.filter((m) => m.ket_qua).length);
    for (const r of results) expect(count(text, r), r).toBe(1);
    expect(text).toContain('mô hình “Chăn nuôi bò vỗ béo” của Hội Nông dân và mô hình “Nông dân thi đua sản xuất kinh doanh giỏi” của Hội Nông dân, giúp hội viên');
    expect(text).toContain('tham gia mua bảo hiểm y tế toàn dân, đạt tiêu chí bảo hiểm y tế gắn với xây dựng Nông thôn mới');
  });

  it('a model given its own result stands apart from the group it left', () => {
    const own = 'lắp đặt 12 camera tại các ngã ba';
    const camera = DVK.sample.lists.mo_hinh.findIndex((m) => m.ten === 'Camera an ninh');
    const { text } = modelsText(withListCell('mo_hinh', camera, 'ket_qua', own));
    expect(text).toContain(`của Hội Cựu chiến binh, qua các năm đã cung cấp cho Công an`);
    expect(text).toContain(`mô hình “Camera an ninh” của Hội Nông dân, ${own}.`);
  });
});
