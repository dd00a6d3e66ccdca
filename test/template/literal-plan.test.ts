import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replaceAllLiteral, sequentialReplacements } from '../../src/core/template/literal-plan';

/** Simultaneous replacement, the semantics the port promises. */
function simultaneous(text: string, pairs: { find: string; replace: string }[]): string {
  const map = new Map(pairs.map((p) => [p.find, p.replace]));
  return text.replace(/\{\{[^{}]*\}\}/g, (tag) => map.get(tag) ?? tag);
}

describe('sequentialReplacements', () => {
  it('sends pairs as they are when no value holds a brace, sentinels otherwise', () => {
    const plain = [{ find: '{{a}}', replace: 'x$1' }];
    expect(sequentialReplacements(plain, '{{a}}')).toEqual(plain);
    const braced = [{ find: '{{a}}', replace: '{{b}}' }, { find: '{{b}}', replace: 'B' }];
    expect(sequentialReplacements(braced, '{{a}} {{b}}')).toHaveLength(4);
  });

  it('never uses a Private Use Area character, which Google may strip from replaceAllText', () => {
    const braced = [{ find: '{{a}}', replace: '{{b}}' }, { find: '{{b}}', replace: 'B \u2983' }];
    const steps = sequentialReplacements(braced, '{{a}} {{b}} \u2984');
    expect(steps.map((s) => s.find + s.replace).join('')).not.toMatch(/[\uE000-\uF8FF]/);
    // The sentinels avoid characters already in the document or in a value.
    const sentinels = steps.slice(0, 2).map((s) => s.replace).join('');
    expect(sentinels).not.toMatch(/[\u2983\u2984]/);
  });

    it('keeps a value holding another tag as typed, even in a cycle', () => {
    const pairs = [
      { find: '{{a}}', replace: '{{b}} $& \\1' },
      { find: '{{b}}', replace: '{{a}}' },
    ];
    const steps = sequentialReplacements(pairs, '{{a}}-{{b}}');
    const out = steps.reduce((t, s) => replaceAllLiteral(t, s.find, s.replace), '{{a}}-{{b}}');
    expect(out).toBe('{{b}} $& \\1-{{a}}');
  });

  it('applied in order, equals replacing all at once', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'ds.0:a', 'x');
    const tag = name.map((n) => `{{${n}}}`);
    const value = fc.oneof(fc.string({ maxLength: 6 }), tag, fc.constantFrom('\uE000', '\u2983', '\u2984x', '$1', '\n'));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(tag, fc.string({ maxLength: 5 }).map((s) => s.replace(/[{}]/g, ''))), { maxLength: 8 }),
        fc.dictionary(name, value),
        (parts, values) => {
          const text = parts.join('');
          const pairs = Object.entries(values).map(([n, v]) => ({ find: `{{${n}}}`, replace: v }));
          const steps = sequentialReplacements(pairs, text);
          const out = steps.reduce((t, s) => replaceAllLiteral(t, s.find, s.replace), text);
          expect(out).toBe(simultaneous(text, pairs));
        },
      ),
    );
  });
});
