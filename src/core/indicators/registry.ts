/**
 * The kinds of indicator, one entry each: what it reads (so the loader can check a kind's references and
 * the tests can walk every source), and how it computes its figure and phrase. The engine only loops over
 * a kind's indicators and hands each to its entry here.
 */
import type { IndicatorDef } from './types';
import type { IndicatorKind } from './kind-api';
import { SHARE_KINDS } from './kinds/shares';
import { TOTAL_KINDS } from './kinds/totals';
import { CHANGE_KINDS } from './kinds/changes';
import { PERIOD_KINDS } from './kinds/period';
import { CHECK_KINDS } from './kinds/checks';

export const INDICATOR_KINDS = { ...SHARE_KINDS, ...TOTAL_KINDS, ...CHANGE_KINDS, ...PERIOD_KINDS, ...CHECK_KINDS };

export function indicatorKind<D extends IndicatorDef>(def: D): IndicatorKind<D> {
  return INDICATOR_KINDS[def.kind] as unknown as IndicatorKind<D>;
}
