/**
 * Who a report is shared with: the people of the kind's recipients list («Nơi nhận»), read by the core
 * reader, so an address is checked by the same rules as «Kiểm tra số liệu». One getValues.
 */
import { normaliseLabel, type CellValue } from '../core/workbook/grid';
import { readWorkbook } from '../core/workbook/read';
import type { ListBlock, ReportDefinition } from '../core/report/schema';
import type { ReportKind } from '../core/kind/types';
import { activeKind } from './kind';
import { SHARE_MSG } from './messages';
import { findSheet } from './sheet-io';
import { ROLE_LABELS, type RoleLabel } from './ui-data';

/** Named in messages when the kind has no recipients list at all. */
export const FALLBACK_RECIPIENTS_TAB = 'Nơi nhận';

export interface Recipient {
  name: string;
  /** Lower-cased, as parseEmail gives it; the address as typed when invalid. */
  email: string;
  /** '' when the tab leaves the role blank. */
  role: RoleLabel | '';
  /** "Nơi nhận!B5" */
  where: string;
  problem: string;
}

export interface RecipientsRead {
  recipients: Recipient[];
  /** Problems with the tab itself (missing, no header). */
  notices: string[];
}

export function roleOf(raw: string): RoleLabel | null {
  const wanted = normaliseLabel(raw);
  return ROLE_LABELS.find((r) => normaliseLabel(r) === wanted) ?? null;
}

/**
 * Where a kind keeps its recipients (its `recipients` list) and which columns hold the name, the address
 * and the role: the first text column, the e-mail column, and the column offering the share roles.
 */
export interface RecipientsPlace {
  tab: string;
  /** The kind cut down to that tab: the same reader and rules as every other tab. */
  definition: ReportDefinition;
  list: string;
  name?: string;
  email: string;
  role?: string;
}

export function recipientsPlace(kind: ReportKind): RecipientsPlace | undefined {
  const tab = kind.tabs.find((t) => t.blocks.some((b) => b.type === 'list' && b.key === kind.recipients));
  const block = tab?.blocks.find((b): b is ListBlock => b.type === 'list' && b.key === kind.recipients);
  const email = block?.columns.find((c) => c.kind === 'email');
  if (!tab || !block || !email) return undefined;
  return {
    tab: tab.name,
    definition: { tabs: [tab] },
    list: block.key,
    name: block.columns.find((c) => c.kind === 'text')?.key,
    email: email.key,
    role: block.columns.find((c) => c.kind === 'choice' && ROLE_LABELS.every((r) => c.choices?.includes(r)))?.key,
  };
}

/**
 * Pure: the people of the «Nơi nhận» grid who have an e-mail, read by the core reader, so an address is
 * checked by the same rules as «Kiểm tra số liệu» (shape, a repeat in another case, a role that is not
 * one of the three). A row the reader refuses comes back as a problem naming its cell.
 */
export function readRecipients(tab: string, rows: readonly (readonly unknown[])[], kind: ReportKind = activeKind()): RecipientsRead {
  const place = recipientsPlace(kind);
  if (!place) return { recipients: [], notices: [SHARE_MSG.noRecipients(tab)] };
  const grid = { name: tab, rows: rows.map((r) => r.map(asCell)) };
  const { input, issues } = readWorkbook({ tabs: place.definition.tabs.map((t) => ({ ...t, name: tab })) }, [grid]);
  const structural = issues.filter((i) => i.severity === 'error' && !input.lists[place.list]);
  if (structural.length > 0) return { recipients: [], notices: structural.map((i) => `${i.sheet}!${i.cell}: ${i.message}`) };
  const recipients: Recipient[] = (input.lists[place.list] ?? [])
    .filter((row) => typeof row.values[place.email] === 'string' && row.values[place.email] !== '')
    .map((row) => ({
      name: place.name ? String(row.values[place.name] ?? '') : '',
      email: String(row.values[place.email]),
      role: place.role ? (roleOf(String(row.values[place.role] ?? '')) ?? '') : '',
      where: `${tab}!${row.cells[place.email]}`,
      problem: '',
    }));
  for (const i of issues.filter((x) => x.severity === 'error')) {
    recipients.push({ name: '', email: '', role: '', where: `${i.sheet}!${i.cell}`, problem: `${i.sheet}!${i.cell}: ${i.message}` });
  }
  if (recipients.length === 0) return { recipients, notices: [SHARE_MSG.noRecipients(tab)] };
  return { recipients, notices: [] };
}

/** Sheets values as the core's cells (a date typed in the tab is not an address either way). */
function asCell(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** Reads «Nơi nhận» with one getValues. */
export function loadRecipients(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, kind: ReportKind = activeKind()): RecipientsRead {
  const tab = recipientsPlace(kind)?.tab ?? FALLBACK_RECIPIENTS_TAB;
  const sheet = findSheet(ss, tab);
  if (!sheet) return { recipients: [], notices: [SHARE_MSG.noRecipientsTab(tab)] };
  return readRecipients(sheet.getName(), sheet.getDataRange().getValues(), kind);
}
