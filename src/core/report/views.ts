/**
 * Lists the template reads in another cut than the workbook holds them: filtered (main crops, other
 * crops) or grouped (models by field). Each entry is one name a template can loop over.
 */
export type ListView =
  | { key: string; list: string; where: { column: string; equals: string } }
  | { key: string; list: string; groupBy: string; itemsKey: string };
