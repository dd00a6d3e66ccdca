/**
 * The one merge algorithm over the .docx port, on XML as Word writes it: tags split over runs by
 * formatting, spell-check and revision marks; lists in rows, paragraphs and inside a paragraph; headers
 * and footers; section breaks, numbering and images kept; problems located in Word terms.
 */
import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { MergeData } from '../../../src/core/template/data';
import { mergeDocxTemplate } from '../../../src/node/docx-template/merge-docx';
import { DocxTemplateError } from '../../../src/node/docx-template/package';
import { partDom, partXml, portTexts, SECT_PR, wordPackage, wp, wr, type WordParts } from './word-xml';

async function merged(parts: WordParts, data: MergeData): Promise<Buffer> {
  const r = await mergeDocxTemplate(await wordPackage(parts), data);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.bytes;
}

const all = (doc: { getElementsByTagName(n: string): unknown }, name: string) =>
  Array.from(doc.getElementsByTagName(name) as Iterable<Element>);

function cell(content: string): string {
  return `<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>${content}</w:tc>`;
}

function row(...cells: string[]): string {
  return `<w:tr w:rsidR="00C1442B"><w:trPr><w:cantSplit/></w:trPr>${cells.join('')}</w:tr>`;
}

function table(...rows: string[]): string {
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid>${rows.join('')}</w:tbl>`;
}

describe('values in a Word template', () => {
  it('merges a tag Word split over runs, spell-check and revision marks, in the formatting of its first character', async () => {
    const body =
      wp(
        wr('Xã ') +
          wr('{{', '<w:b/><w:color w:val="FF0000"/>') +
          '<w:proofErr w:type="spellStart"/>' +
          wr('ten', '<w:i/>') +
          '<w:ins w:id="3" w:author="Cán bộ" w:date="2026-11-30T08:00:00Z">' + wr('_xa', '<w:i/>') + '</w:ins>' +
          '<w:proofErr w:type="spellEnd"/>' +
          '<w:del w:id="4" w:author="Cán bộ" w:date="2026-11-30T08:00:00Z"><w:r><w:delText>_cu</w:delText></w:r></w:del>' +
          wr('}}', '<w:u w:val="single"/>') +
          wr(', huyện {{huyen}}.', '<w:sz w:val="26"/>'),
        '<w:jc w:val="both"/>',
      ) + SECT_PR;
    const out = await merged({ body }, { ten_xa: 'Phổ Phong', huyen: 'Đức Phổ' });
    expect(await portTexts(out)).toEqual(['Xã Phổ Phong, huyện Đức Phổ.']);
    const doc = await partDom(out);
    const value = all(doc, 'w:t').find((t) => t.textContent === 'Phổ Phong')!;
    const rPr = (value.parentNode as Element).getElementsByTagName('w:rPr')[0];
    expect(rPr.getElementsByTagName('w:b').length).toBe(1);
    expect(rPr.getElementsByTagName('w:color')[0].getAttribute('w:val')).toBe('FF0000');
    expect(rPr.getElementsByTagName('w:i').length).toBe(0);
    // What is not a tag stays: paragraph properties, the other run's size, the deletion, the section.
    const xml = await partXml(out);
    expect(xml).toContain('<w:jc w:val="both"/>');
    expect(xml).toContain('<w:sz w:val="26"/>');
    expect(xml).toContain('<w:delText>_cu</w:delText>');
    expect(xml).toContain('<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"');
  });

  it('inserts values verbatim: $, backslashes and tags inside a value are not expanded', async () => {
    const out = await merged({ body: wp(wr('[{{a}}] [{{b}}]')) }, { a: '$1 \\ {{b}}', b: 'B' });
    expect(await portTexts(out)).toEqual(['[$1 \\ {{b}}] [B]']);
  });

  it('merges tags in headers and footers and keeps their page number field', async () => {
    const page =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const sect = '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/><w:titlePg/></w:sectPr>';
    const out = await merged(
      { body: wp(wr('Thân')) + sect, headers: { rIdH: wp(wr('{{ten_xa}} - trang ') + page) }, footers: { rIdF: wp(wr('{{ngay}}')) } },
      { ten_xa: 'Phổ Phong', ngay: '25/5/2023' },
    );
    const header = await partXml(out, 'word/header-rIdH.xml');
    expect(header).toContain('Phổ Phong - trang ');
    expect(header).toContain('<w:instrText xml:space="preserve"> PAGE </w:instrText>');
    expect(header).toContain('w:fldCharType="end"');
    expect(await partXml(out, 'word/footer-rIdF.xml')).toContain('25/5/2023');
  });
});

describe('sections in a Word template', () => {
  const crops = { cay: [{ ten: 'Lúa', dt: '1.042' }, { ten: 'Ngô', dt: '35' }] };

  it('repeats a table row per item, keeping the row and cell properties', async () => {
    const body = table(row(cell(wp(wr('Cây', '<w:b/>'))), cell(wp(wr('Diện tích', '<w:b/>')))), row(cell(wp(wr('{{#cay}}{{ten}}'))), cell(wp(wr('{{dt}} ha{{/cay}}'))))) + wp('');
    const out = await merged({ body }, crops);
    expect(await portTexts(out)).toEqual(['Cây', 'Diện tích', 'Lúa', '1.042 ha', 'Ngô', '35 ha', '']);
    const doc = await partDom(out);
    expect(all(doc, 'w:tr').map((tr) => tr.getElementsByTagName('w:cantSplit').length)).toEqual([1, 1, 1]);
    expect(all(doc, 'w:tcW').length).toBe(6);
  });

  it('removes the rows of an empty list, and a table left with no row; the cell still ends with a paragraph', async () => {
    const inner = table(row(cell(wp(wr('{{#cay}}{{ten}}'))), cell(wp(wr('{{dt}}{{/cay}}')))));
    const body = table(row(cell(wp(wr('Danh sách')) + inner), cell(wp(wr('x'))))) + wp('');
    const out = await merged({ body }, { cay: [] });
    expect(await portTexts(out)).toEqual(['Danh sách', 'x', '']);
    const doc = await partDom(out);
    expect(all(doc, 'w:tbl').length).toBe(1);
    const firstCell = all(doc, 'w:tc')[0];
    expect((firstCell.lastChild as Element).localName).toBe('p');
  });

  it('repeats numbered paragraphs, each copy keeping its list numbering', async () => {
    const numPr = '<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';
    const body = wp(wr('Các mô hình:')) + wp(wr('{{#mo_hinh}}')) + wp(wr('{{ten}}'), numPr) + wp(wr('{{/mo_hinh}}')) + wp(wr('Hết.')) + SECT_PR;
    const out = await merged({ body }, { mo_hinh: [{ ten: 'Một' }, { ten: 'Hai' }, { ten: 'Ba' }] });
    expect(await portTexts(out)).toEqual(['Các mô hình:', 'Một', 'Hai', 'Ba', 'Hết.']);
    const doc = await partDom(out);
    expect(all(doc, 'w:numId').map((n) => n.getAttribute('w:val'))).toEqual(['1', '1', '1']);
  });

  it('repeats text inside one paragraph, keeping the formatting and the objects of the repeated part', async () => {
    const body = wp(wr('Cây: ') + wr('{{#cay}}', '<w:i/>') + wr('{{ten}}', '<w:b/>') + wr(' ({{dt}} ha)', '<w:i/>') + '<w:r><w:tab/></w:r>' + wr('{{/cay}}.'));
    const out = await merged({ body }, crops);
    expect(await portTexts(out)).toEqual(['Cây: Lúa (1.042 ha)\tNgô (35 ha)\t.']);
    const doc = await partDom(out);
    const bold = all(doc, 'w:r').filter((r) => r.getElementsByTagName('w:b').length > 0).map((r) => r.textContent);
    expect(bold).toEqual(['Lúa', 'Ngô']);
  });

  it('hides a conditional block; a section break on a tag paragraph moves to the paragraph before it', async () => {
    const landscape = '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>';
    const body = wp(wr('Trước')) + wp(wr('{{#co}}')) + wp(wr('Ẩn')) + wp(wr('{{/co}}'), landscape) + wp(wr('Sau')) + SECT_PR;
    const out = await merged({ body }, { co: false });
    expect(await portTexts(out)).toEqual(['Trước', 'Sau']);
    const doc = await partDom(out);
    const breaks = all(doc, 'w:sectPr');
    expect(breaks.length).toBe(2);
    expect((breaks[0].parentNode!.parentNode as Element).textContent).toBe('Trước');
    expect(breaks[0].getElementsByTagName('w:pgSz')[0].getAttribute('w:orient')).toBe('landscape');
  });

  it('gives each copy of an image its own drawing id and drops copied bookmarks', async () => {
    const image =
      '<w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/><wp:docPr id="7" name="Hình 1"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
      '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="a.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';
    const body = wp(wr('{{#cay}}')) + wp('<w:bookmarkStart w:id="1" w:name="dau"/>' + wr('{{ten}} ') + image + '<w:bookmarkEnd w:id="1"/>') + wp(wr('{{/cay}}')) + SECT_PR;
    const out = await merged({ body }, crops);
    // The closing tag's paragraph ends the body: it stays, empty, as in the text template path.
    expect(await portTexts(out)).toEqual(['Lúa \uFFFC', 'Ngô \uFFFC', '']);
    const doc = await partDom(out);
    const ids = all(doc, 'wp:docPr').map((d) => d.getAttribute('id'));
    expect(ids.length).toBe(2);
    expect(new Set(ids).size).toBe(2);
    expect(all(doc, 'w:bookmarkStart').length).toBe(1);
  });
});

describe('problems in a Word template', () => {
  it('reports unknown tags, unclosed sections and malformed tags in Word terms, and writes nothing', async () => {
    const body =
      wp(wr('Xã {{ten_xa}}')) +
      table(row(cell(wp(wr('a'))), cell(wp(wr('b')))), row(cell(wp(wr('{{khong_co}}'))), cell(wp(wr('{{#ds}}'))))) +
      wp(wr('{{ten') + wr(' xa}}')) +
      SECT_PR;
    const r = await mergeDocxTemplate(await wordPackage({ body }), { ten_xa: 'Phổ Phong', ds: [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.problems.map((p) => p.message);
    expect(messages).toContainEqual(expect.stringContaining('Thẻ "{{ten xa}}" viết sai'));
    expect(messages.join('\n')).toContain('Thân văn bản, đoạn 2');
    expect(messages).toContainEqual(expect.stringContaining('Khối {{#ds}} được mở nhưng không có thẻ đóng (Bảng 1, hàng 2, ô 2)'));
    expect('bytes' in r).toBe(false);
  });

  it('reports a tag the data does not know with its table, row and cell', async () => {
    const body = table(row(cell(wp(wr('{{khong_co}}'))), cell(wp(wr('b'))))) + wp('') + SECT_PR;
    const r = await mergeDocxTemplate(await wordPackage({ body }), {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.message)).toEqual(['Thẻ {{khong_co}} không có trong dữ liệu (Bảng 1, hàng 1, ô 1).']);
  });

  it('refuses a file that is not a .docx with a Vietnamese reason', async () => {
    await expect(mergeDocxTemplate(Buffer.from('không phải zip'), {})).rejects.toThrow(DocxTemplateError);
    await expect(mergeDocxTemplate(Buffer.from('không phải zip'), {})).rejects.toThrow(/không phải là tài liệu Word dạng \.docx/);
  });
});
