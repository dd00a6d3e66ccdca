/**
 * "Tính các chỉ tiêu": writes every computed indicator to its own tab in one write. Input tabs are
 * only read. Text that starts like a formula is written as text (asSheetText).
 */
import type { Indicator } from '../core/indicators/types';
import { TABS } from './messages';
import { asSheetText, findSheet, TEXT_FORMAT } from './sheet-io';

/** The one numeric column (Giá trị); every other column is text. */
const VALUE_COLUMN = 2;

export const INDICATOR_HEADER = ['Mã', 'Chỉ tiêu', 'Giá trị', 'Đơn vị', 'Viết trong báo cáo', 'Đánh giá', 'Cách tính', 'Từ các ô'];

export function indicatorRows(indicators: readonly Indicator[]): (string | number)[][] {
  return [
    INDICATOR_HEADER,
    ...indicators.map((i) => [
      i.key,
      asSheetText(i.label),
      i.value,
      asSheetText(i.unit),
      asSheetText(i.phrase ?? i.text),
      i.status ?? '',
      asSheetText(i.how),
      asSheetText(i.sources.map((s) => `${s.sheet}!${s.cell}`).join(', ')),
    ]),
  ];
}

/** Replaces the indicators tab's content with the current indicators: one clear, one write. */
export function writeIndicatorsTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, indicators: readonly Indicator[]): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = findSheet(ss, TABS.indicators) ?? ss.insertSheet(TABS.indicators);
  const rows = indicatorRows(indicators);
  sheet.clear();
  const range = sheet.getRange(1, 1, rows.length, INDICATOR_HEADER.length);
  // Text columns as plain text before writing, so "34,79 %" is not read as 0.3479 (docs/google-behaviours.md, switch c).
  range.setNumberFormats(rows.map((r, i) => r.map((_, c) => (i > 0 && c === VALUE_COLUMN ? 'General' : TEXT_FORMAT))));
  range.setValues(rows);
  sheet.getRange(1, 1, 1, INDICATOR_HEADER.length).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}
