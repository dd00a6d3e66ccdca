import type { CalendarDate } from '../format/date';

/**
 * What either door hands the core: each tab as a grid of plain values, rows then columns, 0-based.
 * Dates arrive as calendar dates (the door converts in the Sheet's time zone); formula cells arrive as their
 * computed value; error cells (#DIV/0!) as an object so they are never mistaken for text.
 */
export type CellValue = string | number | boolean | CalendarDate | CellError | null;

export interface CellError {
  error: string;
}

export interface SheetGrid {
  name: string;
  rows: CellValue[][];
}

export type WorkbookGrid = SheetGrid[];

/**
 * A formula whose result was never computed: a file written by a program that does not calculate (a
 * script, some converters) stores the formula with no cached value. The door passes it as this error.
 */
export const UNCOMPUTED_FORMULA = '#UNCOMPUTED';

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** The error values Google Sheets shows for a formula that failed, as getValues() returns them: text. */
const FORMULA_ERROR_TEXT = /^#(DIV\/0!|N\/A|REF!|VALUE!|NAME\?|NUM!|NULL!|ERROR!)$/;

/**
 * A cell holding one of those error texts is a formula error, even when a door passed it on as a string:
 * "#REF!" must never be read as the name of a commune or a crop.
 */
export function asCellError(v: CellValue): CellValue {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  return FORMULA_ERROR_TEXT.test(t) ? { error: t } : v;
}

export function isCalendarDate(v: CellValue): v is CalendarDate {
  return typeof v === 'object' && v !== null && 'year' in v && 'month' in v && 'day' in v;
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Column index (0-based) to letters: 0 -> A, 27 -> AB. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based row and column to A1 notation. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * Characters a clerk cannot see, pasted in from the web or a chat: zero-width spaces and joiners, the word
 * joiner, the byte-order mark, the soft hyphen. They are removed before names and keys are compared.
 */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

export function hasInvisible(text: string): boolean {
  return text.search(INVISIBLE) >= 0;
}

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Names compare the way a clerk reads them: composed Unicode, case, spacing and invisible characters ignored. */
export function normaliseLabel(text: string): string {
  return stripInvisible(text.normalize('NFC')).trim().replace(/\s+/g, ' ').toLowerCase();
}
