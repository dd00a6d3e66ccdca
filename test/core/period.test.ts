import { describe, expect, it } from 'vitest';
import { periodPhrases } from '../../src/core/format/period';

const d = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};
const plain = (s: string) => s.replace(/\u2011/g, '-');

describe('a period reads right for any dates', () => {
  it.each([
    { what: 'a calendar year', from: '2024-01-01', to: '2024-12-31', years: '2024', span: 'năm 2024', start: 'cuối năm 2023', end: 'cuối năm 2024' },
    { what: 'the first six months', from: '2024-01-01', to: '2024-06-30', years: '2024', span: '6 tháng đầu năm 2024', start: 'cuối năm 2023', end: 'cuối tháng 6 năm 2024' },
    { what: 'the last six months', from: '2024-07-01', to: '2024-12-31', years: '2024', span: '6 tháng cuối năm 2024', start: 'cuối tháng 6 năm 2024', end: 'cuối năm 2024' },
    { what: 'nine months', from: '2024-01-01', to: '2024-09-30', years: '2024', span: '9 tháng đầu năm 2024', start: 'cuối năm 2023', end: 'cuối tháng 9 năm 2024' },
    { what: 'a quarter', from: '2024-04-01', to: '2024-06-30', years: '2024', span: 'quý II năm 2024', start: 'cuối tháng 3 năm 2024', end: 'cuối tháng 6 năm 2024' },
    { what: 'a term of whole years', from: '2021-01-01', to: '2025-12-31', years: '2021-2025', span: 'giai đoạn 2021-2025', start: 'cuối năm 2020', end: 'cuối năm 2025' },
    { what: 'several years to a month (the sample)', from: '2020-01-01', to: '2023-05-25', years: '2020-2023', span: 'từ năm 2020 đến tháng 5/2023', start: 'cuối năm 2020', end: 'cuối tháng 5 năm 2023' },
    { what: 'months across a new year', from: '2023-10-01', to: '2024-03-31', years: '2023-2024', span: 'từ tháng 10/2023 đến tháng 3/2024', start: 'cuối tháng 9 năm 2023', end: 'cuối tháng 3 năm 2024' },
    { what: 'a term starting mid-year', from: '2020-07-01', to: '2025-06-30', years: '2020-2025', span: 'từ tháng 7/2020 đến tháng 6/2025', start: 'cuối năm 2020', end: 'cuối tháng 6 năm 2025' },
    { what: 'months within a year', from: '2024-03-01', to: '2024-05-31', years: '2024', span: 'từ tháng 3 đến tháng 5 năm 2024', start: 'cuối tháng 2 năm 2024', end: 'cuối tháng 5 năm 2024' },
    { what: 'one month', from: '2024-05-01', to: '2024-05-31', years: '2024', span: 'tháng 5 năm 2024', start: 'cuối tháng 4 năm 2024', end: 'cuối tháng 5 năm 2024' },
  ])('$what: $span', ({ from, to, years, span, start, end }) => {
    const p = periodPhrases(d(from), d(to));
    expect(plain(p.years)).toBe(years);
    expect(plain(p.span)).toBe(span);
    expect(p.startReading).toBe(start);
    expect(p.endReading).toBe(end);
  });

  it('never writes a one-year range ("2024-2024") and keeps a range on one line', () => {
    expect(periodPhrases(d('2024-01-01'), d('2024-12-31')).years).toBe('2024');
    expect(periodPhrases(d('2020-01-01'), d('2023-05-25')).years).toBe('2020\u20112023');
  });
});
