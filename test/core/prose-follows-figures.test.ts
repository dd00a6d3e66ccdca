/**
 * The report's judging sentences follow its figures. Each indicator with a status is flipped in turn
 * (the sample's inputs changed so that a target met becomes not met, or the reverse), and the whole
 * report is merged again: no sentence that judges the results may then contradict a figure, and every
 * sentence whose condition holds must be there. The rules below are the Dân vận khéo template's claims,
 * written here from their meaning, not from the code that decides them.
 */
import { describe, expect, it } from 'vitest';
import { documentText } from '../../src/core/document/model';
import type { Indicator } from '../../src/core/indicators/types';
import { renderReportDocument } from '../../src/core/report/document';
import { runReport } from '../../src/core/report/pipeline';
import type { Target } from '../../src/core/workbook/parse-cell';
import type { WorkbookGrid } from '../../src/core/workbook/grid';
import { DVK, getCell, fieldCell, rateCell, sampleGrid, withField, withRate } from '../helpers/workbook';

interface Report {
  text: string;
  indicators: Indicator[];
  met: (key: string) => boolean;
  figure: (key: string) => number;
  resolvedAll: boolean;
}

function report(grid: WorkbookGrid): Report {
  const run = runReport(DVK, grid);
  expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const merged = renderReportDocument(DVK.template, run.data);
  expect(merged.problems).toEqual([]);
  const byKey = new Map(run.indicators.map((i) => [i.key, i]));
  const get = (key: string) => {
    const i = byKey.get(key);
    if (!i) throw new Error(`no indicator ${key}`);
    return i;
  };
  const received = run.input.fields.don_tiep_nhan.value as number;
  const resolved = run.input.fields.don_giai_quyet.value as number;
  return {
    text: documentText(merged.document).replace(/\u00A0/g, ' ').replace(/\u2011/g, '-'),
    indicators: run.indicators,
    met: (key) => get(key).status !== 'chưa đạt',
    figure: (key) => get(key).value,
    resolvedAll: resolved >= received,
  };
}

/** The template's judging sentences, each with the condition under which it is true. */
const CLAIMS: { says: string; holds: (r: Report) => boolean }[] = [
  { says: 'tất cả các chỉ tiêu chủ yếu đều đạt', holds: (r) => notMet(r).length === 0 },
  { says: 'hầu hết các chỉ tiêu chủ yếu đều đạt Nghị quyết đề ra', holds: (r) => notMet(r).length > 0 && notMet(r).length * 4 <= withStatus(r).length },
  { says: 'mới có ', holds: (r) => notMet(r).length * 4 > withStatus(r).length },
  { says: 'chỉ tiêu chưa đạt Nghị quyết đề ra:', holds: (r) => notMet(r).length > 0 },
  { says: 'kinh tế của xã vẫn duy trì mức tăng trưởng khá', holds: (r) => r.figure('tang_gia_tri_1ha') > 0 },
  { says: 'văn hoá - xã hội có nhiều tiến bộ', holds: (r) => r.met('gia_dinh_van_hoa') && r.met('ho_ngheo') },
  { says: 'chất lượng giáo dục được nâng lên', holds: (r) => r.met('tot_nghiep_thcs') && r.met('hoan_thanh_tieu_hoc') },
  { says: 'công tác chăm sóc sức khỏe nhân dân có nhiều tiến bộ', holds: (r) => r.met('bao_hiem_y_te') && r.met('suy_dinh_duong') },
  { says: 'đời sống vật chất và tinh thần của Nhân dân được cải thiện', holds: (r) => r.met('ho_ngheo') },
  { says: 'kinh tế hộ gia đình được nâng lên rõ rệt', holds: (r) => r.met('ho_ngheo') },
  { says: 'không có đơn tồn đọng', holds: (r) => r.resolvedAll },
  { says: 'đơn của công dân chưa giải quyết xong', holds: (r) => !r.resolvedAll },
];

const withStatus = (r: Report) => r.indicators.filter((i) => i.status);
const notMet = (r: Report) => r.indicators.filter((i) => i.status === 'chưa đạt');

function expectNoContradiction(r: Report, what: string): void {
  for (const claim of CLAIMS) expect(r.text.includes(claim.says), `${what}: «${claim.says}»`).toBe(claim.holds(r));
  // The count in section IV is the count of the figures.
  const reached = withStatus(r).length - notMet(r).length;
  expect(r.text, what).toContain(`${reached}/${withStatus(r).length} chỉ tiêu`);
  // The shortcomings list every target not met, with its figure, and no other.
  const limits = r.text.split('\n').find((l) => l.includes('chỉ tiêu chưa đạt Nghị quyết đề ra:')) ?? '';
  for (const i of withStatus(r)) {
    const subject = SUBJECTS[i.key];
    expect(subject, `a subject for ${i.key}`).toBeDefined();
    expect(limits.includes(subject), `${what}: ${i.key} in the list of targets not met`).toBe(i.status === 'chưa đạt');
  }
  // Each indicator's own sentence says its own status.
  for (const i of withStatus(r)) {
    expect(r.text, `${what}: ${i.key}'s sentence`).toContain(i.phrase?.replace(/\u00A0/g, ' ').replace(/\u2011/g, '-'));
    expect(i.phrase?.startsWith(i.status as string) || i.phrase?.includes(`, ${i.status} chỉ tiêu`), `${what}: ${i.key}'s phrase names its status`).toBe(true);
  }
}

/** How the list of targets not met names each one (the workbook's label, first letter lower-cased). */
const SUBJECTS: Record<string, string> = {
  ho_ngheo: 'tỷ lệ hộ nghèo',
  gia_dinh_van_hoa: 'tỷ lệ hộ gia đình đạt «Gia đình văn hóa»',
  bao_hiem_y_te: 'tỷ lệ người dân tham gia bảo hiểm y tế',
  suy_dinh_duong: 'tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng',
  sinh_con_thu_ba: 'tỷ lệ sinh con thứ 3',
  tang_dan_so: 'tỷ lệ tăng dân số tự nhiên',
  tot_nghiep_thcs: 'tỷ lệ học sinh tốt nghiệp THCS',
  hoan_thanh_tieu_hoc: 'tỷ lệ hoàn thành chương trình Tiểu học',
};

/** A value on the other side of the target: a target met becomes not met, and the reverse. */
function across(target: Target, value: number, start: number | undefined, met: boolean): number {
  const clamp = (v: number) => Math.min(100, Math.max(0, v));
  switch (target.kind) {
    case 'min':
      return clamp(met ? target.value - 2 : target.value + 1);
    case 'max':
      return clamp(met ? target.value + 2 : target.value - 1);
    case 'range':
      return clamp(met ? target.low - 2 : target.high);
    case 'decrease':
      return clamp(met ? (start as number) + 1 : (start as number) - 1);
    case 'increase':
      return clamp(met ? (start as number) - 1 : (start as number) + 1);
  }
}

/** The sample with one indicator's status flipped, through the cell a clerk would change. */
function flip(key: string, grid: WorkbookGrid = sampleGrid()): WorkbookGrid {
  const def = DVK.indicators.find((d) => d.key === key);
  const run = runReport(DVK, grid);
  const was = run.indicators.find((i) => i.key === key);
  if (!def || !was?.status) throw new Error(`${key} has no status`);
  const met = was.status !== 'chưa đạt';
  if (def.kind === 'rateOverPeriod') {
    const rate = run.input.rates[def.rate];
    return withRate(def.rate, 'end', across(rate.target, rate.end, rate.start, met), grid);
  }
  if (def.kind === 'status') {
    const target = run.input.fields[def.target].value as Target;
    return withField(def.value, across(target, run.input.fields[def.value].value as number, undefined, met), 'value', grid);
  }
  throw new Error(`no way to flip ${key} (${def.kind})`);
}

const sample = report(sampleGrid());
const STATUS_KEYS = sample.indicators.filter((i) => i.status).map((i) => i.key);

describe('judging sentences follow the figures', () => {
  it('the sample has statuses to flip, and its prose agrees with them', () => {
    expect(STATUS_KEYS.length).toBeGreaterThanOrEqual(8);
    expectNoContradiction(sample, 'sample');
  });

  it.each(STATUS_KEYS)('flipping %s changes its status and no sentence contradicts it', (key) => {
    const flippedGrid = flip(key);
    const r = report(flippedGrid);
    expect(r.met(key), `${key} flipped`).toBe(!sample.met(key));
    expectNoContradiction(r, `${key} flipped`);
  });

  it('every target missed at once: the summary no longer says most were met', () => {
    let grid = sampleGrid();
    for (const key of STATUS_KEYS) if (sample.met(key)) grid = flip(key, grid);
    const r = report(grid);
    expect(notMet(r).length).toBe(STATUS_KEYS.length);
    expectNoContradiction(r, 'all missed');
  });

  it('value per hectare below the base year: no "growth kept up", the fall is named among the shortcomings', () => {
    const base = getCell(sampleGrid(), fieldCell(sampleGrid(), 'gia_tri_1ha_nam_goc'));
    const r = report(withField('gia_tri_1ha', Number(String(base).replace(',', '.')) - 5));
    expect(r.figure('tang_gia_tri_1ha')).toBeLessThan(0);
    expectNoContradiction(r, 'value per ha down');
    expect(r.text).toMatch(/Giá trị sản xuất bình quân trên 1 ha đất nông nghiệp giảm [\d,]+% so với năm 2020\./);
  });

  it('petitions left unsettled: no "no backlog", the number pending is written', () => {
    const r = report(withField('don_giai_quyet', 95));
    expectNoContradiction(r, 'petitions pending');
    expect(r.text).toContain('95/98 đơn');
    expect(r.text).toContain('còn 03 đơn đang tiếp tục xem xét, giải quyết');
    expect(r.text).toContain('Còn 03 đơn của công dân chưa giải quyết xong.');
  });

  it('the rate cells the flips change are the clerk’s cells', () => {
    // A guard on the helper: the flip writes the «Cuối kỳ (%)» cell of the rate's row.
    const at = rateCell(sampleGrid(), 'bao_hiem_y_te', 'end');
    expect(getCell(flip('bao_hiem_y_te'), at)).not.toEqual(getCell(sampleGrid(), at));
  });
});
