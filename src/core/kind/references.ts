/**
 * What the schema cannot say about a kind: every key a kind names (in indicators, rules, list views,
 * composed names, the period, the recipients and the sample) must exist in its tabs and be of the right
 * sort, and every filter value must be one the column allows. Messages name the JSON path.
 */
import type { IndicatorDef, Ref } from '../indicators/types';
import type { Block, ColumnDef, FieldDef, ListBlock, TabDef, ValueKind } from '../report/schema';
import type { ComposedName } from './types';
import type { SchemaProblem } from './json-schema';

/** The parts of a kind the references are checked against (already past the schema). */
export interface KindShape {
  tabs: TabDef[];
  indicators: IndicatorDef[];
  rules: { kind: string; part: string; whole: string }[];
  listViews: ({ key: string; list: string; where: { column: string; equals: string } } | { key: string; list: string; groupBy: string; itemsKey: string })[];
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
        if (fields.has(key) || rates.has(key) || lists.has(key)) fail(path, `mã "${key}" đã dùng ở chỗ khác của loại báo cáo`);
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

  const indicatorKeys = new Set<string>();
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
  const needsPeriod = (path: string) => {
    if (!kind.period) fail(path, 'chỉ số này cần kỳ báo cáo: thêm "period" { "from", "to" } vào loại báo cáo');
  };
  kind.indicators.forEach((d, i) => {
    const at = `indicators[${i}]`;
    if (indicatorKeys.has(d.key)) fail(`${at}.key`, `chỉ số "${d.key}" đã có ở trên`);
    switch (d.kind) {
      case 'ratio':
      case 'fraction':
        ref(d.part, `${at}.part`);
        ref(d.whole, `${at}.whole`);
        break;
      case 'sum':
        d.terms.forEach((t, j) => ref(t, `${at}.terms[${j}]`));
        break;
      case 'listSum': {
        const l = listOf(d.list, `${at}.list`);
        columnOf(l, d.column, `${at}.column`, NUMERIC);
        whereOf(l, d.where, `${at}.where`);
        break;
      }
      case 'listCount':
        whereOf(listOf(d.list, `${at}.list`), d.where, `${at}.where`);
        break;
      case 'rowProduct': {
        const l = listOf(d.list, `${at}.list`);
        columnOf(l, d.a, `${at}.a`, NUMERIC);
        columnOf(l, d.b, `${at}.b`, NUMERIC);
        columnOf(l, d.rowKey, `${at}.rowKey`);
        break;
      }
      case 'changePercent':
      case 'changePoints':
        ref(d.from, `${at}.from`);
        ref(d.to, `${at}.to`);
        if (d.kind === 'changePoints' && d.target) fieldOf(d.target, `${at}.target`, ['target'], 'một trường chỉ tiêu (target)');
        break;
      case 'rateOverPeriod':
        if (!rates.has(d.rate)) fail(`${at}.rate`, `không có tỷ lệ "${d.rate}" trong các bảng tỷ lệ`);
        needsPeriod(`${at}.kind`);
        break;
      case 'perHeadPerYear':
        ref(d.total, `${at}.total`);
        ref(d.population, `${at}.population`);
        needsPeriod(`${at}.kind`);
        break;
      case 'periodYears':
        needsPeriod(`${at}.kind`);
        break;
      case 'status':
        ref(d.value, `${at}.value`);
        fieldOf(d.target, `${at}.target`, ['target'], 'một trường chỉ tiêu (target)');
        break;
      case 'crossCheck':
        ref(d.entered, `${at}.entered`);
        if (!indicatorKeys.has(d.computed)) fail(`${at}.computed`, `"${d.computed}" không phải một chỉ số đứng trước chỉ số này`);
        break;
    }
    indicatorKeys.add(d.key);
  });

  kind.rules.forEach((r, i) => {
    const [kinds, what] = r.kind === 'dateOrder' ? [['date'] as ValueKind[], 'một trường ngày (date)'] : [NUMERIC, 'một trường số'];
    fieldOf(r.part, `rules[${i}].part`, kinds, what);
    fieldOf(r.whole, `rules[${i}].whole`, kinds, what);
  });

  const names = new Set<string>([...fields.keys(), ...lists.keys()]);
  kind.listViews.forEach((v, i) => {
    const at = `listViews[${i}]`;
    if (names.has(v.key)) fail(`${at}.key`, `tên "${v.key}" đã dùng cho một trường, danh sách hoặc cách xem khác`);
    names.add(v.key);
    const l = listOf(v.list, `${at}.list`);
    if ('where' in v) whereOf(l, v.where, `${at}.where`);
    else columnOf(l, v.groupBy, `${at}.groupBy`);
  });

  kind.composedNames.forEach((n, i) => {
    const at = `composedNames[${i}]`;
    if (names.has(n.key)) fail(`${at}.key`, `tên "${n.key}" đã dùng cho một trường, danh sách hoặc tên ghép khác`);
    names.add(n.key);
    if (n.kind === 'text') {
      const placeholders = [...n.text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
      if (placeholders.length === 0) fail(`${at}.text`, 'cần ít nhất một {mã_trường}');
      for (const p of placeholders) fieldOf(p, `${at}.text`, ['text', 'choice'], `một trường chữ cho {${p}}`);
    } else if (n.kind === 'placeDate') {
      fieldOf(n.place, `${at}.place`, ['text'], 'một trường chữ');
      fieldOf(n.date, `${at}.date`, ['date'], 'một trường ngày');
    } else if (n.kind === 'longDate') fieldOf(n.date, `${at}.date`, ['date'], 'một trường ngày');
    else {
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
