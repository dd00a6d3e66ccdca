// The district roll-up on sample communes: every district figure against a hand-computed value.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKind } from '../../src/core/kind/load';
import { bundledKind, defaultKind } from '../../src/kinds/bundled';
import type { ReportKind } from '../../src/core/kind/types';
import { layoutWorkbook } from '../../src/core/workbook/layout';
import type { IndicatorDef } from '../../src/core/indicators/types';
import { runReport } from '../../src/core/report/pipeline';
import { rollUp, type CommuneRun } from '../../src/core/rollup/rollup';
import { rollupProblems } from '../../src/core/rollup/check';
import { COMMUNES, communeGrid } from '../helpers/communes';

const KIND = defaultKind();

function runs(): CommuneRun[] {
  return COMMUNES.map((spec) => {
    const run = runReport(KIND, communeGrid(spec));
    return { name: spec.name, source: `${spec.name}.xlsx`, input: run.input, indicators: run.indicators, issues: run.issues };
  });
}

describe('district roll-up', () => {
  const result = rollUp(KIND, runs());
  const total = (key: string) => result.totals[key];

  it('lists every commune; the one with errors is shown with them and left out of the district figures', () => {
    expect(result.communes.map((c) => [c.name, c.ok])).toEqual([
      ['Phổ Phong', true],
      ['Phổ Nhơn', true],
      ['Phổ Thuận', true],
      ['Phổ Ninh', false],
    ]);
    const ninh = result.communes[3];
    expect(ninh.errors).toBeGreaterThan(0);
    expect(ninh.issues.some((i) => i.severity === 'error' && i.message.includes('nhiều lắm'))).toBe(true);
    expect(result.included).toBe(3);
    expect(total('tong_luot_tiep_dan').counted).toBe(3);
  });

  it('sums counts: receptions 118 + 60 + 20, rice 3 × 6.043,6 tấn', () => {
    expect(total('tong_luot_tiep_dan').value).toBe(198);
    expect(total('tong_luot_tiep_dan').text).toBe('198\u00a0lượt');
    expect(total('san_luong_lua').value).toBeCloseTo(18130.8, 9);
    expect(total('san_luong_lua').text).toBe('18.130,8\u00a0tấn');
  });

  it('recomputes a rate from the summed parts, never averaging it: forest cover (1.890,3 + 2.500 + 100) ÷ (5.433,05 + 5.000 + 1.000)', () => {
    const cover = total('ty_le_che_phu_rung');
    expect(cover.value).toBeCloseTo((4490.3 / 11433.05) * 100, 9);
    expect(cover.text).toBe('39,27%');
    // The mean of the three communes' rates (34,79 %, 50 %, 10 %) would be 31,6 %: not what is written.
    const mean = (34.79 + 50 + 10) / 3;
    expect(Math.abs((cover.value ?? 0) - mean)).toBeGreaterThan(7);
    expect(total('ty_le_giai_quyet_don').value).toBeCloseTo((148 / 158) * 100, 9);
    expect(total('ty_le_giai_quyet_don').text).toBe('93,67%');
  });

  it('recomputes food per head per year from summed food and population over the period (41 months)', () => {
    const perHead = total('luong_thuc_binh_quan_dau_nguoi');
    const expected = ((17142.9 + 20000 + 5000) * 1000) / (8881 + 12000 + 5000) / (41 / 12);
    expect(perHead.value).toBeCloseTo(expected, 9);
    expect(perHead.text).toBe('477\u00a0kg/người/năm');
  });

  it('weights the poor-household change by population: (−0,9 × 8.881 − 2 × 12.000 + 0,5 × 5.000) ÷ 25.881', () => {
    const poor = total('ho_ngheo');
    expect(poor.value).toBeCloseTo((-0.9 * 8881 - 2 * 12000 + 0.5 * 5000) / 25881, 9);
    expect(poor.text).toBe('-1,14\u00a0điểm phần trăm');
    expect(poor.counted).toBe(3);
  });

  it('counts the communes meeting a target and names those that missed it', () => {
    expect(total('bao_hiem_y_te')).toMatchObject({ value: 2, text: '2/3 xã', missed: ['Phổ Nhơn'] });
    expect(total('suy_dinh_duong')).toMatchObject({ value: 2, text: '2/3 xã', missed: ['Phổ Phong'] });
    // "giảm": Phổ Thuận's poor households went up (4,2 % to 4,7 %).
    expect(total('ho_ngheo').missed).toEqual(['Phổ Thuận']);
  });

  it('min and max: the weakest growth of value per hectare, the longest period', () => {
    expect(total('tang_gia_tri_1ha').value).toBeCloseTo(((76 - 74.4) / 74.4) * 100, 9);
    expect(total('tang_gia_tri_1ha').text).toBe('2,2%');
    expect(total('so_nam_ky_bao_cao').value).toBeCloseTo(41 / 12, 9);
  });

  it('an indicator without a rule has its column but no district figure', () => {
    const kind = { ...KIND, indicators: KIND.indicators.map((d) => (d.key === 'tong_nha_ho_tro' ? { ...d, rollup: undefined } : d)) };
    const bare = rollUp(kind, runs());
    expect(bare.columns.map((c) => c.key)).toContain('tong_nha_ho_tro');
    expect(bare.totals.tong_nha_ho_tro).toMatchObject({ value: null, text: '', rule: null });
    expect(total('tong_nha_ho_tro')).toMatchObject({ value: 18 * 3, text: '54\u00a0nhà', rule: 'sum' });
  });
});

describe('roll-up rules checked against the indicators', () => {
  const fields = new Set(['dan_so', 'dien_tich_rung', 'dien_tich_tu_nhien', 'ty_le_gia_dinh_van_hoa']);
  const percent = new Set(['ty_le_gia_dinh_van_hoa']);
  it('every indicator of the shipped kind declares a rule the checker accepts (the kind loaded, so it did)', () => {
    expect(KIND.indicators.filter((d) => d.kind !== 'crossCheck' && !d.rollup).map((d) => d.key)).toEqual([]);
  });
  it('refuses a rate recomputed from rates, countMet without a target, a weight that is a share or unknown', () => {
    const defs: IndicatorDef[] = [
      { kind: 'rateOverPeriod', key: 'ho_ngheo', label: 'Hộ nghèo', rate: 'ho_ngheo', decimals: 2, rollup: { rule: 'recompute' } },
      { kind: 'sum', key: 'tong', label: 'Tổng', terms: ['dan_so'], unit: 'người', decimals: 0, rollup: { rule: 'countMet' } },
      { kind: 'ratio', key: 'r', label: 'R', part: 'ty_le_gia_dinh_van_hoa', whole: 'dan_so', decimals: 2, rollup: { rule: 'weighted', by: 'ty_le_gia_dinh_van_hoa' } },
      { kind: 'ratio', key: 'q', label: 'Q', part: 'dien_tich_rung', whole: 'dien_tich_tu_nhien', decimals: 2, rollup: { rule: 'weighted', by: 'khong_co' } },
      { kind: 'ratio', key: 's', label: 'S', part: 'ty_le_gia_dinh_van_hoa', whole: 'dan_so', decimals: 2, rollup: { rule: 'recompute' } },
    ];
    const problems = rollupProblems(defs, fields, percent);
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^indicators\[0\]\.rollup \(«ho_ngheo»\): «recompute» không dùng được/);
    expect(problems[1]).toContain('«countMet» cần chỉ tiêu');
    expect(problems[2]).toContain('là một tỷ lệ (%); trọng số');
    expect(problems[3]).toContain('«khong_co», không phải số liệu');
    expect(problems[4]).toContain('«ty_le_gia_dinh_van_hoa», là một tỷ lệ (%); tỷ lệ không cộng được');
  });
});

describe('roll-up rules in kind.json', () => {
  it('a kind whose rule would average a rate, or whose rule is unknown, does not load; the message names the file and the place', () => {
    const json = JSON.parse(readFileSync('kinds/dan-van-kheo/kind.json', 'utf8'));
    const template = readFileSync('kinds/dan-van-kheo/template.txt', 'utf8');
    const i = json.indicators.findIndex((d: { key: string }) => d.key === 'ho_ngheo');
    json.indicators[i].rollup = { rule: 'recompute' };
    const bad = loadKind({ origin: 'kinds/thu', kindJson: json, template });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.problems).toEqual([expect.stringMatching(new RegExp(`^kinds/thu/kind\\.json, tại indicators\\[${i}\\]\\.rollup \\(«ho_ngheo»\\): «recompute» không dùng được`))]);
    json.indicators[i].rollup = { rule: 'average' };
    const unknown = loadKind({ origin: 'kinds/thu', kindJson: json, template });
    expect(unknown.ok).toBe(false);
    expect((unknown.ok ? [] : unknown.problems).join('\n')).toContain(`indicators[${i}]`);
  });
});

describe('district roll-up of the «Kinh tế - xã hội» kind: plan rows and rates', () => {
  const KTXH = bundledKind('kinh-te-xa-hoi') as ReportKind;
  /** The kind's sample with a commune's name, fields and plan rows changed. */
  const commune = (name: string, fields: Record<string, number | string | { value: number; unit: string }>, plans: Record<string, { plan?: number; actual: number; lastYear?: number }>): CommuneRun => {
    const s = structuredClone(KTXH.sample);
    s.fields.ten_xa = name;
    Object.assign(s.fields, fields);
    const rows = (s as { plans: Record<string, Record<string, unknown>> }).plans.chi_tieu_chu_yeu;
    for (const [key, row] of Object.entries(plans)) rows[key] = row;
    const run = runReport(KTXH, layoutWorkbook(KTXH, s).map((t) => ({ name: t.name, rows: t.rows })));
    return { name, source: `${name}.xlsx`, input: run.input, indicators: run.indicators, issues: run.issues };
  };
  const runs = [
    commune('Hòa Bình', {}, {}),
    commune('Tân Phú', { dan_so: 12000, so_ho: 3400, dien_tich_rung: { value: 2000, unit: 'ha' }, dien_tich_tu_nhien: { value: 5000, unit: 'ha' } }, {
      thu_ngan_sach: { plan: 5000, actual: 3000, lastYear: 2500 },
      ty_le_bao_hiem_y_te: { plan: 95, actual: 96, lastYear: 94 },
      san_luong_luong_thuc: { plan: 10000, actual: 6000, lastYear: 5500 },
    }),
    commune('An Lạc', { dan_so: 5000, so_ho: 1500, dien_tich_rung: { value: 100, unit: 'ha' }, dien_tich_tu_nhien: { value: 1000, unit: 'ha' } }, {
      thu_ngan_sach: { plan: 1000, actual: 400, lastYear: 500 },
      ty_le_bao_hiem_y_te: { plan: 90, actual: 85, lastYear: 86 },
      san_luong_luong_thuc: { plan: 3000, actual: 1500, lastYear: 1400 },
    }),
    commune('Lỗi Số', { dan_so: 'nhiều' }, {}),
  ];
  const result = rollUp(KTXH, runs);
  const total = (key: string) => result.totals[key];

  it('every indicator and every plan row of the kind declares a rule', () => {
    expect(KTXH.indicators.filter((d) => !d.rollup).map((d) => d.key)).toEqual([]);
    const rows = KTXH.tabs.flatMap((t) => t.blocks).flatMap((b) => (b.type === 'plan' ? b.rows : []));
    expect(rows.filter((r) => !r.rollup).map((r) => r.key)).toEqual([]);
  });

  it('leaves out the commune with errors', () => {
    expect(result.communes.map((c) => [c.name, c.ok])).toEqual([
      ['Hòa Bình', true],
      ['Tân Phú', true],
      ['An Lạc', true],
      ['Lỗi Số', false],
    ]);
    expect(result.included).toBe(3);
  });

  it('a plan row adds plan, result and last year up, and % of plan is recomputed from the sums: 5.623,5 ÷ 10.250', () => {
    expect(total('thu_ngan_sach').value).toBeCloseTo(2223.5 + 3000 + 400, 9);
    expect(total('thu_ngan_sach').rule).toBe('sum');
    expect(total('thu_ngan_sach_ke_hoach').value).toBeCloseTo((5623.5 / 10250) * 100, 9);
    expect(total('thu_ngan_sach_ke_hoach').text).toBe('54,9%');
    expect(total('thu_ngan_sach_ke_hoach').rule).toBe('recompute');
    // Not the mean of the communes' own percentages (52,3 %, 60 %, 40 %: 50,8 %).
    expect(total('thu_ngan_sach_cung_ky').value).toBeCloseTo(((5623.5 - 5136) / 5136) * 100, 9);
    expect(total('thu_ngan_sach').missed).toEqual(['Hòa Bình', 'Tân Phú', 'An Lạc']);
  });

  it('a rate row is weighted by population, its change on last year in points from the weighted parts', () => {
    const people = 9240 + 12000 + 5000;
    const actual = (93.6 * 9240 + 96 * 12000 + 85 * 5000) / people;
    const lastYear = (92.1 * 9240 + 94 * 12000 + 86 * 5000) / people;
    expect(total('ty_le_bao_hiem_y_te').value).toBeCloseTo(actual, 9);
    expect(total('ty_le_bao_hiem_y_te').text).toBe('93,06%');
    expect(total('ty_le_bao_hiem_y_te_cung_ky').value).toBeCloseTo(actual - lastYear, 9);
    expect(total('ty_le_bao_hiem_y_te').missed).toEqual(['Hòa Bình', 'An Lạc']);
  });

  it('recomputes forest cover and the poor-household rate from the summed parts, and food per head from the rolled-up plan row', () => {
    expect(total('ty_le_che_phu_rung').value).toBeCloseTo(((1512.4 + 2000 + 100) / (3250.6 + 5000 + 1000)) * 100, 9);
    expect(total('ty_le_che_phu_rung').text).toBe('39,1%');
    expect(total('ty_le_ho_ngheo').value).toBeCloseTo(((98 * 3) / (2650 + 3400 + 1500)) * 100, 9);
    // 6 months: (5.124,6 + 6.000 + 1.500) tấn × 1 000 ÷ 26.240 people ÷ 0,5 year.
    expect(total('luong_thuc_binh_quan').value).toBeCloseTo(((5124.6 + 6000 + 1500) * 1000) / 26240 / 0.5, 9);
  });

  it('a rate row added up, or weighted by a share, does not load; the message names the place', () => {
    const json = JSON.parse(readFileSync('kinds/kinh-te-xa-hoi/kind.json', 'utf8'));
    const template = readFileSync('kinds/kinh-te-xa-hoi/template.txt', 'utf8');
    const t = json.tabs.findIndex((tab: { blocks: { type: string }[] }) => tab.blocks.some((b) => b.type === 'plan'));
    const b = json.tabs[t].blocks.findIndex((x: { type: string }) => x.type === 'plan');
    const r = json.tabs[t].blocks[b].rows.findIndex((x: { key: string }) => x.key === 'ty_le_bao_hiem_y_te');
    json.tabs[t].blocks[b].rows[r].rollup = { rule: 'sum' };
    const bad = loadKind({ origin: 'kinds/thu', kindJson: json, template });
    expect(bad.ok ? [] : bad.problems).toEqual([`kinds/thu/kind.json, tại tabs[${t}].blocks[${b}].rows[${r}].rollup («ty_le_bao_hiem_y_te»): dòng tỷ lệ (%) không cộng được; dùng «weighted» theo một số lượng (dân số, số hộ…).`]);
    json.tabs[t].blocks[b].rows[r].rollup = { rule: 'max' };
    const unknown = loadKind({ origin: 'kinds/thu', kindJson: json, template });
    expect((unknown.ok ? [] : unknown.problems).join('\n')).toContain(`tabs[${t}].blocks[${b}].rows[${r}].rollup`);
  });
});
