import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paragraph, Table } from '../../src/core/document/model';
import { createMemoryPort, literalFinder, slicingFinder } from '../../src/core/document/memory-port';
import { OBJECT_CHAR } from '../../src/core/template/port';
import { docWith, para, texts } from './helpers';

describe('memory port', () => {
  it('reports a page number as one object character, so it never joins a tag', () => {
    const doc = docWith([para({ type: 'text', text: '{{' }, { type: 'pageNumber' }, { type: 'text', text: 'a}}' })]);
    const port = createMemoryPort(doc);
    expect(port.paragraphText(doc.body[0] as Paragraph)).toBe(`{{${OBJECT_CHAR}a}}`);
  });

  it('replaces all at once, literally, across runs, without matching inserted text again', () => {
    const p = para({ type: 'text', text: 'x {', bold: true }, { type: 'text', text: '{a}} {{b}} {{a}}' });
    const doc = docWith([p], { header: [para({ type: 'text', text: 'h {{b}}' })], footer: [para({ type: 'text', text: '{{a}}' })] });
    createMemoryPort(doc).replaceAll([
      { find: '{{a}}', replace: '{{b}}$&' },
      { find: '{{b}}', replace: 'B\\1' },
    ]);
    expect(p.runs).toEqual([
      { type: 'text', text: 'x {{b}}$&', bold: true },
      { type: 'text', text: ' B\\1 {{b}}$&' },
    ]);
    expect(texts(doc.header)).toEqual(['h B\\1']);
    expect(texts(doc.footer)).toEqual(['{{b}}$&']);
  });

  it('prefixes every {{ of a row range, including one split over runs', () => {
    const cell = (...runs: Paragraph['runs']) => ({ blocks: [para(...runs)] });
    const table: Table = {
      type: 'table',
      borders: true,
      columnWidthsPct: [100],
      rows: [{ cells: [cell({ type: 'text', text: '{{a}}' })] }, { cells: [cell({ type: 'text', text: '{', italic: true }, { type: 'text', text: '{b}}{{c}}' })] }],
    };
    const port = createMemoryPort(docWith([table, para()]));
    port.prefixTags({ kind: 'rows', table, first: 1, last: 1 }, 'ds.1:');
    expect(table.rows.map((r) => texts(r.cells[0].blocks)[0])).toEqual(['{{a}}', '{{ds.1:b}}{{ds.1:c}}']);
    expect(table.rows[1].cells[0].blocks[0].runs[1]).toEqual({ type: 'text', text: '{ds.1:b}}{{ds.1:c}}' });
  });

  it('expands several sections of one paragraph in one write, each copy keeping its formatting', () => {
    // "a {{#x}}<b>{{v}}</b>;{{/x}} m {{#y}}<i>{{w}}</i>{{/y}} z": offsets of the text before any edit.
    const p = para(
      { type: 'text', text: 'a {{#x}}' },
      { type: 'text', text: '{{v}}', bold: true },
      { type: 'text', text: ';{{/x}} m {{#y}}' },
      { type: 'text', text: '{{w}}', italic: true },
      { type: 'text', text: '{{/y}} z' },
    );
    const port = createMemoryPort(docWith([p]));
    const text = port.paragraphText(p);
    const span = (open: string, close: string, prefixes: string[]) => {
      const outerStart = text.indexOf(open);
      const innerEnd = text.indexOf(close);
      return { outerStart, innerStart: outerStart + open.length, innerEnd, outerEnd: innerEnd + close.length, prefixes };
    };
    port.repeatSpans(p, [span('{{#x}}', '{{/x}}', ['x.0:', 'x.1:']), span('{{#y}}', '{{/y}}', [])]);
    expect(p.runs).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'text', text: '{{x.0:v}}', bold: true },
      { type: 'text', text: ';' },
      { type: 'text', text: '{{x.1:v}}', bold: true },
      { type: 'text', text: '; m  z' },
    ]);
  });

  it('never leaves a container empty or ending with a table', () => {
    const cellBlocks = [para({ type: 'text', text: 'a' }), para({ type: 'text', text: 'b' })];
    const table: Table = { type: 'table', borders: true, columnWidthsPct: [100], rows: [{ cells: [{ blocks: cellBlocks }] }] };
    const doc = docWith([para({ type: 'text', text: 'x' }), table, para({ type: 'text', text: 'y' })]);
    const port = createMemoryPort(doc);
    port.removeBlocks(cellBlocks, 0, 1);
    expect(cellBlocks).toEqual([{ type: 'paragraph', style: {}, runs: [] }]);
    port.removeBlocks(doc.body, 2, 2);
    expect(doc.body.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
  });
});

describe('literal finder', () => {
  it('finds what slicing at every find length finds, when every find is a tag (its fast path)', () => {
    const tag = fc
      .stringMatching(/^[a-z.:#{}]{1,6}$/)
      .map((n) => `{{${n}}}`)
      .filter((t) => t.indexOf('}}', 2) === t.length - 2);
    const input = fc
      .uniqueArray(tag, { minLength: 1, maxLength: 6 })
      .chain((finds) => fc.tuple(fc.constant(finds), fc.array(fc.oneof(fc.constantFrom(...finds), fc.constantFrom('{', '}', '{{', '}}', 'x', ' ')), { maxLength: 12 })));
    let withHits = 0;
    fc.assert(
      fc.property(input, ([finds, pieces]) => {
        const pairs = finds.map((find, i) => ({ find, replace: `<${i}>` }));
        const text = pieces.join('');
        const hits = literalFinder(pairs)(text);
        expect(hits).toEqual(slicingFinder(pairs)(text));
        if (hits.length > 0) withHits++;
      }),
      { numRuns: 3000 },
    );
    expect(withHits).toBeGreaterThan(1000);
  });

  it('never reports a find running past the end of the text', () => {
    const pairs = [
      { find: '{{a}}x', replace: 'B' },
      { find: '{{a}}', replace: 'A' },
    ];
    expect(slicingFinder(pairs)('{{a}}')).toEqual([{ start: 0, end: 5, text: 'A' }]);
  });
});

