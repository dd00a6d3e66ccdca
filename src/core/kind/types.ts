import type { IndicatorDef } from '../indicators/types';
import type { Constraint } from '../report/constraints';
import type { ReportDefinition } from '../report/schema';
import type { ListView } from '../report/views';
import type { SampleData } from '../workbook/layout';

/** A name a template can use that is put together from several fields (kinds/kind.schema.json). */
export type ComposedName =
  /** Text with {field} placeholders, e.g. "UBND {ten_cap_tren}"; absent unless every field is there. */
  | { key: string; kind: 'text'; text: string; upperCase?: boolean }
  /** "Phổ Phong, ngày 25 tháng 5 năm 2023". */
  | { key: string; kind: 'placeDate'; place: string; date: string }
  /** "ngày 25 tháng 5 năm 2023". */
  | { key: string; kind: 'longDate'; date: string }
  /** True when `value` ≥ `than` (for sections such as "no petition left unsettled"). */
  | { key: string; kind: 'atLeast'; value: string; than: string }
  /** `whole` − `part` as a count ("03"), e.g. petitions received but not yet settled; absent if negative. */
  | { key: string; kind: 'remainder'; whole: string; part: string };

/**
 * One report a commune writes, as data: kinds/<id>/kind.json (checked against kinds/kind.schema.json),
 * its default template and its sample figures. The core takes a kind wherever it needs to know the report.
 */
export interface ReportKind extends ReportDefinition {
  id: string;
  name: string;
  description: string;
  /** The two date fields that bound the report period, when the report has one. */
  period?: { from: string; to: string };
  /** Key of the list of recipients the report is shared with (a list with an e-mail column). */
  recipients?: string;
  indicators: IndicatorDef[];
  rules: Constraint[];
  listViews: ListView[];
  composedNames: ComposedName[];
  /** The default template's text (kinds/<id>/template.txt). */
  template: string;
  /** The district's summary report template (kinds/<id>/rollup-template.txt), when the kind has one. */
  rollupTemplate?: string;
  /** The field naming the commune, for the district's roll-up table (e.g. ten_xa). */
  rollupName?: string;
  sample: SampleData;
  /** Where it was loaded from, for messages: "kinds/dan-van-kheo". */
  origin: string;
}
