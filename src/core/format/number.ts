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

/**
 * A non-breaking space: between a number and its unit, so a line never ends on "6.043,6" with "tấn"
 * starting the next one. Word, LibreOffice and Google Docs all honour it.
 */
export const NBSP = '\u00A0';

/** A non-breaking hyphen: inside a range of years or numbers ("2020‑2023", "85‑90%"), never broken. */
export const NB_HYPHEN = '\u2011';

/**
 * "34,79%": a percentage value (already ×100), the sign written right after the number as the reference
 * report writes it ("53,58%", "14,8%"), which also keeps it on the number's line.
 */
export function formatPercent(value: number, format: NumberFormat = {}): string {
  return `${formatNumber(value, format)}%`;
}

/** A quantity with its unit, joined by a non-breaking space: "6.043,6 tấn", "1.193 triệu đồng". */
export function formatQuantity(value: number, unit: string, format: NumberFormat = {}): string {
  if (unit === '%') return formatPercent(value, format);
  return unit ? `${formatNumber(value, format)}${NBSP}${unit}` : formatNumber(value, format);
}

/** "2020‑2023", "85‑90": a range that stays on one line. */
export function formatRange(from: string | number, to: string | number): string {
  return `${from}${NB_HYPHEN}${to}`;
}

/**
 * Typed text made safe to set: a hyphen between two digits ("nhiệm kỳ 2015-2020") becomes a
 * non-breaking one, so a range typed by the clerk is not split at a line end either.
 */
export function keepRangesTogether(text: string): string {
  return text.replace(/(\d)-(?=\d)/g, `$1${NB_HYPHEN}`);
}

/**
 * Counts in administrative prose take a leading zero below 10: "03 công trình", "02 nhà".
 * Zero and numbers from 10 are written as they are.
 */
export function formatCount(value: number): string {
  if (Number.isInteger(value) && value > 0 && value < 10) return `0${value}`;
  return formatNumber(value, { maxDecimals: 2 });
}

const DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/**
 * A whole number below 100 in words, as a sentence that opens with a count writes it ("Hai chợ …"):
 * "hai", "mười", "mười lăm", "hai mươi mốt", "ba mươi tư". Larger or fractional numbers stay in figures.
 */
export function countInWords(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 100) return formatNumber(value);
  if (value < 10) return DIGIT_WORDS[value];
  const tens = Math.floor(value / 10);
  const unit = value % 10;
  const head = tens === 1 ? 'mười' : `${DIGIT_WORDS[tens]} mươi`;
  if (unit === 0) return head;
  const tail = unit === 5 ? 'lăm' : unit === 1 && tens > 1 ? 'mốt' : unit === 4 && tens > 1 ? 'tư' : DIGIT_WORDS[unit];
  return `${head} ${tail}`;
}

/** The same, with a capital: it opens a sentence. */
export function countInWordsCapitalised(value: number): string {
  const words = countInWords(value);
  return words.charAt(0).toUpperCase() + words.slice(1);
}
