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

const soffice = await findSoffice();
if (!soffice) console.warn('Bỏ qua kiểm tra PDF của báo cáo mẫu: máy này không có LibreOffice (soffice).');

describe.skipIf(!soffice)('the sample report, opened by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bao-cao-sample-'));
  let layout = '';
  let page1 = '';
  let page2 = '';

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-cli.mjs']);
    execFileSync(process.execPath, ['bin/bao-cao.js', 'init', join(dir, 'so-lieu.xlsx'), '--sample']);
    execFileSync(process.execPath, ['bin/bao-cao.js', 'generate', join(dir, 'so-lieu.xlsx'), '--out', join(dir, 'bao-cao.docx')]);
    const pdf = await docxToPdf(join(dir, 'bao-cao.docx'), { outDir: dir });
    layout = await pdfToText(pdf, { layout: true });
    page1 = await pdfToText(pdf, { firstPage: 1, lastPage: 1 });
    page2 = await pdfToText(pdf, { firstPage: 2, lastPage: 2 });
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
    expect(layout).toContain('UBND THỊ XÃ ĐỨC PHỔ');
    expect(layout).toContain('Phổ Phong, ngày 25 tháng 5 năm 2023');
    expect(layout).toContain('Số: …/BC-UBND');
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
      'tỷ lệ che phủ rừng là 34,79 %',
      'tăng 1 điểm phần trăm, từ 7 % cuối năm 2020 lên 8 %',
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
