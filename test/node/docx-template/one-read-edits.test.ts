/**
 * The .docx port edits a paragraph from one reading of it: sections side by side in one run expanded
 * together, several values written into one w:t; and a part the merge leaves as it was keeps the entry
 * it had in the package.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { MergeData } from '../../../src/core/template/data';
import { mergeDocxTemplate } from '../../../src/node/docx-template/merge-docx';
import { partDom, portTexts, SECT_PR, wordPackage, wp, wr, type WordParts } from './word-xml';

async function merged(parts: WordParts | Buffer, data: MergeData): Promise<Buffer> {
  const r = await mergeDocxTemplate(Buffer.isBuffer(parts) ? parts : await wordPackage(parts), data);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.bytes;
}

describe('edits inside one paragraph of a Word template', () => {
  it('expands sections side by side in one run, shown, repeated and hidden', async () => {
    const body = wp(wr('Có: {{#ds}}[{{x}}]{{/ds}}{{#mot}}«{{y}}»{{/mot}}{{#an}}ẩn{{/an}}{{#ds}}({{x}}){{/ds}}.')) + SECT_PR;
    const out = await merged({ body }, { ds: [{ x: '1' }, { x: '2' }], mot: [{ y: 'p' }], an: false });
    expect(await portTexts(out)).toEqual(['Có: [1][2]«p»(1)(2).']);
  });

  it('writes several values into one w:t, a value of several lines with its line break', async () => {
    const body = wp(wr('{{a}}, {{b}} và {{a}}; {{c}}', '<w:b/>')) + SECT_PR;
    const out = await merged({ body }, { a: 'A', b: 'dòng 1\ndòng 2', c: '' });
    expect(await portTexts(out)).toEqual(['A, dòng 1\ndòng 2 và A; ']);
    const runs = Array.from((await partDom(out)).getElementsByTagName('w:r'));
    // One run still, in its formatting: text, break, text.
    expect(runs.length).toBe(1);
    expect(runs[0].getElementsByTagName('w:b').length).toBe(1);
    expect(runs[0].getElementsByTagName('w:br').length).toBe(1);
  });
});

describe('parts a merge leaves as they were', () => {
  it('keeps a header without tags as stored in the package, and writes the body and a header with tags', async () => {
    const sect = '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:headerReference w:type="first" r:id="rIdF"/><w:titlePg/></w:sectPr>';
    const zip = await JSZip.loadAsync(await wordPackage({ body: wp(wr('{{a}}')) + sect, headers: { rIdH: wp(wr('Trang')), rIdF: wp(wr('{{a}}')) } }));
    // The headers as the XML library writes them back (no line break after the declaration), dated in
    // the past: a part written again would be dated now.
    const stored = new Date('2020-01-01T00:00:00Z');
    for (const path of ['word/header-rIdH.xml', 'word/header-rIdF.xml']) {
      const xml = (await zip.file(path)!.async('string')).replace('?>\r\n', '?>\n');
      zip.file(path, xml, { date: stored });
    }
    const out = await JSZip.loadAsync(await merged(await zip.generateAsync({ type: 'nodebuffer' }), { a: 'Phổ Phong' }));
    expect(out.file('word/header-rIdH.xml')!.date.getTime()).toBe(stored.getTime());
    expect(await out.file('word/header-rIdH.xml')!.async('string')).toBe(await zip.file('word/header-rIdH.xml')!.async('string'));
    expect(out.file('word/header-rIdF.xml')!.date.getTime()).not.toBe(stored.getTime());
    expect(await out.file('word/header-rIdF.xml')!.async('string')).toContain('Phổ Phong');
    expect(await out.file('word/document.xml')!.async('string')).toContain('Phổ Phong');
  });
});
