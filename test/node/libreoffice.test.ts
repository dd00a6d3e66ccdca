/**
 * Round trip through the real LibreOffice: the .docx the writer produces is opened by soffice and
 * converted to PDF and text; poppler-utils reads the PDF back page by page.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/node/docx-writer';
import {
  ConversionError,
  ToolMissingError,
  convertWithOffice,
  docxToPdf,
  docxToText,
  findTool,
  pdfToPng,
  pdfToText,
} from '../../src/node/libreoffice';
import { sampleReport } from './sample-report';

const soffice = await findTool('soffice');
const poppler = (await findTool('pdftotext')) !== null && (await findTool('pdftoppm')) !== null;
const canRun = soffice !== null && poppler;
if (!canRun) {
  console.warn(
    '[libreoffice.test] BỎ QUA / SKIPPED: LibreOffice (soffice) or poppler-utils (pdftotext, pdftoppm) not found. ' +
      'Install: apt-get install libreoffice-writer-nogui poppler-utils',
  );
}

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const EXPECTED_STRINGS = [
  'UBND THỊ XÃ ĐỨC PHỔ',
  MOTTO,
  'Độc lập - Tự do - Hạnh phúc',
  'Phổ Phong, ngày 25 tháng 5 năm 2023',
  'BÁO CÁO',
  'Nơi nhận:',
  '- Lưu: VT.',
  'TM. ỦY BAN NHÂN DÂN',
  'CHỦ TỊCH',
  'Nguyễn Văn Anh',
];

/** pdftotext ends every page with a form feed. */
function pages(text: string): string[] {
  return text.split('\f').slice(0, -1);
}

function nonEmptyLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

describe('ToolMissingError', () => {
  it('tells the user in Vietnamese what is missing and how to install it', () => {
    const error = new ToolMissingError('soffice');
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(
      'Không tìm thấy LibreOffice (soffice) trên máy này: không thể xuất PDF. Cài đặt: apt-get install libreoffice-writer-nogui',
    );
    expect(new ToolMissingError('pdftoppm').message).toContain('apt-get install poppler-utils');
  });

  it('finds nothing on an empty PATH for a program outside the usual directories', async () => {
    // pdftoppm is only looked for on PATH and in /usr/bin; an absent PATH still finds the Debian one.
    const found = await findTool('pdftoppm', '');
    expect(found === null || found === '/usr/bin/pdftoppm').toBe(true);
  });
});

describe.skipIf(!canRun)('LibreOffice round trip of a report in the official layout', () => {
  let dir: string;
  let pdf: string;
  let officeText: string;
  let pdfText: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bao-cao-test-'));
    const docx = join(dir, 'bao-cao.docx');
    await writeFile(docx, await renderDocx(sampleReport()));
    // Both conversions at once: each has its own throwaway profile, so they must not collide.
    [pdf, officeText] = await Promise.all([docxToPdf(docx), docxToText(docx, { outDir: join(dir, 'txt') })]);
    pdfText = await pdfToText(pdf, { layout: true });
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps the Vietnamese strings intact and in NFC', () => {
    expect(officeText).toBe(officeText.normalize('NFC'));
    const flat = officeText.replace(/\s+/g, ' ');
    for (const s of EXPECTED_STRINGS) expect(flat).toContain(s.normalize('NFC'));
    // The issuing body is broken into two lines on purpose.
    expect(flat).toContain('ỦY BAN NHÂN DÂN XÃ PHỔ PHONG');
  });

  it('lays out 2 or more pages, with the national title on one line of page 1', () => {
    const all = pages(pdfText);
    expect(all.length).toBeGreaterThanOrEqual(2);
    const motto = all[0].split('\n').filter((l) => l.includes('CỘNG HÒA'));
    expect(motto).toHaveLength(1);
    expect(motto[0]).toContain(MOTTO);
  });

  it('puts the page number at the top of page 2 and none on page 1', async () => {
    const page1 = await pdfToText(pdf, { firstPage: 1, lastPage: 1 });
    const page2 = await pdfToText(pdf, { firstPage: 2, lastPage: 2 });
    expect(nonEmptyLines(page1).filter((l) => /^\d+$/.test(l))).toEqual([]);
    expect(nonEmptyLines(page1)[0]).toBe('UBND THỊ XÃ ĐỨC PHỔ');
    expect(nonEmptyLines(page2)[0]).toBe('2');
  });

  it('uses Times New Roman or its metric twin for every font in the PDF', async () => {
    const raw = await readFile(pdf, 'latin1');
    const fonts = [...raw.matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(0);
    // Debian ships Liberation Serif as the metric-compatible substitute for Times New Roman.
    for (const f of fonts) expect(f).toMatch(/^(TimesNewRoman|Times|LiberationSerif)/);
  });

  it('renders page 1 to a PNG image', async () => {
    const png = await pdfToPng(pdf, 1, join(dir, 'page-1.png'));
    const bytes = await readFile(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('reports a Vietnamese ConversionError when the input cannot be loaded', async () => {
    const missing = join(dir, 'khong-co.docx');
    const error = await convertWithOffice(missing, 'pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversionError);
    expect((error as ConversionError).message).toBe('Chuyển khong-co.docx sang PDF: không tạo ra được tệp khong-co.pdf.');
  });

  it('stops a conversion that takes longer than the timeout, without waiting for soffice', async () => {
    const docx = join(dir, 'bao-cao.docx');
    const started = Date.now();
    await expect(convertWithOffice(docx, 'pdf', { outDir: join(dir, 'slow'), timeoutMs: 200 })).rejects.toThrow(
      'Chuyển bao-cao.docx sang PDF: quá thời gian 0,2 giây, đã dừng.',
    );
    // A conversion takes seconds; the kill must end it (and its soffice.bin child) right away.
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
