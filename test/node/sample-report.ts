/**
 * A small report in the official layout (Nghị định 30/2020, Phụ lục I), built by hand so the writer
 * tests do not depend on the template parser or the merge.
 */
import type { Paragraph, ParagraphStyle, ReportDocument, RunStyle, Table } from '../../src/core/document/model';

export const BODY_PT = 14;

export function para(text: string, style: ParagraphStyle = {}, run: RunStyle = {}): Paragraph {
  return { type: 'paragraph', style, runs: [{ type: 'text', text, ...run }] };
}

function centred(text: string, run: RunStyle, extra: ParagraphStyle = {}): Paragraph {
  return para(text, { align: 'center', ...extra }, run);
}

/**
 * A short centred rule: an empty, tiny paragraph whose bottom border spans the width between its indents.
 * The text above keeps its full width; only the rule is short.
 */
export function rule(indentMm: number): Paragraph {
  return { type: 'paragraph', style: { align: 'center', leftIndentMm: indentMm, rightIndentMm: indentMm, borderBelow: true, run: { sizePt: 2 } }, runs: [] };
}

function layoutTable(columnWidthsPct: number[], left: Paragraph[], right: Paragraph[]): Table {
  return { type: 'table', borders: false, columnWidthsPct, rows: [{ cells: [{ blocks: left }, { blocks: right }] }] };
}

/** The two-column header: issuing body on the left, national motto on the right. */
export function headerTable(): Table {
  const left = [
    centred('UBND THỊ XÃ ĐỨC PHỔ', { sizePt: 13 }),
    // On one line the issuing body needs about 80 mm at 13 pt bold, more than the column: it is broken on
    // purpose, as official documents do, rather than left to wrap anywhere.
    centred('ỦY BAN NHÂN DÂN\nXÃ PHỔ PHONG', { sizePt: 13, bold: true }),
    // The rule under the issuing body is short: an empty paragraph's bottom border between indents.
    rule(20),
    centred('Số: 45/BC-UBND', { sizePt: 13 }, { spaceBeforePt: 6 }),
  ];
  const right = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { sizePt: 13, bold: true }),
    centred('Độc lập - Tự do - Hạnh phúc', { sizePt: 14, bold: true }),
    rule(22),
    centred('Phổ Phong, ngày 25 tháng 5 năm 2023', { sizePt: 14, italic: true }, { spaceBeforePt: 6 }),
  ];
  // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" at 13 pt bold is about 96 mm wide: 60 % of 165 mm leaves 97 mm.
  return layoutTable([40, 60], left, right);
}

/** "Nơi nhận" on the left, the signature block on the right. */
export function signatureTable(): Table {
  const left: Paragraph[] = [
    para('Nơi nhận:', {}, { sizePt: 12, bold: true, italic: true }),
    para('- Ban Dân vận Thị ủy;\n- Phòng Nội vụ thị xã;\n- Lưu: VT.', {}, { sizePt: 11 }),
  ];
  const right: Paragraph[] = [
    centred('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', { sizePt: 14, bold: true }),
    centred('', {}, { spaceBeforePt: 60 }),
    centred('Nguyễn Văn Anh', { sizePt: 14, bold: true }),
  ];
  return layoutTable([50, 50], left, right);
}

const BODY_STYLE: ParagraphStyle = { align: 'justify', firstLineIndentMm: 12.7, spaceAfterPt: 6, lineSpacing: 1.15 };

const PROSE =
  'Năm 2023, dưới sự lãnh đạo của Đảng ủy, sự giám sát của Hội đồng nhân dân xã, Ủy ban nhân dân xã Phổ Phong ' +
  'đã tập trung chỉ đạo thực hiện hoàn thành các chỉ tiêu kinh tế - xã hội; đời sống vật chất và tinh thần của ' +
  'nhân dân từng bước được nâng lên, quốc phòng - an ninh được giữ vững, trật tự an toàn xã hội được đảm bảo.';

export function bodyParagraphs(count: number): Paragraph[] {
  return Array.from({ length: count }, (_, i) => para(`${i + 1}. ${PROSE}`, BODY_STYLE));
}

export function sampleReport(bodyCount = 12): ReportDocument {
  return {
    page: {
      size: 'A4',
      orientation: 'portrait',
      marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
      font: 'Times New Roman',
      sizePt: BODY_PT,
    },
    header: [{ type: 'paragraph', style: { align: 'center' }, runs: [{ type: 'pageNumber', sizePt: 13 }] }],
    firstPageHeader: [],
    titlePage: true,
    footer: [],
    body: [
      headerTable(),
      centred('BÁO CÁO', { bold: true }, { spaceBeforePt: 18 }),
      centred('Kết quả thực hiện công tác dân vận năm 2023', { bold: true }),
      rule(65),
      para('', { spaceAfterPt: 6 }),
      ...bodyParagraphs(bodyCount),
      signatureTable(),
    ],
  };
}
