/**
 * A workbook made for another kind of report than the one it is being read as: a district rolling up
 * communes of two kinds, or a clerk passing the wrong --kind. Read as the wrong kind, it would give one
 * error per missing tab, block and row, and not one of them says what is really wrong; this gives one
 * message that names the kind the workbook is made for.
 */
import type { Issue } from '../issues';
import { a1, normaliseLabel, type WorkbookGrid } from './grid';
import { KIND_SETTING_LABEL, SETTINGS_TAB, settingsGrid, settingText } from './local-units';

/** What the check needs of a kind. */
export interface KindOutline {
  id: string;
  name: string;
  tabs: readonly { name: string }[];
}

/**
 * The issue when `workbook` is plainly of another of `kinds` than `chosen`, else undefined. Plainly means:
 * its «Cài đặt» tab names that kind (Google's setup writes it there), or, with nothing recorded, the chosen
 * kind misses tabs while exactly one other kind has every tab, one of them a tab the chosen kind lacks.
 */
export function kindMismatch(chosen: KindOutline, kinds: readonly KindOutline[], workbook: WorkbookGrid): Issue | undefined {
  const others = kinds.filter((k) => k.id !== chosen.id);
  const recorded = recordedKind(workbook);
  if (recorded) {
    if (matches(chosen, recorded.value)) return undefined;
    const other = others.find((k) => matches(k, recorded.value));
    if (other) {
      const why = normaliseLabel(recorded.value) === normaliseLabel(other.name) ? `ghi ở trang «${SETTINGS_TAB}»` : `trang «${SETTINGS_TAB}» ghi «${recorded.value}»`;
      return issue(chosen, other, recorded.sheet, recorded.cell, why);
    }
  }
  const present = new Set(workbook.map((s) => normaliseLabel(s.name)));
  const hasEveryTab = (k: KindOutline) => k.tabs.every((t) => present.has(normaliseLabel(t.name)));
  if (hasEveryTab(chosen)) return undefined;
  const fitting = others.filter(hasEveryTab);
  if (fitting.length !== 1) return undefined;
  const other = fitting[0];
  const chosenTabs = new Set(chosen.tabs.map((t) => normaliseLabel(t.name)));
  const own = other.tabs.find((t) => !chosenTabs.has(normaliseLabel(t.name)));
  if (!own) return undefined;
  const sheet = workbook.find((s) => normaliseLabel(s.name) === normaliseLabel(own.name))?.name ?? own.name;
  return issue(chosen, other, sheet, 'A1', `có đủ các trang của loại đó, như «${own.name}»`);
}

function matches(kind: KindOutline, value: string): boolean {
  const wanted = normaliseLabel(value);
  return normaliseLabel(kind.id) === wanted || normaliseLabel(kind.name) === wanted;
}

function recordedKind(workbook: WorkbookGrid): { value: string; sheet: string; cell: string } | undefined {
  const settings = settingsGrid(workbook);
  const recorded = settingText(settings, KIND_SETTING_LABEL);
  return settings && recorded ? { value: recorded.value, sheet: settings.name, cell: a1(recorded.row, 1) } : undefined;
}

/** The kind among `kinds` that a workbook's «Cài đặt» names (by id or name), if any. */
export function kindRecordedIn<K extends KindOutline>(workbook: WorkbookGrid, kinds: readonly K[]): K | undefined {
  const recorded = recordedKind(workbook);
  return recorded ? kinds.find((k) => matches(k, recorded.value)) : undefined;
}

function issue(chosen: KindOutline, other: KindOutline, sheet: string, cell: string, why: string): Issue {
  return {
    severity: 'error',
    sheet,
    cell,
    message:
      `Bảng tính này làm theo loại báo cáo «${other.name}» (${why}), không phải loại «${chosen.name}» đang dùng để đọc nó: ` +
      `đọc theo loại này thì thiếu gần hết các trang và dòng, nên chưa đọc số liệu nào. ` +
      `Chọn đúng loại «${other.name}» (dòng lệnh: --kind ${other.id}), hoặc dùng bảng tính của đúng loại.`,
  };
}
