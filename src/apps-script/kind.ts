import type { ReportKind } from '../core/kind/types';
import { normaliseLabel } from '../core/workbook/grid';
import { MSG } from './messages';
import { bundledKinds, defaultKind } from '../kinds/bundled';

/**
 * The kind of report this Sheet is for: the «Loại báo cáo» row of «Cài đặt» (a kind's name or id), or the
 * default kind for a Sheet made before there were kinds.
 */
export function activeKind(settings?: { kind: string }): ReportKind {
  return kindNamed(settings?.kind ?? '') ?? defaultKind();
}

export function kindNamed(value: string): ReportKind | undefined {
  const wanted = normaliseLabel(value);
  if (!wanted) return undefined;
  return bundledKinds().find((k) => normaliseLabel(k.id) === wanted || normaliseLabel(k.name) === wanted);
}

/**
 * Asks which bundled kind a new Sheet is for (blank: the first). Returns the kind, or undefined when the
 * clerk cancels or types something that is not a number of the list (told so).
 */
export function promptForKind(ui: GoogleAppsScript.Base.Ui): ReportKind | undefined {
  const kinds = bundledKinds();
  if (kinds.length === 1) return kinds[0];
  const answer = ui.prompt(MSG.chooseKindTitle, MSG.chooseKind(kinds.map((k) => k.name)), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return undefined;
  const typed = answer.getResponseText().trim();
  const chosen = typed === '' ? kinds[0] : kinds[Number(typed) - 1];
  if (!chosen || !/^\d*$/.test(typed)) {
    ui.alert(MSG.badKindChoice(typed, kinds.length));
    return undefined;
  }
  return chosen;
}
