/**
 * Units a clerk may type, grouped by what they measure, each with its factor to the dimension's base unit.
 * Figures are converted to the unit a field declares, so "23.000.000 đồng" and "23 triệu đồng" are one value.
 */
export type Dimension = 'area' | 'mass' | 'money' | 'yield' | 'percent' | 'count' | 'massPerHeadYear' | 'moneyPerHa';

export interface UnitInfo {
  dimension: Dimension;
  /** How many base units one of this unit is; NaN for a local unit whose size the workbook does not set. */
  factor: number;
  /** How the report writes it. */
  display: string;
  /** A unit whose size depends on the region (the sào), set in the workbook. */
  local?: boolean;
}

/**
 * Sizes of local units, from the workbook's settings (its «Cài đặt» tab), handed in by the door that read
 * them: the sào is 360 m² in the North and about 500 m² in the Centre, so the table cannot fix it.
 */
export interface LocalUnits {
  /** Square metres in one sào. */
  saoM2?: number;
}

const LOCAL_UNITS: Record<string, { dimension: Dimension; display: string; size: (l: LocalUnits) => number | undefined }> = {
  sào: { dimension: 'area', display: 'sào', size: (l) => l.saoM2 },
  // Typed without the accent on a keyboard without Vietnamese input.
  sao: { dimension: 'area', display: 'sào', size: (l) => l.saoM2 },
};

const UNITS: Record<string, UnitInfo> = {
  ha: { dimension: 'area', factor: 10_000, display: 'ha' },
  'm²': { dimension: 'area', factor: 1, display: 'm²' },
  m2: { dimension: 'area', factor: 1, display: 'm²' },
  'km²': { dimension: 'area', factor: 1_000_000, display: 'km²' },
  km2: { dimension: 'area', factor: 1_000_000, display: 'km²' },
  tấn: { dimension: 'mass', factor: 1000, display: 'tấn' },
  tạ: { dimension: 'mass', factor: 100, display: 'tạ' },
  kg: { dimension: 'mass', factor: 1, display: 'kg' },
  đồng: { dimension: 'money', factor: 1, display: 'đồng' },
  đ: { dimension: 'money', factor: 1, display: 'đồng' },
  'nghìn đồng': { dimension: 'money', factor: 1e3, display: 'nghìn đồng' },
  'triệu đồng': { dimension: 'money', factor: 1e6, display: 'triệu đồng' },
  'tỷ đồng': { dimension: 'money', factor: 1e9, display: 'tỷ đồng' },
  'tấn/ha': { dimension: 'yield', factor: 1000, display: 'tấn/ha' },
  'tạ/ha': { dimension: 'yield', factor: 100, display: 'tạ/ha' },
  'kg/ha': { dimension: 'yield', factor: 1, display: 'kg/ha' },
  '%': { dimension: 'percent', factor: 1, display: '%' },
  'kg/người/năm': { dimension: 'massPerHeadYear', factor: 1, display: 'kg/người/năm' },
  'triệu đồng/ha/năm': { dimension: 'moneyPerHa', factor: 1e6, display: 'triệu đồng/ha/năm' },
  'triệu đồng/ha': { dimension: 'moneyPerHa', factor: 1e6, display: 'triệu đồng/ha/năm' },
};

/** Plain counts take a noun as unit ("công trình", "lượt"); any text is accepted for them. */
function key(unit: string): string {
  return unit.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase().replace(/^tỉ/, 'tỷ');
}

export function lookupUnit(unit: string, local: LocalUnits = {}): UnitInfo | undefined {
  const k = key(unit);
  const fixed = UNITS[k];
  if (fixed) return fixed;
  const l = LOCAL_UNITS[k];
  return l ? { dimension: l.dimension, factor: l.size(local) ?? Number.NaN, display: l.display, local: true } : undefined;
}

/** The units a clerk may use for a dimension, for messages and choice lists ("ha, m², km², sào"). */
export function unitsOf(dimension: Dimension): string[] {
  const all = [...Object.values(UNITS), ...Object.values(LOCAL_UNITS)];
  return [...new Set(all.filter((u) => u.dimension === dimension).map((u) => u.display))];
}

/** Converts `value` in `from` into `to`; both must measure the same dimension, and a local unit needs its size. */
export function convert(value: number, from: string, to: string, local: LocalUnits = {}): number {
  const a = lookupUnit(from, local);
  const b = lookupUnit(to, local);
  if (!a || !b || a.dimension !== b.dimension) throw new Error(`Không đổi được đơn vị «${from}» sang «${to}»`);
  if (!Number.isFinite(a.factor) || !Number.isFinite(b.factor)) throw new Error(`Chưa biết cỡ của đơn vị «${a.local ? from : to}»`);
  // A local size is no power of ten: 10 sào × 360 ÷ 10 000 is 0,36 ha exactly this way round.
  if (a.local || b.local) return (value * a.factor) / b.factor;
  // Scale by the ratio of the factors (exact powers of ten here), so a figure kept in its own unit is
  // returned as it is and a large one does not overflow on the way (1e305 ha × 10 000 ÷ 10 000).
  if (a.factor === b.factor) return value;
  return a.factor > b.factor ? value * (a.factor / b.factor) : value / (b.factor / a.factor);
}

export function displayUnit(unit: string): string {
  return lookupUnit(unit)?.display ?? unit.trim();
}
