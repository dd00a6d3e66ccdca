import { describe, expect, it } from 'vitest';
import { paragraphText, type Paragraph, type Table } from '../../src/core/document/model';
import { parseTemplateText, TemplateTextError } from '../../src/core/document/template-text';

function errorOf(text: string): TemplateTextError {
  try {
    parseTemplateText(text);
  } catch (e) {
    if (e instanceof TemplateTextError) return e;
    throw e;
  }
  throw new Error('expected a TemplateTextError');
}

describe('template text', () => {
  it('reads @page, with defaults for what is not given', () => {
    const doc = parseTemplateText('@page size=A4 top=25 left=35 font="Times New Roman" size=13 first-page-header=none\nx');
    expect(doc.page).toEqual({ size: 'A4', orientation: 'portrait', marginsMm: { top: 25, bottom: 20, left: 35, right: 15 }, font: 'Times New Roman', sizePt: 13 });
    expect(doc.titlePage).toBe(true);
    expect(doc.firstPageHeader).toEqual([]);
    expect(parseTemplateText('x').titlePage).toBe(false);
  });

  it('skips comments and blank lines; each other line is a paragraph; [] is an empty one', () => {
    const doc = parseTemplateText('% chú thích\n\n  Một  \n[]\nHai');
    expect(doc.body).toEqual([
      { type: 'paragraph', style: {}, runs: [{ type: 'text', text: 'Một' }] },
      { type: 'paragraph', style: {}, runs: [] },
      { type: 'paragraph', style: {}, runs: [{ type: 'text', text: 'Hai' }] },
    ]);
  });

  it('applies @default to plain paragraphs and lets [ … ] override it', () => {
    const doc = parseTemplateText(
      ['@default justify indent=12.7 after=6 spacing=1.15', 'Thân', '[center bold italic underline size=13 indent=0 before=3 after=0 rule left=20 right=20] TIÊU ĐỀ', '@default', 'Trơn'].join('\n'),
    );
    const [body, title, plain] = doc.body as Paragraph[];
    expect(body.style).toEqual({ align: 'justify', firstLineIndentMm: 12.7, spaceAfterPt: 6, lineSpacing: 1.15 });
    expect(title.style).toEqual({
      align: 'center',
      firstLineIndentMm: 0,
      spaceAfterPt: 0,
      spaceBeforePt: 3,
      lineSpacing: 1.15,
      borderBelow: true,
      leftIndentMm: 20,
      rightIndentMm: 20,
      run: { bold: true, italic: true, underline: true, sizePt: 13 },
    });
    expect(title.runs).toEqual([{ type: 'text', text: 'TIÊU ĐỀ' }]);
    expect(plain.style).toEqual({});
  });

  it('reads inline marks, escapes, page numbers and line breaks, and leaves tags alone', () => {
    const doc = parseTemplateText('a **b** *c* __d__ \\*e\\* {{x__y*z}} [[PAGE]][[BR]]f');
    expect((doc.body[0] as Paragraph).runs).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'text', text: 'b', bold: true },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'c', italic: true },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'd', underline: true },
      { type: 'text', text: ' *e* {{x__y*z}} ' },
      { type: 'pageNumber' },
      { type: 'text', text: '\nf' },
    ]);
  });

  it('reads @header and @footer blocks', () => {
    const doc = parseTemplateText('@header\n[center] [[PAGE]]\n@end\n@footer\nChân\n@end\nThân');
    expect(doc.header).toEqual([{ type: 'paragraph', style: { align: 'center' }, runs: [{ type: 'pageNumber' }] }]);
    expect(doc.footer.map((p) => p.runs)).toEqual([[{ type: 'text', text: 'Chân' }]]);
    expect(doc.body).toHaveLength(1);
  });

  it('reads tables, with borders, widths and an empty paragraph in empty cells', () => {
    const doc = parseTemplateText(['@default center', '@table borders=none widths=45,55', '@row', '@cell', '  UBND', '  [bold] XÃ', '@cell', '@end', '@table', '@row', '@cell', 'a', '@cell', 'b', '@cell', 'c', '@end'].join('\n'));
    const [t1, t2] = doc.body as Table[];
    expect(t1.borders).toBe(false);
    expect(t1.columnWidthsPct).toEqual([45, 55]);
    expect(t1.rows[0].cells[0].blocks.map((p) => p.runs)).toEqual([[{ type: 'text', text: 'UBND' }], [{ type: 'text', text: 'XÃ' }]]);
    expect(t1.rows[0].cells[1].blocks).toEqual([{ type: 'paragraph', style: { align: 'center' }, runs: [] }]);
    expect(t2.borders).toBe(true);
    expect(t2.columnWidthsPct).toEqual([33.33, 33.33, 33.33]);
  });

  it.each([
    ['x\n@bang', 2, '@bang'],
    ['@page margin=3', 1, 'margin'],
    ['@page top=2,5', 1, 'dấu chấm'],
    ['@page font="Times', 1, 'ngoặc kép'],
    ['@page\n@page', 2, 'một lần'],
    ['@page paper=A3', 1, 'A4'],
    ['@page first-page-header=yes', 1, 'none'],
    ['[center bold', 1, '"]"'],
    ['[centre] x', 1, 'centre'],
    ['[bold=1] x', 1, 'bold'],
    ['[size] x', 1, 'size=12'],
    ['a **b', 1, '**'],
    ['a *b', 1, '*'],
    ['a __b', 1, '__'],
    ['@end', 1, '@end'],
    ['a\n@header\nb', 2, 'dòng 2'],
    ['@header\n@table', 2, '@table'],
    ['@row', 1, '@table'],
    ['@table\n@cell', 2, '@row'],
    ['@table\nx', 2, '@cell'],
    ['@table\n@end', 2, 'không có hàng'],
    ['@table widths=40,40\n@row\n@cell\n@cell\n@end', 1, 'widths'],
    ['@table widths=50,50\n@row\n@cell\n@end', 4, 'hàng 1'],
    ['@table borders=some', 1, 'borders'],
    ['@header x', 1, 'x'],
  ])('rejects %j at line %i with a Vietnamese message', (text, line, fragment) => {
    const e = errorOf(text);
    expect(e.line).toBe(line);
    expect(e.message).toMatch(new RegExp(`^Dòng ${line}: `));
    expect(e.message).toContain(fragment);
  });
});

describe('typesetting marks', () => {
  it('reads `~` as a non-breaking space and `\\~` as a tilde', () => {
    const doc = parseTemplateText('Diện tích {{dien_tich}}~ha, khoảng \\~5');
    const p = doc.body[0] as Paragraph;
    expect(paragraphText(p)).toBe('Diện tích {{dien_tich}}\u00A0ha, khoảng ~5');
  });
  it('reads `keep` as keep-with-next, for headings', () => {
    const doc = parseTemplateText('[bold keep] I. Đề mục\nĐoạn văn');
    expect((doc.body[0] as Paragraph).style.keepWithNext).toBe(true);
    expect((doc.body[1] as Paragraph).style.keepWithNext).toBeUndefined();
  });
});
