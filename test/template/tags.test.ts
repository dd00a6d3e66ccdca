import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTag, parseTagInner, prefixOffsets, prefixText, scanTags, type TagParts } from '../../src/core/template/tags';

const segment = fc.stringMatching(/^[a-zA-Z0-9_ăâđêôơưáàảãạ-]{1,8}$/);
const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('.'));
const parts: fc.Arbitrary<TagParts> = fc.record({
  scopes: fc.array(path, { maxLength: 3 }),
  sigil: fc.constantFrom('' as const, '#' as const, '^' as const, '/' as const),
  name: path,
});
/** Text that cannot form or break a tag. */
const filler = fc.string({ maxLength: 12 }).map((s) => s.replace(/[{}]/g, 'x'));

describe('parseTagInner', () => {
  it.each([
    ['ten', { scopes: [], sigil: '', name: 'ten' }],
    [' a.b.c ', { scopes: [], sigil: '', name: 'a.b.c' }],
    ['.', { scopes: [], sigil: '', name: '.' }],
    ['#ds', { scopes: [], sigil: '#', name: 'ds' }],
    ['^ co ', { scopes: [], sigil: '^', name: 'co' }],
    ['/ds', { scopes: [], sigil: '/', name: 'ds' }],
    ['thon.0:xa.1:ten', { scopes: ['thon.0', 'xa.1'], sigil: '', name: 'ten' }],
    ['ds.2:#sub', { scopes: ['ds.2'], sigil: '#', name: 'sub' }],
    ['ds.2:.', { scopes: ['ds.2'], sigil: '', name: '.' }],
    ['diện_tích', { scopes: [], sigil: '', name: 'diện_tích' }],
  ])('parses %j', (inner, expected) => {
    expect(parseTagInner(inner)).toEqual(expected);
  });

  it.each(['', ' ', 'a b', '#', '#.', 'a..b', ':a', 'a$', 'a/b', '{a'])('rejects %j with a reason', (inner) => {
    const r = parseTagInner(inner);
    expect('error' in r && r.error.length).toBeGreaterThan(0);
  });
});

describe('scanTags', () => {
  it('reports unclosed and nested openings as malformed, then goes on', () => {
    const r = scanTags('a {{x {{y}} b {{z');
    expect(r.tags.map((t) => t.raw)).toEqual(['{{y}}']);
    expect(r.malformed.map((m) => [m.raw, m.start])).toEqual([
      ['{{x ', 2],
      ['{{z', 14],
    ]);
  });

  it('finds exactly the tags placed among plain text, at their offsets', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, parts)), filler, (pieces, tail) => {
        let text = '';
        const expected: { start: number; parts: TagParts }[] = [];
        for (const [before, p] of pieces) {
          text += before;
          expected.push({ start: text.length, parts: p });
          text += formatTag(p);
        }
        text += tail;
        const r = scanTags(text);
        expect(r.malformed).toEqual([]);
        expect(r.tags.map((t) => ({ start: t.start, parts: t.parts }))).toEqual(expected);
        for (const t of r.tags) expect(text.slice(t.start, t.end)).toBe(t.raw);
      }),
    );
  });

  it('never throws, and returns ordered, non-overlapping spans inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', 'a', '#', '.', ':', ' ', '/') }), (text) => {
        const r = scanTags(text);
        const spans = [...r.tags, ...r.malformed].sort((a, b) => a.start - b.start);
        let end = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(end);
          expect(s.end).toBeLessThanOrEqual(text.length);
          end = s.end;
        }
      }),
    );
  });

  it('prefixing a text adds the scope to every tag and changes nothing else', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, parts)), path, (pieces, scope) => {
        const text = pieces.map(([f, p]) => f + formatTag(p)).join('');
        const prefixed = prefixText(text, scope + ':');
        expect(prefixOffsets(text)).toHaveLength(pieces.length);
        expect(scanTags(prefixed).tags.map((t) => t.parts)).toEqual(pieces.map(([, p]) => ({ ...p, scopes: [scope, ...p.scopes] })));
        expect(prefixed.split('{{' + scope + ':').join('{{')).toBe(text);
      }),
    );
  });
});

describe('scanTags for sections only', () => {
  it('finds exactly the section tags a full scan finds, at the same places', () => {
    const piece = fc.oneof(
      parts.map(formatTag),
      parts.map((p) => formatTag(p).replace('{{', '{{ ').replace('}}', ' }}')),
      fc.constantFrom('{{', '}}', '{{#}}', '{{a:}}', '{{ : #x}}', '{{/ x}}', '{{a:#b.}}'),
      filler,
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        const sections = scanTags(text).tags.filter((t) => t.parts.sigil !== '');
        expect(scanTags(text, true).tags).toEqual(sections);
      }),
      { numRuns: 2000 },
    );
  });
});
