/**
 * Turns a kind's files into a ReportKind, or into messages that name the file, the JSON path and what was
 * expected. Both doors load kinds through here: the bundled ones (src/kinds) and, in the CLI, a folder.
 */
import schemaJson from '../../../kinds/kind.schema.json';
import type { IndicatorDef } from '../indicators/types';
import type { Constraint } from '../report/constraints';
import type { Block, TabDef } from '../report/schema';
import type { ListView } from '../report/views';
import type { SampleData } from '../workbook/layout';
import { checkAgainstSchema, describeJson, type JsonSchema, type SchemaProblem } from './json-schema';
import { checkReferences } from './references';
import { planRollupProblems, rollupProblems } from '../rollup/check';
import type { ComposedName, ReportKind } from './types';

export const KIND_SCHEMA = schemaJson as unknown as JsonSchema;

export interface KindSource {
  /** Where the files are, for messages: "kinds/dan-van-kheo". */
  origin: string;
  /** kind.json as text (parsed here) or already parsed (bundled by esbuild's JSON loader). */
  kindJson: unknown;
  template: string;
  /** rollup-template.txt: the district's summary report; a kind may come without one. */
  rollupTemplate?: string;
  /** sample.json as text or parsed; a kind may come without one. */
  sample?: unknown;
}

export type KindLoad = { ok: true; kind: ReportKind } | { ok: false; problems: string[] };

interface RawKind {
  id: string;
  name: string;
  description: string;
  period?: { from: string; to: string };
  recipients?: string;
  tabs: TabDef[];
  indicators: IndicatorDef[];
  rules?: Constraint[];
  listViews?: ListView[];
  composedNames?: ComposedName[];
  rollupName?: string;
}

export function loadKind(src: KindSource): KindLoad {
  const problems: string[] = [];
  const at = (file: string, p: SchemaProblem) => `${src.origin}/${file}${p.path ? `, tại ${p.path}` : ''}: ${p.message}.`;

  const parsed = parseJson(src.kindJson, `${src.origin}/kind.json`);
  if (!parsed.ok) return { ok: false, problems: [parsed.message] };
  const schemaProblems = checkAgainstSchema(parsed.value, KIND_SCHEMA);
  if (schemaProblems.length) return { ok: false, problems: schemaProblems.map((p) => at('kind.json', p)) };

  const raw = structuredCopy(parsed.value) as RawKind;
  const tabs = raw.tabs.map(withDefaults);
  const shape = { tabs, indicators: raw.indicators, rules: raw.rules ?? [], listViews: raw.listViews ?? [], composedNames: raw.composedNames ?? [], period: raw.period, recipients: raw.recipients };
  problems.push(...checkReferences(shape).map((p) => at('kind.json', p)));
  problems.push(...rollupChecks(tabs, raw).map((m) => `${src.origin}/kind.json, tại ${m}`));

  let sample: SampleData = { fields: {}, rates: {}, lists: {} };
  if (src.sample !== undefined) {
    const s = parseJson(src.sample, `${src.origin}/sample.json`);
    if (!s.ok) problems.push(s.message);
    else {
      const sampleProblems = checkSample(s.value, tabs);
      problems.push(...sampleProblems.map((p) => at('sample.json', p)));
      if (sampleProblems.length === 0) sample = s.value as SampleData;
    }
  }
  if (typeof src.template !== 'string' || !src.template.trim()) problems.push(`${src.origin}/template.txt: mẫu báo cáo trống hoặc không có.`);
  if (problems.length) return { ok: false, problems };
  const rollup = { ...(raw.rollupName ? { rollupName: raw.rollupName } : {}), ...(src.rollupTemplate?.trim() ? { rollupTemplate: src.rollupTemplate } : {}) };
  return { ok: true, kind: { id: raw.id, name: raw.name, description: raw.description, ...shape, sample, template: src.template, ...rollup, origin: src.origin } };
}

/** The roll-up rules against the kind's figures (rollup/check.ts), and the field naming the commune. */
function rollupChecks(tabs: TabDef[], raw: RawKind): string[] {
  const fields = tabs.flatMap((t) => t.blocks).flatMap((b) => (b.type === 'fields' ? b.fields : []));
  const keys = new Set(fields.map((f) => f.key));
  const percent = new Set(fields.filter((f) => f.kind === 'percent' || f.unit === '%').map((f) => f.key));
  const problems = [...rollupProblems(raw.indicators, keys, percent), ...planRollupProblems(tabs, raw.indicators, keys, percent)];
  if (raw.rollupName && !keys.has(raw.rollupName)) problems.push(`rollupName: «${raw.rollupName}» không phải trường số liệu nào của loại báo cáo.`);
  return problems;
}

/** Required is the usual case: kind files say `"required": false` only where a figure may be left blank. */
function withDefaults(tab: TabDef): TabDef {
  const block = (b: Block): Block => {
    if (b.type === 'fields') return { ...b, fields: b.fields.map((f) => ({ ...f, required: f.required ?? true })) };
    if (b.type === 'rates') return { ...b, rates: b.rates.map((r) => ({ ...r, required: r.required ?? true })) };
    if (b.type === 'plan') return { ...b, rows: b.rows.map((r) => ({ ...r, required: r.required ?? true })) };
    return { ...b, required: b.required ?? true, uniqueBy: b.uniqueBy ?? [], columns: b.columns.map((c) => ({ ...c, required: c.required ?? true })) };
  };
  return { ...tab, blocks: tab.blocks.map(block) };
}

function parseJson(v: unknown, file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (typeof v !== 'string') return { ok: true, value: v };
  try {
    return { ok: true, value: JSON.parse(v) };
  } catch (e) {
    // Engines say where as "position N" (in English); the line and column are what an editor shows, and
    // what stands there is said in Vietnamese.
    const m = /position (\d+)/.exec((e as Error).message);
    const at = m ? Number(m[1]) : v.length;
    const where = m ? lineColumn(v, at) : '';
    return { ok: false, message: `${file}: không phải JSON hợp lệ${where} (${jsonSlip(v, at)}).` };
  }
}

/** What a district IT person most likely got wrong at `at`, in words. */
function jsonSlip(text: string, at: number): string {
  const rest = text.slice(at).trimStart();
  if (rest === '') return 'tệp kết thúc giữa chừng: thiếu dấu đóng } hoặc ], hoặc thiếu một giá trị';
  const c = rest[0];
  if (c === '}' || c === ']') return `gặp «${c}» sau dấu phẩy hoặc dấu hai chấm: bỏ dấu phẩy thừa trước nó, hoặc ghi giá trị còn thiếu`;
  if (c === "'") return 'gặp dấu nháy đơn: JSON chỉ dùng dấu ngoặc kép "…"';
  if (/[A-Za-z_\u00C0-\u1EF9]/.test(c)) return `gặp «${rest.split(/[\s,:}\]]/)[0]}» không có dấu ngoặc kép: tên và chữ phải nằm trong "…"`;
  return `gặp «${c}» ở chỗ cần dấu phẩy, dấu hai chấm hoặc dấu đóng ngoặc`;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `, dòng ${before.length}, cột ${before[before.length - 1].length + 1}`;
}

/** The sample names only figures of the kind, in the shape the layout writes. */
function checkSample(sample: unknown, tabs: TabDef[]): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) return [{ path: '', message: `cần một đối tượng { "fields", "rates", "lists" }, gặp ${describeJson(sample)}` }];
  const blocks = tabs.flatMap((t) => t.blocks);
  const fields = new Set(blocks.flatMap((b) => (b.type === 'fields' ? b.fields.map((f) => f.key) : [])));
  const rates = new Set(blocks.flatMap((b) => (b.type === 'rates' ? b.rates.map((r) => r.key) : [])));
  const lists = new Map(blocks.flatMap((b) => (b.type === 'list' ? [[b.key, new Set(b.columns.map((c) => c.key))] as const] : [])));
  const s = sample as Record<string, unknown>;
  const plans = new Map(blocks.flatMap((b) => (b.type === 'plan' ? [[b.key, new Set(b.rows.map((r) => r.key))] as const] : [])));
  const ps = (s.plans ?? {}) as Record<string, unknown>;
  for (const [key, rows] of Object.entries(ps)) {
    const known = plans.get(key);
    if (!known) out.push({ path: `plans.${key}`, message: `loại báo cáo không có bảng kế hoạch "${key}"` });
    else if (typeof rows !== 'object' || rows === null) out.push({ path: `plans.${key}`, message: `cần một đối tượng theo mã dòng, gặp ${describeJson(rows)}` });
    else for (const r of Object.keys(rows)) if (!known.has(r)) out.push({ path: `plans.${key}.${r}`, message: `bảng "${key}" không có dòng "${r}"` });
  }
  for (const [part, known] of [['fields', fields], ['rates', rates], ['lists', new Set(lists.keys())]] as const) {
    const v = s[part] ?? {};
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      out.push({ path: part, message: `cần một đối tượng, gặp ${describeJson(v)}` });
      continue;
    }
    for (const key of Object.keys(v)) if (!known.has(key)) out.push({ path: `${part}.${key}`, message: `loại báo cáo không có mã "${key}" ở đây` });
  }
  const ls = (s.lists ?? {}) as Record<string, unknown>;
  for (const [key, columns] of lists) {
    const rows = ls[key];
    if (rows === undefined) continue;
    if (!Array.isArray(rows)) {
      out.push({ path: `lists.${key}`, message: `cần một mảng các dòng, gặp ${describeJson(rows)}` });
      continue;
    }
    rows.forEach((row, i) => {
      if (typeof row !== 'object' || row === null) out.push({ path: `lists.${key}[${i}]`, message: `cần một đối tượng, gặp ${describeJson(row)}` });
      else for (const c of Object.keys(row)) if (!columns.has(c)) out.push({ path: `lists.${key}[${i}].${c}`, message: `danh sách "${key}" không có cột "${c}"` });
    });
  }
  return out;
}

function structuredCopy(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v));
}
