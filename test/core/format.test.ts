import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCount, formatNumber, formatPercent, formatQuantity } from '../../src/core/format/number';
import { formatDateLong, formatDateShort, formatPlaceDate, isValidDate, monthsInclusive } from '../../src/core/format/date';

// Node's full-ICU vi-VN formatter is the oracle; the product itself never uses Intl.
function oracle(value: number, maxDecimals: number, minDecimals = 0): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxDecimals, minimumFractionDigits: minDecimals })
    .format(value)
    .replace(/\u00a0/g, ' ');
}

describe('formatNumber', () => {
  it('writes the report figures the Vietnamese way', () => {
    expect(formatNumber(17142.9)).toBe('17.142,9');
    expect(formatNumber(5433.05)).toBe('5.433,05');
    expect(formatNumber(1050000000)).toBe('1.050.000.000');
    expect(formatNumber(53.58)).toBe('53,58');
    expect(formatNumber(6043.6)).toBe('6.043,6');
    expect(formatNumber(34.79167, { maxDecimals: 2 })).toBe('34,79');
    expect(formatNumber(14, { minDecimals: 1, maxDecimals: 1 })).toBe('14,0');
    expect(formatNumber(-0.9)).toBe('-0,9');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(0)).toBe('0');
  });

  it('refuses NaN and infinities rather than printing them', () => {
    expect(() => formatNumber(NaN)).toThrow();
    expect(() => formatNumber(Infinity)).toThrow();
  });

  it('agrees with Intl vi-VN on random values and decimals', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        (value, maxDecimals, minRaw) => {
          const minDecimals = Math.min(minRaw, maxDecimals);
          const expected = oracle(value, maxDecimals, minDecimals);
          // Intl writes a negative value that rounds to zero as "-0"; the report writes "0".
          const normalised = /^-0(,0*)?$/.test(expected) ? expected.slice(1) : expected;
          expect(formatNumber(value, { maxDecimals, minDecimals })).toBe(normalised);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with Intl on values with few decimals, where ties happen', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 3 }), (n, d) => {
        const value = n / 1000;
        const expected = oracle(value, d);
        const normalised = /^-0(,0*)?$/.test(expected) ? expected.slice(1) : expected;
        expect(formatNumber(value, { maxDecimals: d })).toBe(normalised);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('percent, quantity and count', () => {
  it('ties units to their number with a non-breaking space, and writes % right after it', () => {
    expect(formatPercent(34.791, { maxDecimals: 2 })).toBe('34,79%');
    expect(formatQuantity(6043.6, 'tấn')).toBe('6.043,6\u00A0tấn');
    expect(formatQuantity(93, '%')).toBe('93%');
    expect(formatQuantity(12, '')).toBe('12');
  });
  it('pads counts below ten as administrative prose does', () => {
    expect(formatCount(3)).toBe('03');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(34)).toBe('34');
    expect(formatCount(1193)).toBe('1.193');
  });
});

describe('dates', () => {
  it('writes short and long forms', () => {
    expect(formatDateShort({ year: 2023, month: 5, day: 19 })).toBe('19/5/2023');
    expect(formatDateLong({ year: 2024, month: 1, day: 5 })).toBe('ngày 05 tháng 01 năm 2024');
    expect(formatDateLong({ year: 2023, month: 5, day: 25 })).toBe('ngày 25 tháng 5 năm 2023');
    expect(formatDateLong({ year: 2023, month: 12, day: 9 })).toBe('ngày 09 tháng 12 năm 2023');
    expect(formatPlaceDate('Phổ Phong', { year: 2023, month: 5, day: 25 })).toBe('Phổ Phong, ngày 25 tháng 5 năm 2023');
  });
  it('validates calendar dates and counts months of a period', () => {
    expect(isValidDate({ year: 2024, month: 2, day: 29 })).toBe(true);
    expect(isValidDate({ year: 2023, month: 2, day: 29 })).toBe(false);
    expect(isValidDate({ year: 2023, month: 13, day: 1 })).toBe(false);
    expect(monthsInclusive({ year: 2020, month: 1 }, { year: 2023, month: 5 })).toBe(41);
  });
});

describe('typesetting helpers', () => {
  it('writes a count that opens a sentence in words', async () => {
    const { countInWords, countInWordsCapitalised } = await import('../../src/core/format/number');
    expect([0, 1, 2, 5, 10, 11, 15, 20, 21, 24, 25, 34, 99].map(countInWords)).toEqual([
      'không', 'một', 'hai', 'năm', 'mười', 'mười một', 'mười lăm', 'hai mươi', 'hai mươi mốt', 'hai mươi tư', 'hai mươi lăm', 'ba mươi tư', 'chín mươi chín',
    ]);
    expect(countInWordsCapitalised(2)).toBe('Hai');
    expect(countInWords(154)).toBe('154');
  });
  it('keeps a typed range of numbers on one line, and nothing else', async () => {
    const { keepRangesTogether } = await import('../../src/core/format/number');
    expect(keepRangesTogether('nhiệm kỳ 2015-2020')).toBe('nhiệm kỳ 2015\u20112020');
    expect(keepRangesTogether('Số 1396/QĐ-UBND, Đức Phú - Mộ Đức')).toBe('Số 1396/QĐ-UBND, Đức Phú - Mộ Đức');
  });
});
