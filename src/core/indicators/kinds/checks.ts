import { formatQuantity } from '../../format/number';
import { describeTarget, statusPhrase, targetStatus } from '../target';
import { formatOf, type KindsOf } from '../kind-api';

/** A figure against a Resolution target, and an entered figure against the computed one. */
export const CHECK_KINDS: KindsOf<'status' | 'crossCheck'> = {
  status: {
    summary: 'So «value» với chỉ tiêu «target»: vượt, đạt hay chưa đạt; cụm câu «đạt chỉ tiêu Nghị quyết đề ra (NQ 85-90 %)».',
    inputs: (d) => [
      { prop: 'value', sort: 'figure', ref: d.value },
      { prop: 'target', sort: 'target', ref: d.target },
    ],
    compute(d, ctx) {
      const v = ctx.figure(d.value);
      const t = ctx.target(d.target);
      if (!v || !t) return;
      const status = targetStatus(t.target, v.value);
      ctx.add({ key: d.key, label: d.label, value: v.value, unit: v.unit, text: formatQuantity(v.value, v.unit, formatOf(d)), phrase: statusPhrase(status, t.target), status, how: `So ${ctx.label(d.value)} với chỉ tiêu ${describeTarget(t.target)}`, sources: [...v.sources, t.source] });
    },
  },
  crossCheck: {
    summary: 'Cảnh báo (không phải chỉ số) khi số đã nhập «entered» lệch chỉ số «computed» quá «tolerance».',
    inputs: (d) => [
      { prop: 'entered', sort: 'figure', ref: d.entered },
      { prop: 'computed', sort: 'indicator', ref: d.computed },
    ],
    compute(d, ctx) {
      const entered = ctx.figure(d.entered);
      const computed = ctx.indicator(d.computed);
      if (!entered || !computed || Math.abs(entered.value - computed.value) <= d.tolerance) return;
      const src = entered.sources[0];
      ctx.warn({
        severity: 'warning',
        sheet: src.sheet,
        cell: src.cell,
        message: `«${d.label}» đã nhập ${formatQuantity(entered.value, entered.unit, formatOf(d))} khác với số tính từ các số liệu gốc: ${computed.text} (${computed.how}). Báo cáo dùng số tính được.`,
      });
    },
  },
};
