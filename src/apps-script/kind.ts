import type { ReportKind } from '../core/kind/types';
import { normaliseLabel } from '../core/workbook/grid';
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
