/**
 * Vietnamese number writing without Intl (Apps Script's locale data is not guaranteed):
 * "." groups thousands, "," marks decimals: 17.142,9 · 5.433,05 · 1.050.000.000.
 * Rounding is half away from zero on the shortest decimal form, as Intl.NumberFormat does.
 */

export interface NumberFormat {
  /** Most decimals shown; trailing zeros beyond `minDecimals` are dropped. */
  maxDecimals?: number;
  /** Fewest decimals shown (zeros padded). */
  minDecimals?: number;
}

const THOUSANDS = '.';
const DECIMAL = ',';

/** The shortest decimal digits that name `abs` (as String() gives them), without exponent notation. */
function plainDecimal(abs: number): { int: string; frac: string } {
  const [mantissa, expText] = String(abs).split('e');
  const exp = expText ? Number(expText) : 0;
  const [i, f = ''] = mantissa.split('.');
  let digits = i + f;
  let point = i.length + exp;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  return { int: digits.slice(0, point), frac: digits.slice(point) };
}

/**
 * Rounds half away from zero on the shortest decimal form of the value (1.005 -> 1,01), as people and
 * Intl.NumberFormat do, rather than on the binary value that toFixed sees (1.00499…).
 */
function roundDecimal(abs: number, decimals: number): { int: string; frac: string } {
  const { int, frac } = plainDecimal(abs);
  if (frac.length <= decimals) return { int, frac: frac.padEnd(decimals, '0') };
  const kept = (int + frac.slice(0, decimals)).split('').map(Number);
  if (Number(frac[decimals]) >= 5) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i >= 0) kept[i] += 1;
    else kept.unshift(1);
  }
  const all = kept.join('');
  const intLength = all.length - decimals;
  return { int: all.slice(0, intLength).replace(/^0+(?=\d)/, ''), frac: all.slice(intLength) };
}

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += THOUSANDS;
    out += digits[i];
  }
  return out;
}

export function formatNumber(value: number, format: NumberFormat = {}): string {
  if (!Number.isFinite(value)) throw new RangeError(`Không thể viết số không hữu hạn: ${value}`);
  const maxDecimals = format.maxDecimals ?? 2;
  const minDecimals = Math.min(format.minDecimals ?? 0, maxDecimals);
  const { int: intPart, frac: fracRaw } = roundDecimal(Math.abs(value), maxDecimals);
  let frac = fracRaw;
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  const isZero = /^0*$/.test(intPart + frac);
  const sign = value < 0 && !isZero ? '-' : '';
  return sign + groupThousands(intPart) + (frac ? DECIMAL + frac : '');
}

/** "34,79 %": a percentage value (already ×100) with a space before the sign, as the report writes it. */
export function formatPercent(value: number, format: NumberFormat = {}): string {
  return `${formatNumber(value, format)} %`;
}

/** A quantity with its unit: "6.043,6 tấn", "1.193 triệu đồng". */
export function formatQuantity(value: number, unit: string, format: NumberFormat = {}): string {
  if (unit === '%') return formatPercent(value, format);
  return unit ? `${formatNumber(value, format)} ${unit}` : formatNumber(value, format);
}

/**
 * Counts in administrative prose take a leading zero below 10: "03 công trình", "02 nhà".
 * Zero and numbers from 10 are written as they are.
 */
export function formatCount(value: number): string {
  if (Number.isInteger(value) && value > 0 && value < 10) return `0${value}`;
  return formatNumber(value, { maxDecimals: 2 });
}
