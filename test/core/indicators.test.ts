import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../src/core/indicators/types';
import { runReport } from '../../src/core/report/pipeline';
import type { WorkbookGrid } from '../../src/core/workbook/grid';
import { fieldCell, listCell, sampleGrid, withCell, withListCell, withRate, DVK } from '../helpers/workbook';

const byKey = (grid: WorkbookGrid) => new Map(runReport(DVK, grid).indicators.map((i) => [i.key, i]));
const sample = byKey(sampleGrid());
const get = (key: string, map = sample): Indicator => {
  const i = map.get(key);
  if (!i) throw new Error(`no indicator ${key}`);
  return i;
};

describe('the sample reproduces the reference report’s derivable figures, and corrects its errors', () => {
  const cases: { key: string; value: number; text: string; phrase?: string; status?: string; why?: string }[] = [
    { key: 'san_luong_lua', value: 6043.6, text: '6.043,6\u00A0tấn', why: '1.042\u00A0ha × 58\u00A0tạ/ha = 60.436 tạ; the report says «60.436\u00A0tấn»' },
    { key: 'san_luong_dau_phung_lac', value: 18, text: '18\u00A0tấn', why: '10\u00A0ha × 18\u00A0tạ/ha; the report says 180\u00A0tấn' },
    { key: 'san_luong_ngo', value: 210, text: '210\u00A0tấn' },
    { key: 'san_luong_dua_cac_loai', value: 900, text: '900\u00A0tấn', why: '30\u00A0ha × 30\u00A0tấn/ha' },
    {
      key: 'suy_dinh_duong',
      value: 1,
      text: '1\u00A0điểm phần trăm',
      phrase: 'tăng 1\u00A0điểm phần trăm, từ 7% cuối năm 2020 lên 8% cuối tháng 5 năm 2023, chưa đạt chỉ tiêu Nghị quyết đề ra (NQ không quá 6%)',
      status: 'chưa đạt',
      why: 'the report says «tăng 0,1%»',
    },
    { key: 'ty_le_che_phu_rung', value: 34.7926, text: '34,79%', why: 'the report says 80%' },
    { key: 'luong_thuc_binh_quan_dau_nguoi', value: 564.963, text: '565\u00A0kg/người/năm' },
    { key: 'tang_gia_tri_1ha', value: 6.989, text: '7%', phrase: 'tăng 7%' },
    { key: 'ty_trong_lam_nghiep', value: 14.799, text: '14,8%' },
    { key: 'ty_trong_tmdv', value: 32.1408, text: '32,14%' },
    {
      key: 'ho_ngheo',
      value: -0.9,
      text: '0,9\u00A0điểm phần trăm',
      phrase: 'giảm 0,9\u00A0điểm phần trăm, từ 4,2% cuối năm 2020 xuống còn 3,3% cuối tháng 5 năm 2023, bình quân mỗi năm giảm 0,26\u00A0điểm phần trăm, đạt chỉ tiêu Nghị quyết đề ra',
      status: 'đạt',
    },
    {
      key: 'bao_hiem_y_te',
      value: 3,
      text: '3\u00A0điểm phần trăm',
      phrase: 'tăng 3\u00A0điểm phần trăm, từ 90% cuối năm 2020 lên 93% cuối tháng 5 năm 2023, vượt chỉ tiêu Nghị quyết đề ra (NQ 90%)',
      status: 'vượt',
    },
    { key: 'gia_dinh_van_hoa', value: 96.39, text: '96,39%', phrase: 'vượt chỉ tiêu Nghị quyết đề ra (NQ 85\u201190%)', status: 'vượt' },
    { key: 'gia_dinh_van_hoa_so_nhiem_ky_truoc', value: 6.39, text: '6,39\u00A0điểm phần trăm', phrase: 'tăng 6,39\u00A0điểm phần trăm' },
    { key: 'tong_nha_ho_tro', value: 18, text: '18\u00A0nhà' },
    { key: 'tong_kinh_phi_nha_o', value: 1193, text: '1.193\u00A0triệu đồng' },
    { key: 'tong_luot_tiep_dan', value: 118, text: '118\u00A0lượt' },
    { key: 'ty_le_giai_quyet_don', value: 100, text: '100%' },
    { key: 'don_da_giai_quyet', value: 100, text: '98/98', phrase: '100%' },
    { key: 'tong_cong_trinh', value: 34, text: '34\u00A0công trình' },
    { key: 'dien_tich_cai_tang', value: 6500.4, text: '6.500,4\u00A0m²' },
    { key: 'dien_tich_tai_dinh_cu', value: 14, text: '14,0\u00A0ha' },
    { key: 'so_khu_cai_tang', value: 2, text: '02\u00A0khu' },
    { key: 'so_khu_tai_dinh_cu', value: 3, text: '03\u00A0khu' },
    { key: 'thon_van_hoa', value: 100, text: '6/6', phrase: '100%' },
    { key: 'truong_dat_chuan', value: 100, text: '3/3', phrase: '100%' },
    { key: 'tang_dan_so', value: 0.8, text: '0,8%', phrase: 'đạt chỉ tiêu Nghị quyết đề ra (NQ không quá 0,8%)', status: 'đạt' },
    { key: 'so_nam_ky_bao_cao', value: 41 / 12, text: '3,42\u00A0năm' },
    { key: 'so_mo_hinh', value: 9, text: '09\u00A0mô hình' },
    { key: 'so_mo_hinh_kinh_te', value: 2, text: '02\u00A0mô hình' },
    { key: 'so_mo_hinh_an_ninh', value: 3, text: '03\u00A0mô hình' },
    { key: 'so_mo_hinh_van_hoa', value: 4, text: '04\u00A0mô hình' },
  ];

  it.each(cases)('$key = $text', ({ key, value, text, phrase, status }) => {
    const i = get(key);
    expect(i.value).toBeCloseTo(value, 2);
    expect(i.text).toBe(text);
    if (phrase !== undefined) expect(i.phrase).toBe(phrase);
    if (status !== undefined) expect(i.status).toBe(status);
  });

  it('warns once, at the entered cell, that the forest cover typed (80%) is not the computed 34,79%', () => {
    const run = runReport(DVK, sampleGrid());
    expect(run.issues).toEqual([
      {
        severity: 'warning',
        sheet: 'Lâm nghiệp - Dịch vụ',
        cell: 'C6',
        message: '«Tỷ lệ che phủ rừng» đã nhập 80% khác với số tính từ các số liệu gốc: 34,79% (Tổng diện tích rừng ÷ Tổng diện tích tự nhiên × 100). Báo cáo dùng số tính được.',
      },
    ]);
  });

  it('does not warn when the entered forest cover is within 0,5 point of the computed one', () => {
    const grid = withCell(sampleGrid(), fieldCell(sampleGrid(), 'ty_le_che_phu_rung_da_bao_cao'), '34,8');
    expect(runReport(DVK, grid).issues).toEqual([]);
  });

  it('names the cells each figure comes from', () => {
    expect(get('ty_le_che_phu_rung').sources).toEqual([
      { sheet: 'Lâm nghiệp - Dịch vụ', cell: 'C5' },
      { sheet: 'Tự nhiên', cell: 'C6' },
    ]);
    expect(get('san_luong_lua').sources).toEqual([{ sheet: 'Nông nghiệp', cell: `A${listCell(sampleGrid(), 'cay_trong', 0, 'ten').row + 1}` }]);
  });
});

describe('units typed by the clerk are converted before computing', () => {
  const g = sampleGrid();
  it.each([
    { what: 'rice yield 5,8 tấn/ha instead of 58 tạ/ha', grid: () => withListCell('cay_trong', 0, 'don_vi_nang_suat', 'tấn/ha', withListCell('cay_trong', 0, 'nang_suat', '5,8')), key: 'san_luong_lua', value: 6043.6, text: '6.043,6\u00A0tấn' },
    { what: 'rice yield 5.800 kg/ha', grid: () => withListCell('cay_trong', 0, 'don_vi_nang_suat', 'kg/ha', withListCell('cay_trong', 0, 'nang_suat', '5.800')), key: 'san_luong_lua', value: 6043.6, text: '6.043,6\u00A0tấn' },
    { what: 'melon yield 300 tạ/ha instead of 30 tấn/ha', grid: () => withListCell('cay_trong', 3, 'don_vi_nang_suat', 'tạ/ha', withListCell('cay_trong', 3, 'nang_suat', 300)), key: 'san_luong_dua_cac_loai', value: 900, text: '900\u00A0tấn' },
    { what: 'housing repair 23 triệu đồng instead of 23.000.000 đồng', grid: () => withListCell('ho_tro_nha_o', 1, 'don_vi_kinh_phi', 'triệu đồng', withListCell('ho_tro_nha_o', 1, 'kinh_phi', 23)), key: 'tong_kinh_phi_nha_o', value: 1193, text: '1.193\u00A0triệu đồng' },
    { what: 'new houses 1,05 tỷ đồng instead of 1.050.000.000 đồng', grid: () => withListCell('ho_tro_nha_o', 2, 'don_vi_kinh_phi', 'tỷ đồng', withListCell('ho_tro_nha_o', 2, 'kinh_phi', '1,05')), key: 'tong_kinh_phi_nha_o', value: 1193, text: '1.193\u00A0triệu đồng' },
    { what: 'a reburial area of 0,48705 ha instead of 4.870,5 m²', grid: () => withListCell('khu_gpmb', 0, 'don_vi_dien_tich', 'ha', withListCell('khu_gpmb', 0, 'dien_tich', '0,48705')), key: 'dien_tich_cai_tang', value: 6500.4, text: '6.500,4\u00A0m²' },
    { what: 'natural area 54,3305 km²', grid: () => withCell(withCell(g, fieldCell(g, 'dien_tich_tu_nhien'), '54,3305'), fieldCell(g, 'dien_tich_tu_nhien', 'unit'), 'km²'), key: 'ty_le_che_phu_rung', value: 34.792612, text: '34,79%' },
  ])('$what', ({ grid, key, value, text }) => {
    const run = runReport(DVK, grid());
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const i = run.indicators.find((x) => x.key === key);
    expect(i?.value).toBeCloseTo(value, 6);
    expect(i?.text).toBe(text);
  });

  it('a yield in the wrong unit changes production tenfold: 58\u00A0tấn/ha gives 60.436\u00A0tấn', () => {
    const i = get('san_luong_lua', byKey(withListCell('cay_trong', 0, 'don_vi_nang_suat', 'tấn/ha')));
    expect(i.value).toBeCloseTo(60436, 6);
    expect(i.text).toBe('60.436\u00A0tấn');
  });

  it('a crop row without its yield unit is an error, and gives no production figure', () => {
    const g2 = sampleGrid();
    const at = listCell(g2, 'cay_trong', 0, 'don_vi_nang_suat');
    const run = runReport(DVK, withCell(g2, at, null));
    expect(run.issues).toContainEqual({
      severity: 'error',
      sheet: 'Nông nghiệp',
      cell: at.cell,
      message: `Chưa nhập «Đơn vị năng suất» ở dòng ${at.row + 1} của bảng «CÂY TRỒNG»: cần một đoạn chữ.`,
    });
    expect(run.indicators.some((i) => i.key === 'san_luong_lua')).toBe(false);
  });
});

describe('results too large to write', () => {
  it('are an error at the source row, not an exception', () => {
    let grid = withListCell('cay_trong', 0, 'dien_tich', 1e307);
    grid = withListCell('cay_trong', 0, 'nang_suat', 1000, grid);
    const run = runReport(DVK, grid);
    const row = listCell(grid, 'cay_trong', 0, 'ten').row + 1;
    expect(run.issues).toContainEqual({
      severity: 'error',
      sheet: 'Nông nghiệp',
      cell: `A${row}`,
      message: `Không tính được «Sản lượng bình quân hằng năm: Lúa»: kết quả quá lớn để ghi thành số. Kiểm tra lại các số liệu gốc (Nông nghiệp!A${row}).`,
    });
    expect(run.indicators.some((i) => i.key === 'san_luong_lua')).toBe(false);
    expect(get('san_luong_ngo', new Map(run.indicators.map((i) => [i.key, i]))).text).toBe('210\u00A0tấn');
  });
});

describe('target status', () => {
  it.each([
    { target: '≥ 93', end: 93, status: 'đạt' },
    { target: '≥ 95', end: 93, status: 'chưa đạt' },
    { target: '90-95', end: 93, status: 'đạt' },
    { target: '85-90%', end: 93, status: 'vượt' },
    { target: 'tăng', end: 93, status: 'đạt' },
    { target: 'giảm', end: 93, status: 'chưa đạt' },
    { target: '≤ 93', end: 93, status: 'đạt' },
  ])('health insurance 90 → $end against «$target» is $status', ({ target, end, status }) => {
    const i = get('bao_hiem_y_te', byKey(withRate('bao_hiem_y_te', 'target', target, withRate('bao_hiem_y_te', 'end', end))));
    expect(i.status).toBe(status);
    expect(i.phrase).toContain(`${status} chỉ tiêu Nghị quyết đề ra`);
  });

  it('an unchanged rate says so', () => {
    const i = get('bao_hiem_y_te', byKey(withRate('bao_hiem_y_te', 'end', 90)));
    expect(i.value).toBe(0);
    expect(i.phrase).toBe('giữ nguyên 90% từ cuối năm 2020 đến cuối tháng 5 năm 2023, đạt chỉ tiêu Nghị quyết đề ra (NQ 90%)');
  });
});

describe('crops whose names differ only in diacritics', () => {
  it('each get their own production figure (Đậu and Dâu are different crops)', () => {
    let grid = withListCell('cay_trong', 2, 'ten', 'Đậu');
    grid = withListCell('cay_trong', 1, 'ten', 'Dâu', grid);
    const run = runReport(DVK, grid);
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const production = run.indicators.filter((i) => i.label.startsWith('Sản lượng bình quân hằng năm'));
    expect(new Set(production.map((i) => i.key)).size).toBe(4);
    const crops = run.data.cay_trong as { ten: string; san_luong: string }[];
    expect(crops.map((c) => [c.ten, c.san_luong])).toEqual([
      ['Lúa', '6.043,6\u00A0tấn'],
      ['Dâu', '210\u00A0tấn'],
      ['Đậu', '18\u00A0tấn'],
      ['Dưa các loại', '900\u00A0tấn'],
    ]);
  });
});

// Changing any numeric input changes every indicator that names it: test/kinds/sources.test.ts walks every kind.
