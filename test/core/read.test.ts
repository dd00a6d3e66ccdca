import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/core/workbook/read';
import type { Issue } from '../../src/core/issues';
import type { WorkbookGrid } from '../../src/core/workbook/grid';
import {
  blockTitleCell,
  emptyGrid,
  fieldCell,
  listCell,
  rateCell,
  sampleGrid,
  withCell,
  withField,
  withListCell,
  withRate,
  withRow,
  withoutRow,
  withoutTab,
  DVK,
} from '../helpers/workbook';

const read = (grid: WorkbookGrid) => readWorkbook(DVK, grid);
const g = sampleGrid();

describe('the sample workbook', () => {
  it('reads with no issue at all (the forest-cover cross-check is the indicators’ job)', () => {
    const { issues, input } = read(sampleGrid());
    expect(issues).toEqual([]);
    expect(input.fields.dien_tich_tu_nhien).toEqual({ value: 5433.05, unit: 'ha', ref: { sheet: 'Tự nhiên', cell: 'C6' } });
    expect(input.rates.suy_dinh_duong).toEqual({ start: 7, end: 8, target: { kind: 'max', value: 6 }, ref: { sheet: 'Y tế - Giáo dục', cell: 'C6' } });
    expect(input.lists.cay_trong.map((r) => r.values.ten)).toEqual(['Lúa', 'Ngô', 'Đậu Phụng Lạc', 'Dưa các loại']);
    expect(input.lists.cay_trong[3].values.nang_suat).toBe(300); // 30 tấn/ha kept as 300 tạ/ha
    expect(input.lists.ho_tro_nha_o[1].values.kinh_phi).toBe(23); // 23.000.000 đồng kept as 23 triệu đồng
    expect(input.lists.ho_tro_nha_o[1].entered.kinh_phi).toEqual({ value: 23_000_000, unit: 'đồng' });
  });
});

interface Case {
  rule: string;
  grid: () => WorkbookGrid;
  sheet: string;
  cell: string;
  words: string[];
  severity?: Issue['severity'];
}

const ruleCases: Case[] = [
  {
    rule: 'missing tab',
    grid: () => withoutTab(g, 'Nông nghiệp'),
    sheet: 'Nông nghiệp',
    cell: 'A1',
    words: ['Thiếu trang tính «Nông nghiệp»'],
  },
  {
    rule: 'missing block title',
    grid: () => withCell(g, blockTitleCell(g, 'GIÁP RANH'), 'GIÁP RANH XÃ'),
    sheet: 'Tự nhiên',
    cell: 'A1',
    words: ['Không tìm thấy bảng «GIÁP RANH»', 'cột A'],
  },
  {
    rule: 'missing header column',
    grid: () => withCell(g, { ...fieldCell(g, 'dien_tich_rung', 'unit'), row: fieldCell(g, 'dien_tich_rung').row - 1 }, null), // header cell «Đơn vị»
    sheet: 'Lâm nghiệp - Dịch vụ',
    cell: 'A4',
    words: ['thiếu cột «Đơn vị»', 'LÂM NGHIỆP, THƯƠNG MẠI - DỊCH VỤ'],
  },
  {
    rule: 'missing field row',
    grid: () => withoutRow(g, 'Tiếp dân - Đơn thư', fieldCell(g, 'don_tiep_nhan').row),
    sheet: 'Tiếp dân - Đơn thư',
    cell: 'A4',
    words: ['Thiếu dòng «Số đơn tiếp nhận»', 'mã don_tiep_nhan'],
  },
  {
    rule: 'missing rate row',
    grid: () => withoutRow(g, 'Y tế - Giáo dục', rateCell(g, 'sinh_con_thu_ba', 'start').row),
    sheet: 'Y tế - Giáo dục',
    cell: 'A4',
    words: ['Thiếu dòng «Tỷ lệ sinh con thứ 3»', 'mã sinh_con_thu_ba'],
  },
  {
    rule: 'required value blank',
    grid: () => withField('ten_xa', '   '),
    sheet: 'Thông tin chung',
    cell: 'C5',
    words: ['Chưa nhập «Tên xã»', 'một đoạn chữ'],
  },
  {
    rule: 'required list cell blank',
    grid: () => withListCell('giap_ranh', 1, 'giap', null),
    sheet: 'Tự nhiên',
    cell: listCell(g, 'giap_ranh', 1, 'giap').cell,
    words: ['Chưa nhập «Giáp»', `dòng ${listCell(g, 'giap_ranh', 1, 'giap').row + 1}`, 'GIÁP RANH'],
  },
  {
    rule: 'required rate end blank',
    grid: () => withRate('ho_ngheo', 'end', ''),
    sheet: 'Văn hóa - Xã hội',
    cell: rateCell(g, 'ho_ngheo', 'end').cell,
    words: ['Chưa nhập «Tỷ lệ hộ nghèo» cuối kỳ', 'từ 0 đến 100'],
  },
  {
    rule: 'text where a number is expected',
    grid: () => withField('dien_tich_rung', 'khoảng 1.890 ha'),
    sheet: 'Lâm nghiệp - Dịch vụ',
    cell: 'C5',
    words: ['«Tổng diện tích rừng» phải là một số không âm (ha)', '«khoảng 1.890 ha»'],
  },
  {
    rule: 'negative area',
    grid: () => withField('dien_tich_tu_nhien', -5433.05),
    sheet: 'Tự nhiên',
    cell: 'C6',
    words: ['«Tổng diện tích tự nhiên» không được âm', '«-5.433,05»'],
  },
  {
    rule: 'negative count typed as text',
    grid: () => withField('tiep_dan_tru_so', '-115'),
    sheet: 'Tiếp dân - Đơn thư',
    cell: fieldCell(g, 'tiep_dan_tru_so').cell,
    words: ['«Lượt tiếp công dân tại trụ sở UBND xã» không được âm'],
  },
  {
    rule: 'negative list figure',
    grid: () => withListCell('cay_trong', 0, 'dien_tich', -1042),
    sheet: 'Nông nghiệp',
    cell: listCell(g, 'cay_trong', 0, 'dien_tich').cell,
    words: ['«Diện tích (ha/năm)» không được âm'],
  },
  {
    rule: 'non-integer count',
    grid: () => withField('so_thon', '6,5'),
    sheet: 'Văn hóa - Xã hội',
    cell: fieldCell(g, 'so_thon').cell,
    words: ['«Số thôn» phải là số nguyên', '«6,5»'],
  },
  {
    rule: 'non-integer count in a list',
    grid: () => withListCell('ho_tro_nha_o', 2, 'so_nha', 14.5),
    sheet: 'Văn hóa - Xã hội',
    cell: listCell(g, 'ho_tro_nha_o', 2, 'so_nha').cell,
    words: ['«Số nhà» phải là số nguyên'],
  },
  {
    rule: 'rate field above 100',
    grid: () => withField('ty_le_lao_dong_co_viec_lam', 153.58),
    sheet: 'Văn hóa - Xã hội',
    cell: fieldCell(g, 'ty_le_lao_dong_co_viec_lam').cell,
    words: ['«Tỷ lệ lao động có việc làm» là tỷ lệ nên phải từ 0 đến 100 (%)', '«153,58»'],
  },
  {
    rule: 'rate field below 0',
    grid: () => withField('ty_le_sinh', '-1,02'),
    sheet: 'Y tế - Giáo dục',
    cell: fieldCell(g, 'ty_le_sinh').cell,
    words: ['«Tỷ lệ sinh bình quân hằng năm (so dân số)» không được âm'],
  },
  {
    rule: 'rates block end above 100',
    grid: () => withRate('bao_hiem_y_te', 'end', 103),
    sheet: 'Y tế - Giáo dục',
    cell: 'D5',
    words: ['«Tỷ lệ người dân tham gia bảo hiểm y tế cuối kỳ» là tỷ lệ', 'từ 0 đến 100'],
  },
  {
    rule: 'rates block start as text above 100',
    grid: () => withRate('suy_dinh_duong', 'start', '170 %'),
    sheet: 'Y tế - Giáo dục',
    cell: 'C6',
    words: ['«Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng đầu kỳ» là tỷ lệ', '«170 %»'],
  },
  {
    rule: 'petitions resolved above received',
    grid: () => withField('don_giai_quyet', 99),
    sheet: 'Tiếp dân - Đơn thư',
    cell: fieldCell(g, 'don_giai_quyet').cell,
    words: ['Số đơn đã giải quyết lớn hơn số đơn tiếp nhận'],
  },
  {
    rule: 'forest above natural area',
    grid: () => withField('dien_tich_rung', '5.433,06'),
    sheet: 'Lâm nghiệp - Dịch vụ',
    cell: 'C5',
    words: ['Diện tích rừng lớn hơn tổng diện tích tự nhiên', '«Tự nhiên»'],
  },
  {
    rule: 'cultural villages above villages',
    grid: () => withField('so_thon_van_hoa', 7),
    sheet: 'Văn hóa - Xã hội',
    cell: fieldCell(g, 'so_thon_van_hoa').cell,
    words: ['Số thôn văn hóa lớn hơn tổng số thôn'],
  },
  {
    rule: 'period start after end',
    grid: () => withField('ky_tu_ngay', { year: 2023, month: 6, day: 1 }),
    sheet: 'Thông tin chung',
    cell: fieldCell(g, 'ky_tu_ngay').cell,
    words: ['Kỳ báo cáo bắt đầu sau ngày kết thúc'],
  },
  {
    rule: 'period ends after the report date (warning)',
    grid: () => withField('ky_den_ngay', '26/5/2023'),
    sheet: 'Thông tin chung',
    cell: fieldCell(g, 'ky_den_ngay').cell,
    words: ['Kỳ báo cáo kết thúc sau ngày báo cáo'],
    severity: 'warning',
  },
  {
    rule: 'unknown area unit «mẫu»',
    grid: () => withField('dien_tich_tu_nhien', 'mẫu', 'unit'),
    sheet: 'Tự nhiên',
    cell: 'D6',
    words: ['Đơn vị «mẫu» của «Tổng diện tích tự nhiên» không dùng được', 'ha, m², km²'],
  },
  {
    rule: 'unknown yield unit «tạ»',
    grid: () => withListCell('cay_trong', 0, 'don_vi_nang_suat', 'tạ'),
    sheet: 'Nông nghiệp',
    cell: listCell(g, 'cay_trong', 0, 'don_vi_nang_suat').cell,
    words: ['Đơn vị «tạ» của «Năng suất» không dùng được', 'tấn/ha, tạ/ha, kg/ha'],
  },
  {
    rule: 'unit of the wrong dimension (money in đồng/ha for an area)',
    grid: () => withListCell('khu_gpmb', 2, 'don_vi_dien_tich', 'triệu đồng'),
    sheet: 'Công trình - GPMB',
    cell: listCell(g, 'khu_gpmb', 2, 'don_vi_dien_tich').cell,
    words: ['Đơn vị «triệu đồng» của «Diện tích» không dùng được', 'ha, m², km²'],
  },
  {
    rule: 'unit of the wrong dimension (tấn for a money field)',
    grid: () => withField('gia_tri_tmdv', 'tấn', 'unit'),
    sheet: 'Lâm nghiệp - Dịch vụ',
    cell: fieldCell(g, 'gia_tri_tmdv', 'unit').cell,
    words: ['Đơn vị «tấn» của «Giá trị thương mại - dịch vụ» không dùng được', 'tỷ đồng'],
  },
  {
    rule: 'a formula error in a unit cell',
    grid: () => withField('dien_tich_tu_nhien', { error: '#REF!' }, 'unit'),
    sheet: 'Tự nhiên',
    cell: 'D6',
    words: ['Đơn vị lỗi công thức #REF! của «Tổng diện tích tự nhiên» không dùng được'],
  },
  {
    rule: 'a figure too large once converted to the field’s unit',
    grid: () => withField('dien_tich_tu_nhien', 'km²', 'unit', withField('dien_tich_tu_nhien', 1.7e308)),
    sheet: 'Tự nhiên',
    cell: 'C6',
    words: ['«Tổng diện tích tự nhiên» quá lớn khi đổi từ km² sang ha'],
  },
  {
    rule: 'bad choice value',
    grid: () => withListCell('giap_ranh', 0, 'huong', 'Đông Đông'),
    sheet: 'Tự nhiên',
    cell: listCell(g, 'giap_ranh', 0, 'huong').cell,
    words: ['«Hướng» phải là một trong: Đông, Tây, Nam, Bắc', '«Đông Đông»'],
  },
  {
    rule: 'invalid e-mail',
    grid: () => withListCell('noi_nhan', 0, 'email', 'bandanvan@ducpho'),
    sheet: 'Nơi nhận',
    cell: listCell(g, 'noi_nhan', 0, 'email').cell,
    words: ['«E-mail» phải là một địa chỉ e-mail', '«bandanvan@ducpho»'],
  },
  {
    rule: 'bad target text in a field',
    grid: () => withField('chi_tieu_gia_dinh_van_hoa', 'khoảng chín mươi'),
    sheet: 'Văn hóa - Xã hội',
    cell: fieldCell(g, 'chi_tieu_gia_dinh_van_hoa').cell,
    words: ['phải là một chỉ tiêu', '«khoảng chín mươi»', '85-90 (khoảng)'],
  },
  {
    rule: 'reversed range target in the rates block',
    grid: () => withRate('bao_hiem_y_te', 'target', '95-90'),
    sheet: 'Y tế - Giáo dục',
    cell: 'E5',
    words: ['Chỉ tiêu Nghị quyết của «Tỷ lệ người dân tham gia bảo hiểm y tế» không hiểu được', '«95-90»'],
  },
  {
    rule: 'a date cell that is not a date (text)',
    grid: () => withField('ngay_bao_cao', 'hôm qua'),
    sheet: 'Thông tin chung',
    cell: fieldCell(g, 'ngay_bao_cao').cell,
    words: ['«Ngày báo cáo» phải là một ngày (ví dụ 25/5/2023)', '«hôm qua»'],
  },
  {
    rule: 'a date cell that is not a date (31/2)',
    grid: () => withField('ngay_van_ban_huong_dan', '31/2/2023'),
    sheet: 'Thông tin chung',
    cell: fieldCell(g, 'ngay_van_ban_huong_dan').cell,
    words: ['«Ngày văn bản hướng dẫn» phải là một ngày', '«31/2/2023»'],
  },
  {
    rule: 'a formula error cell',
    grid: () => withField('dien_tich_rung', { error: '#DIV/0!' }),
    sheet: 'Lâm nghiệp - Dịch vụ',
    cell: 'C5',
    words: ['«Tổng diện tích rừng» phải là một số', 'lỗi công thức #DIV/0!'],
  },
  {
    rule: 'a boolean where text is expected',
    grid: () => withField('nguoi_ky', true),
    sheet: 'Thông tin chung',
    cell: fieldCell(g, 'nguoi_ky').cell,
    words: ['«Họ và tên người ký» phải là một đoạn chữ', 'TRUE'],
  },
  {
    rule: 'duplicate rows in a list (case and spacing ignored)',
    grid: () => withListCell('cay_trong', 1, 'ten', '  lúa '),
    sheet: 'Nông nghiệp',
    cell: listCell(g, 'cay_trong', 1, 'ten').cell.replace(/^[A-Z]+/, 'A'),
    words: [`Dòng ${listCell(g, 'cay_trong', 1, 'ten').row + 1} trùng với dòng ${listCell(g, 'cay_trong', 0, 'ten').row + 1}`, '«Cây trồng»'],
  },
  {
    rule: 'duplicate rows by two columns',
    grid: () => withListCell('ho_tro_nha_o', 2, 'hinh_thuc', 'Sửa chữa'),
    sheet: 'Văn hóa - Xã hội',
    cell: listCell(g, 'ho_tro_nha_o', 2, 'hinh_thuc').cell,
    words: ['trùng với dòng', '«Hình thức hỗ trợ», «Đối tượng»'],
  },
];

describe('validation: one issue per rule, at the cell the clerk must fix', () => {
  it.each(ruleCases)('$rule', ({ grid, sheet, cell, words, severity = 'error' }) => {
    const { issues } = read(grid());
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue).toMatchObject({ severity, sheet, cell });
    for (const w of words) expect(issue.message).toContain(w);
  });
});

describe('validation with more than one consequence', () => {
  it('duplicate key rows: the second is reported, and the row it replaced is missing', () => {
    const at = fieldCell(g, 'ten_cap_tren', 'key');
    const { issues } = read(withCell(g, at, 'ten_xa'));
    expect(issues).toEqual([
      { severity: 'error', sheet: 'Thông tin chung', cell: 'A6', message: 'Mã «ten_xa» xuất hiện hai lần (dòng 5 và dòng 6): xóa một dòng.' },
      { severity: 'error', sheet: 'Thông tin chung', cell: 'A4', message: 'Thiếu dòng «Tên đơn vị hành chính cấp trên» (mã ten_cap_tren) trong bảng «THÔNG TIN CHUNG».' },
    ]);
  });

  it('an empty required list is reported at its title', () => {
    let grid = sampleGrid();
    const first = listCell(grid, 'mo_hinh', 0, 'ten').row;
    for (let i = 0; i < DVK.sample.lists.mo_hinh.length; i++) grid = withRow(grid, 'Mô hình Dân vận khéo', first + i, []);
    const { issues, input } = read(grid);
    expect(issues).toEqual([
      { severity: 'error', sheet: 'Mô hình Dân vận khéo', cell: 'A3', message: 'Bảng «MÔ HÌNH DÂN VẬN KHÉO» chưa có dòng nào: báo cáo cần ít nhất một dòng.' },
    ]);
    expect(input.lists.mo_hinh).toEqual([]);
  });

  it('an empty workbook (init without --sample) reports every required figure, none twice', () => {
    const { issues } = read(emptyGrid());
    const cells = issues.map((i) => `${i.sheet}!${i.cell}`);
    expect(new Set(cells).size).toBe(cells.length);
    expect(issues.find((i) => i.cell === 'C6' && i.sheet === 'Tự nhiên')?.message).toContain('Chưa nhập «Tổng diện tích tự nhiên»');
    expect(issues.some((i) => i.message.includes('Thôn văn hóa tiêu biểu'))).toBe(false); // optional
    expect(issues.find((i) => i.sheet === 'Mô hình Dân vận khéo')).toEqual({
      severity: 'error', sheet: 'Mô hình Dân vận khéo', cell: 'A3', message: 'Bảng «MÔ HÌNH DÂN VẬN KHÉO» chưa có dòng nào: báo cáo cần ít nhất một dòng.',
    });
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('a missing tab does not hide the others’ issues', () => {
    const { issues } = read(withoutTab(withField('so_thon', 'sáu'), 'Nơi nhận'));
    expect(issues.map((i) => `${i.sheet}!${i.cell}`)).toEqual([`Văn hóa - Xã hội!${fieldCell(g, 'so_thon').cell}`, 'Nơi nhận!A1']);
  });
});

describe('large figures in the field’s own unit', () => {
  it('are kept as typed (no overflow through the unit factor)', () => {
    const r = read(withField('dien_tich_tu_nhien', 1.7e308));
    expect(r.issues).toEqual([]);
    expect(r.input.fields.dien_tich_tu_nhien.value).toBe(1.7e308);
  });
});

describe('numbers typed the Vietnamese way as text', () => {
  const cases: { what: string; grid: () => WorkbookGrid; get: (r: ReturnType<typeof read>) => unknown; expected: number; warns?: string }[] = [
    // Read the Vietnamese way; English would read 1,042, so the cell is warned about with both readings.
    { what: '"1.042" ha of rice', grid: () => withListCell('cay_trong', 0, 'dien_tich', '1.042'), get: (r) => r.input.lists.cay_trong[0].values.dien_tich, expected: 1042, warns: 'đọc được hai cách: 1.042 theo cách viết Việt Nam' },
    { what: '"5.433,05" ha', grid: () => withField('dien_tich_tu_nhien', '5.433,05'), get: (r) => r.input.fields.dien_tich_tu_nhien.value, expected: 5433.05 },
    { what: '"53,58" %', grid: () => withField('ty_le_lao_dong_co_viec_lam', '53,58'), get: (r) => r.input.fields.ty_le_lao_dong_co_viec_lam.value, expected: 53.58 },
    { what: '"53,58 %" with the sign', grid: () => withField('ty_le_lao_dong_co_viec_lam', '53,58 %'), get: (r) => r.input.fields.ty_le_lao_dong_co_viec_lam.value, expected: 53.58 },
    { what: '"1.050.000.000" đồng', grid: () => withListCell('ho_tro_nha_o', 2, 'kinh_phi', '1.050.000.000'), get: (r) => r.input.lists.ho_tro_nha_o[2].values.kinh_phi, expected: 1050 },
    { what: '"17.142,9" tấn', grid: () => withField('tong_san_luong_luong_thuc', '17.142,9'), get: (r) => r.input.fields.tong_san_luong_luong_thuc.value, expected: 17142.9 },
    { what: '"8 881" with a space', grid: () => withField('dan_so', '8 881'), get: (r) => r.input.fields.dan_so.value, expected: 8881 },
    { what: 'rates "4,2" → "3,3"', grid: () => withRate('ho_ngheo', 'start', '4,2'), get: (r) => r.input.rates.ho_ngheo.start, expected: 4.2 },
    // A target typed as text reads its numbers the same way, with the same warning for each one that reads two ways.
    { what: 'target "≥ 90,5"', grid: () => withRate('bao_hiem_y_te', 'target', '≥ 90,5'), get: (r) => (r.input.rates.bao_hiem_y_te.target as { value: number }).value, expected: 90.5 },
    { what: 'target "≥ 1,250"', grid: () => withRate('bao_hiem_y_te', 'target', '≥ 1,250'), get: (r) => (r.input.rates.bao_hiem_y_te.target as { value: number }).value, expected: 1.25, warns: '«1,250», đọc được hai cách: 1,25 theo cách viết Việt Nam' },
  ];
  it.each(cases)('$what', ({ grid, get, expected, warns }) => {
    const r = read(grid());
    if (warns) {
      expect(r.issues.map((i) => i.severity)).toEqual(['warning']);
      expect(r.issues[0].message).toContain(warns);
    } else expect(r.issues).toEqual([]);
    expect(get(r)).toBeCloseTo(expected, 9);
  });

  it('converts a field typed in another unit of its dimension into the field’s unit', () => {
    const r = read(withField('dien_tich_tu_nhien', 'km²', 'unit', withField('dien_tich_tu_nhien', '54,3305')));
    expect(r.issues).toEqual([]);
    expect(r.input.fields.dien_tich_tu_nhien.value).toBeCloseTo(5433.05, 9);
  });
});
