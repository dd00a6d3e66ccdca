/**
 * `bao-cao upgrade`: applies the core's upgrade steps to an .xlsx in place. The workbook is written to a
 * temporary file in the same folder, read back and compared with the planned result (every cell that held
 * something holds the same after); only then does it replace the original, so a failure never loses data.
 */
import ExcelJS from 'exceljs';
import { rename, rm } from 'node:fs/promises';
import { tempPathFor } from './atomic-write';
import type { ReportKind } from '../core/kind/types';
import { isBlank, type CellValue, type WorkbookGrid } from '../core/workbook/grid';
import { applyUpgrade, planUpgrade } from '../core/workbook/upgrade';
import { addLayoutSheet, excelValue } from './xlsx-write';
import { readXlsx } from './xlsx-read';

export async function upgradeXlsx(file: string, kind: ReportKind): Promise<{ added: string[] }> {
  const before = await readXlsx(file);
  const plan = planUpgrade(kind, before);
  if (plan.steps.length === 0) return { added: [] };

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  for (const step of plan.steps) {
    if (step.kind === 'addTab') {
      addLayoutSheet(workbook, step.layout);
      continue;
    }
    const ws = workbook.getWorksheet(step.sheet) ?? workbook.worksheets.find((w) => w.name.trim().toLowerCase() === step.sheet.trim().toLowerCase());
    if (!ws) throw new Error(`no worksheet ${step.sheet}`);
    if (step.kind === 'insertRows') {
      ws.spliceRows(step.at + 1, 0, ...step.rows.map(() => []));
      writeCells(ws, step.at, 0, step.rows);
    } else writeCells(ws, step.row, step.col, step.values);
  }

  const tmp = tempPathFor(file);
  try {
    await workbook.xlsx.writeFile(tmp);
    const expected = applyUpgrade(before, plan);
    const problem = firstDifference(expected, await readXlsx(tmp));
    if (problem) throw new Error(`bảng tính sau khi nâng cấp khác dự kiến (${problem}); tệp gốc giữ nguyên`);
    await rename(tmp, file);
  } finally {
    await rm(tmp, { force: true });
  }
  return { added: plan.added };
}

function writeCells(ws: ExcelJS.Worksheet, row: number, col: number, values: CellValue[][]): void {
  values.forEach((vals, i) =>
    vals.forEach((v, j) => {
      if (v === null) return;
      const cell = ws.getCell(row + i + 1, col + j + 1);
      cell.value = excelValue(v);
    }),
  );
}

/** Where two workbooks differ in a cell that holds something, or undefined. */
function firstDifference(a: WorkbookGrid, b: WorkbookGrid): string | undefined {
  for (const sheet of a) {
    const other = b.find((s) => s.name === sheet.name);
    if (!other) return `thiếu trang «${sheet.name}»`;
    const rows = Math.max(sheet.rows.length, other.rows.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(sheet.rows[r]?.length ?? 0, other.rows[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const x = sheet.rows[r]?.[c] ?? null;
        const y = other.rows[r]?.[c] ?? null;
        if (isBlank(x) && isBlank(y)) continue;
        if (JSON.stringify(x) !== JSON.stringify(y)) return `trang «${sheet.name}», dòng ${r + 1}, cột ${c + 1}`;
      }
    }
  }
  return undefined;
}
