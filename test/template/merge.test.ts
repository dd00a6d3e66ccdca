import { describe, expect, it } from 'vitest';
import { paragraphText, type Table } from '../../src/core/document/model';
import { mergeDocument } from '../../src/core/document/memory-port';
import { parseTemplateText } from '../../src/core/document/template-text';
import { merge } from '../../src/core/template/merge';
import { countingPort, docWith, mergeText, para, texts } from './helpers';

describe('value tags', () => {
  it('inserts values, dotted keys and null as empty', () => {
    const r = mergeText('Xã {{xa.ten}}, huyện {{huyen}}.{{ghi_chu}}', { xa: { ten: 'Phổ Phong' }, huyen: 'Đức Phổ', ghi_chu: null });
    expect(r.problems).toEqual([]);
    expect(r.text).toBe('Xã Phổ Phong, huyện Đức Phổ.');
  });

  it('allows spaces inside the braces', () => {
    expect(mergeText('{{ ten }} và {{# ds }}{{ . }};{{/ ds }}', { ten: 'A', ds: ['x', 'y'] }).text).toBe('A và x;y;');
  });

  it.each([
    ['$1', '$1'],
    ['$&', '$&'],
    ['back\\slash', 'back\\slash'],
    ['.*+?()[]{}|^', '.*+?()[]{}|^'],
    ["$'$`$$", "$'$`$$"],
    ['{{other}}', '{{other}}'],
    ['{{#ds}}x{{/ds}}', '{{#ds}}x{{/ds}}'],
  ])('inserts %j verbatim, never expanded again', (value, expected) => {
    const r = mergeText('Giá trị [{{a}}] [{{other}}]', { a: value, other: 'O', ds: ['1'] });
    expect(r.problems).toEqual([]);
    expect(r.text).toBe(`Giá trị [${expected}] [O]`);
  });

  it('turns a line break in a value into a line break in the run', () => {
    const r = mergeText('Địa chỉ: {{dc}}', { dc: 'Thôn 1\nThôn 2' });
    const p = r.document.body[0];
    expect(p.type === 'paragraph' && p.runs).toEqual([{ type: 'text', text: 'Địa chỉ: Thôn 1\nThôn 2' }]);
  });

  it('resolves names through the scope stack, innermost first', () => {
    const r = mergeText('{{#ds}}{{ten}}-{{xa}}-{{chung.ten}};{{/ds}}', {
      xa: 'PP',
      chung: { ten: 'C' },
      ds: [{ ten: 'a' }, { ten: 'b', xa: 'riêng' }],
    });
    expect(r.text).toBe('a-PP-C;b-riêng-C;');
  });
});

describe('sections', () => {
  it('repeats rows of a table when the tags stand in different cells', () => {
    const tpl = [
      '@table widths=50,50',
      '@row',
      '@cell',
      '[bold] Cây',
      '@cell',
      '[bold] Diện tích',
      '@row',
      '@cell',
      '{{#cay}}{{ten}}',
      '@cell',
      '{{dien_tich}} ha{{/cay}}',
      '@row',
      '@cell',
      'Tổng',
      '@cell',
      '{{tong}}',
      '@end',
    ].join('\n');
    const r = mergeText(tpl, { cay: [{ ten: 'Lúa', dien_tich: '1.042' }, { ten: 'Ngô', dien_tich: '35' }], tong: '1.077' });
    expect(r.problems).toEqual([]);
    expect(r.text).toBe('Cây\tDiện tích\nLúa\t1.042 ha\nNgô\t35 ha\nTổng\t1.077');
    const rows = (r.document.body[0] as Table).rows;
    expect(rows[1].cells[0].blocks[0].style.run?.bold).toBeUndefined();
  });

  it('repeats several rows when the tags span rows, and removes them for an empty list', () => {
    const tpl = ['@table', '@row', '@cell', '{{#ds}}{{a}}', '@row', '@cell', '{{b}}{{/ds}}', '@row', '@cell', 'cuối', '@end'].join('\n');
    expect(mergeText(tpl, { ds: [{ a: '1', b: '2' }, { a: '3', b: '4' }] }).text).toBe('1\n2\n3\n4\ncuối');
    expect(mergeText(tpl, { ds: [] }).text).toBe('cuối');
  });

  it('removes a table whose only rows are an empty list, leaving the container a paragraph', () => {
    const tpl = ['@table', '@row', '@cell', '{{#ds}}{{.}}', '@cell', '{{/ds}}', '@end'].join('\n');
    const r = mergeText(tpl, { ds: [] });
    expect(r.document.body).toEqual([{ type: 'paragraph', style: {}, runs: [] }]);
    const kept = mergeText(['Trước', tpl, 'Sau'].join('\n'), { ds: [] });
    expect(kept.document.body.map((b) => b.type === 'paragraph' && paragraphText(b))).toEqual(['Trước', 'Sau']);
  });

  it('repeats paragraphs between tag-only paragraphs, which disappear', () => {
    const r = mergeText(['Đầu', '{{#thon}}', '- Thôn {{ten}}:', '[] {{so_ho}} hộ', '{{/thon}}', 'Cuối'].join('\n'), {
      thon: [{ ten: 'An', so_ho: '120' }, { ten: 'Bình', so_ho: '95' }],
    });
    expect(r.text).toBe('Đầu\n- Thôn An:\n120 hộ\n- Thôn Bình:\n95 hộ\nCuối');
  });

  it('keeps text that shares a paragraph with a block tag, and repeats it', () => {
    const r = mergeText(['Mở {{#ds}}', '{{.}}', 'đóng{{/ds}}', 'Hết'].join('\n'), { ds: ['a', 'b'] });
    expect(r.text).toBe('Mở \na\nđóng\nMở \nb\nđóng\nHết');
  });

  it('repeats a block range holding a table', () => {
    const tpl = ['{{#nhom}}', 'Nhóm {{ten}}', '@table', '@row', '@cell', '{{#muc}}{{.}}', '@cell', '{{/muc}}', '@end', '{{/nhom}}', 'Hết'].join('\n');
    const r = mergeText(tpl, { nhom: [{ ten: 'A', muc: ['a1', 'a2'] }, { ten: 'B', muc: ['b1'] }] });
    expect(r.problems).toEqual([]);
    expect(r.text).toBe('Nhóm A\na1\t\na2\t\nNhóm B\nb1\t\nHết');
  });

  it('repeats text inside one paragraph, keeping its formatting', () => {
    const r = mergeText('Các thôn: {{#thon}}**{{ten}}**, {{/thon}}hết.', { thon: [{ ten: 'An' }, { ten: 'Bình' }] });
    expect(r.text).toBe('Các thôn: An, Bình, hết.');
    const p = r.document.body[0];
    expect(p.type === 'paragraph' && p.runs.filter((x) => x.bold).map((x) => x.type === 'text' && x.text)).toEqual(['An', 'Bình']);
  });

  it('repeats paragraphs inside one table cell (the "Nơi nhận" list), not the row', () => {
    const tpl = ['@table borders=none widths=50,50', '@row', '@cell', '[bold italic] Nơi nhận:', '{{#noi_nhan}}', '- {{.}};', '{{/noi_nhan}}', '- Lưu: VT.', '@cell', 'CHỦ TỊCH', '@end'].join('\n');
    const r = mergeText(tpl, { noi_nhan: ['UBND thị xã', 'Phòng Nội vụ'] });
    const table = r.document.body[0] as Table;
    expect(table.rows).toHaveLength(1);
    expect(texts(table.rows[0].cells[0].blocks)).toEqual(['Nơi nhận:', '- UBND thị xã;', '- Phòng Nội vụ;', '- Lưu: VT.']);
  });

  it('handles a list inside a list', () => {
    const tpl = ['{{#xa}}', 'Xã {{ten}}', '{{#thon}}', '- {{ten}} ({{xa_ten}}{{#ho}} {{.}}{{/ho}})', '{{/thon}}', '{{/xa}}', 'Hết'].join('\n');
    const r = mergeText(tpl, {
      xa_ten: 'X',
      xa: [
        { ten: 'A', thon: [{ ten: 'a1', ho: ['h1', 'h2'] }, { ten: 'a2', ho: [] }] },
        { ten: 'B', thon: [{ ten: 'b1', ho: ['h3'] }] },
      ],
    });
    expect(r.problems).toEqual([]);
    expect(r.text).toBe('Xã A\n- a1 (X h1 h2)\n- a2 (X)\nXã B\n- b1 (X h3)\nHết');
  });

  it('handles a flag inside a list, and the inverse', () => {
    const tpl = '{{#cs}}{{ten}}{{#dat}} đạt{{/dat}}{{^dat}} chưa đạt{{/dat}}; {{/cs}}';
    const r = mergeText(tpl, { cs: [{ ten: 'BHYT', dat: true }, { ten: 'SDD', dat: false }] });
    expect(r.problems).toEqual([]);
    expect(r.text).toBe('BHYT đạt; SDD chưa đạt; ');
  });

  it('treats true, non-empty strings and groups as shown; false, "" and null as hidden', () => {
    const tpl = '{{#a}}A{{/a}}{{#b}}B={{.}}{{/b}}{{#c}}C={{x}}{{/c}}{{#d}}D{{/d}}{{#e}}E{{/e}}{{#f}}F{{/f}}{{^f}}!F{{/f}}{{^g}}!G{{/g}}';
    const r = mergeText(tpl, { a: true, b: 'chữ', c: { x: '1' }, d: false, e: '', f: null, g: ['x'] });
    expect(r.problems).toEqual([]);
    expect(r.text).toBe('AB=chữC=1!F');
  });

  it('removes a paragraph hidden by a one-paragraph condition, keeps an originally empty one', () => {
    const r = mergeText(['Trước', '{{#co}}Câu có điều kiện {{x}}.{{/co}}', '[]', 'Sau'].join('\n'), { co: false, x: '1' });
    expect(r.document.body.map((b) => (b.type === 'paragraph' ? paragraphText(b) : 'table'))).toEqual(['Trước', '', 'Sau']);
  });

  it('hides block sections for an empty list and shows ^ sections instead', () => {
    const tpl = ['{{#ds}}', 'có {{.}}', '{{/ds}}', '{{^ds}}', 'Không có mục nào.', '{{/ds}}', 'Hết'].join('\n');
    expect(mergeText(tpl, { ds: [] }).text).toBe('Không có mục nào.\nHết');
    expect(mergeText(tpl, { ds: ['x'] }).text).toBe('có x\nHết');
  });

  it('keeps a tag-only paragraph that ends its container as an empty paragraph', () => {
    const r = mergeText(['Đầu', '{{#ds}}', '{{.}}', '{{/ds}}'].join('\n'), { ds: ['a'] });
    expect(r.document.body.map((b) => b.type === 'paragraph' && paragraphText(b))).toEqual(['Đầu', 'a', '']);
  });
});

describe('split formatting', () => {
  it('finds a tag split over runs and gives the value the formatting of its first character', () => {
    const doc = docWith([para({ type: 'text', text: 'Xã {{', bold: true }, { type: 'text', text: 'ten}} ', italic: true }, { type: 'text', text: 'hết' })]);
    const r = mergeDocument(doc, { ten: 'Phổ Phong' });
    expect(r.problems).toEqual([]);
    const p = r.document.body[0];
    expect(p.type === 'paragraph' && p.runs).toEqual([
      { type: 'text', text: 'Xã Phổ Phong', bold: true },
      { type: 'text', text: ' ', italic: true },
      { type: 'text', text: 'hết' },
    ]);
  });

  it('expands sections whose tags are split over runs', () => {
    const doc = docWith([para({ type: 'text', text: '{{#d' }, { type: 'text', text: 's}}{{.}}{', bold: true }, { type: 'text', text: '{/ds}};' })]);
    const r = mergeDocument(doc, { ds: ['a', 'b'] });
    expect(r.problems).toEqual([]);
    expect(texts(r.document.body as never)).toEqual(['ab;']);
  });
});

describe('headers and footers', () => {
  it('merges tags in headers, the first-page header and footers, page numbers kept', () => {
    const tpl = ['@page first-page-header=none', '@header', '[center] {{xa}} - trang [[PAGE]]', '@end', '@footer', '{{#ds}}{{.}} {{/ds}}', '@end', 'Thân'].join('\n');
    const doc = parseTemplateText(tpl);
    doc.firstPageHeader.push(para({ type: 'text', text: 'Trang 1 {{xa}}' }));
    const r = mergeDocument(doc, { xa: 'PP', ds: ['a', 'b'] });
    expect(r.problems).toEqual([]);
    expect(r.document.header[0].runs).toEqual([{ type: 'text', text: 'PP - trang ' }, { type: 'pageNumber' }]);
    expect(texts(r.document.firstPageHeader)).toEqual(['Trang 1 PP']);
    expect(texts(r.document.footer)).toEqual(['a b ']);
  });
});

describe('problems', () => {
  it('reports an unknown tag with where it stands, and leaves it in place', () => {
    const r = mergeText(['Một', 'Xã {{ten_xa}}'].join('\n'), {});
    expect(r.problems).toEqual([
      { kind: 'unknown', tag: '{{ten_xa}}', location: 'Thân văn bản, đoạn 2', message: expect.stringContaining('{{ten_xa}} không có trong dữ liệu') },
    ]);
    expect(r.text).toBe('Một\nXã {{ten_xa}}');
  });

  it('reports unknown tags in tables, headers and list items, once per tag and list', () => {
    const tpl = ['@header', '{{so}}', '@end', 'a', '@table', '@row', '@cell', 'x', '@cell', '{{#ds}}{{thieu}}{{/ds}}', '@end'].join('\n');
    const r = mergeText(tpl, { ds: [{}, {}, {}] });
    expect(r.problems.map((p) => [p.kind, p.tag, p.location])).toEqual([
      ['unknown', '{{thieu}}', 'Bảng 1, hàng 1, ô 2'],
      ['unknown', '{{so}}', 'Đầu trang'],
    ]);
    expect(r.problems[0].message).toContain('trong mục 1 của ds');
    expect(r.problems[0].message).toContain('và 2 chỗ khác');
  });

  it('locates problems outside lists in the template, not in the half-merged document', () => {
    const r = mergeText(['{{#ds}}', 'a', 'b', '{{/ds}}', '{{#khong_co}}', 'c', '{{/khong_co}}', '{{thieu}}'].join('\n'), { ds: [] });
    expect(r.problems.map((p) => [p.tag, p.location])).toEqual([
      ['{{#khong_co}}', 'Thân văn bản, đoạn 5'],
      ['{{thieu}}', 'Thân văn bản, đoạn 8'],
    ]);
  });

  it('reports an unknown section and hides it', () => {
    const r = mergeText('a{{#khong_co}}b{{/khong_co}}c', {});
    expect(r.problems.map((p) => [p.kind, p.tag, p.location])).toEqual([['unknown', '{{#khong_co}}', 'Thân văn bản, đoạn 1']]);
    expect(r.text).toBe('ac');
  });

  it('reports lists, groups and flags used as text', () => {
    const r = mergeText('{{ds}} {{nhom}} {{co}}', { ds: [], nhom: {}, co: true });
    expect(r.problems.map((p) => p.kind)).toEqual(['notText', 'notText', 'notText']);
    expect(r.problems[0].message).toContain('danh sách');
  });

  it('reports unclosed, unopened, mismatched and malformed tags, and writes nothing', () => {
    const tpl = ['{{#a}} mở', '{{/b}} lạ', '{{x', 'y {{ }} z {{a b}} {{p:q}}', '@table', '@row', '@cell', '{{#c}}', '@end', '{{/c}}'].join('\n');
    const doc = parseTemplateText(tpl);
    const { port, total } = countingPort(doc);
    const problems = merge(port, { a: true, c: true });
    expect(total()).toBe(0);
    expect(problems.map((p) => [p.kind, p.tag, p.location])).toEqual([
      ['malformed', '{{x', 'Thân văn bản, đoạn 3'],
      ['malformed', '{{ }}', 'Thân văn bản, đoạn 4'],
      ['malformed', '{{a b}}', 'Thân văn bản, đoạn 4'],
      ['malformed', '{{p:q}}', 'Thân văn bản, đoạn 4'],
      ['mismatched', '{{/b}}', 'Thân văn bản, đoạn 2'],
      ['placement', '{{#c}}', 'Bảng 1, hàng 1, ô 1'],
      ['unclosed', '{{#a}}', 'Thân văn bản, đoạn 1'],
    ]);
    for (const p of problems) expect(p.message).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
  });

  it('reports a close without open', () => {
    const r = mergeText('x {{/ds}}', { ds: [] });
    expect(r.problems.map((p) => [p.kind, p.location])).toEqual([['unopened', 'Thân văn bản, đoạn 1']]);
  });
});

describe('the template model', () => {
  it('is left untouched by mergeDocument', () => {
    const tpl = ['@header', '{{xa}}', '@end', '{{#ds}}', '{{.}} {{xa}}', '{{/ds}}', '@table', '@row', '@cell', '{{#ds}}{{.}}', '@cell', '{{/ds}}', '@end', 'x'].join('\n');
    const doc = parseTemplateText(tpl);
    const before = JSON.stringify(doc);
    const r = mergeDocument(doc, { xa: 'PP', ds: ['a', 'b', 'c'] });
    expect(r.problems).toEqual([]);
    expect(JSON.stringify(doc)).toBe(before);
    expect(JSON.stringify(r.document)).not.toBe(before);
  });
});

describe('write calls', () => {
  const template = (values: number) =>
    [
      '@header',
      '{{xa}}',
      '@end',
      ...Array.from({ length: values }, (_, i) => `Giá trị ${i}: {{v${i}}} và {{xa}}`),
      '{{#ds}}',
      ...Array.from({ length: values }, (_, i) => `- {{ten}} {{v${i}}}`),
      '{{/ds}}',
      '@table',
      '@row',
      '@cell',
      '{{#ds}}{{ten}}',
      '@cell',
      ...Array.from({ length: values }, (_, i) => `{{v${i}}}`),
      '{{/ds}}',
      '@end',
      'Hết',
    ].join('\n');
  const data = (values: number, items: number) => ({
    xa: 'PP',
    ...Object.fromEntries(Array.from({ length: values }, (_, i) => [`v${i}`, `${i}`])),
    ds: Array.from({ length: items }, (_, i) => ({ ten: `m${i}` })),
  });
  const writes = (values: number, items: number) => {
    const { port, total, writes: byOp } = countingPort(parseTemplateText(template(values)));
    expect(merge(port, data(values, items))).toEqual([]);
    expect(byOp.replaceAll).toBe(1);
    return total();
  };

  it('do not grow with the number of value tags', () => {
    expect(writes(1, 3)).toBe(writes(40, 3));
  });

  it('grow only with list items', () => {
    const w3 = writes(5, 3);
    const w6 = writes(5, 6);
    expect(w6).toBeGreaterThan(w3);
    // Two sections, each item past the first costs one copy and one prefix.
    expect(w6 - w3).toBe(2 * 2 * 3);
  });
});
