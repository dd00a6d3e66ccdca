/** The model's units (millimetres, points, multiples of a line) in WordprocessingML's units. */
import type { PageSetup } from '../../core/document/model';

export const A4_MM = { width: 210, height: 297 } as const;
const TWIPS_PER_INCH = 1440;
const MM_PER_INCH = 25.4;
/** Word's own single line in the `auto` line rule. */
export const SINGLE_LINE = 240;

export function mmToTwips(mm: number): number {
  return Math.round((mm * TWIPS_PER_INCH) / MM_PER_INCH);
}

export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

/** Font sizes in OOXML are half-points. */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Line spacing as a multiple of single, in 240ths of a line (the `auto` rule). */
export function lineSpacingToLine(multiple: number): number {
  return Math.round(multiple * SINGLE_LINE);
}

/** Width available to text (and tables): page width minus left and right margins, in twips. */
export function textWidthTwips(page: PageSetup): number {
  return mmToTwips(A4_MM.width - page.marginsMm.left - page.marginsMm.right);
}

/** Column widths in twips from percentages; the last column takes the rounding rest so the sum is exact. */
export function columnWidthsTwips(pcts: number[], totalTwips: number): number[] {
  const widths = pcts.map((p) => Math.round((p / 100) * totalTwips));
  if (widths.length > 0) {
    const rest = totalTwips - widths.reduce((a, b) => a + b, 0);
    widths[widths.length - 1] += rest;
  }
  return widths;
}
