/**
 * Lists the template reads in another cut than the workbook holds them: filtered (main crops, other
 * crops) or grouped (models by field). Each entry is one name a template can loop over.
 */
export type ListView =
  | { key: string; list: string; where: { column: string; equals: string } }
  /**
   * Grouped by a column; with `joinBy`, each group also lists its rows joined by another column's value
   * (models with one shared result: «mô hình A và mô hình B …, giúp …»), so a shared phrase is written once.
   */
  | { key: string; list: string; groupBy: string; itemsKey: string; joinBy?: { column: string; key: string } };
