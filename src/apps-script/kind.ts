import type { ReportKind } from '../core/kind/types';
import { defaultKind } from '../kinds/bundled';

/** The kind of report this Sheet is for. */
export function activeKind(): ReportKind {
  return defaultKind();
}
