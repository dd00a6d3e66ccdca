/**
 * Hardening: a catalogue of bad inputs, one row each — a name, a change to the sample workbook's grids,
 * and the issues it must give (severity, tab, A1 cell, words of the Vietnamese message), or none.
 *
 * The base is the sample with its reported forest cover set to the computed 34,79 %, so that the base has
 * no issue at all and every issue a row expects is caused by its change. Each row checks that the pipeline
 * does not throw, that exactly the expected issues appear, and that the grids it was given are not changed.
 * A subset then runs through the BUILT Apps Script bundle in the fake Google world.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReport, type ReportRun } from '../../src/core/report/pipeline';
import type { Issue } from '../../src/core/issues';
import { isCalendarDate, isCellError, normaliseLabel, type CellValue, type WorkbookGrid } from '../../src/core/workbook/grid';
import { Button, createGoogleWorld, type GoogleWorld } from '../fakes/index';
import { loadBundle } from '../fakes/load-bundle';
import {
  blockTitleCell,
  copyGrid,
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
  type CellLoc,
  DVK,
} from '../helpers/workbook';
import { reliabilitySection } from './readme-figures';

// ------------------------------------------------------------------------------------------ the base

const BASE: WorkbookGrid = withField('ty_le_che_phu_rung_da_bao_cao', 34.79, 'value', sampleGrid());
const base = (): WorkbookGrid => copyGrid(BASE);
/** The clerk's today for every row: dates are judged against it (the CLI and the Sheet pass the real one). */
const TODAY = { year: 2026, month: 12, day: 1 };
const BASE_RUN = runReport(DVK, base(), { today: TODAY });

// Cell locations on the base, as a clerk names them.
const at = {
  field: (key: string, column: Parameters<typeof fieldCell>[2] = 'value') => fieldCell(BASE, key, column),
  rate: (key: string, column: 'start' | 'end' | 'target') => rateCell(BASE, key, column),
  list: (list: string, index: number, column: string) => listCell(BASE, list, index, column),
};
const cellOf = (loc: CellLoc) => loc.cell;
const rowNo = (loc: CellLoc) => loc.row + 1;

// --------------------------------------------------------------------------------- grid changes

const rowsOf = (grid: WorkbookGrid, tab: string): CellValue[][] => {
  const sheet = grid.find((s) => s.name === tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  return sheet.rows;
};

function renameTab(grid: WorkbookGrid, from: string, to: string): WorkbookGrid {
  const copy = copyGrid(grid);
  const sheet = copy.find((s) => s.name === from);
  if (!sheet) throw new Error(`no tab ${from}`);
  sheet.name = to;
  return copy;
}

/** A deep copy where `fn` may change one tab's rows in place. */
function editTab(grid: WorkbookGrid, tab: string, fn: (rows: CellValue[][]) => void): WorkbookGrid {
  const copy = copyGrid(grid);
  fn(rowsOf(copy, tab));
  return copy;
}

/** Rows [from, to) of a tab (0-based), e.g. a block from its title to the blank row after it. */
function blockSpan(grid: WorkbookGrid, title: string): { tab: string; from: number; to: number } {
  const t = blockTitleCell(grid, title);
  const rows = rowsOf(grid, t.sheet);
  let to = t.row + 2;
  while (to < rows.length && rows[to].some((v) => v !== null && v !== '')) to++;
  return { tab: t.sheet, from: t.row, to };
}

/** Every string cell of every tab (names included) mapped through `fn`. */
function mapText(grid: WorkbookGrid, fn: (s: string) => string, only?: (v: string) => boolean): WorkbookGrid {
  return copyGrid(grid).map((s) => ({
    name: fn(s.name),
    rows: s.rows.map((r) => r.map((v) => (typeof v === 'string' && (!only || only(v)) ? fn(v) : v))),
  }));
}

const NFD = (s: string) => s.normalize('NFD');
const hasDecomposable = (s: string) => s !== s.normalize('NFD');

// ------------------------------------------------------------------------------------------ the table

interface Expected {
  severity: Issue['severity'];
  sheet: string;
  cell: string;
  /** Fragments the Vietnamese message must contain. */
  words: string[];
}

interface Case {
  name: string;
  grid: () => WorkbookGrid;
  /** The issues this change causes, in order; [] when the change must be harmless. */
  issues: Expected[];
  /** For harmless changes: the merge data (what the report says) must equal the base's. */
  sameReport?: boolean;
  /** Further checks on the run (a value accepted as typed, lower-cased, kept). */
  check?: (run: ReportRun) => void;
  /** Milliseconds the whole run may take. */
  budgetMs?: number;
}

const err = (sheet: string, cell: string, ...words: string[]): Expected => ({ severity: 'error', sheet, cell, words });
const warn = (sheet: string, cell: string, ...words: string[]): Expected => ({ severity: 'warning', sheet, cell, words });

const TT = 'Thông tin chung';
const TN = 'Tự nhiên';
const NN = 'Nông nghiệp';
const LN = 'Lâm nghiệp - Dịch vụ';
const VH = 'Văn hóa - Xã hội';
const YT = 'Y tế - Giáo dục';
const TD = 'Tiếp dân - Đơn thư';
const CT = 'Công trình - GPMB';
const MH = 'Mô hình Dân vận khéo';
const NR = 'Nơi nhận';

const LONG = 'Có đường sắt Bắc Nam chạy qua. '.repeat(400).slice(0, 10_000);

export const CASES: Case[] = [
  // ---- every validation rule
  { name: 'missing tab (Nơi nhận deleted)', grid: () => withoutTab(base(), NR), issues: [err(NR, 'A1', 'Thiếu trang tính «Nơi nhận»', 'Thiết lập bảng tính')] },
  { name: 'deleted tab (Mô hình Dân vận khéo)', grid: () => withoutTab(base(), MH), issues: [err(MH, 'A1', 'Thiếu trang tính «Mô hình Dân vận khéo»')] },
  {
    name: 'missing block (title renamed)',
    grid: () => withCell(base(), blockTitleCell(BASE, 'GIÁP RANH'), 'GIÁP RANH XÃ'),
    issues: [err(TN, 'A1', 'Không tìm thấy bảng «GIÁP RANH»', 'cột A')],
  },
  {
    name: 'missing column (header «Đơn vị» blanked)',
    grid: () => withCell(base(), { ...at.field('dien_tich_rung', 'unit'), row: at.field('dien_tich_rung').row - 1 }, null),
    issues: [err(LN, 'A4', 'thiếu cột «Đơn vị»', 'LÂM NGHIỆP, THƯƠNG MẠI - DỊCH VỤ')],
  },
  {
    name: 'missing row (field row deleted)',
    grid: () => withoutRow(base(), TD, at.field('don_tiep_nhan').row),
    issues: [err(TD, 'A4', 'Thiếu dòng «Số đơn tiếp nhận»', 'mã don_tiep_nhan')],
  },
  { name: 'blank required field', grid: () => withField('ten_xa', '   ', 'value', base()), issues: [err(TT, 'C5', 'Chưa nhập «Tên xã»', 'một đoạn chữ')] },
  {
    name: 'blank required list cell',
    grid: () => withListCell('giap_ranh', 1, 'giap', null, base()),
    issues: [err(TN, cellOf(at.list('giap_ranh', 1, 'giap')), 'Chưa nhập «Giáp»', `dòng ${rowNo(at.list('giap_ranh', 1, 'giap'))}`)],
  },
  {
    name: 'blank required rate (cuối kỳ)',
    grid: () => withRate('ho_ngheo', 'end', '', base()),
    issues: [err(VH, cellOf(at.rate('ho_ngheo', 'end')), 'Chưa nhập «Tỷ lệ hộ nghèo» cuối kỳ')],
  },
  {
    name: 'text for a number',
    grid: () => withField('dien_tich_rung', 'khoảng 1.890 ha', 'value', base()),
    issues: [err(LN, 'C5', '«Tổng diện tích rừng» phải là một số không âm (ha)', '«khoảng 1.890 ha»')],
  },
  { name: 'negative area', grid: () => withField('dien_tich_tu_nhien', -5433.05, 'value', base()), issues: [err(TN, 'C6', '«Tổng diện tích tự nhiên» không được âm')] },
  {
    name: 'non-integer count',
    grid: () => withField('so_thon', '6,5', 'value', base()),
    issues: [err(VH, cellOf(at.field('so_thon')), '«Số thôn» phải là số nguyên', '«6,5»')],
  },
  {
    name: 'percent above 100',
    grid: () => withField('ty_le_lao_dong_co_viec_lam', 153.58, 'value', base()),
    issues: [err(VH, cellOf(at.field('ty_le_lao_dong_co_viec_lam')), 'là tỷ lệ nên phải từ 0 đến 100 (%)')],
  },
  {
    name: 'part above whole: petitions resolved > received',
    grid: () => withField('don_giai_quyet', 99, 'value', base()),
    issues: [err(TD, cellOf(at.field('don_giai_quyet')), 'Số đơn đã giải quyết lớn hơn số đơn tiếp nhận')],
  },
  {
    name: 'part above whole: forest > natural area',
    grid: () => withField('dien_tich_rung', '5.433,06', 'value', base()),
    // The forest cover computed from it (100,0002 %) also disagrees with the 34,79 % reported.
    issues: [
      err(LN, 'C5', 'Diện tích rừng lớn hơn tổng diện tích tự nhiên'),
      warn(LN, 'C6', '«Tỷ lệ che phủ rừng» đã nhập 34,79%', 'khác với số tính từ các số liệu gốc'),
    ],
  },
  {
    name: 'part above whole: schools at standard > schools',
    grid: () => withField('so_truong_dat_chuan', 4, 'value', base()),
    issues: [err(YT, cellOf(at.field('so_truong_dat_chuan')), 'Số trường đạt chuẩn lớn hơn tổng số trường')],
  },
  {
    name: 'period reversed',
    grid: () => withField('ky_tu_ngay', { year: 2023, month: 6, day: 1 }, 'value', base()),
    issues: [err(TT, cellOf(at.field('ky_tu_ngay')), 'Kỳ báo cáo bắt đầu sau ngày kết thúc')],
  },
  {
    name: 'unknown unit «mẫu»',
    grid: () => withField('dien_tich_tu_nhien', 'mẫu', 'unit', base()),
    issues: [err(TN, 'D6', 'Đơn vị «mẫu» của «Tổng diện tích tự nhiên» không dùng được', 'ha, m², km²')],
  },
  {
    name: 'wrong-dimension unit (tấn for money)',
    grid: () => withField('gia_tri_tmdv', 'tấn', 'unit', base()),
    issues: [err(LN, cellOf(at.field('gia_tri_tmdv', 'unit')), 'Đơn vị «tấn» của «Giá trị thương mại - dịch vụ» không dùng được', 'tỷ đồng')],
  },
  {
    name: 'bad choice',
    grid: () => withListCell('giap_ranh', 0, 'huong', 'Đông Đông', base()),
    issues: [err(TN, cellOf(at.list('giap_ranh', 0, 'huong')), '«Hướng» phải là một trong: Đông, Tây', '«Đông Đông»')],
  },
  {
    name: 'bad e-mail',
    grid: () => withListCell('noi_nhan', 0, 'email', 'bandanvan@ducpho', base()),
    issues: [err(NR, cellOf(at.list('noi_nhan', 0, 'email')), '«E-mail» phải là một địa chỉ e-mail', '«bandanvan@ducpho»')],
  },
  {
    name: 'bad target',
    grid: () => withField('chi_tieu_gia_dinh_van_hoa', 'khoảng chín mươi', 'value', base()),
    issues: [err(VH, cellOf(at.field('chi_tieu_gia_dinh_van_hoa')), 'phải là một chỉ tiêu', '«khoảng chín mươi»')],
  },
  {
    name: 'bad date (31/2)',
    grid: () => withField('ngay_van_ban_huong_dan', '31/2/2023', 'value', base()),
    issues: [err(TT, cellOf(at.field('ngay_van_ban_huong_dan')), '«Ngày văn bản hướng dẫn» phải là một ngày', '«31/2/2023»')],
  },
  {
    name: 'duplicate list rows (case and spacing ignored)',
    grid: () => withListCell('cay_trong', 1, 'ten', '  lúa ', base()),
    issues: [err(NN, `A${rowNo(at.list('cay_trong', 1, 'ten'))}`, `Dòng ${rowNo(at.list('cay_trong', 1, 'ten'))} trùng với dòng ${rowNo(at.list('cay_trong', 0, 'ten'))}`, '«Cây trồng»')],
  },
  {
    name: 'duplicate keys (the second is reported, the row it replaced is missing)',
    grid: () => withCell(base(), at.field('ten_cap_tren', 'key'), 'ten_xa'),
    issues: [err(TT, 'A6', 'Mã «ten_xa» xuất hiện hai lần (dòng 5 và dòng 6)'), err(TT, 'A4', 'Thiếu dòng «Tên đơn vị hành chính cấp trên»')],
  },
  {
    name: 'empty required list',
    grid: () => {
      let g = base();
      const first = at.list('mo_hinh', 0, 'ten').row;
      for (let i = 0; i < DVK.sample.lists.mo_hinh.length; i++) g = withRow(g, MH, first + i, []);
      return g;
    },
    issues: [err(MH, 'A3', 'Bảng «MÔ HÌNH DÂN VẬN KHÉO» chưa có dòng nào')],
  },
  {
    name: 'forest-cover cross-check (80 % reported, 34,79 % computed)',
    grid: () => withField('ty_le_che_phu_rung_da_bao_cao', 80, 'value', base()),
    issues: [warn(LN, 'C6', '«Tỷ lệ che phủ rừng» đã nhập 80%', '34,79%', 'Báo cáo dùng số tính được')],
  },
  {
    name: 'period ends after the report date (warning)',
    grid: () => withField('ky_den_ngay', '26/5/2023', 'value', base()),
    issues: [warn(TT, cellOf(at.field('ky_den_ngay')), 'Kỳ báo cáo kết thúc sau ngày báo cáo')],
  },

  // ---- tabs renamed, deleted, reordered; blocks and rows moved
  { name: 'tab renamed with extra spaces ("Nông  nghiệp ") still matches', grid: () => renameTab(base(), NN, 'Nông  nghiệp '), issues: [], sameReport: true },
  { name: 'tab renamed without diacritics ("Nong nghiep") is a missing tab', grid: () => renameTab(base(), NN, 'Nong nghiep'), issues: [err(NN, 'A1', 'Thiếu trang tính «Nông nghiệp»')] },
  {
    name: 'a tab renamed with spaces names itself as the clerk wrote it in its issues',
    grid: () => renameTab(withListCell('cay_trong', 0, 'dien_tich', -1, base()), NN, ' Nông nghiệp'),
    issues: [err(' Nông nghiệp', cellOf(at.list('cay_trong', 0, 'dien_tich')), '«Diện tích (ha/năm)» không được âm')],
  },
  { name: 'tabs in reverse order', grid: () => base().reverse(), issues: [], sameReport: true },
  {
    name: 'blocks swapped inside a tab (GIÁP RANH above ĐIỀU KIỆN TỰ NHIÊN)',
    grid: () =>
      editTab(base(), TN, (rows) => {
        const a = blockSpan(BASE, 'ĐIỀU KIỆN TỰ NHIÊN');
        const b = blockSpan(BASE, 'GIÁP RANH');
        const moved = [...rows.slice(b.from, b.to), [], ...rows.slice(a.from, a.to), []];
        rows.splice(a.from, rows.length - a.from, ...moved);
      }),
    issues: [],
    sameReport: true,
  },
  {
    name: 'field rows in reverse order inside their block',
    grid: () =>
      editTab(base(), TT, (rows) => {
        const s = blockSpan(BASE, 'THÔNG TIN CHUNG');
        rows.splice(s.from + 2, s.to - s.from - 2, ...rows.slice(s.from + 2, s.to).reverse());
      }),
    issues: [],
    sameReport: true,
  },

  // ---- merged cells: the value sits in the top-left cell, the others read as empty
  {
    name: 'merged value and unit cells (C:D) of a figure: the unit reads empty, the field’s unit applies',
    grid: () => withField('dien_tich_don_dien', null, 'unit', base()),
    issues: [],
    sameReport: true,
  },
  {
    name: 'merged «Lĩnh vực» cells down two model rows: the lower row reads empty',
    grid: () => withListCell('mo_hinh', 1, 'linh_vuc', null, base()),
    issues: [err(MH, cellOf(at.list('mo_hinh', 1, 'linh_vuc')), 'Chưa nhập «Lĩnh vực»', `dòng ${rowNo(at.list('mo_hinh', 1, 'linh_vuc'))}`)],
  },

  // ---- formula errors, as {error} cells and as the text Sheets' getValues() returns
  { name: '#DIV/0! error cell in a number', grid: () => withField('dien_tich_rung', { error: '#DIV/0!' }, 'value', base()), issues: [err(LN, 'C5', '«Tổng diện tích rừng» phải là một số', 'lỗi công thức #DIV/0!')] },
  { name: '#REF! error cell in a text', grid: () => withField('ten_xa', { error: '#REF!' }, 'value', base()), issues: [err(TT, 'C5', '«Tên xã» phải là một đoạn chữ', 'lỗi công thức #REF!')] },
  {
    name: '#N/A error cell in a choice',
    grid: () => withListCell('cay_trong', 0, 'nhom', { error: '#N/A' }, base()),
    issues: [err(NN, cellOf(at.list('cay_trong', 0, 'nhom')), '«Nhóm» phải là một trong', 'lỗi công thức #N/A')],
  },
  { name: '"#DIV/0!" text in a count', grid: () => withField('so_cho', '#DIV/0!', 'value', base()), issues: [err(LN, cellOf(at.field('so_cho')), '«Số chợ» phải là một số nguyên', 'lỗi công thức #DIV/0!')] },
  { name: '"#REF!" text in a text field', grid: () => withField('nguoi_ky', '#REF!', 'value', base()), issues: [err(TT, cellOf(at.field('nguoi_ky')), '«Họ và tên người ký» phải là một đoạn chữ', 'lỗi công thức #REF!')] },
  {
    name: '"#N/A" text in a list name',
    grid: () => withListCell('cay_trong', 2, 'ten', '#N/A', base()),
    issues: [err(NN, cellOf(at.list('cay_trong', 2, 'ten')), '«Cây trồng» phải là một đoạn chữ', 'lỗi công thức #N/A')],
  },

  // ---- dates, scientific notation, long text, emoji where they do and do not belong
  { name: 'a date where a count belongs', grid: () => withField('so_cho', { year: 2023, month: 5, day: 1 }, 'value', base()), issues: [err(LN, cellOf(at.field('so_cho')), '«Số chợ» phải là một số nguyên', 'ngày 1/5/2023')] },
  {
    name: 'a date where a list figure belongs',
    grid: () => withListCell('cay_trong', 1, 'dien_tich', { year: 2020, month: 3, day: 5 }, base()),
    issues: [err(NN, cellOf(at.list('cay_trong', 1, 'dien_tich')), '«Diện tích (ha/năm)» phải là một số', 'ngày 5/3/2020')],
  },
  {
    name: 'scientific notation "1,5E+3" reads as 1500',
    grid: () => withField('dien_tich_don_dien', '1,5E+3', 'value', base()),
    issues: [],
    check: (run) => expect(run.input.fields.dien_tich_don_dien.value).toBe(1500),
  },
  { name: 'scientific notation "1e400" (beyond a double) is refused', grid: () => withField('dien_tich_don_dien', '1e400', 'value', base()), issues: [err(CT, cellOf(at.field('dien_tich_don_dien')), '«Diện tích dồn điền đổi thửa» phải là một số', '«1e400»')] },
  {
    name: '10 000 characters in a text field are kept',
    grid: () => withField('giao_thong', LONG, 'value', base()),
    issues: [],
    check: (run) => expect(run.input.fields.giao_thong.value).toBe(LONG.trim()),
  },
  {
    name: '10 000 characters in a number field: refused, quoted shortened',
    grid: () => withField('dien_tich_rung', LONG, 'value', base()),
    issues: [err(LN, 'C5', '«Tổng diện tích rừng» phải là một số', `«${LONG.slice(0, 40)}…»`)],
    check: (run) => expect(run.issues[0].message.length).toBeLessThan(200),
  },
  {
    name: 'emoji in a text field are kept',
    grid: () => withListCell('mo_hinh', 4, 'ten', 'Camera an ninh 📷', base()),
    issues: [],
    check: (run) => expect(run.input.lists.mo_hinh[4].values.ten).toBe('Camera an ninh 📷'),
  },
  { name: 'emoji in a number field are refused', grid: () => withField('so_cho', '2 🏪', 'value', base()), issues: [err(LN, cellOf(at.field('so_cho')), '«Số chợ» phải là một số nguyên', '«2 🏪»')] },

  // ---- Unicode composition and spacing
  {
    name: 'tab names and block titles typed decomposed (NFD)',
    grid: () => mapText(base(), NFD, (v) => hasDecomposable(v) && v === v.toUpperCase()),
    issues: [],
    sameReport: true,
  },
  {
    name: 'the whole workbook typed decomposed (NFD): labels, headers, keys, units, choices, names',
    grid: () => mapText(base(), NFD),
    issues: [],
    sameReport: true,
  },
  {
    name: 'every tab name typed decomposed (NFD)',
    grid: () => base().map((s) => ({ ...s, name: NFD(s.name) })),
    issues: [],
    sameReport: true,
  },
  {
    name: 'choice "Cây chính" typed decomposed (NFD) next to composed rows',
    grid: () => withListCell('cay_trong', 1, 'nhom', NFD('Cây chính'), base()),
    issues: [],
    check: (run) => expect(run.input.lists.cay_trong.map((r) => r.values.nhom)).toEqual(['Cây chính', 'Cây chính', 'Cây khác', 'Cây khác']),
  },
  {
    name: 'a crop named decomposed (NFD) duplicates the composed one',
    grid: () => withListCell('cay_trong', 3, 'ten', NFD('Ngô'), base()),
    issues: [err(NN, `A${rowNo(at.list('cay_trong', 3, 'ten'))}`, 'trùng với dòng', '«Cây trồng»')],
  },
  {
    name: 'leading and trailing spaces in a block title, header labels and keys',
    grid: () =>
      editTab(base(), TT, (rows) => {
        const s = blockSpan(BASE, 'THÔNG TIN CHUNG');
        rows[s.from][0] = '  THÔNG TIN   CHUNG ';
        rows[s.from + 1] = rows[s.from + 1].map((v) => (typeof v === 'string' ? ` ${v}  ` : v));
        for (let r = s.from + 2; r < s.to; r++) rows[r][0] = ` ${rows[r][0]} `;
      }),
    issues: [],
    sameReport: true,
  },
  {
    name: 'a choice with spaces and other case ("  cây KHÁC ") is the choice',
    grid: () => withListCell('cay_trong', 0, 'nhom', '  cây KHÁC ', base()),
    issues: [],
    check: (run) => expect(run.input.lists.cay_trong[0].values.nhom).toBe('Cây khác'),
  },

  // ---- rows the clerk cannot see and rows nobody filled
  {
    name: 'a hidden row with a side note between figure rows (a grid row is just data)',
    grid: () => editTab(base(), TD, (rows) => rows.splice(at.field('don_tiep_nhan').row, 0, [null, null, null, null, 'ẩn: số liệu quý II chưa chốt'])),
    issues: [],
    sameReport: true,
  },
  {
    name: '10 000 empty rows below the data of every tab',
    grid: () => base().map((s) => ({ ...s, rows: [...s.rows, ...Array.from({ length: 10_000 }, () => [null, null, null, null, null, null] as CellValue[])] })),
    issues: [],
    sameReport: true,
    budgetMs: 2_000, // ~0.3 s alone; room for a busy 2-core machine
  },

  // ---- figures that must not be misread in silence
  {
    name: '"12%" in an area cell is an error, not 12 ha',
    grid: () => withField('dien_tich_rung', '12%', 'value', base()),
    issues: [err(LN, 'C5', '«Tổng diện tích rừng» phải là một số không âm (ha)', '«12%»', 'dấu % chỉ dùng ở ô tỷ lệ')],
  },
  {
    name: '"12 %" in a list figure is an error on its cell',
    grid: () => withListCell('cay_trong', 0, 'dien_tich', '12 %', base()),
    issues: [err(NN, cellOf(at.list('cay_trong', 0, 'dien_tich')), '«Diện tích (ha/năm)» phải là một số', 'dấu % chỉ dùng ở ô tỷ lệ')],
  },
  {
    name: 'natural area 0: a divisor of zero is an error at its cell',
    grid: () => withField('dien_tich_tu_nhien', 0, 'value', base()),
    // The forest (1.890 ha) then also exceeds the natural area.
    issues: [err(LN, 'C5', 'Diện tích rừng lớn hơn tổng diện tích tự nhiên'), err(TN, 'C6', '«Tổng diện tích tự nhiên» bằng 0', 'không tính được «Tỷ lệ che phủ rừng»', 'không chia được cho 0')],
  },
  {
    name: 'population 0: a divisor of zero is an error at its cell',
    grid: () => withField('dan_so', 0, 'value', base()),
    issues: [err(at.field('dan_so').sheet, cellOf(at.field('dan_so')), '«Dân số» bằng 0', '«Bình quân lương thực đầu người»')],
  },
  {
    name: 'a zero base year value: a divisor of zero is an error at its cell',
    grid: () => withField('gia_tri_1ha_nam_goc', 0, 'value', base()),
    issues: [err(at.field('gia_tri_1ha_nam_goc').sheet, cellOf(at.field('gia_tri_1ha_nam_goc')), '«Giá trị sản xuất trên 1 ha năm gốc (đầu kỳ)» bằng 0', '«Giá trị sản xuất trên 1 ha so với năm gốc»')],
  },
  {
    name: 'zero schools: one error at the cell, though two indicators divide by it',
    grid: () => withField('so_truong_dat_chuan', 0, 'value', withField('so_truong', 0, 'value', base())),
    issues: [err(YT, cellOf(at.field('so_truong')), '«Số trường học» bằng 0')],
  },

  // ---- numbers read the Vietnamese way; a text the two conventions read differently is warned about
  {
    name: '"1,250" reads 1,25 (the comma is the decimal mark), with a warning giving both readings',
    grid: () => withField('dien_tich_don_dien', '1,250', 'value', base()),
    issues: [warn(CT, cellOf(at.field('dien_tich_don_dien')), '«1,250», đọc được hai cách', '1,25 theo cách viết Việt Nam', '1.250 theo cách viết tiếng Anh', 'nhập 1250')],
    check: (run) => expect(run.input.fields.dien_tich_don_dien.value).toBe(1.25),
  },
  {
    name: '"12,345" reads 12,345, with a warning giving both readings',
    grid: () => withField('dien_tich_don_dien', '12,345', 'value', base()),
    issues: [warn(CT, cellOf(at.field('dien_tich_don_dien')), '12,345 theo cách viết Việt Nam', '12.345 theo cách viết tiếng Anh', 'nhập 12,3450', 'nhập 12345')],
    check: (run) => expect(run.input.fields.dien_tich_don_dien.value).toBeCloseTo(12.345, 9),
  },
  {
    name: '"1.250" reads 1 250 (the dot groups thousands), with a warning giving both readings',
    grid: () => withField('dien_tich_don_dien', '1.250', 'value', base()),
    issues: [warn(CT, cellOf(at.field('dien_tich_don_dien')), '1.250 theo cách viết Việt Nam', '1,25 theo cách viết tiếng Anh', 'nhập 1,25')],
    check: (run) => expect(run.input.fields.dien_tich_don_dien.value).toBe(1250),
  },
  {
    name: '"1,250" in a count: read 1,25, so both the warning and the whole-number error',
    grid: () => withField('so_cho', '1,250', 'value', base()),
    issues: [warn(LN, cellOf(at.field('so_cho')), '1,25 theo cách viết Việt Nam'), err(LN, cellOf(at.field('so_cho')), '«Số chợ» phải là số nguyên', '«1,250»')],
  },
  {
    name: '"5.433,05" and "0,8" read one way only: no warning',
    grid: () => withField('dien_tich_don_dien', '0,8', 'value', withField('dien_tich_tu_nhien', '5.433,05', 'value', base())),
    issues: [],
    check: (run) => {
      expect(run.input.fields.dien_tich_don_dien.value).toBe(0.8);
      expect(run.input.fields.dien_tich_tu_nhien.value).toBe(5433.05);
    },
  },
  {
    name: 'a number cell quoted in a message is written the Vietnamese way ("6,5", not "6.5")',
    grid: () => withField('so_cho', 6.5, 'value', base()),
    issues: [err(LN, cellOf(at.field('so_cho')), '«Số chợ» phải là số nguyên', '(ô có «6,5»)')],
  },
  {
    name: 'a negative area quoted with thousands dot and decimal comma ("-5.433,05")',
    grid: () => withField('dien_tich_tu_nhien', -5433.05, 'value', base()),
    issues: [err(TN, 'C6', '«Tổng diện tích tự nhiên» không được âm', '(ô có «-5.433,05»)')],
  },

  // ---- dates far from today
  {
    name: 'a report date in 2200 warns on its cell',
    grid: () => withField('ngay_bao_cao', { year: 2200, month: 5, day: 25 }, 'value', base()),
    issues: [warn(TT, cellOf(at.field('ngay_bao_cao')), '«Ngày báo cáo» là ngày 25/5/2200', 'hơn một năm sau hôm nay (1/12/2026)', 'kiểm tra lại năm')],
  },
  {
    name: 'a period starting in 1930 (before 1945) warns on its cell',
    grid: () => withField('ky_tu_ngay', '1/1/1930', 'value', base()),
    issues: [warn(TT, cellOf(at.field('ky_tu_ngay')), '«Kỳ báo cáo: từ ngày» là ngày 1/1/1930', 'trước năm 1945')],
  },
  {
    name: 'a guiding document from 1995 (old, but plausible) gives no warning',
    grid: () => withField('ngay_van_ban_huong_dan', '15/3/1995', 'value', base()),
    issues: [],
  },

  // ---- indicator keys: unique and stable however names slug
  {
    name: 'crops "Lúa", "Lua" and "Lúa <row of Lua>" get three different keys, the plain one unchanged',
    grid: () => withListCell('cay_trong', 2, 'ten', `Lúa ${rowNo(at.list('cay_trong', 1, 'ten'))}`, withListCell('cay_trong', 1, 'ten', 'Lua', base())),
    issues: [],
    check: (run) => {
      const keys = run.indicators.map((i) => i.key);
      expect(new Set(keys).size, 'every indicator key is unique').toBe(keys.length);
      const perCrop = keys.filter((k) => k.startsWith('san_luong_lua'));
      expect(perCrop).toEqual(['san_luong_lua', 'san_luong_lua_2', `san_luong_lua_${rowNo(at.list('cay_trong', 1, 'ten'))}`]);
    },
  },

  // ---- invisible characters and tabs that read alike
  {
    name: 'a zero-width space after "Lúa" is stripped (a warning on the cell), so the row duplicates "Lúa"',
    grid: () => withListCell('cay_trong', 1, 'ten', 'Lúa\u200b', base()),
    issues: [
      warn(NN, cellOf(at.list('cay_trong', 1, 'ten')), 'có ký tự ẩn', 'đọc là «Lúa»'),
      err(NN, `A${rowNo(at.list('cay_trong', 1, 'ten'))}`, `Dòng ${rowNo(at.list('cay_trong', 1, 'ten'))} trùng với dòng ${rowNo(at.list('cay_trong', 0, 'ten'))}`),
    ],
  },
  {
    name: 'a soft hyphen inside a field key is stripped, with a warning, and the row is found',
    grid: () => withCell(base(), at.field('ten_xa', 'key'), 'ten_\u00adxa'),
    issues: [warn(TT, cellOf(at.field('ten_xa', 'key')), 'Mã «ten_xa»', 'có ký tự ẩn')],
    sameReport: true,
  },
  {
    name: 'a second tab with the same visible name (NFD spelling) is an error naming both',
    grid: () => {
      const g = base();
      const copy = copyGrid(g).find((t) => t.name === NN)!;
      return [...g, { ...copy, name: NFD(NN) }];
    },
    issues: [err(NFD(NN), 'A1', `Có 2 trang cùng tên «${NN}»`, 'trang thứ 3 và thứ 11', 'không biết dùng trang nào')],
  },

  // ---- the recipients tab
  {
    name: 'recipients: a malformed e-mail',
    grid: () => withListCell('noi_nhan', 1, 'email', 'tcnv@@ducpho.vn', base()),
    issues: [err(NR, cellOf(at.list('noi_nhan', 1, 'email')), '«E-mail» phải là một địa chỉ e-mail', '«tcnv@@ducpho.vn»')],
  },
  {
    name: 'recipients: the same e-mail in other case ("A@x.vn" vs "a@x.vn")',
    grid: () => withListCell('noi_nhan', 3, 'email', 'a@x.vn', withListCell('noi_nhan', 2, 'email', 'A@x.vn', base())),
    issues: [err(NR, cellOf(at.list('noi_nhan', 3, 'email')), 'Địa chỉ e-mail «a@x.vn»', `dòng ${rowNo(at.list('noi_nhan', 3, 'email'))} trùng với dòng ${rowNo(at.list('noi_nhan', 2, 'email'))}`)],
  },
  {
    name: 'recipients: a mixed-case e-mail is accepted, lower-cased',
    grid: () => withListCell('noi_nhan', 0, 'email', ' UbNd@DucPho.Example.VN ', base()),
    issues: [],
    check: (run) => expect(run.input.lists.noi_nhan[0].values.email).toBe('ubnd@ducpho.example.vn'),
  },
];

// ------------------------------------------------------------------------------------------ the run

function runCase(c: Case): { run: ReportRun; ms: number } {
  const grid = c.grid();
  const before = structuredClone(grid);
  const started = performance.now();
  let run: ReportRun | undefined;
  expect(() => {
    run = runReport(DVK, grid, { today: TODAY });
  }).not.toThrow();
  const ms = performance.now() - started;
  expect(grid, 'the grids given are not changed').toStrictEqual(before);
  return { run: run as ReportRun, ms };
}

describe('catalogue of bad inputs', () => {
  it('the base (the sample with a consistent forest cover) has no issue at all', () => {
    expect(BASE_RUN.issues).toEqual([]);
    console.log(`catalogue: ${CASES.length} cases`);
    expect(CASES.length).toBeGreaterThanOrEqual(45);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    expect(reliabilitySection(), 'the README states the count').toContain(`catalogue of **${CASES.length} cases**`);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { run, ms } = runCase(c);
    expect(run.issues.map((i) => ({ severity: i.severity, sheet: i.sheet, cell: i.cell }))).toEqual(
      c.issues.map((e) => ({ severity: e.severity, sheet: e.sheet, cell: e.cell })),
    );
    c.issues.forEach((e, k) => {
      for (const w of e.words) expect(run.issues[k].message).toContain(w);
    });
    if (c.sameReport) expect(run.data).toEqual(BASE_RUN.data);
    c.check?.(run);
    if (c.budgetMs !== undefined) {
      console.log(`catalogue: «${c.name}» took ${Math.round(ms)} ms (budget ${c.budgetMs} ms)`);
      expect(ms).toBeLessThan(c.budgetMs);
    }
  });
});

// ------------------------------------------------------------------- through the BUILT bundle

/** Catalogue rows replayed in the fake Google world (cell changes and tab renames/deletions). */
const BUNDLE_CASES = [
  'missing tab (Nơi nhận deleted)',
  'tab renamed without diacritics ("Nong nghiep") is a missing tab',
  'text for a number',
  'part above whole: forest > natural area',
  'duplicate keys (the second is reported, the row it replaced is missing)',
  '#DIV/0! error cell in a number',
  '"#REF!" text in a text field',
  'a date where a count belongs',
  '10 000 characters in a number field: refused, quoted shortened',
  'emoji in a number field are refused',
  'every tab name typed decomposed (NFD)',
  'recipients: the same e-mail in other case ("A@x.vn" vs "a@x.vn")',
];

/** A core cell as Sheets' getValues() gives it: dates as Date, errors as their text, empty as ''. */
function sheetValue(world: GoogleWorld, v: CellValue | undefined): unknown {
  if (v === null || v === undefined) return '';
  if (isCalendarDate(v)) return world.rt.date(new Date(v.year, v.month - 1, v.day).getTime());
  if (isCellError(v)) return v.error;
  return v;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Makes the fake Sheet hold `grid`: renames and deletes tabs, and writes only the cells that differ. */
function applyGrid(world: GoogleWorld, from: WorkbookGrid, grid: WorkbookGrid): void {
  const ss = world.spreadsheet;
  from.forEach((old, i) => {
    const sheet = ss.sheets.find((s) => s.name === old.name);
    if (!sheet) throw new Error(`fake has no tab ${old.name}`);
    // Tabs are matched by position when the names only differ (renamed), by name otherwise.
    const next = grid.find((g) => g.name === old.name) ?? (grid.length === from.length ? grid[i] : undefined);
    if (!next) {
      ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
      return;
    }
    sheet.name = next.name;
    const height = Math.max(old.rows.length, next.rows.length);
    for (let r = 0; r < height; r++) {
      const width = Math.max(old.rows[r]?.length ?? 0, next.rows[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const [a, b] = [old.rows[r]?.[c] ?? null, next.rows[r]?.[c] ?? null];
        if (!same(a, b)) sheet.cellForWrite(r + 1, c + 1).value = sheetValue(world, b);
      }
    }
  });
}

function inputTabs(world: GoogleWorld): Record<string, unknown> {
  const names = new Set(DVK.tabs.map((t) => normaliseLabel(t.name)));
  return Object.fromEntries(world.spreadsheet.sheets.filter((s) => names.has(normaliseLabel(s.name))).map((s) => [s.name, JSON.parse(JSON.stringify(s.dump()))]));
}

describe('a subset through the BUILT bundle in the fake Google world', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-apps-script.mjs'], { stdio: 'pipe' });
  }, 120_000);

  it('lists rows that exist', () => {
    console.log(`catalogue through the bundle: ${BUNDLE_CASES.length} cases`);
    expect(reliabilitySection(), 'the README states the count').toContain(`${BUNDLE_CASES.length} of them also through the built bundle`);
    for (const name of BUNDLE_CASES) expect(CASES.map((c) => c.name)).toContain(name);
  });

  it.each(BUNDLE_CASES)('%s: computeIndicators returns normally, shows an alert, leaves every input tab as it was', (name) => {
    const c = CASES.find((x) => x.name === name) as Case;
    const world = createGoogleWorld();
    const gas = loadBundle(world);
    world.ui.answerNext(Button.YES);
    gas.call('setupWorkbook');
    const sample = sampleGrid();
    applyGrid(world, sample, BASE);
    applyGrid(world, BASE, c.grid());

    const before = inputTabs(world);
    const alerts = world.ui.alerts.length;
    expect(() => gas.call('computeIndicators')).not.toThrow();
    expect(world.ui.alerts.length).toBe(alerts + 1);
    const shown = JSON.stringify(world.ui.alerts.at(-1));
    const errors = c.issues.filter((i) => i.severity === 'error').length;
    if (errors) expect(shown).toContain(String(errors));
    expect(inputTabs(world)).toEqual(before);
    expect(world.spreadsheet.sheets.some((s) => s.name === 'Chỉ tiêu')).toBe(true);
  });
});
