import { formatCount, formatNumber, formatPercent } from '../format/number';
import { describeTarget, isDirection } from '../indicators/target';
import type { Indicator, IndicatorDef, Status } from '../indicators/types';
import type { ReportKind } from '../kind/types';
import type { MergeData, MergeValue } from '../template/data';
import type { Target } from '../workbook/parse-cell';
import type { ReportInput } from './input';

/**
 * What a template needs so that a sentence judging the results is written only where the figures bear it
 * out (docs/template-language.md, «Câu nhận định theo số liệu»):
 * - `vuot.KEY`, `dat.KEY` (met or exceeded), `chua_dat.KEY`: true or false for each indicator with a status;
 * - `tang.KEY`, `giam.KEY`: true or false for each change (over the period, against a base);
 * - `chi_tieu`: counts of the targets by status, flags for «all», «most», «many not» met, and the lists of
 *   targets exceeded, met and not met, each item with its subject, its figure and its target.
 */
export function targetData(kind: ReportKind, input: ReportInput, indicators: readonly Indicator[]): MergeData {
  const defs = new Map(kind.indicators.map((d) => [d.key, d]));
  const vuot: MergeData = {};
  const dat: MergeData = {};
  const chuaDat: MergeData = {};
  const tang: MergeData = {};
  const giam: MergeData = {};
  const byStatus: Record<Status, MergeData[]> = { vượt: [], đạt: [], 'chưa đạt': [] };
  for (const i of indicators) {
    const def = defs.get(i.key);
    if (def && CHANGE_KINDS.has(def.kind)) {
      tang[i.key] = i.value > 0;
      giam[i.key] = i.value < 0;
    }
    if (!i.status) continue;
    vuot[i.key] = i.status === 'vượt';
    dat[i.key] = i.status !== 'chưa đạt';
    chuaDat[i.key] = i.status === 'chưa đạt';
    byStatus[i.status].push(targetItem(kind, input, i, def));
  }
  const [exceeded, met, notMet] = [byStatus['vượt'].length, byStatus['đạt'].length, byStatus['chưa đạt'].length];
  const total = exceeded + met + notMet;
  const reached = exceeded + met;
  // «Hầu hết» (most): at least three in four targets met or exceeded, and not all of them.
  const most = notMet > 0 && reached * 4 >= total * 3;
  const chiTieu: MergeData = {
    tong: formatNumber(total),
    so_vuot: formatCount(exceeded),
    so_dat: formatCount(met),
    so_chua_dat: formatCount(notMet),
    so_dat_va_vuot: formatCount(reached),
    ty_so_dat: `${formatNumber(reached)}/${formatNumber(total)}`,
    co_vuot: exceeded > 0,
    co_chua_dat: notMet > 0,
    tat_ca_dat: total > 0 && notMet === 0,
    hau_het_dat: most,
    nhieu_chua_dat: notMet > 0 && !most,
    ds_vuot: positions(byStatus['vượt']),
    ds_dat: positions(byStatus['đạt']),
    ds_chua_dat: positions(byStatus['chưa đạt']),
  };
  return { vuot, dat, chua_dat: chuaDat, tang, giam, chi_tieu: chiTieu };
}

/** Indicators that measure a change, whose sign a template may test. */
const CHANGE_KINDS = new Set<IndicatorDef['kind']>(['changePercent', 'changePoints', 'rateOverPeriod']);

/**
 * One target in a list: `ten` (what is measured, as the workbook labels it), `ket_qua` (the figure reached,
 * or the change for a direction target), `chi_tieu` (the Resolution's target) and `cau`, the three in one
 * phrase that can stand in a sentence: "tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng 8% (NQ không quá 6%)".
 */
function targetItem(kind: ReportKind, input: ReportInput, indicator: Indicator, def: IndicatorDef | undefined): MergeData {
  const subject = subjectOf(kind, def) ?? indicator.label;
  const decimals = { maxDecimals: def?.decimals ?? 2 };
  let reached = indicator.text;
  let target: Target | undefined;
  if (def?.kind === 'rateOverPeriod') {
    const rate = input.rates[def.rate];
    target = rate?.target;
    if (rate && target && !isDirection(target)) reached = formatPercent(rate.end, decimals);
    else if (rate) reached = rate.end === rate.start ? `giữ nguyên ${formatPercent(rate.end, decimals)}` : `${rate.end > rate.start ? 'tăng' : 'giảm'} ${indicator.text}`;
  } else if (def?.kind === 'status') {
    const t = input.fields[def.target]?.value;
    target = typeof t === 'object' && t !== null && 'kind' in t ? t : undefined;
  }
  const wanted = target ? (isDirection(target) ? `Nghị quyết đề ra ${describeTarget(target)} hằng năm` : describeTarget(target)) : '';
  return {
    ma: indicator.key,
    ten: subject,
    ket_qua: reached,
    chi_tieu: wanted,
    trang_thai: indicator.status ?? '',
    cau: `${lowerFirst(subject.replace(/\s*\([^)]*\)$/, ''))} ${reached}${wanted ? ` (${wanted})` : ''}`,
  };
}

/** The label of what an indicator with a status measures: the rate's or the field's own label. */
function subjectOf(kind: ReportKind, def: IndicatorDef | undefined): string | undefined {
  if (!def) return undefined;
  const key = def.kind === 'rateOverPeriod' ? def.rate : def.kind === 'status' ? def.value : def.kind === 'changePoints' ? def.to : undefined;
  if (!key || key.startsWith('@')) return undefined;
  for (const tab of kind.tabs)
    for (const block of tab.blocks) {
      if (block.type === 'rates') {
        const r = block.rates.find((x) => x.key === key);
        if (r) return r.label;
      } else if (block.type === 'fields') {
        const f = block.fields.find((x) => x.key === key);
        if (f) return f.label;
      }
    }
  return undefined;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function positions(items: MergeData[]): MergeValue[] {
  return items.map((it, i) => ({ ...it, stt: String(i + 1), dau_tien: i === 0, cuoi: i === items.length - 1 }));
}
