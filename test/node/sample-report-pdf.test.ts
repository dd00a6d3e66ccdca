/**
 * The sample report end to end through a real client: the CLI writes the .docx from the sample workbook,
 * LibreOffice opens it and converts it to PDF, poppler reads the PDF back. What a reviewer would see.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToPdf, findSoffice, pdfToText } from '../../src/node/libreoffice';
import { paragraphText, type Paragraph } from '../../src/core/document/model';
import { renderReportDocument } from '../../src/core/report/document';
import { runReport } from '../../src/core/report/pipeline';
import { DVK, sampleGrid } from '../helpers/workbook';

const soffice = await findSoffice();

/** A unit (or "%") that must never start a line when the line before ends with its number. */
const UNIT_AT_START = /^(%|ha\b|m²|km²|tấn|tạ\/ha|kg|triệu|tỷ|đồng|điểm phần trăm|lượt|đơn\b|đợt|nhà\b|công trình|khu\b|mô hình|hộ\b|thôn\b|trường\b|người\b)/;

/** PDF text has plain spaces and hyphens where the document has non-breaking ones. */
function normalise(text: string): string {
  return text.replace(/\u00A0/g, ' ').replace(/\u2011/g, '-').replace(/\s+/g, ' ').trim();
}
if (!soffice) console.warn('Bỏ qua kiểm tra PDF của báo cáo mẫu: máy này không có LibreOffice (soffice).');

describe.skipIf(!soffice)('the sample report, opened by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bao-cao-sample-'));
  let layout = '';
  let page1 = '';
  let page2 = '';
  /** Each page's text lines, trimmed, without the page number at the top. */
  let pages: string[][] = [];
  /** Every line of the body in reading order, pages joined. */
  let bodyLines: string[] = [];
  /** The text of every paragraph the template keeps with the next one (its headings). */
  let headings: string[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-cli.mjs']);
    execFileSync(process.execPath, ['bin/bao-cao.js', 'init', join(dir, 'so-lieu.xlsx'), '--sample']);
    execFileSync(process.execPath, ['bin/bao-cao.js', 'generate', join(dir, 'so-lieu.xlsx'), '--out', join(dir, 'bao-cao.docx')]);
    const pdf = await docxToPdf(join(dir, 'bao-cao.docx'), { outDir: dir });
    layout = await pdfToText(pdf, { layout: true });
    page1 = await pdfToText(pdf, { firstPage: 1, lastPage: 1 });
    page2 = await pdfToText(pdf, { firstPage: 2, lastPage: 2 });
    pages = layout
      .split('\f')
      .map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean))
      .filter((p) => p.length > 0)
      .map((p, i) => (i > 0 && /^\d+$/.test(p[0]) ? p.slice(1) : p));
    bodyLines = pages.flat();
    const run = runReport(DVK, sampleGrid());
    const { document } = renderReportDocument(DVK.template, run.data);
    headings = document.body
      .filter((b) => b.type === 'paragraph' && b.style.keepWithNext)
      .map((b) => normalise(paragraphText(b as Paragraph)))
      .filter(Boolean);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('converts to a PDF whose text is composed Vietnamese with no tag left', () => {
    expect(existsSync(join(dir, 'bao-cao.pdf'))).toBe(true);
    expect(layout.normalize('NFC')).toBe(layout);
    expect(layout).not.toContain('{{');
    expect(layout).not.toMatch(/NaN|undefined|null|\[object|Infinity/);
  });

  it('has the official header with the national title on one line', () => {
    expect(layout).toMatch(/^.*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM.*$/m);
    expect(layout).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(layout).toContain('Phổ Phong, ngày 25 tháng 5 năm 2023');
    expect(layout).toContain('Số: …/BC-UBND');
  });

  it('names a commune committee as real commune reports do: «ỦY BAN NHÂN DÂN / XÃ …», no superior body above', () => {
    const lines = page1.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines[0]).toMatch(/^ỦY BAN NHÂN DÂN/);
    expect(layout).not.toContain('UBND THỊ XÃ ĐỨC PHỔ');
    expect(layout).toMatch(/^\s*XÃ PHỔ PHONG/m);
  });

  it('is about as long as the reference report: 9 to 11 pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(9);
    expect(pages.length).toBeLessThanOrEqual(11);
  });

  it('never breaks a line between a number and its unit, nor inside a range of years', () => {
    const breaks: string[] = [];
    bodyLines.forEach((line, i) => {
      const next = bodyLines[i + 1];
      if (next === undefined) return;
      if (/\d$/.test(line) && UNIT_AT_START.test(next)) breaks.push(`${line} ⏎ ${next}`);
      if (/\d-$/.test(line) && /^\d/.test(next)) breaks.push(`${line} ⏎ ${next}`);
    });
    expect(breaks).toEqual([]);
    // The check can fail: a line that ends on a figure is common enough for it to bite.
    expect(bodyLines.some((l) => /\d$/.test(l))).toBe(true);
  });

  it('never leaves a heading as the last line of a page', () => {
    expect(headings.length).toBeGreaterThan(20);
    const alone: string[] = [];
    for (const page of pages.slice(0, -1)) {
      const last = page[page.length - 1];
      if (last && headings.some((h) => h.endsWith(last))) alone.push(last);
    }
    expect(alone).toEqual([]);
  });

  it('carries none of the reference report’s slips', () => {
    const flat = layout.replace(/\s+/g, ' ');
    for (const slip of ['câu nói', '71/1998/QĐ-CP', '18/2000/CP-TTg', 'chỉ thị số 18/2000', 'Bộ chính trị', 'Tây nguyên', '2020-2020', 'Phở Phong'])
      expect(flat, slip).not.toContain(slip);
    for (const right of ['cầu nối', '71/1998/NĐ-CP', 'Bộ Chính trị', 'Tây Nguyên']) expect(flat, right).toContain(right);
    expect(flat.match(/Chỉ thị số 18\/2000\/CT-TTg/g)?.length).toBe(2);
    // Section II numbers its parts from 1.
    const two = flat.indexOf('II. Công tác lãnh đạo');
    const one = flat.indexOf(' 1. ', two);
    expect(one).toBeGreaterThan(two);
    expect(one).toBeLessThan(flat.indexOf('2. Việc ban hành', two));
  });

  it('writes prose as an office does: a count opening a sentence in words, one money unit, no sums of unlike things', () => {
    const flat = bodyLines.join(' ');
    expect(flat).toContain('Hai chợ Km3 và Km7');
    expect(flat).not.toMatch(/\b02 chợ/);
    expect(flat).toContain('sửa chữa 02 nhà ở cho hộ nghèo, cận nghèo với tổng kinh phí là 23 triệu đồng');
    expect(flat).not.toContain('23.000.000 đồng');
    expect(flat).not.toContain('20 đợt');
    expect(flat).not.toContain('(NQ giảm');
  });

  it('carries every section of the reference report, in order', () => {
    const flat = layout.replace(/\s+/g, ' ');
    const headings = [
      'BÁO CÁO',
      'I. Khái quát đặc điểm, tình hình địa phương',
      '1.1. Vị trí địa lý, diện tích tự nhiên',
      '1.2. Tình hình kinh tế - xã hội',
      'a. Về kinh tế',
      'b. Về văn hóa – xã hội',
      'c. Giáo dục – Y tế',
      '2.1. Thuận lợi',
      '2.2. Khó khăn',
      'II. Công tác lãnh đạo, chỉ đạo',
      'III. Kết quả thực hiện phong trào thi đua',
      'IV. Đánh giá chung',
      '3. Bài học kinh nghiệm',
      '4. Những đề xuất kiến nghị',
      'V. Phương hướng và giải pháp',
      'Nơi nhận:',
    ];
    let at = -1;
    for (const h of headings) {
      const next = flat.indexOf(h, at + 1);
      expect(next, `«${h}» after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
  });

  it('states the computed figures, not the reference report’s typed ones', () => {
    const flat = layout.replace(/\s+/g, ' ');
    for (const figure of [
      'sản lượng đạt 6.043,6 tấn',
      'sản lượng bình quân hàng năm đạt 18 tấn',
      'tỷ lệ che phủ rừng là 34,79%',
      'tăng 1 điểm phần trăm, từ 7% cuối năm 2020 lên 8%',
      '565 kg/người/năm',
      '118 lượt tiếp công dân',
      '34 công trình',
      '6.500,4 m²',
      '14,0 ha',
    ]) {
      expect(flat).toContain(figure);
    }
    expect(flat).not.toContain('60.436 tấn');
    expect(flat).not.toContain('180 tấn');
    expect(flat).not.toContain('Phở Phong');
    expect(flat).not.toContain('2020-2020');
  });

  it('ends with the recipients beside the signer', () => {
    for (const r of ['- UBND thị xã;', '- Cơ quan TC-NV thị xã;', '- Lưu: VT.']) expect(layout).toContain(r);
    expect(layout).toMatch(/TM\. ỦY BAN NHÂN DÂN/);
    expect(layout).toContain('Phan Tiến Định');
  });

  it('numbers pages from page 2, at the top', () => {
    expect(page1.trim().split('\n')[0]).not.toMatch(/^\d+$/);
    expect(page2.trim().split('\n')[0].trim()).toBe('2');
  });
});
