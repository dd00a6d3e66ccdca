import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeCell, otherReading, parseDate, parseEmail, parseNumber, parseNumberText, parseTarget, parseText } from '../../src/core/workbook/parse-cell';
import { formatNumber } from '../../src/core/format/number';
import type { CellValue } from '../../src/core/workbook/grid';

describe('parseNumberText: numbers typed the Vietnamese way', () => {
  it.each([
    ['1.042', 1042],
    ['5.433,05', 5433.05],
    ['53,58', 53.58],
    ['1.050.000.000', 1_050_000_000],
    ['17.142,9', 17142.9],
    ['0,8', 0.8],
    ['5.3', 5.3], // one mark, not three digits after: a decimal point
    ['0.500', 0.5], // a leading 0 never groups thousands
    ['1234.567', 1234.567], // four digits before a lone mark: a decimal point
    ['1.000', 1000],
    ['12,345,678', 12_345_678],
    ['1,234.5', 1234.5], // English style: the last mark is the decimal
    ['1,250', 1.25], // one comma is the decimal mark, whatever follows it
    ['12,345', 12.345],
    ['-1,250', -1.25],
    ['0,250', 0.25],
    ['-0,5', -0.5],
    ['+1.042', 1042],
    ['8 881', 8881],
    ['\u00a01.042\u00a0', 1042],
    ['1,5E+3', 1500],
    ['2e-3', 0.002],
    ['42', 42],
  ])('%s -> %d', (text, expected) => {
    expect(parseNumberText(text)).toBeCloseTo(expected, 9);
  });

  it.each(['', '   ', 'abc', '-', '.', ',', '1.2.3', '1.042.5', '1.234,5,6', '1,2,34', '12a', '--1', '1e400', '-1e400', 'Infinity', 'NaN', '0x10'])(
    'rejects %j',
    (text) => {
      expect(parseNumberText(text)).toBeUndefined();
    },
  );

  it('reads back whatever formatNumber writes (integers and two-decimal figures)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        const value = int + Math.sign(int || 1) * cents / 100;
        const written = formatNumber(value, { maxDecimals: 2 });
        expect(parseNumberText(written)).toBeCloseTo(value, 6);
      }),
    );
  });
});

describe('otherReading: texts the two conventions read differently', () => {
  it.each([
    ['1,250', 1.25, 1250],
    ['12,345', 12.345, 12345],
    ['1.250', 1250, 1.25],
    ['1.042', 1042, 1.042],
    ['-1,250', -1.25, -1250],
    [' 1,250 %', 1.25, 1250],
  ])('%j: read %d here, %d in English', (text, read, other) => {
    const r = otherReading(text);
    expect(r?.read).toBeCloseTo(read, 9);
    expect(r?.other).toBeCloseTo(other, 9);
  });

  it.each(['5.433,05', '1.050.000', '0,250', '0.500', '1,25', '53,58', '5.3', '12,345,678', '1234', '1,234.5', 'abc', '1.2.3'])('%j reads one way only', (text) => {
    expect(otherReading(text)).toBeUndefined();
  });
});

describe('parseNumber: cells', () => {
  it.each<[CellValue, number]>([
    [1042, 1042],
    ['53,58 %', 53.58],
    ['93%', 93],
  ])('%j -> %d', (cell, expected) => {
    expect(parseNumber(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, string]>([
    [NaN, '«NaN»'],
    [Infinity, '«Infinity»'],
    [-Infinity, '«-Infinity»'],
    ['1e400', '«1e400»'],
    [true, 'TRUE'],
    [null, 'ô trống'],
    [{ error: '#VALUE!' }, 'lỗi công thức #VALUE!'],
    [{ year: 2023, month: 5, day: 25 }, 'ngày 25/5/2023'],
    ['khoảng 1.890', '«khoảng 1.890»'],
  ])('%j is not a number: found %s', (cell, found) => {
    expect(parseNumber(cell)).toEqual({ ok: false, found });
  });
});

describe('parseTarget', () => {
  it.each<[CellValue, unknown]>([
    ['≥ 90', { kind: 'min', value: 90 }],
    ['>=90', { kind: 'min', value: 90 }],
    ['≥ 90 %', { kind: 'min', value: 90 }],
    ['90', { kind: 'min', value: 90 }],
    [90, { kind: 'min', value: 90 }],
    ['từ 90 trở lên', { kind: 'min', value: 90 }],
    ['tối thiểu 90', { kind: 'min', value: 90 }],
    ['≤ 6', { kind: 'max', value: 6 }],
    ['<= 6 %', { kind: 'max', value: 6 }],
    ['≤ 0,8', { kind: 'max', value: 0.8 }],
    ['không quá 6%', { kind: 'max', value: 6 }],
    ['Tối đa 6', { kind: 'max', value: 6 }],
    ['85-90', { kind: 'range', low: 85, high: 90 }],
    ['85-90 %', { kind: 'range', low: 85, high: 90 }],
    ['85 – 90 %', { kind: 'range', low: 85, high: 90 }],
    ['85,5—90', { kind: 'range', low: 85.5, high: 90 }],
    ['giảm', { kind: 'decrease' }],
    ['Giảm bình quân hàng năm', { kind: 'decrease' }],
    ['tăng', { kind: 'increase' }],
  ])('%j', (cell, expected) => {
    expect(parseTarget(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, string]>([
    ['90-85', '«90-85»'],
    ['khoảng chín mươi', '«khoảng chín mươi»'],
    ['≥', '«≥»'],
    [true, 'TRUE'],
    [{ year: 2023, month: 1, day: 1 }, 'ngày 1/1/2023'],
  ])('%j is not a target', (cell, found) => {
    expect(parseTarget(cell)).toEqual({ ok: false, found });
  });
});

describe('parseDate', () => {
  it.each<[CellValue, unknown]>([
    ['25/5/2023', { day: 25, month: 5, year: 2023 }],
    ['05/01/2024', { day: 5, month: 1, year: 2024 }],
    ['25.05.2023', { day: 25, month: 5, year: 2023 }],
    [' 25-5-2023 ', { day: 25, month: 5, year: 2023 }],
    ['2023-05-25', { day: 25, month: 5, year: 2023 }],
    ['29/2/2024', { day: 29, month: 2, year: 2024 }],
    [{ year: 2023, month: 5, day: 25 }, { year: 2023, month: 5, day: 25 }],
  ])('%j', (cell, expected) => {
    expect(parseDate(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, string]>([
    ['29/2/2023', '«29/2/2023»'],
    ['31/4/2023', '«31/4/2023»'],
    ['25/13/2023', '«25/13/2023»'],
    ['2023/05/25', '«2023/05/25»'],
    ['hôm qua', '«hôm qua»'],
    [45071, '«45.071»'], // an Excel serial number (shown the Vietnamese way): the door must hand over a date
    [{ year: 2023, month: 2, day: 30 }, 'ngày 30/2/2023'],
    [{ error: '#REF!' }, 'lỗi công thức #REF!'],
  ])('%j is not a date', (cell, found) => {
    expect(parseDate(cell)).toEqual({ ok: false, found });
  });
});

describe('parseText, parseEmail, describeCell', () => {
  it('text is NFC and trimmed; numbers become text; other kinds are refused', () => {
    expect(parseText('  Pho\u0302\u0309 Phong ')).toEqual({ ok: true, value: 'Phổ Phong' });
    expect(parseText(2020)).toEqual({ ok: true, value: '2020' });
    expect(parseText(false)).toEqual({ ok: false, found: 'FALSE' });
  });

  it('e-mail addresses are lower-cased and shape-checked', () => {
    expect(parseEmail(' BanDanVan@DucPho.example.VN ')).toEqual({ ok: true, value: 'bandanvan@ducpho.example.vn' });
    for (const bad of ['bandanvan@ducpho', 'ban dan van@ducpho.vn', '@ducpho.vn', 'a@@b.vn', 'a@b.c']) expect(parseEmail(bad).ok).toBe(false);
    expect(parseEmail(12)).toEqual({ ok: false, found: '«12»' });
  });

  it('describes long text shortened to 40 characters', () => {
    expect(describeCell('x'.repeat(50))).toBe(`«${'x'.repeat(40)}…»`);
    expect(describeCell('  ')).toBe('ô trống');
  });
});
