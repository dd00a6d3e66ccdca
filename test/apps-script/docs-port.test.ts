/**
 * The Google Docs port against the fakes: the same behavioural cases the in-memory port passes (the
 * template built with doc-builder, merged through the Docs port, compared with the in-memory merge of
 * the same template), plus what only the Google side has: one batchUpdate, writes independent of value
 * tags, literal values, the last paragraph of a section.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { documentText, type ReportDocument } from '../../src/core/document/model';
import { mergeDocument } from '../../src/core/document/memory-port';
import { parseTemplateText } from '../../src/core/document/template-text';
import type { MergeData } from '../../src/core/template/data';
import { merge } from '../../src/core/template/merge';
import { buildTemplateDoc, RULE_MARKER } from '../../src/apps-script/doc-builder';
import { createDocsPort } from '../../src/apps-script/docs-port';
import { vi } from 'vitest';
import { walkDocument } from '../../src/core/template/walk';
import { deadlineFrom, TimeBudgetExceeded } from '../../src/apps-script/time-budget';
import { countByKind } from '../fakes';
import { docWith, para } from '../template/helpers';
import { documentAppWrites, googleBodyText, installWorld, trimEnd } from './google-harness';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Builds the template as a Google Doc, merges through the Docs port, and merges in memory too. */
function both(template: string | ReportDocument, data: MergeData) {
  const model = typeof template === 'string' ? parseTemplateText(template) : template;
  const world = installWorld();
  const built = buildTemplateDoc(model, 'Mẫu thử');
  world.calls.reset();
  const port = createDocsPort(DocumentApp.openById(built.id));
  const problems = merge(port, data);
  const requests = port.flush();
  const memory = mergeDocument(model, data);
  return {
    world,
    id: built.id,
    problems,
    requests,
    counts: world.calls.snapshot(),
    google: googleBodyText(world, built.id),
    memory: trimEnd(documentText(memory.document)),
    memoryProblems: memory.problems,
    memoryDoc: memory.document,
  };
}

const PARITY_CASES: [string, string, MergeData][] = [
  ['values, dotted keys, null', 'Xã {{xa.ten}}, huyện {{huyen}}.{{ghi_chu}}', { xa: { ten: 'Phổ Phong' }, huyen: 'Đức Phổ', ghi_chu: null }],
  ['spaces inside braces', '{{ ten }} và {{# ds }}{{ . }};{{/ ds }}', { ten: 'A', ds: ['x', 'y'] }],
  ['scope stack', '{{#ds}}{{ten}}-{{xa}}-{{chung.ten}};{{/ds}}', { xa: 'PP', chung: { ten: 'C' }, ds: [{ ten: 'a' }, { ten: 'b', xa: 'riêng' }] }],
  [
    'table rows repeated',
    ['@table widths=50,50', '@row', '@cell', '[bold] Cây', '@cell', '[bold] Diện tích', '@row', '@cell', '{{#cay}}{{ten}}', '@cell', '{{dien_tich}} ha{{/cay}}', '@row', '@cell', 'Tổng', '@cell', '{{tong}}', '@end'].join('\n'),
    { cay: [{ ten: 'Lúa', dien_tich: '1.042' }, { ten: 'Ngô', dien_tich: '35' }], tong: '1.077' },
  ],
  ['rows spanning rows', ['@table', '@row', '@cell', '{{#ds}}{{a}}', '@row', '@cell', '{{b}}{{/ds}}', '@row', '@cell', 'cuối', '@end'].join('\n'), { ds: [{ a: '1', b: '2' }, { a: '3', b: '4' }] }],
  ['rows of an empty list removed', ['@table', '@row', '@cell', '{{#ds}}{{a}}', '@row', '@cell', '{{b}}{{/ds}}', '@row', '@cell', 'cuối', '@end'].join('\n'), { ds: [] }],
  ['a table of an empty list removed', ['Trước', '@table', '@row', '@cell', '{{#ds}}{{.}}', '@cell', '{{/ds}}', '@end', 'Sau'].join('\n'), { ds: [] }],
  ['paragraph blocks repeated', ['Đầu', '{{#thon}}', '- Thôn {{ten}}:', '[] {{so_ho}} hộ', '{{/thon}}', 'Cuối'].join('\n'), { thon: [{ ten: 'An', so_ho: '120' }, { ten: 'Bình', so_ho: '95' }] }],
  ['text sharing a block tag', ['Mở {{#ds}}', '{{.}}', 'đóng{{/ds}}', 'Hết'].join('\n'), { ds: ['a', 'b'] }],
  ['a block range holding a table', ['{{#nhom}}', 'Nhóm {{ten}}', '@table', '@row', '@cell', '{{#muc}}{{.}}', '@cell', '{{/muc}}', '@end', '{{/nhom}}', 'Hết'].join('\n'), { nhom: [{ ten: 'A', muc: ['a1', 'a2'] }, { ten: 'B', muc: ['b1'] }] }],
  ['inline repeat keeping formatting', 'Các thôn: {{#thon}}**{{ten}}**, {{/thon}}hết.', { thon: [{ ten: 'An' }, { ten: 'Bình' }] }],
  ['paragraphs inside a cell', ['@table borders=none widths=50,50', '@row', '@cell', '[bold italic] Nơi nhận:', '{{#noi_nhan}}', '- {{.}};', '{{/noi_nhan}}', '- Lưu: VT.', '@cell', 'CHỦ TỊCH', '@end'].join('\n'), { noi_nhan: ['UBND thị xã', 'Phòng Nội vụ'] }],
  [
    'a list inside a list',
    ['{{#xa}}', 'Xã {{ten}}', '{{#thon}}', '- {{ten}} ({{xa_ten}}{{#ho}} {{.}}{{/ho}})', '{{/thon}}', '{{/xa}}', 'Hết'].join('\n'),
    { xa_ten: 'X', xa: [{ ten: 'A', thon: [{ ten: 'a1', ho: ['h1', 'h2'] }, { ten: 'a2', ho: [] }] }, { ten: 'B', thon: [{ ten: 'b1', ho: ['h3'] }] }] },
  ],
  ['flags and inverse', '{{#cs}}{{ten}}{{#dat}} đạt{{/dat}}{{^dat}} chưa đạt{{/dat}}; {{/cs}}', { cs: [{ ten: 'BHYT', dat: true }, { ten: 'SDD', dat: false }] }],
  ['truthiness', '{{#a}}A{{/a}}{{#b}}B={{.}}{{/b}}{{#c}}C={{x}}{{/c}}{{#d}}D{{/d}}{{#e}}E{{/e}}{{#f}}F{{/f}}{{^f}}!F{{/f}}{{^g}}!G{{/g}}', { a: true, b: 'chữ', c: { x: '1' }, d: false, e: '', f: null, g: ['x'] }],
  ['one-paragraph condition hidden', ['Trước', '{{#co}}Câu có điều kiện {{x}}.{{/co}}', '[]', 'Sau'].join('\n'), { co: false, x: '1' }],
  ['empty list: ^ section shown', ['{{#ds}}', 'có {{.}}', '{{/ds}}', '{{^ds}}', 'Không có mục nào.', '{{/ds}}', 'Hết'].join('\n'), { ds: [] }],
  ['list: ^ section hidden', ['{{#ds}}', 'có {{.}}', '{{/ds}}', '{{^ds}}', 'Không có mục nào.', '{{/ds}}', 'Hết'].join('\n'), { ds: ['x'] }],
  ['tag-only paragraph ending the body', ['Đầu', '{{#ds}}', '{{.}}', '{{/ds}}', 'x'].join('\n'), { ds: ['a'] }],
  ['line break in a value', 'Địa chỉ: {{dc}}', { dc: 'Thôn 1\nThôn 2' }],
  ['unknown tags left in place', 'Xã {{ten_xa}} {{khong_co}} {{#ds}}{{la}}{{/ds}}', { ten_xa: 'PP', ds: ['a'] }],
];

describe('Docs port: same results as the in-memory port', () => {
  it.each(PARITY_CASES)('%s', (_name, template, data) => {
    const r = both(template, data);
    expect(r.google).toBe(r.memory);
    expect(r.problems).toEqual(r.memoryProblems);
    expect(r.counts['Docs.Documents.batchUpdate'] ?? 0).toBe(r.requests > 0 ? 1 : 0);
  });

  it.each([
    ['$1'],
    ['$&'],
    ['back\\slash'],
    ['.*+?()[]{}|^'],
    ["$'$`$$"],
    ['{{other}}'],
    ['{{#ds}}x{{/ds}}'],
  ])('inserts %j verbatim, never expanded again', (value) => {
    const r = both('Giá trị [{{a}}] [{{other}}]', { a: value, other: 'O', ds: ['1'] });
    expect(r.problems).toEqual([]);
    expect(r.google).toBe(`Giá trị [${value}] [O]`);
    expect(r.counts['Docs.Documents.batchUpdate']).toBe(1);
  });

  it('finds tags split over runs; a value takes the formatting of the tag\'s first character', () => {
    const doc = docWith([para({ type: 'text', text: 'Xã {{', bold: true }, { type: 'text', text: 'ten}} ', italic: true }, { type: 'text', text: 'hết' })]);
    const r = both(doc, { ten: 'Phổ Phong' });
    expect(r.google).toBe('Xã Phổ Phong hết');
    const text = r.world.driveStore.file(r.id)!.doc!.body.children[0].texts()[0];
    expect(text.attrs.slice(0, 12).every((a) => a.BOLD === true)).toBe(true);
    expect(text.attrs[12].ITALIC).toBe(true);
  });

  it('expands sections whose tags are split over runs', () => {
    const doc = docWith([para({ type: 'text', text: '{{#d' }, { type: 'text', text: 's}}{{.}}{', bold: true }, { type: 'text', text: '{/ds}};' })]);
    const r = both(doc, { ds: ['a', 'b'] });
    expect(r.google).toBe('ab;');
    expect(r.google).toBe(r.memory);
  });

  it('keeps the formatting of each copy of an inline section', () => {
    const r = both('Các thôn: {{#thon}}**{{ten}}**, {{/thon}}hết.', { thon: [{ ten: 'An' }, { ten: 'Bình' }] });
    const text = r.world.driveStore.file(r.id)!.doc!.body.children[0].texts()[0];
    const bold = [...text.text].filter((_, i) => text.attrs[i].BOLD === true).join('');
    expect(bold).toBe('AnBình');
  });

  it('merges tags in the header and footer; the page number field is not made (no API can)', () => {
    const tpl = ['@page first-page-header=none', '@header', '[center] {{xa}} - trang [[PAGE]]', '@end', '@footer', '{{#ds}}{{.}} {{/ds}}', '@end', 'Thân {{xa}}'].join('\n');
    const r = both(tpl, { xa: 'PP', ds: ['a', 'b'] });
    expect(r.problems).toEqual([]);
    const text = r.world.docText(r.id);
    expect(text.header).toBe('PP - trang ');
    expect(text.footer).toBe('a b ');
    expect(r.google).toBe('Thân PP');
    expect(r.world.driveStore.file(r.id)!.doc!.useFirstPageHeaderFooter).toBe(true);
  });

  it('empties, rather than removes, the last paragraph of a section (Google refuses to remove it)', () => {
    const world = installWorld();
    const built = buildTemplateDoc(parseTemplateText(['a', 'b'].join('\n')), 'T');
    const port = createDocsPort(DocumentApp.openById(built.id));
    const body = port.sections()[0].container;
    port.removeBlocks(body, 0, 1);
    port.flush();
    expect(world.docText(built.id).body).toBe('');
  });

  it('writes through DocumentApp per section and list item, never per value tag', () => {
    const base = ['Đầu {{a}}', '{{#ds}}', '- {{ten}}', '{{/ds}}'];
    const extra = Array.from({ length: 50 }, (_, i) => `Dòng ${i}: {{v${i}}} và {{a}}`);
    const data: MergeData = { a: 'A', ds: [{ ten: 'x' }, { ten: 'y' }, { ten: 'z' }], ...Object.fromEntries(extra.map((_, i) => [`v${i}`, String(i)])) };
    const small = both(base.join('\n'), data);
    const large = both([...base, ...extra].join('\n'), data);
    expect(large.problems).toEqual([]);
    const writes = [documentAppWrites(small.counts), documentAppWrites(large.counts)];
    console.log(`Docs port, DocumentApp write calls: ${writes[0]} with 2 value tags, ${writes[1]} with 52 more; Docs batchUpdate: ${small.counts['Docs.Documents.batchUpdate']} and ${large.counts['Docs.Documents.batchUpdate']}`);
    expect(writes[1]).toBe(writes[0]);
    expect(large.counts['Docs.Documents.batchUpdate']).toBe(1);
  });
});

describe('Docs port: each block read once, the cache kept true by the port\'s own edits', () => {
  const template = ['Đầu {{a}}', '{{#ds}}', '- {{ten}}: {{#ho}}{{.}}, {{/ho}}', '@table', '@row', '@cell', '{{#cay}}{{ten}}', '@cell', '{{dt}}{{/cay}}', '@end', '{{/ds}}', 'Cuối'].join('\n');
  const item = (i: number) => ({ ten: `T${i}`, ho: ['h1', 'h2'], cay: [{ ten: 'Lúa', dt: String(i) }, { ten: 'Ngô', dt: '2' }] });
  const data = (n: number): MergeData => ({ a: 'A', ds: Array.from({ length: n }, (_, i) => item(i)) });

  it('reads the whole document again for no DocumentApp call, and sees what the merge made', () => {
    const world = installWorld();
    const built = buildTemplateDoc(parseTemplateText(template), 'T');
    const port = createDocsPort(DocumentApp.openById(built.id));
    expect(merge(port, data(3))).toEqual([]);
    world.calls.reset();
    const walked = walkDocument(port).map((s) => s.text);
    expect(world.calls.total()).toBe(0);
    // What the tree says is what a fresh port reading the document finds.
    const fresh = walkDocument(createDocsPort(DocumentApp.openById(built.id))).map((s) => s.text);
    expect(walked).toEqual(fresh);
  });

  it('DocumentApp calls grow linearly with list items', () => {
    const calls = [5, 10, 20].map((n) => both(template, data(n))).map((r) => countByKind(r.counts).documentApp);
    console.log(`Docs port, DocumentApp calls for 5, 10, 20 list items: ${calls.join(', ')}`);
    expect(calls[2] - calls[1]).toBe(2 * (calls[1] - calls[0]));
  });
});

describe('Docs port: the time budget', () => {
  it('a write past the deadline throws TimeBudgetExceeded before calling Google; reads still work', () => {
    const world = installWorld();
    const built = buildTemplateDoc(parseTemplateText(['a', '{{#ds}}', 'x', '{{/ds}}'].join('\n')), 'T');
    let nowMs = 0;
    const deadline = deadlineFrom(() => new Date(nowMs), 1000);
    const port = createDocsPort(DocumentApp.openById(built.id), { deadline });
    const body = port.sections()[0].container;
    port.copyBlocks(body, 0, 0);
    nowMs = 1001;
    world.calls.reset();
    expect(() => port.copyBlocks(body, 0, 0)).toThrow(TimeBudgetExceeded);
    expect(() => port.replaceAll([{ find: 'a', replace: 'b' }])).toThrow(TimeBudgetExceeded);
    expect(world.calls.total()).toBe(0);
    expect(port.blocks(body)).toHaveLength(5);
  });
});

describe('doc-builder', () => {
  it('builds the page, fonts, layout tables and rules of a template', () => {
    const world = installWorld();
    const tpl = ['@page paper=A4 top=20 bottom=20 left=30 right=15 font="Times New Roman" size=14', '@table borders=none widths=40,60', '@row', '@cell', '[center bold size=13] A', '[center rule left=20 right=20 size=2]', '@cell', 'B', '@end', '[justify indent=12.7 after=6 spacing=1.15] Đoạn *nghiêng* và **đậm**.'].join('\n');
    const built = buildTemplateDoc(parseTemplateText(tpl), 'T');
    const model = world.driveStore.file(built.id)!.doc!;
    expect(model.body.page.PAGE_WIDTH).toBeCloseTo(595.28, 1);
    expect(model.body.page.MARGIN_LEFT).toBeCloseTo(85.04, 1);
    const table = model.body.children[0] as unknown as { borderWidth: number; columnWidths: Map<number, number>; rows: { cells: { children: { pattrs: Record<string, unknown>; texts(): { text: string }[] }[] }[] }[] };
    expect(table.borderWidth).toBe(0);
    expect(table.columnWidths.get(0)! + table.columnWidths.get(1)!).toBeCloseTo(595.28 - 45 * (72 / 25.4), 1);
    const rule = table.rows[0].cells[0].children[1];
    expect(rule.texts()[0].text).toBe('');
    expect(rule.pattrs.BORDER_BOTTOM).toBeTruthy();
    expect(JSON.stringify(world.docText(built.id))).not.toContain(RULE_MARKER);
    const p = model.body.children[1] as unknown as { pattrs: Record<string, unknown>; texts(): { text: string; attrs: Record<string, unknown>[] }[] };
    expect(p.pattrs.HORIZONTAL_ALIGNMENT).toBe('JUSTIFY');
    expect(p.pattrs.INDENT_FIRST_LINE).toBeCloseTo(36, 0);
    const t = p.texts()[0];
    expect(t.text).toBe('Đoạn nghiêng và đậm.');
    expect(t.attrs[0].FONT_FAMILY).toBe('Times New Roman');
    expect(t.attrs[6].ITALIC).toBe(true);
    expect(t.attrs[17].BOLD).toBe(true);
    expect(t.attrs[0].BOLD).toBe(false);
  });
});
