/**
 * The «Danh sách xã» tab: one commune per row, its name and the link of its Sheet. Read with one
 * getValues. A link that is not a Google Sheet's, or the same Sheet twice, is refused with its cell, and
 * nothing is read until it is fixed.
 */
import { a1 } from '../core/workbook/grid';
import { cellText, findSheet } from '../apps-script/sheet-io';
import { COMMUNES_HEADER, DISTRICT_MSG as M, DISTRICT_TABS } from './messages';

export interface CommuneEntry {
  /** 1-based row on the tab. */
  row: number;
  name: string;
  id: string;
  url: string;
}

const SHEET_LINK = /\/spreadsheets\/d\/([\w-]{20,})/;
const BARE_ID = /^[\w-]{25,}$/;

export function sheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** Pure: the communes of the tab's values (header in row 1), and the problems, each naming its cell. */
export function readCommunes(values: readonly (readonly unknown[])[]): { communes: CommuneEntry[]; problems: string[] } {
  const communes: CommuneEntry[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  values.forEach((row, r) => {
    if (r === 0) return;
    const name = cellText(row[1]);
    const link = cellText(row[2]);
    if (!link) return;
    const cell = a1(r, 2);
    const id = SHEET_LINK.exec(link)?.[1] ?? (BARE_ID.test(link) ? link : '');
    if (!id) {
      problems.push(M.badLink(cell, link));
      return;
    }
    const first = seen.get(id);
    if (first) {
      problems.push(M.duplicateLink(cell, first));
      return;
    }
    seen.set(id, cell);
    communes.push({ row: r + 1, name: name || `Xã ở dòng ${r + 1}`, id, url: sheetUrl(id) });
  });
  return { communes, problems };
}

export function loadCommunes(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { communes: CommuneEntry[]; problems: string[] } {
  const sheet = findSheet(ss, DISTRICT_TABS.communes);
  if (!sheet) return { communes: [], problems: [M.noCommunesTab] };
  return readCommunes(sheet.getDataRange().getValues());
}

/** Adds «Danh sách xã» with its header if missing; an existing tab is left as it is. */
export function setUpCommunesTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  if (findSheet(ss, DISTRICT_TABS.communes)) return false;
  const sheet = ss.insertSheet(DISTRICT_TABS.communes);
  sheet.getRange(1, 1, 1, COMMUNES_HEADER.length).setValues([COMMUNES_HEADER]);
  sheet.setFrozenRows(1);
  return true;
}
