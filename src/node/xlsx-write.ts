import ExcelJS from 'exceljs';
import { isCalendarDate, type CellValue } from '../core/workbook/grid';
import type { SheetLayout } from '../core/workbook/layout';
import { writeFileAtomic } from './atomic-write';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE8F3' } };
const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** Writes the laid-out tabs as an .xlsx (whole or not at all): bold titles, shaded headers and labels, notes, choice lists. */
export async function writeXlsx(layout: SheetLayout[], path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'bao-cao';
  for (const sheet of layout) addLayoutSheet(workbook, sheet);
  await writeFileAtomic(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** One laid-out tab as a new worksheet (also used by `bao-cao upgrade` for a tab the workbook lacks). */
export function addLayoutSheet(workbook: ExcelJS.Workbook, sheet: SheetLayout): void {
  {
    const ws = workbook.addWorksheet(sheet.name);
    ws.columns = [{ width: 28 }, { width: 48 }, { width: 22 }, { width: 22 }, { width: 26 }, { width: 40 }];
    sheet.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = excelValue(v);
        if (isCalendarDate(v)) cell.numFmt = 'dd/mm/yyyy';
      });
    });
    ws.getCell(1, 1).font = { italic: true };
    for (const block of sheet.blocks) {
      ws.getCell(block.titleRow + 1, 1).font = { bold: true, size: 12 };
      const header = ws.getRow(block.headerRow + 1);
      for (let c = 1; c <= block.columns; c++) {
        header.getCell(c).font = { bold: true };
        header.getCell(c).fill = HEADER_FILL;
      }
      for (let i = 0; i < block.dataRows; i++) {
        const row = ws.getRow(block.firstDataRow + 1 + i);
        for (let c = 0; c < block.columns; c++) if (!block.inputColumns.includes(c)) row.getCell(c + 1).fill = LABEL_FILL;
        for (const choice of block.choices) {
          row.getCell(choice.column + 1).dataValidation = {
            type: 'list',
            allowBlank: true,
            formulae: [`"${choice.values.join(',')}"`],
            showErrorMessage: true,
            error: `Chọn một trong: ${choice.values.join(', ')}`,
          };
        }
      }
      for (const note of block.notes) ws.getCell(block.firstDataRow + 1 + note.row, note.column + 1).note = note.text;
    }
  }
}

export function excelValue(v: Exclude<CellValue, null>): ExcelJS.CellValue {
  if (isCalendarDate(v)) return new Date(Date.UTC(v.year, v.month - 1, v.day));
  if (typeof v === 'object') return `${v.error}`;
  return v;
}
