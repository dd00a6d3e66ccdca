import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { UNCOMPUTED_FORMULA, type CellValue, type SheetGrid, type WorkbookGrid } from '../core/workbook/grid';

/**
 * Reads an .xlsx as Excel, LibreOffice or a Google Sheets download writes it into the core's grids:
 * formulas give their cached result, rich text its plain text, dates become calendar dates, cells shown
 * as percentages become the percentage the clerk sees (0,5358 shown as 53,58 % reads as 53,58).
 */
export async function readXlsx(path: string): Promise<WorkbookGrid> {
  return readXlsxBuffer(await readFile(path));
}

export async function readXlsxBuffer(bytes: Uint8Array): Promise<WorkbookGrid> {
  const workbook = new ExcelJS.Workbook();
  // Only values are needed: skipping layout and validation parts makes reading noticeably faster.
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0], { ignoreNodes: IGNORED_PARTS } as ExcelJS.XlsxReadOptions);
  return workbook.worksheets.map(sheetGrid);
}

const IGNORED_PARTS = ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'sheetPr', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'drawing', 'picture', 'legacyDrawing', 'autoFilter', 'tableParts', 'extLst'];

function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      cells[colNumber - 1] = cellValue(cell);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return { name: ws.name, rows };
}

function cellValue(cell: ExcelJS.Cell): CellValue {
  // Only the top-left cell of a merged range holds the value, as in Google Sheets.
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return plain(cell.value, cell.numFmt);
}

function plain(value: ExcelJS.CellValue, numFmt: string | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, '')) ? roundFloat(value * 100) : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  if (typeof value === 'object') {
    if ('error' in value) return { error: String(value.error) };
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      // Never computed (no cached value): not an empty cell, and not to be guessed.
      if (result === undefined) return { error: UNCOMPUTED_FORMULA };
      return plain(result as ExcelJS.CellValue, numFmt);
    }
    if ('text' in value) return String((value as { text: unknown }).text);
  }
  return String(value);
}

/** 0.5358 × 100 is 53.580000000000005 in binary; the clerk typed 53,58. */
function roundFloat(n: number): number {
  return Number(n.toPrecision(12));
}
