/**
 * The district's comparison workbook (.xlsx): «Tổng hợp» (one row per commune, one column per indicator,
 * how each rolls up, the district total; cells shaded by status against the target, communes left out for
 * errors greyed), «Lỗi của các xã» (each commune's issues under its name) and «Chưa đạt chỉ tiêu».
 */
import ExcelJS from 'exceljs';
import type { Rollup } from '../core/rollup/rollup';
import { comparisonTable, issuesTable, ISSUES_HEADER, missedTable, MISSED_HEADER } from '../core/rollup/table';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE8F3' } };
const STATUS_FILL: Record<string, ExcelJS.Fill> = {
  vượt: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFB7E1CD' } },
  đạt: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4EA' } },
  'chưa đạt': { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4C7C3' } },
};
const LEFT_OUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

export const SHEETS = { comparison: 'Tổng hợp', issues: 'Lỗi của các xã', missed: 'Chưa đạt chỉ tiêu' } as const;

export async function rollupWorkbook(rollup: Rollup): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bao-cao';
  const table = comparisonTable(rollup);

  const ws = wb.addWorksheet(SHEETS.comparison, { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  ws.addRow(table.header);
  ws.addRow(table.rules);
  table.rows.forEach((r) => ws.addRow(r));
  ws.addRow(table.total);
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 6 : i === 1 ? 22 : i === 2 ? 26 : 18));
  for (const r of [1, 2]) {
    const row = ws.getRow(r);
    row.eachCell((cell) => {
      cell.font = { bold: r === 1, italic: r === 2 };
      cell.fill = HEADER_FILL;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  rollup.communes.forEach((c, i) => {
    const row = ws.getRow(3 + i);
    table.statuses[i].forEach((status, col) => {
      const cell = row.getCell(col + 1);
      if (!c.ok) cell.fill = LEFT_OUT_FILL;
      else if (status) cell.fill = STATUS_FILL[status];
      if (typeof cell.value === 'number' && col >= 3) cell.numFmt = '#,##0.##';
    });
  });
  const totalRow = ws.getRow(3 + rollup.communes.length);
  totalRow.eachCell((cell, col) => {
    cell.font = { bold: true };
    cell.fill = TOTAL_FILL;
    if (typeof cell.value === 'number' && col > 3) cell.numFmt = '#,##0.##';
  });

  const wi = wb.addWorksheet(SHEETS.issues, { views: [{ state: 'frozen', ySplit: 1 }] });
  wi.addRow(ISSUES_HEADER);
  issuesTable(rollup).forEach((r) => wi.addRow(r));
  wi.columns.forEach((c, i) => (c.width = [22, 30, 10, 22, 8, 90][i]));
  wi.getRow(1).eachCell((cell) => ((cell.font = { bold: true }), (cell.fill = HEADER_FILL)));

  const wm = wb.addWorksheet(SHEETS.missed, { views: [{ state: 'frozen', ySplit: 1 }] });
  wm.addRow(MISSED_HEADER);
  missedTable(rollup).forEach((r) => wm.addRow(r));
  wm.columns.forEach((c, i) => (c.width = [50, 16, 80][i]));
  wm.getRow(1).eachCell((cell) => ((cell.font = { bold: true }), (cell.fill = HEADER_FILL)));

  return Buffer.from(await wb.xlsx.writeBuffer());
}
