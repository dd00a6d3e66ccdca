/**
 * In-memory SpreadsheetApp (the bound Sheet) and its Ui. Behaviour from the Apps Script reference
 * (REF: developers.google.com/apps-script/reference/spreadsheet/…, …/base/ui, …/base/menu) and
 * the Apps Script reference (marked GF where gas-fakes' tests against live GAS are the source).
 *
 * Simplifications, on purpose:
 * - A formula cannot be computed: a value starting with '=' is stored as a formula; getValues() and
 *   getDisplayValues() return '' for that cell, getFormulas() returns the formula text.
 * - A string stays a string: real Sheets may parse '12' or '1/2/2025' into a number or date.
 * - getDisplayValues() formats numbers with String(n), booleans as TRUE/FALSE and dates as dd/MM/yyyy
 *   (a Vietnamese-locale Sheet); number formats are stored but not applied.
 */
import { Runtime, asGas, isDate, nameEnum, signatureError, SCOPE } from './runtime';

type GSheets = typeof GoogleAppsScript.Spreadsheet;
type Button = GoogleAppsScript.Base.Button;
type ButtonSet = GoogleAppsScript.Base.ButtonSet;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export const Button = nameEnum<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = nameEnum<typeof GoogleAppsScript.Base.ButtonSet>(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
export const ProtectionType = nameEnum<GSheets['ProtectionType']>(['RANGE', 'SHEET']);
export const DataValidationCriteria = nameEnum<GSheets['DataValidationCriteria']>([
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'NUMBER_BETWEEN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'CHECKBOX',
]);

const MAX_ROWS = 1000;
const MAX_COLUMNS = 26;

// ---------------------------------------------------------------------------------------------- A1

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Parses A1, A1:B2, A:B and 1:2 (an optional 'Sheet'! prefix is returned separately). */
export function parseA1(a1: string, maxRows: number, maxCols: number): { sheet?: string; box: Box } | null {
  let sheet: string | undefined;
  let ref = a1.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheet = ref.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const part = /^\$?([A-Za-z]*)\$?(\d*)$/;
  const [p1, p2 = p1] = ref.split(':');
  const m1 = part.exec(p1);
  const m2 = part.exec(p2);
  if (!m1 || !m2 || ref.split(':').length > 2) return null;
  if ((!m1[1] && !m1[2]) || (!m2[1] && !m2[2])) return null;
  const c1 = m1[1] ? columnNumber(m1[1]) : 1;
  const c2 = m2[1] ? columnNumber(m2[1]) : maxCols;
  const r1 = m1[2] ? Number(m1[2]) : 1;
  const r2 = m2[2] ? Number(m2[2]) : maxRows;
  if (r1 < 1 || r2 < 1) return null;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { sheet, box: { row, col, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 } };
}

// ---------------------------------------------------------------------------------------------- Ui

export interface MenuItemRecord {
  caption: string;
  functionName: string;
}
export type MenuEntryRecord = MenuItemRecord | { separator: true } | { subMenu: MenuRecord };
export interface MenuRecord {
  caption: string;
  entries: MenuEntryRecord[];
}
export interface AlertRecord {
  title?: string;
  prompt: string;
  buttons: ButtonSet;
  answer: Button;
}
export interface PromptRecord extends AlertRecord {
  responseText: string;
}
export interface ShownHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: HtmlOutput;
}

type UiMethods = 'alert' | 'prompt' | 'createMenu' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog';
type MenuMethods = 'addItem' | 'addSeparator' | 'addToUi';

export class FakeMenu implements Pick<GoogleAppsScript.Base.Menu, MenuMethods> {
  readonly record: MenuRecord;
  constructor(
    private readonly rt: Runtime,
    private readonly ui: FakeUi,
    caption: string,
  ) {
    this.record = { caption, entries: [] };
  }
  private self(): GoogleAppsScript.Base.Menu {
    return asGas(this);
  }
  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    this.rt.hit('Menu', 'addItem');
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw signatureError(this.rt, 'Menu.addItem', [caption, functionName]);
    }
    this.record.entries.push({ caption, functionName });
    return this.self();
  }
  addSeparator(): GoogleAppsScript.Base.Menu {
    this.rt.hit('Menu', 'addSeparator');
    this.record.entries.push({ separator: true });
    return this.self();
  }
  /** Nothing shows until addToUi (REF base/menu); adding a menu with the same caption replaces it. */
  addToUi(): void {
    this.rt.hit('Menu', 'addToUi');
    const i = this.ui.menus.findIndex((m) => m.caption === this.record.caption);
    if (i >= 0) this.ui.menus.splice(i, 1, this.record);
    else this.ui.menus.push(this.record);
  }
}

/**
 * The Sheet's Ui. Tests read `menus`, `alerts`, `prompts` and `shown`, and script the clerk's answers
 * with `answerNext(Button.YES)` / `answerPromptNext('text', Button.OK)`. Without a scripted answer an
 * alert returns the first button of its set (OK or YES) and a prompt returns '' with that button.
 */
export class FakeUi implements Pick<GoogleAppsScript.Base.Ui, UiMethods | 'Button' | 'ButtonSet'> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  readonly menus: MenuRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  readonly shown: ShownHtml[] = [];
  private readonly answers: Button[] = [];
  private readonly promptAnswers: { text: string; button: Button }[] = [];

  constructor(private readonly rt: Runtime) {}

  answerNext(button: Button): void {
    this.answers.push(button);
  }
  answerPromptNext(text: string, button: Button = Button.OK): void {
    this.promptAnswers.push({ text, button });
  }
  /** The menu with this caption, as the clerk sees it, or undefined. */
  menu(caption: string): MenuRecord | undefined {
    return this.menus.find((m) => m.caption === caption);
  }

  private defaultAnswer(buttons: ButtonSet): Button {
    return String(buttons).startsWith('YES') ? Button.YES : Button.OK;
  }

  private parseDialogArgs(a: string, b?: string | ButtonSet, c?: ButtonSet): { title?: string; prompt: string; buttons: ButtonSet } {
    if (c !== undefined) return { title: a, prompt: String(b), buttons: c };
    if (b !== undefined) return { prompt: a, buttons: b as ButtonSet };
    return { prompt: a, buttons: ButtonSet.OK };
  }

  alert(prompt: string): Button;
  alert(prompt: string, buttons: ButtonSet): Button;
  alert(title: string, prompt: string, buttons: ButtonSet): Button;
  alert(a: string, b?: string | ButtonSet, c?: ButtonSet): Button {
    this.rt.hit('Ui', 'alert');
    const args = this.parseDialogArgs(a, b, c);
    const answer = this.answers.shift() ?? this.defaultAnswer(args.buttons);
    this.alerts.push({ ...args, answer });
    return answer;
  }

  prompt(prompt: string): GoogleAppsScript.Base.PromptResponse;
  prompt(prompt: string, buttons: ButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(title: string, prompt: string, buttons: ButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(a: string, b?: string | ButtonSet, c?: ButtonSet): GoogleAppsScript.Base.PromptResponse {
    this.rt.hit('Ui', 'prompt');
    const args = this.parseDialogArgs(a, b, c);
    const scripted = this.promptAnswers.shift();
    const answer = scripted?.button ?? this.defaultAnswer(args.buttons);
    const responseText = scripted?.text ?? '';
    this.prompts.push({ ...args, answer, responseText });
    const rt = this.rt;
    return asGas({
      getResponseText: () => (rt.hit('PromptResponse', 'getResponseText'), responseText),
      getSelectedButton: () => (rt.hit('PromptResponse', 'getSelectedButton'), answer),
    });
  }

  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    this.rt.hit('Ui', 'createMenu');
    return asGas(new FakeMenu(this.rt, this, caption));
  }

  private show(kind: ShownHtml['kind'], api: string, html: HtmlOutput, title?: string): void {
    // In a simple trigger dialogs probably fail too (the Apps Script reference, unconfirmed): requireAuth.
    this.rt.requireAuth(`Ui.${api}`, SCOPE.containerUi);
    this.shown.push({ kind, title: title ?? html.getTitle(), html });
  }
  /** Does not suspend the script (REF base/ui#showSidebar). */
  showSidebar(userInterface: HtmlOutput): void {
    this.rt.hit('Ui', 'showSidebar');
    this.show('sidebar', 'showSidebar', userInterface);
  }
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.rt.hit('Ui', 'showModalDialog');
    this.show('modal', 'showModalDialog', userInterface, title);
  }
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.rt.hit('Ui', 'showModelessDialog');
    this.show('modeless', 'showModelessDialog', userInterface, title);
  }
}

// ------------------------------------------------------------------------------- DataValidation

type DvMethods = 'getCriteriaType' | 'getAllowInvalid' | 'getHelpText' | 'copy';
type DvBuilderMethods =
  | 'requireValueInList'
  | 'requireNumberBetween'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireCheckbox'
  | 'requireDate'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'build';

export class FakeDataValidation implements Pick<GoogleAppsScript.Spreadsheet.DataValidation, DvMethods> {
  constructor(
    private readonly rt: Runtime,
    readonly criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria,
    readonly values: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    this.rt.hit('DataValidation', 'getCriteriaType');
    return this.criteria;
  }
  getAllowInvalid(): boolean {
    this.rt.hit('DataValidation', 'getAllowInvalid');
    return this.allowInvalid;
  }
  getHelpText(): string {
    this.rt.hit('DataValidation', 'getHelpText');
    return this.helpText;
  }
  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.rt.hit('DataValidation', 'copy');
    const b = new FakeDataValidationBuilder(this.rt);
    b.state = { criteria: this.criteria, values: [...this.values], allowInvalid: this.allowInvalid, helpText: this.helpText };
    return asGas(b);
  }
}

/** SpreadsheetApp.newDataValidation() (REF spreadsheet/data-validation-builder). */
export class FakeDataValidationBuilder implements Pick<GoogleAppsScript.Spreadsheet.DataValidationBuilder, DvBuilderMethods> {
  state: { criteria?: GoogleAppsScript.Spreadsheet.DataValidationCriteria; values: unknown[]; allowInvalid: boolean; helpText: string } = {
    values: [],
    allowInvalid: true,
    helpText: '',
  };
  constructor(private readonly rt: Runtime) {}
  private self(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return asGas(this);
  }
  requireValueInList(values: string[], showDropdown?: boolean): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.rt.hit('DataValidationBuilder', 'requireValueInList');
    if (!Array.isArray(values) || (showDropdown !== undefined && typeof showDropdown !== 'boolean')) {
      const args = showDropdown === undefined ? [values] : [values, showDropdown];
      throw signatureError(this.rt, 'SpreadsheetApp.DataValidationBuilder.requireValueInList', args);
    }
    this.state.criteria = DataValidationCriteria.VALUE_IN_LIST;
    this.state.values = [values.map(String), showDropdown ?? true];
    return this.self();
  }
  requireNumberBetween(start: number, end: number): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.rt.hit('DataValidationBuilder', 'requireNumberBetween');
    if (typeof start !== 'number' || typeof end !== 'number') {
      throw signatureError(this.rt, 'SpreadsheetApp.DataValidationBuilder.requireNumberBetween', [start, end]);
    }
    this.state.criteria = DataValidationCriteria.NUMBER_BETWEEN;
    this.state.values = [start, end];
    return this.self();
  }
  requireNumberGreaterThanOrEqualTo(n: number): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.rt.hit('DataValidationBuilder', 'requireNumberGreaterThanOrEqualTo');
    if (typeof n !== 'number') throw signatureError(this.rt, 'SpreadsheetApp.DataValidationBuilder.requireNumberGreaterThanOrEqualTo', [n]);
    this.state.criteria = DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO;
    this.state.values = [n];
    return this.self();
  }
  requireCheckbox(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.rt.hit('DataValidationBuilder', 'requireCheckbox');
    this.state.criteria = DataValidationCriteria.CHECKBOX;
    this.state.values = [];
    return this.self();
  }
  requireDate(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.rt.hit('DataValidationBuilder', 'requireDate');
    this.state.criteria = DataValidationCriteria.DATE_IS_VALID_DATE;
    this.state.values = [];
    return this.self();
  }
  setAllowInvalid(allowInvalidData: boolean): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.rt.hit('DataValidationBuilder', 'setAllowInvalid');
    this.state.allowInvalid = allowInvalidData;
    return this.self();
  }
  setHelpText(helpText: string): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.rt.hit('DataValidationBuilder', 'setHelpText');
    this.state.helpText = helpText;
    return this.self();
  }
  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    this.rt.hit('DataValidationBuilder', 'build');
    if (!this.state.criteria) throw this.rt.error('You must specify a validation criteria.'); // text unconfirmed
    return asGas(new FakeDataValidation(this.rt, this.state.criteria, this.state.values, this.state.allowInvalid, this.state.helpText));
  }
}

// ------------------------------------------------------------------------------------ Protection

type ProtectionMethods =
  | 'setDescription'
  | 'getDescription'
  | 'setWarningOnly'
  | 'isWarningOnly'
  | 'addEditor'
  | 'addEditors'
  | 'removeEditor'
  | 'getEditors'
  | 'canEdit'
  | 'remove'
  | 'getRange'
  | 'setUnprotectedRanges'
  | 'getUnprotectedRanges';

/** Range.protect() / Sheet.protect() (REF spreadsheet/protection): editors start as the sheet's editors. */
export class FakeProtection implements Pick<GoogleAppsScript.Spreadsheet.Protection, ProtectionMethods> {
  description = '';
  warningOnly = false;
  editors: string[];
  unprotected: FakeRange[] = [];
  removed = false;
  constructor(
    private readonly rt: Runtime,
    readonly sheet: FakeSheet,
    readonly type: GoogleAppsScript.Spreadsheet.ProtectionType,
    readonly range: FakeRange,
  ) {
    this.editors = [...sheet.spreadsheet.editors];
  }
  private self(): GoogleAppsScript.Spreadsheet.Protection {
    return asGas(this);
  }
  private user(email: string): GoogleAppsScript.Base.User {
    return asGas({ getEmail: () => email });
  }
  setDescription(description: string): GoogleAppsScript.Spreadsheet.Protection {
    this.rt.hit('Protection', 'setDescription');
    this.description = description;
    return this.self();
  }
  getDescription(): string {
    this.rt.hit('Protection', 'getDescription');
    return this.description;
  }
  setWarningOnly(warningOnly: boolean): GoogleAppsScript.Spreadsheet.Protection {
    this.rt.hit('Protection', 'setWarningOnly');
    this.warningOnly = warningOnly;
    return this.self();
  }
  isWarningOnly(): boolean {
    this.rt.hit('Protection', 'isWarningOnly');
    return this.warningOnly;
  }
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): GoogleAppsScript.Spreadsheet.Protection {
    this.rt.hit('Protection', 'addEditor');
    const email = typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail();
    if (!this.editors.includes(email)) this.editors.push(email);
    return this.self();
  }
  addEditors(emailAddresses: string[]): GoogleAppsScript.Spreadsheet.Protection {
    this.rt.hit('Protection', 'addEditors');
    for (const e of emailAddresses) if (!this.editors.includes(e)) this.editors.push(e);
    return this.self();
  }
  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): GoogleAppsScript.Spreadsheet.Protection {
    this.rt.hit('Protection', 'removeEditor');
    const email = typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail();
    this.editors = this.editors.filter((e) => e !== email || e === this.sheet.spreadsheet.owner);
    return this.self();
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    this.rt.hit('Protection', 'getEditors');
    return this.editors.map((e) => this.user(e));
  }
  canEdit(): boolean {
    this.rt.hit('Protection', 'canEdit');
    return this.editors.includes(this.sheet.spreadsheet.effectiveUser);
  }
  remove(): void {
    this.rt.hit('Protection', 'remove');
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    this.rt.hit('Protection', 'getRange');
    return asGas(this.range);
  }
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GoogleAppsScript.Spreadsheet.Protection {
    this.rt.hit('Protection', 'setUnprotectedRanges');
    this.unprotected = ranges as unknown as FakeRange[];
    return this.self();
  }
  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    this.rt.hit('Protection', 'getUnprotectedRanges');
    return asGas([...this.unprotected]);
  }
}

// ---------------------------------------------------------------------------------------- Range

interface Cell {
  value: unknown;
  formula?: string;
  note?: string;
  numberFormat?: string;
  validation?: FakeDataValidation | null;
  fontWeight?: string;
  fontColor?: string;
  fontSize?: number;
  background?: string;
}

type RangeMethods =
  | 'getValues'
  | 'getValue'
  | 'getDisplayValues'
  | 'getFormulas'
  | 'setValues'
  | 'setValue'
  | 'clearContent'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getNumberFormat'
  | 'setNotes'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'getDataValidations'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'getFontWeight'
  | 'setFontColors'
  | 'setFontSizes'
  | 'setBackgrounds'
  | 'getBackgrounds'
  | 'activate'
  | 'getA1Notation'
  | 'protect'
  | 'getRow'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getSheet';

export class FakeRange implements Pick<GoogleAppsScript.Spreadsheet.Range, RangeMethods> {
  constructor(
    private readonly rt: Runtime,
    readonly sheet: FakeSheet,
    readonly box: Box,
  ) {}
  private self(): GoogleAppsScript.Spreadsheet.Range {
    return asGas(this);
  }
  private hit(method: string): void {
    this.rt.hit('Range', method);
  }
  private map<T>(fn: (cell: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.box.rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.box.cols; c++) row.push(fn(this.sheet.cell(this.box.row + r, this.box.col + c)));
      out.push(row);
    }
    return out;
  }
  /** Checks a 2-D argument against the range size, with the messages Apps Script gives (GF). */
  private checkGrid(method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data) || !data.every((r) => Array.isArray(r))) {
      throw signatureError(this.rt, `SpreadsheetApp.Range.${method}`, [data]);
    }
    const grid = data as unknown[][];
    if (grid.length !== this.box.rows) {
      throw this.rt.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this.box.rows}.`,
      );
    }
    for (const row of grid) {
      if (row.length !== this.box.cols) {
        throw this.rt.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.box.cols}.`,
        );
      }
    }
    return grid;
  }
  private each(grid: unknown[][], fn: (cell: Cell, v: unknown) => void): void {
    for (let r = 0; r < this.box.rows; r++) {
      for (let c = 0; c < this.box.cols; c++) fn(this.sheet.cellForWrite(this.box.row + r, this.box.col + c), grid[r][c]);
    }
  }
  /** How setValues treats strings in this world (switches c and g of docs/google-behaviours.md). */
  private typing(): Typing {
    return { parse: !this.rt.behaviours.setValuesKeepsStrings, apostrophe: this.rt.behaviours.apostropheMakesText, zone: this.sheet.spreadsheet.timeZone, rt: this.rt };
  }
  private fill(v: unknown): unknown[][] {
    return Array.from({ length: this.box.rows }, () => Array.from({ length: this.box.cols }, () => v));
  }
  private readValue(cell: Cell | undefined): unknown {
    if (!cell || cell.formula) return '';
    return isDate(cell.value) ? this.rt.date(cell.value.getTime()) : cell.value;
  }

  /** Number, Boolean, Date or String; '' for an empty cell (REF range#getValues); '' for a formula (see top). */
  getValues(): unknown[][] {
    this.hit('getValues');
    return this.map((c) => this.readValue(c));
  }
  getValue(): unknown {
    this.hit('getValue');
    return this.readValue(this.sheet.cell(this.box.row, this.box.col));
  }
  getDisplayValues(): string[][] {
    this.hit('getDisplayValues');
    return this.map((c) => displayValue(this.readValue(c), this.sheet.spreadsheet.timeZone));
  }
  getFormulas(): string[][] {
    this.hit('getFormulas');
    return this.map((c) => c?.formula ?? '');
  }
  /** A string starting with '=' becomes a formula (REF range#setValues). */
  setValues(values: unknown[][]): GoogleAppsScript.Spreadsheet.Range {
    this.hit('setValues');
    this.sheet.spreadsheet.assertCanEdit();
    const grid = this.checkGrid('setValues', values);
    this.each(grid, (cell, v) => writeValue(cell, v, this.typing()));
    return this.self();
  }
  setValue(value: unknown): GoogleAppsScript.Spreadsheet.Range {
    this.hit('setValue');
    this.sheet.spreadsheet.assertCanEdit();
    this.each(this.fill(value), (cell, v) => writeValue(cell, v, this.typing()));
    return this.self();
  }
  clearContent(): GoogleAppsScript.Spreadsheet.Range {
    this.hit('clearContent');
    this.each(this.fill(''), (cell, v) => writeValue(cell, v));
    return this.self();
  }
  /** 'general' resets; null fails (GF). */
  setNumberFormat(numberFormat: string): GoogleAppsScript.Spreadsheet.Range {
    this.hit('setNumberFormat');
    if (typeof numberFormat !== 'string') throw signatureError(this.rt, 'SpreadsheetApp.Range.setNumberFormat', [numberFormat]);
    this.each(this.fill(numberFormat), (cell, f) => (cell.numberFormat = f === 'general' ? undefined : String(f)));
    return this.self();
  }
  setNumberFormats(numberFormats: unknown[][]): GoogleAppsScript.Spreadsheet.Range {
    this.hit('setNumberFormats');
    this.each(this.checkGrid('setNumberFormats', numberFormats), (cell, f) => (cell.numberFormat = f === 'general' ? undefined : String(f)));
    return this.self();
  }
  getNumberFormat(): string {
    this.hit('getNumberFormat');
    return this.sheet.cell(this.box.row, this.box.col)?.numberFormat ?? '0.###############';
  }
  /** setNotes([[25]]) reads back "25.0": numbers go through Java's Double.toString (GF). */
  setNotes(notes: unknown[][]): GoogleAppsScript.Spreadsheet.Range {
    this.hit('setNotes');
    this.each(this.checkGrid('setNotes', notes), (cell, n) => {
      cell.note = n === null || n === undefined ? '' : typeof n === 'number' && Number.isInteger(n) ? `${n}.0` : String(n);
    });
    return this.self();
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GoogleAppsScript.Spreadsheet.Range {
    this.hit('setDataValidation');
    if (rule !== null && !(rule instanceof FakeDataValidation)) throw signatureError(this.rt, 'SpreadsheetApp.Range.setDataValidation', [rule]);
    this.each(this.fill(rule), (cell, v) => (cell.validation = v as FakeDataValidation | null));
    return this.self();
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): GoogleAppsScript.Spreadsheet.Range {
    this.hit('setDataValidations');
    this.each(this.checkGrid('setDataValidations', rules), (cell, v) => (cell.validation = (v as FakeDataValidation | null) ?? null));
    return this.self();
  }
  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    this.hit('getDataValidations');
    return asGas(this.map((c) => c?.validation ?? null));
  }
  setFontWeight(fontWeight: string | null): GoogleAppsScript.Spreadsheet.Range {
    this.hit('setFontWeight');
    this.each(this.fill(fontWeight), (cell, w) => (cell.fontWeight = w === null ? 'normal' : String(w)));
    return this.self();
  }
  setFontWeights(fontWeights: unknown[][]): GoogleAppsScript.Spreadsheet.Range {
    this.hit('setFontWeights');
    this.each(this.checkGrid('setFontWeights', fontWeights), (cell, w) => (cell.fontWeight = w === null ? 'normal' : String(w)));
    return this.self();
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    this.hit('getFontWeight');
    return asGas(this.sheet.cell(this.box.row, this.box.col)?.fontWeight ?? 'normal');
  }
  setFontColors(colors: unknown[][]): GoogleAppsScript.Spreadsheet.Range {
    this.hit('setFontColors');
    this.each(this.checkGrid('setFontColors', colors), (cell, v) => (cell.fontColor = v === null ? '#000000' : String(v)));
    return this.self();
  }
  setFontSizes(sizes: unknown[][]): GoogleAppsScript.Spreadsheet.Range {
    this.hit('setFontSizes');
    this.each(this.checkGrid('setFontSizes', sizes), (cell, v) => (cell.fontSize = typeof v === 'number' ? v : 10));
    return this.self();
  }
  setBackgrounds(color: string[][]): GoogleAppsScript.Spreadsheet.Range {
    this.hit('setBackgrounds');
    this.each(this.checkGrid('setBackgrounds', color), (cell, v) => (cell.background = v === null ? '#ffffff' : String(v)));
    return this.self();
  }
  getBackgrounds(): string[][] {
    this.hit('getBackgrounds');
    return this.map((c) => c?.background ?? '#ffffff');
  }
  /** Makes this the active range and its sheet the active sheet (REF range#activate). */
  activate(): GoogleAppsScript.Spreadsheet.Range {
    this.hit('activate');
    this.sheet.spreadsheet.activeSheet = this.sheet;
    this.sheet.spreadsheet.activeRange = this;
    return this.self();
  }
  getA1Notation(): string {
    this.hit('getA1Notation');
    return a1Of(this.box);
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.hit('protect');
    const p = new FakeProtection(this.rt, this.sheet, ProtectionType.RANGE, this);
    this.sheet.protections.push(p);
    return asGas(p);
  }
  getRow(): number {
    this.hit('getRow');
    return this.box.row;
  }
  getColumn(): number {
    this.hit('getColumn');
    return this.box.col;
  }
  getLastRow(): number {
    this.hit('getLastRow');
    return this.box.row + this.box.rows - 1;
  }
  getLastColumn(): number {
    this.hit('getLastColumn');
    return this.box.col + this.box.cols - 1;
  }
  getNumRows(): number {
    this.hit('getNumRows');
    return this.box.rows;
  }
  getNumColumns(): number {
    this.hit('getNumColumns');
    return this.box.cols;
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.hit('getSheet');
    return asGas(this.sheet);
  }
}

function a1Of(box: Box): string {
  const start = `${columnLetters(box.col)}${box.row}`;
  if (box.rows === 1 && box.cols === 1) return start;
  return `${start}:${columnLetters(box.col + box.cols - 1)}${box.row + box.rows - 1}`;
}

interface Typing {
  /** Strings are read as if typed (switch c). */
  parse: boolean;
  /** A leading apostrophe makes the rest text and is not stored (switch g). */
  apostrophe: boolean;
  zone: string;
  rt: Runtime;
}

function writeValue(cell: Cell, v: unknown, typing?: Typing): void {
  // A leading apostrophe stores the rest as text and is not part of the stored value (switch g of
  // docs/google-behaviours.md; the pessimistic answer keeps it as a character).
  if (typeof v === 'string' && v.startsWith("'") && typing && !typing.apostrophe) {
    cell.formula = undefined;
    cell.value = v;
    return;
  }
  if (typeof v === 'string' && v.startsWith("'")) {
    cell.formula = undefined;
    cell.value = v.slice(1);
    return;
  }
  if (typeof v === 'string' && v.startsWith('=') && v.length > 1) {
    cell.formula = v;
    cell.value = '';
    return;
  }
  cell.formula = undefined;
  if (typeof v === 'string' && typing?.parse && cell.numberFormat !== '@') {
    const typed = asTyped(v, typing);
    if (typed) {
      cell.value = typed.value;
      if (typed.format && !cell.numberFormat) cell.numberFormat = typed.format;
      return;
    }
  }
  if (v === null || v === undefined) cell.value = '';
  else if (isDate(v)) cell.value = new Date(v.getTime());
  else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') cell.value = v;
  else cell.value = String(v);
}

/**
 * Switch c's pessimistic answer: a string read the way the Sheet reads what a person types in the vi_VN
 * locale (decimal comma, dot for thousands, day/month dates): booleans, percents, numbers, dates.
 */
function asTyped(v: string, t: Typing): { value: unknown; format?: string } | null {
  const s = v.trim();
  if (/^(true|false)$/i.test(s)) return { value: /^true$/i.test(s) };
  const num = (x: string) => Number(x.replace(/\./g, '').replace(',', '.'));
  const number = /^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
  const pct = /^(.*?)\s*%$/.exec(s);
  if (pct && number.test(pct[1])) return { value: num(pct[1]) / 100, format: '0.00%' };
  if (number.test(s)) return { value: num(s) };
  const date = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(s);
  if (date) {
    const [day, month, year] = [Number(date[1]), Number(date[2]), Number(date[3] ?? new Date(t.rt.clock.now()).getUTCFullYear())];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { value: t.rt.date(midnightIn(t.zone, year, month, day)), format: 'dd/mm/yyyy' };
  }
  return null;
}

/** The instant of 00:00 on a calendar day in an IANA zone. */
export function midnightIn(zone: string, year: number, month: number, day: number): number {
  const utc = Date.UTC(year, month - 1, day);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(utc);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return utc - (shown - utc);
}

/** What the cell shows; a date as its day in the Sheet's time zone. */
function displayValue(v: unknown, zone: string): string {
  if (v === '' || v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(v.getTime());
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('day')}/${get('month')}/${get('year')}`;
  }
  return String(v);
}

// ---------------------------------------------------------------------------------------- Sheet

type SheetMethods =
  | 'getName'
  | 'setName'
  | 'getRange'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'setFrozenRows'
  | 'protect'
  | 'getProtections'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'setColumnWidth'
  | 'activate'
  | 'getSheetId'
  | 'getParent'
  | 'insertRowsBefore'
  | 'clear';

export class FakeSheet implements Pick<GoogleAppsScript.Spreadsheet.Sheet, SheetMethods> {
  private readonly cells = new Map<number, Map<number, Cell>>();
  protections: FakeProtection[] = [];
  frozenRows = 0;
  hidden = false;
  readonly columnWidths = new Map<number, number>();
  maxRows = MAX_ROWS;
  maxCols = MAX_COLUMNS;

  constructor(
    private readonly rt: Runtime,
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly sheetId: number,
  ) {}
  private self(): GoogleAppsScript.Spreadsheet.Sheet {
    return asGas(this);
  }
  private hit(method: string): void {
    this.rt.hit('Sheet', method);
  }

  cell(row: number, col: number): Cell | undefined {
    return this.cells.get(row)?.get(col);
  }
  cellForWrite(row: number, col: number): Cell {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    let c = r.get(col);
    if (!c) r.set(col, (c = { value: '' }));
    this.maxRows = Math.max(this.maxRows, row);
    this.maxCols = Math.max(this.maxCols, col);
    return c;
  }
  private hasContent(c: Cell): boolean {
    return c.value !== '' || Boolean(c.formula);
  }
  lastRow(): number {
    let last = 0;
    for (const [r, row] of this.cells) for (const c of row.values()) if (this.hasContent(c)) last = Math.max(last, r);
    return last;
  }
  lastColumn(): number {
    let last = 0;
    for (const row of this.cells.values()) for (const [col, c] of row) if (this.hasContent(c)) last = Math.max(last, col);
    return last;
  }
  /** As Sheets does: rows at and below `beforePosition` (1-based) move down with their values, notes and rules. */
  insertRowsBefore(beforePosition: number, howMany: number): GoogleAppsScript.Spreadsheet.Sheet {
    this.hit('insertRowsBefore');
    if (!Number.isInteger(beforePosition) || beforePosition < 1 || !Number.isInteger(howMany) || howMany < 1) throw new Error(`Exception: Invalid argument: insertRowsBefore(${beforePosition}, ${howMany})`);
    const moved = [...this.cells.entries()].filter(([r]) => r >= beforePosition).sort((a, b) => b[0] - a[0]);
    for (const [r, row] of moved) {
      this.cells.delete(r);
      this.cells.set(r + howMany, row);
    }
    this.maxRows += howMany;
    return this.self();
  }

  /** Test helper: the sheet's values A1:(lastRow,lastCol) without counting calls. */
  dump(): unknown[][] {
    const rows = this.lastRow();
    const cols = this.lastColumn();
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => {
        const cell = this.cell(r + 1, c + 1);
        return cell?.formula ?? cell?.value ?? '';
      }),
    );
  }
  rangeOf(box: Box): FakeRange {
    return new FakeRange(this.rt, this, box);
  }

  getName(): string {
    this.hit('getName');
    return this.name;
  }
  setName(name: string): GoogleAppsScript.Spreadsheet.Sheet {
    this.hit('setName');
    this.spreadsheet.assertNameFree(name, this);
    this.name = name;
    return this.self();
  }
  /** getRange(a1) | (row, column[, numRows[, numColumns]]); the bounds messages are Apps Script's (REF sheet#getRange). */
  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): GoogleAppsScript.Spreadsheet.Range {
    this.hit('getRange');
    if (typeof a1OrRow === 'string') {
      const parsed = parseA1(a1OrRow, this.maxRows, this.maxCols);
      if (!parsed) throw this.rt.error('Range not found');
      return asGas(this.rangeOf(parsed.box));
    }
    const row = a1OrRow;
    const col = column ?? 1;
    const rows = numRows ?? 1;
    const cols = numColumns ?? 1;
    if (!Number.isInteger(row) || row < 1) throw this.rt.error('The starting row of the range is too small.');
    if (!Number.isInteger(col) || col < 1) throw this.rt.error('The starting column of the range is too small.');
    if (rows < 1) throw this.rt.error('The number of rows in the range must be at least 1.');
    if (cols < 1) throw this.rt.error('The number of columns in the range must be at least 1.');
    return asGas(this.rangeOf({ row, col, rows, cols }));
  }
  /** A1:(lastRow, lastCol); just A1 on an empty sheet (REF; GF). */
  getDataRange(): GoogleAppsScript.Spreadsheet.Range {
    this.hit('getDataRange');
    return asGas(this.rangeOf({ row: 1, col: 1, rows: Math.max(1, this.lastRow()), cols: Math.max(1, this.lastColumn()) }));
  }
  /** 0 on an empty sheet (the Apps Script reference). */
  getLastRow(): number {
    this.hit('getLastRow');
    return this.lastRow();
  }
  getLastColumn(): number {
    this.hit('getLastColumn');
    return this.lastColumn();
  }
  getMaxRows(): number {
    this.hit('getMaxRows');
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.hit('getMaxColumns');
    return this.maxCols;
  }
  setFrozenRows(rows: number): void {
    this.hit('setFrozenRows');
    this.frozenRows = rows;
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.hit('protect');
    const existing = this.protections.find((p) => p.type === ProtectionType.SHEET);
    if (existing) return asGas(existing);
    const p = new FakeProtection(this.rt, this, ProtectionType.SHEET, this.rangeOf({ row: 1, col: 1, rows: this.maxRows, cols: this.maxCols }));
    this.protections.push(p);
    return asGas(p);
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    this.hit('getProtections');
    return asGas(this.protections.filter((p) => p.type === type));
  }
  hideSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.hit('hideSheet');
    if (this.spreadsheet.sheets.filter((s) => !s.hidden && s !== this).length === 0) {
      throw this.rt.error("You can't hide all the sheets in a document."); // text unconfirmed
    }
    this.hidden = true;
    return this.self();
  }
  showSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.hit('showSheet');
    this.hidden = false;
    return this.self();
  }
  isSheetHidden(): boolean {
    this.hit('isSheetHidden');
    return this.hidden;
  }
  setColumnWidth(columnPosition: number, width: number): GoogleAppsScript.Spreadsheet.Sheet {
    this.hit('setColumnWidth');
    this.columnWidths.set(columnPosition, width);
    return this.self();
  }
  activate(): GoogleAppsScript.Spreadsheet.Sheet {
    this.hit('activate');
    this.spreadsheet.activeSheet = this;
    return this.self();
  }
  getSheetId(): number {
    this.hit('getSheetId');
    return this.sheetId;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.hit('getParent');
    return asGas(this.spreadsheet);
  }
  clear(): GoogleAppsScript.Spreadsheet.Sheet {
    this.hit('clear');
    this.cells.clear();
    return this.self();
  }
}

// ---------------------------------------------------------------------------------- Spreadsheet

type SpreadsheetMethods =
  | 'getEditors'
  | 'getSheets'
  | 'getSheetByName'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'getRange'
  | 'toast'
  | 'getId'
  | 'getUrl'
  | 'getName'
  | 'getSpreadsheetTimeZone'
  | 'getSpreadsheetLocale';

export interface ToastRecord {
  msg: string;
  title: string;
  timeoutSeconds: number;
}

export class FakeSpreadsheet implements Pick<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetMethods> {
  readonly sheets: FakeSheet[] = [];
  readonly toasts: ToastRecord[] = [];
  activeSheet: FakeSheet;
  activeRange: FakeRange | null = null;
  readonly editors: string[];
  /** Set true to make every write fail the way a view-only Sheet does. */
  readOnly = false;
  private nextSheetId = 0;

  constructor(
    private readonly rt: Runtime,
    readonly id: string,
    public name: string,
    readonly owner: string,
    readonly effectiveUser: string,
    public timeZone = 'Asia/Ho_Chi_Minh',
    public locale = 'vi_VN',
  ) {
    this.editors = [owner];
    this.activeSheet = this.addSheet('Trang tính1');
  }
  private hit(method: string): void {
    this.rt.hit('Spreadsheet', method);
  }
  assertCanEdit(): void {
    if (this.readOnly) throw this.rt.error('You do not have permission to edit this spreadsheet.'); // text unconfirmed
  }
  /** Duplicate-name message: Sheets API text (the Apps Script reference; GAS text unconfirmed). */
  assertNameFree(name: string, except?: FakeSheet): void {
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
      throw this.rt.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
  /** Test helper: adds a sheet without counting a call or activating it; optional values from A1. */
  addSheet(name: string, values?: unknown[][]): FakeSheet {
    this.assertNameFree(name);
    const sheet = new FakeSheet(this.rt, this, name, this.nextSheetId++);
    this.sheets.push(sheet);
    if (values && values.length > 0) {
      const width = Math.max(...values.map((r) => r.length));
      values.forEach((row, r) => {
        for (let c = 0; c < width; c++) writeValue(sheet.cellForWrite(r + 1, c + 1), row[c] ?? '');
      });
    }
    return sheet;
  }
  /** Test helper: the sheet called `name` (throws when missing, unlike getSheetByName). */
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`fake: no sheet named ${name}`);
    return s;
  }

  /** The people who may edit the Sheet, owner first (REF spreadsheet#getEditors). */
  getEditors(): GoogleAppsScript.Base.User[] {
    this.hit('getEditors');
    return this.editors.map((email) => asGas<GoogleAppsScript.Base.User>({ getEmail: () => email }));
  }
  getSheets(): GoogleAppsScript.Spreadsheet.Sheet[] {
    this.hit('getSheets');
    return asGas([...this.sheets]);
  }
  /** null when missing (DTS). */
  getSheetByName(name: string): GoogleAppsScript.Spreadsheet.Sheet | null {
    this.hit('getSheetByName');
    return asGas(this.sheets.find((s) => s.name === name) ?? null);
  }
  /** The new sheet becomes active (the Apps Script reference). Overloads reduced to name and index. */
  insertSheet(nameOrIndex?: string | number | object, index?: number | object): GoogleAppsScript.Spreadsheet.Sheet {
    this.hit('insertSheet');
    this.assertCanEdit();
    if ((typeof nameOrIndex === 'object' && nameOrIndex !== null) || (typeof index === 'object' && index !== null)) {
      throw new Error('fake: insertSheet with a template option is not modeled');
    }
    let name: string;
    if (typeof nameOrIndex === 'string') name = nameOrIndex;
    else {
      let n = this.sheets.length + 1;
      while (this.sheets.some((s) => s.name === `Trang tính${n}`)) n++;
      name = `Trang tính${n}`;
      index = nameOrIndex as number | undefined;
    }
    const sheet = this.addSheet(name);
    if (index !== undefined) {
      this.sheets.splice(this.sheets.indexOf(sheet), 1);
      this.sheets.splice(Math.min(index, this.sheets.length), 0, sheet);
    }
    this.activeSheet = sheet;
    return asGas(sheet);
  }
  deleteSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
    this.hit('deleteSheet');
    const s = sheet as unknown as FakeSheet;
    if (this.sheets.length === 1) throw this.rt.error("You can't remove all the sheets in a document."); // text unconfirmed
    this.sheets.splice(this.sheets.indexOf(s), 1);
    if (this.activeSheet === s) this.activeSheet = this.sheets[0];
  }
  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.hit('getActiveSheet');
    return asGas(this.activeSheet);
  }
  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.Sheet {
    this.hit('setActiveSheet');
    this.activeSheet = sheet as unknown as FakeSheet;
    return sheet;
  }
  /** 'Tab'!A1:B2 notation; without a sheet name, the active sheet. */
  getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range {
    this.hit('getRange');
    const parsed = parseA1(a1Notation, MAX_ROWS, MAX_COLUMNS);
    const sheet = parsed?.sheet === undefined ? this.activeSheet : this.sheets.find((s) => s.name === parsed.sheet);
    if (!parsed || !sheet) throw this.rt.error('Range not found');
    return asGas(sheet.rangeOf(parsed.box));
  }
  /** null timeout = 5 s; negative stays until dismissed (REF spreadsheet#toast). */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.hit('toast');
    this.toasts.push({ msg: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? 5 });
  }
  getId(): string {
    this.hit('getId');
    return this.id;
  }
  getUrl(): string {
    this.hit('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getName(): string {
    this.hit('getName');
    return this.name;
  }
  getSpreadsheetTimeZone(): string {
    this.hit('getSpreadsheetTimeZone');
    return this.timeZone;
  }
  getSpreadsheetLocale(): string {
    this.hit('getSpreadsheetLocale');
    return this.locale;
  }
}

// ------------------------------------------------------------------------------ SpreadsheetApp

type AppMethods = 'getActiveSpreadsheet' | 'getUi' | 'newDataValidation' | 'flush';

export class FakeSpreadsheetApp implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppMethods | 'ProtectionType' | 'DataValidationCriteria'> {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  constructor(
    private readonly rt: Runtime,
    readonly spreadsheet: FakeSpreadsheet,
    readonly ui: FakeUi,
  ) {}
  private active(method: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.rt.hit('SpreadsheetApp', method);
    this.rt.requireScope(`SpreadsheetApp.${method}`, 'https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/spreadsheets');
    // A standalone script has no container: getActiveSpreadsheet() returns null (REF spreadsheet-app#getActiveSpreadsheet).
    return asGas(this.rt.context === 'standalone' ? null : this.spreadsheet);
  }
  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.active('getActiveSpreadsheet');
  }
  /** Only in a bound script with the file open (REF); the message text is unconfirmed. */
  getUi(): GoogleAppsScript.Base.Ui {
    this.rt.hit('SpreadsheetApp', 'getUi');
    if (this.rt.context === 'trigger' || this.rt.context === 'standalone') {
      throw this.rt.error('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return asGas(this.ui);
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.rt.hit('SpreadsheetApp', 'newDataValidation');
    return asGas(new FakeDataValidationBuilder(this.rt));
  }
  flush(): void {
    this.rt.hit('SpreadsheetApp', 'flush');
  }
}
