import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { OBJECT_CHAR } from '../../../src/core/template/port';
import { insertAtOffsets, replaceText } from '../../../src/node/docx-template/edit-text';
import { cutAt } from '../../../src/node/docx-template/edit-range';
import { readParagraph } from '../../../src/node/docx-template/paragraph-text';
import { NS, wr } from './word-xml';

function paragraph(inner: string): Element {
  const doc = new DOMParser().parseFromString(`<w:document ${NS}><w:body><w:p>${inner}</w:p></w:body></w:document>`, 'text/xml');
  return doc.getElementsByTagName('w:p')[0] as unknown as Element;
}

const PAGE_FIELD =
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

describe('a Word paragraph as text', () => {
  it('joins w:t across runs split by formatting, spell-check marks and bookmarks', () => {
    const p = paragraph(
      wr('Xã ') + wr('{{', '<w:b/>') + '<w:proofErr w:type="spellStart"/>' + wr('ten_xa', '<w:i/>') + '<w:proofErr w:type="spellEnd"/>' +
        '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>' + wr('}}.'),
    );
    expect(readParagraph(p).text).toBe('Xã {{ten_xa}}.');
  });

  it('reads tracked insertions, hyperlinks and content controls; ignores deleted text', () => {
    const p = paragraph(
      '<w:ins w:id="1" w:author="Cán bộ" w:date="2026-11-30T08:00:00Z">' + wr('{{ten') + '</w:ins>' +
        '<w:del w:id="2" w:author="Cán bộ" w:date="2026-11-30T08:00:00Z"><w:r><w:delText>cũ</w:delText></w:r></w:del>' +
        '<w:hyperlink r:id="rId9">' + wr('_xa}}') + '</w:hyperlink>' +
        '<w:sdt><w:sdtPr><w:id w:val="5"/></w:sdtPr><w:sdtContent>' + wr(' ở {{huyen}}') + '</w:sdtContent></w:sdt>',
    );
    expect(readParagraph(p).text).toBe('{{ten_xa}} ở {{huyen}}');
  });

  it('counts a field, an image and a page break as one object character; tabs and line breaks as characters', () => {
    const p = paragraph(
      wr('Trang ') + PAGE_FIELD + '<w:r><w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t><w:br w:type="page"/></w:r>' +
        '<w:r><w:drawing><wp:inline/></w:drawing></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>3</w:t></w:r></w:fldSimple>',
    );
    expect(readParagraph(p).text).toBe(`Trang ${OBJECT_CHAR}\ta\nb${OBJECT_CHAR}${OBJECT_CHAR}${OBJECT_CHAR}`);
  });
});

describe('editing a Word paragraph by text offsets', () => {
  it('puts a value in the first character’s run and empties the rest of the tag', () => {
    const p = paragraph(wr('Xã ') + wr('{{', '<w:b/>') + '<w:proofErr w:type="spellStart"/>' + wr('ten_xa}}', '<w:i/>') + wr('!'));
    replaceText(p, 3, 13, 'Phổ Phong');
    expect(readParagraph(p).text).toBe('Xã Phổ Phong!');
    const runs = Array.from(p.getElementsByTagName('w:r') as unknown as Element[]);
    // The italic run held only tag text: it is gone; the bold run holds the value.
    expect(runs.map((r) => r.textContent)).toEqual(['Xã ', 'Phổ Phong', '!']);
    expect(runs[1].getElementsByTagName('w:b').length).toBe(1);
    expect(runs[1].getElementsByTagName('w:t')[0].getAttribute('xml:space')).toBe('preserve');
  });

  it('turns a line break in a value into w:br in the same run', () => {
    const p = paragraph(wr('Nơi nhận: {{ds}}'));
    replaceText(p, 10, 16, 'Thôn 1\nThôn 2');
    expect(readParagraph(p).text).toBe('Nơi nhận: Thôn 1\nThôn 2');
    expect(p.getElementsByTagName('w:r').length).toBe(1);
    expect(p.getElementsByTagName('w:br').length).toBe(1);
  });

  it('inserts after each {{, formatted like the brace before it', () => {
    const p = paragraph(wr('{', '<w:b/>') + wr('{ten}} và {{', '<w:i/>') + wr('tuoi}}'));
    insertAtOffsets(p, [2, 13], 'ds.0:');
    expect(readParagraph(p).text).toBe('{{ds.0:ten}} và {{ds.0:tuoi}}');
    expect(p.getElementsByTagName('w:t')[1].textContent).toBe('{ds.0:ten}} và {{ds.0:');
  });

  it('cuts runs and wrappers so an offset falls between children of the paragraph', () => {
    const p = paragraph('<w:ins w:id="1" w:author="A" w:date="2026-11-30T08:00:00Z">' + wr('ab{{x}}cd', '<w:b/>') + '</w:ins>' + PAGE_FIELD);
    const at = cutAt(p, 2)!;
    expect(at.parentNode).toBe(p);
    expect(at.localName).toBe('ins');
    expect(at.textContent).toBe('{{x}}cd');
    expect(at.getElementsByTagName('w:b').length).toBe(1);
    // After the field: past its end marker, never inside it.
    expect(cutAt(p, 10)).toBeNull();
    expect(readParagraph(p).text).toBe(`ab{{x}}cd${OBJECT_CHAR}`);
  });
});
