/**
 * Utilities (REF utilities/utilities, base/blob; the Apps Script reference).
 * - formatDate takes a Java SimpleDateFormat pattern: y M d H h k m s S E a z Z X and 'quoted' text are
 *   supported; month and day names are English, as Apps Script prints them. An unknown time zone id
 *   falls back to GMT, as java.util.TimeZone does.
 * - sleep records the pause and advances the world's fake clock; nothing waits.
 */
import { Runtime, asGas, isDate } from './runtime';
import { midnightIn } from './spreadsheet';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ZONE_NAMES: Record<string, string> = { 'Asia/Ho_Chi_Minh': 'ICT', 'Asia/Saigon': 'ICT', UTC: 'UTC', 'Etc/UTC': 'UTC', GMT: 'GMT', 'Etc/GMT': 'GMT' };

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number;
  offsetMinutes: number;
  zoneName: string;
}

/** Wall-clock fields of `ms` in an IANA zone or a "GMT+7"/"GMT+07:00" id. */
export function localTime(ms: number, timeZone: string): LocalTime {
  let offsetMinutes: number | null = null;
  let zoneName = ZONE_NAMES[timeZone];
  const gmt = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (gmt) offsetMinutes = (gmt[1] === '-' ? -1 : 1) * (Number(gmt[2]) * 60 + Number(gmt[3] ?? 0));
  else {
    try {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
          .formatToParts(new Date(ms))
          .map((p) => [p.type, p.value]),
      );
      const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
      offsetMinutes = Math.round((asUtc - (ms - (((ms % 1000) + 1000) % 1000))) / 60000);
    } catch {
      offsetMinutes = 0; // java.util.TimeZone: an unknown id is GMT
      zoneName = 'GMT';
    }
  }
  const d = new Date(ms + offsetMinutes * 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offsetMinutes,
    zoneName: zoneName ?? (offsetMinutes === 0 ? 'GMT' : `GMT${sign}${hhmm}`),
  };
}

/** Java SimpleDateFormat, the letters listed at the top. */
export function formatSimpleDate(ms: number, timeZone: string, pattern: string): string {
  const t = localTime(ms, timeZone);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const off = (withColon: boolean, minutes = true) => {
    const sign = t.offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(t.offsetMinutes);
    const h = pad(Math.floor(abs / 60), 2);
    const m = pad(abs % 60, 2);
    return minutes ? `${sign}${h}${withColon ? ':' : ''}${m}` : `${sign}${h}`;
  };
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end < 0 ? undefined : end).replace(/''/g, "'");
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(t.year % 100, 2) : pad(t.year, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[t.month - 1] : n === 3 ? MONTHS[t.month - 1].slice(0, 3) : pad(t.month, n);
        break;
      case 'd':
        out += pad(t.day, n);
        break;
      case 'H':
        out += pad(t.hour, n);
        break;
      case 'k':
        out += pad(t.hour === 0 ? 24 : t.hour, n);
        break;
      case 'h':
        out += pad(t.hour % 12 === 0 ? 12 : t.hour % 12, n);
        break;
      case 'm':
        out += pad(t.minute, n);
        break;
      case 's':
        out += pad(t.second, n);
        break;
      case 'S':
        out += pad(t.ms, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[t.weekday] : DAYS[t.weekday].slice(0, 3);
        break;
      case 'u':
        out += pad(t.weekday === 0 ? 7 : t.weekday, n);
        break;
      case 'a':
        out += t.hour < 12 ? 'AM' : 'PM';
        break;
      case 'z':
        out += t.zoneName;
        break;
      case 'Z':
        out += off(false);
        break;
      case 'X':
        out += t.offsetMinutes === 0 ? 'Z' : n === 1 ? off(false, false) : off(n >= 3);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

type BlobMethods = 'getDataAsString' | 'getContentType' | 'getName' | 'setName';

export class FakeBlob implements Pick<GoogleAppsScript.Base.Blob, BlobMethods> {
  constructor(
    private readonly rt: Runtime,
    public data: Uint8Array,
    public contentType: string | null,
    public name: string | null,
  ) {}
  getDataAsString(charset?: string): string {
    this.rt.hit('Blob', 'getDataAsString');
    return new TextDecoder(charset ?? 'utf-8').decode(this.data);
  }
  getContentType(): string | null {
    this.rt.hit('Blob', 'getContentType');
    return this.contentType;
  }
  getName(): string | null {
    this.rt.hit('Blob', 'getName');
    return this.name;
  }
  setName(name: string): GoogleAppsScript.Base.Blob {
    this.rt.hit('Blob', 'setName');
    this.name = name;
    return asGas(this);
  }
}

type UtilitiesMethods = 'parseDate' | 'formatDate' | 'sleep';

export class FakeUtilities implements Pick<GoogleAppsScript.Utilities.Utilities, UtilitiesMethods> {
  constructor(private readonly rt: Runtime) {}
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.rt.hit('Utilities', 'formatDate');
    if (!isDate(date)) throw this.rt.error(`The parameters (${typeof date},String,String) don't match the method signature for Utilities.formatDate.`);
    try {
      return formatSimpleDate((date as unknown as Date).getTime(), timeZone, format);
    } catch (e) {
      throw this.rt.error((e as Error).message);
    }
  }
  /** The instant a date text means in a zone; the fake reads the patterns the product uses: y, M, d, separators. */
  parseDate(date: string, timeZone: string, format: string): Date {
    this.rt.hit('Utilities', 'parseDate');
    if (!/^[yMd\-/ .]+$/.test(format)) throw new Error(`fake: Utilities.parseDate pattern ${format} is not modeled (only y, M, d)`);
    const fields = format.match(/y+|M+|d+/g) ?? [];
    const numbers = (date.match(/\d+/g) ?? []).map(Number);
    if (numbers.length !== fields.length) throw this.rt.error(`Unparseable date: "${date}"`);
    const get = (c: string) => numbers[fields.findIndex((f) => f.startsWith(c))];
    return asGas(this.rt.date(midnightIn(timeZone, get('y'), get('M'), get('d'))));
  }
  /** Records the pause and advances the fake clock (max 5 minutes, REF utilities#sleep). */
  sleep(milliseconds: number): void {
    this.rt.hit('Utilities', 'sleep');
    if (milliseconds > 300000) throw this.rt.error('Sleep time must be less than or equal to 300000 milliseconds.'); // text unconfirmed
    this.rt.clock.sleeps.push(milliseconds);
    this.rt.clock.advance(milliseconds);
  }
}
