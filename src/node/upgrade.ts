/**
 * `bao-cao upgrade`: applies the core's upgrade steps to an .xlsx in place, and adds the «Cài đặt» tab (or
 * the rows of it the workbook lacks: the sào, the kind) when the workbook predates them. The workbook is
 * written to a temporary file in the same folder, read back and compared with the planned result (every
 * cell that held something holds the same after); only then does it replace the original, so a failure
 * never loses data.
 */
import ExcelJS from 'exceljs';
import { rename, rm } from 'node:fs/promises';
import { tempPathFor } from './atomic-write';
import type { ReportKind } from '../core/kind/types';
import { isBlank, type CellValue, type WorkbookGrid } from '../core/workbook/grid';
import { kindMismatch, kindRecordedIn } from '../core/workbook/kind-mismatch';
import { KIND_SETTING_LABEL, SETTINGS_TAB, settingRow, settingsGrid, settingText } from '../core/workbook/local-units';
import { applyUpgrade, planUpgrade } from '../core/workbook/upgrade';
import { bundledKinds } from '../kinds/bundled';
import { kindForWorkbook } from './kinds';
import { UsageError } from './usage-error';
import { addLayoutSheet, addSettingsSheet, excelValue, settingsRows } from './xlsx-write';
import { readXlsx } from './xlsx-read';

/** What `upgradeXlsx` did: the kind it upgraded to, and what it added in the clerk's words. */
export interface UpgradeResult {
  kind: ReportKind;
  added: string[];
}

/**
 * Upgrades `file` to `given` (--kind), or else to the kind its «Cài đặt» records, or else the default kind.
 * A workbook plainly made for another kind is refused (UsageError): upgrading it would add every tab of
 * the wrong kind beside the clerk's own.
 */
export async function upgradeXlsx(file: string, given: ReportKind | undefined): Promise<UpgradeResult> {
  const before = await readXlsx(file);
  // A kind of the commune's own (a folder) is not guessed: the default kind's tabs would be added.
  const recorded = settingText(settingsGrid(before), KIND_SETTING_LABEL);
  if (!given && recorded && !kindRecordedIn(before, bundledKinds())) {
    throw new UsageError(`Trang «${SETTINGS_TAB}» ghi loại báo cáo «${recorded.value}», không phải loại có sẵn: ghi rõ --kind <thư mục của loại đó>. Chưa nâng cấp gì.`);
  }
  const kind = kindForWorkbook(before, given);
  const mismatch = kindMismatch(kind, bundledKinds(), before);
  if (mismatch) throw new UsageError(`${mismatch.sheet}!${mismatch.cell}: ${mismatch.message} Chưa nâng cấp gì.`);
  const plan = planUpgrade(kind, before);
  const settings = missingSettings(before, kind);
  if (plan.steps.length === 0 && !settings) return { kind, added: [] };

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  if (settings?.kind === 'tab') addSettingsSheet(workbook, kind);
  if (settings?.kind === 'rows') writeSettingRows(workbook, settings);
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
    const expected = withSettingRows(applyUpgrade(before, plan), settings);
    const problem = firstDifference(expected, await readXlsx(tmp));
    if (problem) throw new Error(`bảng tính sau khi nâng cấp khác dự kiến (${problem}); tệp gốc giữ nguyên`);
    await rename(tmp, file);
  } finally {
    await rm(tmp, { force: true });
  }
  const settingsAdded =
    settings?.kind === 'tab' ? [`trang «${SETTINGS_TAB}»`] : settings ? settings.rows.map((row) => `dòng «${row[0]}» (trang «${settings.sheet}»)`) : [];
  return { kind, added: [...plan.added, ...settingsAdded] };
}

/**
 * What a workbook made before the «Cài đặt» tab, or before some of its rows (the sào, the kind), lacks of
 * it. The settings are not part of a kind, so the core's plan leaves them out.
 */
type MissingSettings = { kind: 'tab' } | { kind: 'rows'; sheet: string; at: number; rows: CellValue[][] };

function missingSettings(workbook: WorkbookGrid, kind: ReportKind): MissingSettings | undefined {
  const settings = settingsGrid(workbook);
  if (!settings) return { kind: 'tab' };
  const rows = settingsRows(kind).filter(([label]) => settingRow(settings, label) < 0);
  if (rows.length === 0) return undefined;
  // Below the last row that holds anything, so whatever else the clerk keeps in the tab stays.
  const at = settings.rows.reduce((last, r, i) => (r?.some((v) => !isBlank(v ?? null)) ? i + 1 : last), 0);
  return { kind: 'rows', sheet: settings.name, at, rows };
}

function writeSettingRows(workbook: ExcelJS.Workbook, where: { sheet: string; at: number; rows: CellValue[][] }): void {
  const ws = workbook.getWorksheet(where.sheet);
  if (!ws) throw new Error(`no worksheet ${where.sheet}`);
  writeCells(ws, where.at, 0, where.rows);
  where.rows.forEach((row, i) => {
    ws.getCell(where.at + i + 1, 2).note = String(row[2]);
  });
}

/** The planned workbook with the settings rows where `writeSettingRows` puts them, for the read-back comparison. */
function withSettingRows(workbook: WorkbookGrid, settings: MissingSettings | undefined): WorkbookGrid {
  if (settings?.kind !== 'rows') return workbook;
  return workbook.map((sheet) => {
    if (sheet.name !== settings.sheet) return sheet;
    const rows = sheet.rows.slice(0, settings.at);
    while (rows.length < settings.at) rows.push([]);
    return { ...sheet, rows: [...rows, ...settings.rows] };
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
