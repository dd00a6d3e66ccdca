/** SpreadsheetApp behaviour the product relies on when it reads and writes tabs (sheet-io.ts, settings.ts, setup.ts). */
import { SELF_CHECK_MSG as M } from '../messages';
import { expectThat, shown } from './check';
import type { ContractCase } from './types';

/** Strings a person's typing would turn into numbers, percents, dates or booleans (switch c). */
export const TYPED_TEXTS = ['007', '34,79 %', '1/2', 'TRUE'];

export const SHEET_CASES: ContractCase[] = [
  {
    id: 'sheet.readWrite',
    label: M.sheetReadWrite,
    check(ctx) {
      const tab = ctx.freshTab();
      const empty = [tab.getLastRow(), tab.getLastColumn(), tab.getDataRange().getA1Notation()];
      expectThat(shown(empty) === shown([0, 0, 'A1']), shown([0, 0, 'A1']), empty);
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      expectThat(ss.getSheetByName(M.missingTab) === null, 'null', M.found);
      const range = ctx.cells(2, 2);
      range.setValues([
        [12.5, 'chữ'],
        ['', '=A1*2'],
      ]);
      const values = range.getValues();
      const formulas = range.getFormulas();
      expectThat(values[0][0] === 12.5 && values[0][1] === 'chữ' && values[1][0] === '', shown([12.5, 'chữ', '']), [values[0][0], values[0][1], values[1][0]]);
      expectThat(formulas[1][1] === '=A1*2' && formulas[0][0] === '', M.formulaKept, formulas);
      return M.readBack(shown(values), shown(formulas));
    },
  },
  {
    id: 'sheet.plainText',
    label: M.plainText,
    check(ctx) {
      const range = ctx.cells(1, TYPED_TEXTS.length);
      range.setNumberFormat('@');
      range.setValues([TYPED_TEXTS]);
      const back = range.getValues()[0];
      expectThat(shown(back) === shown(TYPED_TEXTS), shown(TYPED_TEXTS), back);
      return M.readBack(shown(back), '');
    },
  },
  {
    id: 'sheet.typedStrings',
    label: M.typedStrings,
    behaviour: 'setValuesKeepsStrings',
    answers: { optimistic: M.stringsKept, pessimistic: M.stringsTyped },
    observe(ctx) {
      const range = ctx.cells(1, TYPED_TEXTS.length);
      range.setValues([TYPED_TEXTS]);
      const back = range.getValues()[0];
      return { optimistic: back.every((v, i) => v === TYPED_TEXTS[i]), detail: M.readBack(shown(back), '') };
    },
  },
  {
    id: 'sheet.apostrophe',
    label: M.formulaText,
    behaviour: 'apostropheMakesText',
    answers: { optimistic: M.apostropheHidden, pessimistic: M.apostropheStored },
    observe(ctx) {
      const cell = ctx.cells(1, 1);
      cell.setValues([["'=1+1"]]);
      const value = cell.getValues()[0][0];
      const formula = cell.getFormulas()[0][0];
      // Either answer is fine as long as it is text, never a formula.
      expectThat(formula === '' && (value === '=1+1' || value === "'=1+1"), M.textNotFormula, M.readBack(shown(value), shown(formula)));
      return { optimistic: value === '=1+1', detail: M.readBack(shown(value), shown(formula)) };
    },
  },
  {
    id: 'sheet.dates',
    label: M.dates,
    behaviour: 'sheetZoneIsScriptZone',
    answers: { optimistic: M.sameZone, pessimistic: M.otherZone },
    observe(ctx) {
      const sheetZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
      const scriptZone = Session.getScriptTimeZone();
      // The product writes a day as its midnight in the Sheet's zone and reads it back in that zone (sheet-io.ts).
      const cell = ctx.cells(1, 1);
      cell.setValues([[Utilities.parseDate('2023-05-25', sheetZone, 'yyyy-MM-dd')]]);
      const back = cell.getValues()[0][0] as unknown;
      const isDate = Object.prototype.toString.call(back) === '[object Date]';
      const day = isDate ? Utilities.formatDate(back as Date, sheetZone, 'yyyy-MM-dd') : back;
      expectThat(day === '2023-05-25', '2023-05-25', day);
      return { optimistic: sheetZone === scriptZone, detail: M.zones(sheetZone, scriptZone) };
    },
  },
];
