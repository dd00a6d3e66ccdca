/**
 * Word templates from real clients, and their reports opened by one: a template LibreOffice wrote, a
 * template the `docx` library wrote then LibreOffice saved (so the run splitting is a real writer's,
 * tags cut by formatting), and the default template as `bao-cao template` writes it. The reports are
 * read back by LibreOffice (text, PDF) and poppler.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AlignmentType, Document, Header, ImageRun, LevelFormat, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import type { MergeData } from '../../../src/core/template/data';
import { mergeDocxTemplate } from '../../../src/node/docx-template/merge-docx';
import { docxToPdf, docxToText, findSoffice, pdfToText } from '../../../src/node/libreoffice';
import { bundledKinds } from '../../../src/kinds/bundled';
import { saveAsDocx } from './office';

const soffice = await findSoffice();
if (!soffice) console.warn('Bỏ qua kiểm tra mẫu Word qua LibreOffice: máy này không có LibreOffice (soffice).');

const dir = mkdtempSync(join(tmpdir(), 'bao-cao-word-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function mergeFile(template: string, data: MergeData, out: string): Promise<string> {
  const r = await mergeDocxTemplate(readFileSync(template), data);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  writeFileSync(out, r.bytes);
  return out;
}

/** A template typed in LibreOffice Writer: a tag split by bold, a row list, a condition, a header with the page number. */
const FODT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-left="3cm" fo:margin-right="1.5cm"/><style:header-style/></style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p>{{ten_xa}} - trang <text:page-number text:select-page="current">1</text:page-number></text:p></style:header>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
  <text:p>Xã <text:span text:style-name="B">{{ten</text:span>_xa}}, huyện {{huyen}}.</text:p>
  <table:table table:name="Cay"><table:table-column table:number-columns-repeated="2"/>
   <table:table-row><table:table-cell><text:p>Cây</text:p></table:table-cell><table:table-cell><text:p>Diện tích</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell><text:p>{{#cay}}{{ten}}</text:p></table:table-cell><table:table-cell><text:p>{{dt}} ha{{/cay}}</text:p></table:table-cell></table:table-row>
  </table:table>
  <text:p>{{#co}}</text:p><text:p>Đoạn có điều kiện.</text:p><text:p>{{/co}}</text:p>
  <text:p>{{^co}}Không hiện.{{/co}}Hết.</text:p>
 </office:text></office:body>
</office:document>`;

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A Word file with tags cut over runs of different formatting, a page number in the header, an image and a numbered list. */
async function wordTemplateWithObjects(): Promise<Buffer> {
  const doc = new Document({
    numbering: { config: [{ reference: 'so', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun('{{ten_xa}} - Trang '), new TextRun({ children: [PageNumber.CURRENT] })] })] }) },
        children: [
          new Paragraph({ children: [new TextRun('Báo cáo của xã '), new TextRun({ text: '{{ten_', bold: true }), new TextRun({ text: 'xa}}', italics: true }), new TextRun('.')] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 40, height: 40 } })] }),
          new Paragraph({ children: [new TextRun('{{#mo_hinh}}')] }),
          new Paragraph({ numbering: { reference: 'so', level: 0 }, children: [new TextRun({ text: 'Mô hình {{', bold: true }), new TextRun('ten}}')] }),
          new Paragraph({ children: [new TextRun('{{/mo_hinh}}')] }),
          new Paragraph({ children: [new TextRun('Hết.')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe.skipIf(!soffice)('Word templates from real clients', () => {
  it('merges a template written by LibreOffice Writer', async () => {
    writeFileSync(join(dir, 'mau-lo.fodt'), FODT);
    const template = await saveAsDocx(join(dir, 'mau-lo.fodt'), dir);
    const out = await mergeFile(template, { ten_xa: 'Phổ Phong', huyen: 'Đức Phổ', co: true, cay: [{ ten: 'Lúa', dt: '1.042' }, { ten: 'Ngô', dt: '35' }] }, join(dir, 'bc-lo.docx'));
    const text = await docxToText(out, { outDir: dir });
    expect(text.split('\n').filter((l) => l.trim() !== '')).toEqual(['Xã Phổ Phong, huyện Đức Phổ.', 'Cây', 'Diện tích', 'Lúa', '1.042 ha', 'Ngô', '35 ha', 'Đoạn có điều kiện.', 'Hết.']);
    const header = await firstPart(out, /word\/header\d*\.xml/);
    expect(header).toContain('Phổ Phong - trang ');
    expect(header).toMatch(/PAGE/);
  }, 240_000);

  it('keeps a header page number, an image and a numbered list, and merges tags cut by formatting in the first character’s style', async () => {
    writeFileSync(join(dir, 'docx-lib.docx'), await wordTemplateWithObjects());
    const saved = join(dir, 'saved');
    execFileSync('mkdir', ['-p', saved]);
    const template = await saveAsDocx(join(dir, 'docx-lib.docx'), saved);
    const xmlIn = await firstPart(template, /^word\/document\.xml$/);
    // LibreOffice kept the tags cut over runs: the test is about merging them.
    expect(xmlIn).not.toContain('{{ten_xa}}');
    const out = await mergeFile(template, { ten_xa: 'Phổ Phong', mo_hinh: [{ ten: 'Một' }, { ten: 'Hai' }, { ten: 'Ba' }] }, join(dir, 'bc-objects.docx'));

    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:drawing>');
    expect(Object.keys(zip.files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    expect(xml.match(/<w:numPr>/g)?.length).toBe(3);
    // The value stands in the bold run of the tag's first character.
    expect(xml).toMatch(/<w:r>(?:(?!<\/w:r>).)*<w:b\/>(?:(?!<\/w:r>).)*<w:t[^>]*>Phổ Phong<\/w:t><\/w:r>/);
    const header = await firstPart(out, /word\/header\d*\.xml/);
    expect(header).toMatch(/<w:instrText[^>]*>\s*PAGE\s*</);

    const pdf = await docxToPdf(out, { outDir: dir });
    // Layout mode keeps each list number on the line of its item.
    const text = (await pdfToText(pdf, { layout: true })).replace(/[ \t]+/g, ' ');
    expect(text).toContain('Phổ Phong - Trang 1');
    expect(text).toContain('Báo cáo của xã Phổ Phong.');
    expect(text).toMatch(/1\.\s*Mô hình Một\s+2\.\s*Mô hình Hai\s+3\.\s*Mô hình Ba\s+Hết\./);
    // One picture (a PNG with transparency also lists its alpha mask, type "smask").
    const rows = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.filter((r) => r.trim().split(/\s+/)[2] === 'image').length).toBe(1);
  }, 300_000);

  it.each(bundledKinds().map((k) => k.id))(
    'bao-cao template, then generate --template: the report of kind %s reads in LibreOffice as the default path’s',
    async (kind) => {
      const root = resolve(import.meta.dirname, '../../..');
      const cli = (...args: string[]) => {
        const r = spawnSync(process.execPath, [join(root, 'bin/bao-cao.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
        if (r.status !== 0) throw new Error(`bao-cao ${args.join(' ')}: ${r.stderr}`);
        return r.stdout;
      };
      execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
      cli('init', `${kind}.xlsx`, '--sample', '--kind', kind);
      expect(cli('template', `mau-${kind}.docx`, '--kind', kind)).toContain(`mau-${kind}.docx`);
      const before = readFileSync(join(dir, `mau-${kind}.docx`));
      cli('generate', `${kind}.xlsx`, '--kind', kind, '--out', `mac-dinh-${kind}.docx`);
      cli('generate', `${kind}.xlsx`, '--kind', kind, '--template', `mau-${kind}.docx`, '--out', `tu-word-${kind}.docx`);
      expect(readFileSync(join(dir, `mau-${kind}.docx`)).equals(before)).toBe(true);
      const [a, b] = await Promise.all([join(dir, `tu-word-${kind}.docx`), join(dir, `mac-dinh-${kind}.docx`)].map((f) => docxToText(f, { outDir: dir })));
      expect(a.length).toBeGreaterThan(1000);
      expect(a).not.toContain('{{');
      expect(a).toBe(b);
    },
    300_000,
  );
});

async function firstPart(docx: string, name: RegExp): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(docx));
  const texts = await Promise.all(Object.keys(zip.files).filter((f) => name.test(f)).map((f) => zip.file(f)!.async('string')));
  return texts.find((t) => t.includes('{{') || t.includes('Phổ Phong')) ?? texts[0] ?? '';
}
