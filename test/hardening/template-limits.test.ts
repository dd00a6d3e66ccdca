/**
 * A template whose sections nest a list inside itself multiplies the document by the list's length per
 * level (10 items, 8 levels: 10^8 copies). The merge must stop with a clear problem before memory runs
 * out, while a long but linear report still merges.
 */
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/core/format/number';
import { MAX_OUTPUT_SIZE } from '../../src/core/template/merge';
import { mergeText } from '../template/helpers';
import { reliabilitySection } from './readme-figures';

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ ten: `Mục ${i + 1}` }));

const nested = (levels: number, placement: 'inline' | 'blocks') =>
  placement === 'inline'
    ? `${'{{#ds}}'.repeat(levels)}{{ten}} ${'{{/ds}}'.repeat(levels)}\n`
    : `${'{{#ds}}\n'.repeat(levels)}{{ten}}\n${'{{/ds}}\n'.repeat(levels)}`;

const CASES = [
  { name: 'a list nested 8 levels inside one paragraph', template: nested(8, 'inline'), data: { ds: items(10) } },
  { name: 'a list nested 8 levels as paragraphs', template: nested(8, 'blocks'), data: { ds: items(10) } },
  { name: 'one level over a list of 1 000 000 items, 100 characters each', template: `{{#ds}}{{ten}} ${'x'.repeat(100)} {{/ds}}\n`, data: { ds: items(1_000_000) } },
];

describe('the merged document has a size limit', () => {
  it('counts its cases', () => {
    console.log(`template limits: ${CASES.length} multiplying templates stopped (limit ${MAX_OUTPUT_SIZE} characters, checked before each round of expansion)`);
    expect(reliabilitySection(), 'the README states the count').toContain(`${CASES.length} templates that multiply the document`);
  });

  it.each(CASES)('$name: stops with a Vietnamese problem, quickly, without running out of memory', ({ template, data }) => {
    const started = performance.now();
    const r = mergeText(template, data);
    const ms = performance.now() - started;
    expect(r.problems.map((p) => p.kind)).toEqual(['tooLarge']);
    expect(r.problems[0].message).toContain('quá lớn');
    expect(r.problems[0].message).toContain('{{#ds}}');
    expect(r.problems[0].message).toContain(`hơn ${formatNumber(MAX_OUTPUT_SIZE)} ký tự`);
    expect(ms).toBeLessThan(20_000);
  });

  it('a long linear list (1 000 items) and two levels of 30 still merge in full', () => {
    const linear = mergeText('{{#ds}}{{ten}}; {{/ds}}\n', { ds: items(1_000) });
    expect(linear.problems).toEqual([]);
    expect(linear.text).toContain('Mục 1000;');
    const twoLevels = mergeText(nested(2, 'blocks'), { ds: items(30) });
    expect(twoLevels.problems).toEqual([]);
    expect(twoLevels.text.split('\n').filter((l) => l.startsWith('Mục')).length).toBe(900);
  });

  it('groups of a list, each with its own items beside the whole list, are sized by their own items', () => {
    // As the models paragraph groups models by result: every group holds one item, while the item list of
    // the scope around the groups holds them all. Counting that whole list once per group would see
    // 3 000 × 3 000 copies of 100 characters, far past the limit; the report is 3 000 of them.
    const all = items(3_000).map((it) => ({ ten: `${it.ten} ${'x'.repeat(100)}` }));
    const data = { linh_vuc: [{ ds: all, nhom: all.map((it) => ({ ds: [it] })) }] };
    const r = mergeText('{{#linh_vuc}}{{#nhom}}{{#ds}}{{ten}}; {{/ds}}{{/nhom}}{{/linh_vuc}}\n', data);
    expect(r.problems).toEqual([]);
    expect(r.text.split('; ').length - 1).toBe(3_000);
  });
});
