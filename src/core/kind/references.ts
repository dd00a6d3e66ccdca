/**
 * What the schema cannot say about a kind: every key a kind names (in indicators, rules, list views,
 * composed names, the period, the recipients and the sample) must exist in its tabs and be of the right
 * sort, and every filter value must be one the column allows. Messages name the JSON path.
 */
import type { IndicatorDef, Ref } from '../indicators/types';
import { indicatorKind } from '../indicators/registry';
import type { Block, ColumnDef, FieldDef, ListBlock, TabDef, ValueKind } from '../report/schema';
import type { ComposedName } from './types';
import type { SchemaProblem } from './json-schema';
import type { Constraint } from '../report/constraints';
import { BUILT_IN_NAMES } from '../report/merge-data';

const BUILT_IN = new Set(BUILT_IN_NAMES);
const builtInMessage = (key: string) => `mã "${key}" trùng một tên sẵn có mà sản phẩm đưa vào mẫu báo cáo ({{${key}…}}): đặt mã khác`;

/** The parts of a kind the references are checked against (already past the schema). */
export interface KindShape {
  tabs: TabDef[];
  indicators: IndicatorDef[];
  rules: Constraint[];
  listViews: ({ key: string; list: string; where: { column: string; equals: string } } | { key: string; list: string; groupBy: string; itemsKey: string; joinBy?: { column: string; key: string } })[];
  composedNames: ComposedName[];
  period?: { from: string; to: string };
  recipients?: string;
}

const NUMERIC: ValueKind[] = ['number', 'count', 'percent'];

export function checkReferences(kind: KindShape): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const fail = (path: string, message: string) => problems.push({ path, message });

  const fields = new Map<string, FieldDef>();
  const rates = new Set<string>();
  const lists = new Map<string, ListBlock>();
  const plans = new Set<string>();
  const planRows = new Set<string>();
  const planIndicators = new Set<string>();
  const tabNames = new Set<string>();
  kind.tabs.forEach((tab, t) => {
    if (tabNames.has(tab.name.trim().toLowerCase())) fail(`tabs[${t}].name`, `trang «${tab.name}» đã có ở trên`);
    tabNames.add(tab.name.trim().toLowerCase());
    const titles = new Set<string>();
    tab.blocks.forEach((block: Block, b) => {
      const at = `tabs[${t}].blocks[${b}]`;
      if (titles.has(block.title.trim().toLowerCase())) fail(`${at}.title`, `bảng «${block.title}» đã có trong trang này`);
      titles.add(block.title.trim().toLowerCase());
      const taken = (key: string, path: string) => {
        if (BUILT_IN.has(key)) fail(path, builtInMessage(key));
        else if (fields.has(key) || rates.has(key) || lists.has(key) || plans.has(key) || planRows.has(key)) fail(path, `mã "${key}" đã dùng ở chỗ khác của loại báo cáo`);
      };
      if (block.type === 'fields') {
        block.fields.forEach((f, i) => {
          taken(f.key, `${at}.fields[${i}].key`);
          checkSpec(f, `${at}.fields[${i}]`, fail);
          fields.set(f.key, f);
        });
      } else if (block.type === 'rates') {
        block.rates.forEach((r, i) => {
          taken(r.key, `${at}.rates[${i}].key`);
          rates.add(r.key);
        });
      } else if (block.type === 'plan') {
        taken(block.key, `${at}.key`);
        plans.add(block.key);
        block.rows.forEach((r, i) => {
          taken(r.key, `${at}.rows[${i}].key`);
          planRows.add(r.key);
          // Each row gives three indicators other indicators may name as @KEY.
          for (const k of [r.key, `${r.key}_ke_hoach`, `${r.key}_cung_ky`]) planIndicators.add(k);
          if (r.kind === 'percent' && r.unit && r.unit !== '%') fail(`${at}.rows[${i}].unit`, 'dòng tỷ lệ (percent) có đơn vị %');
        });
      } else {
        taken(block.key, `${at}.key`);
        lists.set(block.key, block);
        const keys = new Set<string>();
        const labels = new Set<string>();
        block.columns.forEach((c, i) => {
          if (keys.has(c.key)) fail(`${at}.columns[${i}].key`, `cột "${c.key}" đã có trong danh sách`);
          if (labels.has(c.label.trim().toLowerCase())) fail(`${at}.columns[${i}].label`, `nhãn cột «${c.label}» đã có trong danh sách (người đọc tìm cột theo nhãn)`);
          keys.add(c.key);
          labels.add(c.label.trim().toLowerCase());
          checkSpec(c, `${at}.columns[${i}]`, fail);
        });
        block.columns.forEach((c, i) => {
          if (c.unitColumn && !keys.has(c.unitColumn)) fail(`${at}.columns[${i}].unitColumn`, `không có cột "${c.unitColumn}" trong danh sách "${block.key}"`);
        });
        (block.uniqueBy ?? []).forEach((k, i) => {
          if (!keys.has(k)) fail(`${at}.uniqueBy[${i}]`, `không có cột "${k}" trong danh sách "${block.key}"`);
        });
      }
    });
  });

  const fieldOf = (key: string, path: string, kinds: ValueKind[], what: string) => {
    const f = fields.get(key);
    if (!f) fail(path, `không có trường "${key}" trong các trang của loại báo cáo (cần ${what})`);
    else if (!kinds.includes(f.kind)) fail(path, `trường "${key}" là loại ${f.kind}, cần ${what}`);
  };
  const listOf = (key: string, path: string) => {
    const l = lists.get(key);
    if (!l) fail(path, `không có danh sách "${key}" trong các trang của loại báo cáo`);
    return l;
  };
  const columnOf = (list: ListBlock | undefined, key: string, path: string, kinds?: ValueKind[]): ColumnDef | undefined => {
    if (!list) return undefined;
    const c = list.columns.find((x) => x.key === key);
    if (!c) fail(path, `danh sách "${list.key}" không có cột "${key}"; các cột: ${list.columns.map((x) => x.key).join(', ')}`);
    else if (kinds && !kinds.includes(c.kind)) fail(path, `cột "${key}" là loại ${c.kind}, cần một cột số (${kinds.join(', ')})`);
    return c;
  };
  const whereOf = (list: ListBlock | undefined, where: { column: string; equals: string } | undefined, path: string) => {
    if (!list || !where) return;
    const c = columnOf(list, where.column, `${path}.column`);
    if (c?.choices && !c.choices.includes(where.equals)) fail(`${path}.equals`, `"${where.equals}" không phải một lựa chọn của cột "${c.key}": ${c.choices.map((x) => `"${x}"`).join(', ')}`);
  };

  const indicatorKeys = new Set<string>(planIndicators);
  const ref = (r: Ref, path: string) => {
    if (r.startsWith('@')) {
      if (!indicatorKeys.has(r.slice(1))) fail(path, `"${r}" không phải một chỉ số đứng trước chỉ số này`);
      return;
    }
    const [key, part] = r.split('.');
    if (part) {
      if (!rates.has(key)) fail(path, `không có tỷ lệ "${key}" (bảng tỷ lệ đầu kỳ - cuối kỳ) cho "${r}"`);
      return;
    }
    fieldOf(key, path, NUMERIC, 'một trường số (number, count hoặc percent)');
  };
  kind.indicators.forEach((d, i) => {
    const at = `indicators[${i}]`;
    if (indicatorKeys.has(d.key)) fail(`${at}.key`, planIndicators.has(d.key) ? `chỉ số "${d.key}" trùng một chỉ số của bảng kế hoạch` : `chỉ số "${d.key}" đã có ở trên`);
    const entry = indicatorKind(d);
    if (entry.needsPeriod && !kind.period) fail(`${at}.kind`, 'chỉ số này cần kỳ báo cáo: thêm "period" { "from", "to" } vào loại báo cáo');
    for (const input of entry.inputs(d)) {
      const path = `${at}.${input.prop}`;
      if (input.sort === 'figure') ref(input.ref, path);
      else if (input.sort === 'target') fieldOf(input.ref, path, ['target'], 'một trường chỉ tiêu (target)');
      else if (input.sort === 'rate') {
        if (!rates.has(input.ref)) fail(path, `không có tỷ lệ "${input.ref}" trong các bảng tỷ lệ`);
      } else if (input.sort === 'indicator') {
        if (!indicatorKeys.has(input.ref)) fail(path, `"${input.ref}" không phải một chỉ số đứng trước chỉ số này`);
      } else {
        const l = listOf(input.ref, path);
        for (const c of input.columns) columnOf(l, c.key, `${at}.${c.prop}`, c.numeric ? NUMERIC : undefined);
        whereOf(l, input.where, `${at}.where`);
      }
    }
    indicatorKeys.add(d.key);
  });

  kind.rules.forEach((r, i) => {
    const at = `rules[${i}]`;
    if (r.kind === 'partsWithinWhole') {
      r.parts.forEach((p, j) => fieldOf(p, `${at}.parts[${j}]`, NUMERIC, 'một trường số'));
      fieldOf(r.whole, `${at}.whole`, NUMERIC, 'một trường số');
    } else if (r.kind === 'countOfNames') {
      fieldOf(r.count, `${at}.count`, NUMERIC, 'một trường số');
      fieldOf(r.names, `${at}.names`, ['text'], 'một trường chữ');
    } else if (r.kind === 'rowProduct') {
      const l = listOf(r.list, `${at}.list`);
      for (const c of ['column', 'a', 'b'] as const) columnOf(l, r[c], `${at}.${c}`, NUMERIC);
    } else {
      const [kinds, what] = r.kind === 'dateOrder' ? [['date'] as ValueKind[], 'một trường ngày (date)'] : [NUMERIC, 'một trường số'];
      fieldOf(r.part, `${at}.part`, kinds, what);
      fieldOf(r.whole, `${at}.whole`, kinds, what);
    }
  });

  const names = new Set<string>([...fields.keys(), ...lists.keys(), ...plans]);
  kind.listViews.forEach((v, i) => {
    const at = `listViews[${i}]`;
    if (BUILT_IN.has(v.key)) fail(`${at}.key`, builtInMessage(v.key));
    else if (names.has(v.key)) fail(`${at}.key`, `tên "${v.key}" đã dùng cho một trường, danh sách hoặc cách xem khác`);
    names.add(v.key);
    const l = listOf(v.list, `${at}.list`);
    if ('where' in v) whereOf(l, v.where, `${at}.where`);
    else {
      columnOf(l, v.groupBy, `${at}.groupBy`);
      if (v.joinBy) columnOf(l, v.joinBy.column, `${at}.joinBy.column`);
    }
  });

  kind.composedNames.forEach((n, i) => {
    const at = `composedNames[${i}]`;
    if (BUILT_IN.has(n.key)) fail(`${at}.key`, builtInMessage(n.key));
    else if (names.has(n.key)) fail(`${at}.key`, `tên "${n.key}" đã dùng cho một trường, danh sách hoặc tên ghép khác`);
    names.add(n.key);
    if (n.kind === 'text') {
      const placeholders = [...n.text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
      if (placeholders.length === 0) fail(`${at}.text`, 'cần ít nhất một {mã_trường}');
      for (const p of placeholders) fieldOf(p, `${at}.text`, ['text', 'choice', 'year'], `một trường chữ, lựa chọn hoặc năm cho {${p}}`);
    } else if (n.kind === 'placeDate') {
      fieldOf(n.place, `${at}.place`, ['text'], 'một trường chữ');
      fieldOf(n.date, `${at}.date`, ['date'], 'một trường ngày');
    } else if (n.kind === 'longDate') fieldOf(n.date, `${at}.date`, ['date'], 'một trường ngày');
    else if (n.kind === 'remainder') {
      fieldOf(n.whole, `${at}.whole`, NUMERIC, 'một trường số');
      fieldOf(n.part, `${at}.part`, NUMERIC, 'một trường số');
    } else {
      fieldOf(n.value, `${at}.value`, NUMERIC, 'một trường số');
      fieldOf(n.than, `${at}.than`, NUMERIC, 'một trường số');
    }
  });

  if (kind.period) {
    fieldOf(kind.period.from, 'period.from', ['date'], 'một trường ngày (date)');
    fieldOf(kind.period.to, 'period.to', ['date'], 'một trường ngày (date)');
  }
  if (kind.recipients) {
    const l = listOf(kind.recipients, 'recipients');
    if (l && !l.columns.some((c) => c.kind === 'email')) fail('recipients', `danh sách "${l.key}" cần một cột e-mail (kind "email")`);
  }
  return problems;
}

function checkSpec(spec: FieldDef | ColumnDef, path: string, fail: (path: string, message: string) => void): void {
  if (spec.kind === 'choice' && !spec.choices?.length) fail(`${path}.choices`, 'loại choice cần danh sách "choices"');
  if (spec.kind !== 'choice' && spec.choices) fail(`${path}.choices`, '"choices" chỉ dùng cho loại choice');
  if (spec.dimension && !NUMERIC.includes(spec.kind)) fail(`${path}.dimension`, '"dimension" chỉ dùng cho trường số');
}
