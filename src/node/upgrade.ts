/**
 * `bao-cao upgrade`: applies the core's upgrade steps to an .xlsx in place, and adds the «Cài đặt» tab (or
 * its sào row) when the workbook predates it. The workbook is written to a
 * temporary file in the same folder, read back and compared with the planned result (every cell that held
 * something holds the same after); only then does it replace the original, so a failure never loses data.
 */
import ExcelJS from 'exceljs';
import { rename, rm } from 'node:fs/promises';
import { tempPathFor } from './atomic-write';
import type { ReportKind } from '../core/kind/types';
import { isBlank, type CellValue, type WorkbookGrid } from '../core/workbook/grid';
import { SAO_SETTING, SETTINGS_TAB, settingRow, settingsGrid } from '../core/workbook/local-units';
import { applyUpgrade, planUpgrade } from '../core/workbook/upgrade';
import { addLayoutSheet, addSettingsSheet, excelValue } from './xlsx-write';
import { readXlsx } from './xlsx-read';

export async function upgradeXlsx(file: string, kind: ReportKind): Promise<{ added: string[] }> {
  const before = await readXlsx(file);
  const plan = planUpgrade(kind, before);
  const settings = missingSettings(before);
  if (plan.steps.length === 0 && !settings) return { added: [] };

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  if (settings?.kind === 'tab') addSettingsSheet(workbook);
  if (settings?.kind === 'saoRow') writeSaoRow(workbook, settings);
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
    const expected = withSaoRow(applyUpgrade(before, plan), settings);
    const problem = firstDifference(expected, await readXlsx(tmp));
    if (problem) throw new Error(`bảng tính sau khi nâng cấp khác dự kiến (${problem}); tệp gốc giữ nguyên`);
    await rename(tmp, file);
  } finally {
    await rm(tmp, { force: true });
  }
  const settingsAdded = settings?.kind === 'tab' ? [`trang «${SETTINGS_TAB}»`] : settings ? [`dòng «${SAO_SETTING.label}» (trang «${settings.sheet}»)`] : [];
  return { added: [...plan.added, ...settingsAdded] };
}

/**
 * What a workbook made before the «Cài đặt» tab (or before its sào row) lacks of it. The settings are not
 * part of a kind, so the core's plan leaves them out; without them a figure typed in sào cannot be read.
 */
type MissingSettings = { kind: 'tab' } | { kind: 'saoRow'; sheet: string; at: number };

function missingSettings(workbook: WorkbookGrid): MissingSettings | undefined {
  const settings = settingsGrid(workbook);
  if (!settings) return { kind: 'tab' };
  if (settingRow(settings, SAO_SETTING.label) >= 0) return undefined;
  // Below the last row that holds anything, so whatever else the clerk keeps in the tab stays.
  const at = settings.rows.reduce((last, r, i) => (r?.some((v) => !isBlank(v ?? null)) ? i + 1 : last), 0);
  return { kind: 'saoRow', sheet: settings.name, at };
}

const SAO_ROW = [SAO_SETTING.label, SAO_SETTING.defaultM2, SAO_SETTING.help];

function writeSaoRow(workbook: ExcelJS.Workbook, where: { sheet: string; at: number }): void {
  const ws = workbook.getWorksheet(where.sheet);
  if (!ws) throw new Error(`no worksheet ${where.sheet}`);
  writeCells(ws, where.at, 0, [SAO_ROW]);
  ws.getCell(where.at + 1, 2).note = SAO_SETTING.help;
}

/** The planned workbook with the sào row where `writeSaoRow` puts it, for the read-back comparison. */
function withSaoRow(workbook: WorkbookGrid, settings: MissingSettings | undefined): WorkbookGrid {
  if (settings?.kind !== 'saoRow') return workbook;
  return workbook.map((sheet) => {
    if (sheet.name !== settings.sheet) return sheet;
    const rows = sheet.rows.slice(0, settings.at);
    while (rows.length < settings.at) rows.push([]);
    return { ...sheet, rows: [...rows, SAO_ROW] };
  });
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
