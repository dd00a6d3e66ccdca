/**
 * Kinds as data: every folder under kinds/ is bundled and loads; a malformed kind file is refused with
 * messages naming the file, the JSON path and what was expected, never an exception.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_KEYWORDS } from '../../src/core/kind/json-schema';
import { KIND_SCHEMA, loadKind } from '../../src/core/kind/load';
import { bundledKinds } from '../../src/kinds/bundled';
import { BUILT_IN_NAMES } from '../../src/core/report/merge-data';
import { runReport } from '../../src/core/report/pipeline';
import { layoutWorkbook } from '../../src/core/workbook/layout';
import { planUpgrade } from '../../src/core/workbook/upgrade';

const KINDS_DIR = 'kinds';
const folders = readdirSync(KINDS_DIR).filter((f) => statSync(join(KINDS_DIR, f)).isDirectory());
const dvkJson = () => JSON.parse(readFileSync('kinds/dan-van-kheo/kind.json', 'utf8'));
const load = (kindJson: unknown, sample?: unknown) => loadKind({ origin: 'kinds/thu', kindJson, template: 'Báo cáo', sample });
const problemsOf = (kindJson: unknown, sample?: unknown) => {
  const r = load(kindJson, sample);
  if (r.ok) throw new Error('expected the kind to be refused');
  return r.problems;
};

describe('bundled kinds', () => {
  it('every folder under kinds/ is bundled, under its folder name', () => {
    expect(folders.length).toBeGreaterThan(0);
    expect(bundledKinds().map((k) => k.id).sort()).toEqual([...folders].sort());
    for (const k of bundledKinds()) expect(k.origin).toBe(`kinds/${k.id}`);
  });

  it('each has a template, a sample and names its schema for editors', () => {
    for (const f of folders) {
      const json = JSON.parse(readFileSync(join(KINDS_DIR, f, 'kind.json'), 'utf8'));
      expect(json.$schema).toBe('../kind.schema.json');
      expect(json.id).toBe(f);
      expect(readFileSync(join(KINDS_DIR, f, 'template.txt'), 'utf8').length).toBeGreaterThan(100);
      expect(Object.keys(JSON.parse(readFileSync(join(KINDS_DIR, f, 'sample.json'), 'utf8')).fields ?? {}).length).toBeGreaterThan(0);
    }
  });
});

describe('the schema', () => {
  it('uses only keywords the loader checks', () => {
    const used = new Set<string>();
    const walk = (v: unknown, inProperties = false) => {
      if (Array.isArray(v)) v.forEach((x) => walk(x));
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (!inProperties) used.add(k);
          // The names under properties/definitions are field names, not keywords.
          walk(x, !inProperties && (k === 'properties' || k === 'definitions'));
        }
      }
    };
    walk(KIND_SCHEMA);
    expect([...used].filter((k) => !SUPPORTED_KEYWORDS.has(k))).toEqual([]);
  });
});

describe('a malformed kind', () => {
  it('text that is not JSON: the file, and where when the engine says', () => {
    const [p] = problemsOf('{\n  "id": "thu",\n  "name": \n}');
    expect(p).toMatch(/^kinds\/thu\/kind\.json: không phải JSON hợp lệ(, dòng \d+, cột \d+)? \(.+\)\.$/s);
  });

  it.each([
    ['a comma before the closing brace', '{\n  "id": "thu",\n}', ', dòng 3, cột 1 (gặp «}» sau dấu phẩy hoặc dấu hai chấm: bỏ dấu phẩy thừa trước nó, hoặc ghi giá trị còn thiếu)'],
    ['a name without quotes', '{\n  id: "thu"\n}', ', dòng 2, cột 3 (gặp «id» không có dấu ngoặc kép: tên và chữ phải nằm trong "…")'],
    ['single quotes', "{\n  'id': 'thu'\n}", ', dòng 2, cột 3 (gặp dấu nháy đơn: JSON chỉ dùng dấu ngoặc kép "…")'],
    ['a missing comma', '{\n  "id": "thu"\n  "name": "x"\n}', ', dòng 3, cột 3 (gặp «"» ở chỗ cần dấu phẩy, dấu hai chấm hoặc dấu đóng ngoặc)'],
    ['a file cut short', '{\n  "id": "thu",\n  "name": "x"', ', dòng 3, cột 14 (tệp kết thúc giữa chừng: thiếu dấu đóng } hoặc ], hoặc thiếu một giá trị)'],
  ])('%s is said in Vietnamese, with the line and column', (_what, text, said) => {
    expect(problemsOf(text)).toEqual([`kinds/thu/kind.json: không phải JSON hợp lệ${said}.`]);
  });

  it('a missing field, a wrong type, an unknown block type, an unknown property', () => {
    const json = dvkJson();
    delete json.name;
    json.tabs[1].blocks[0].fields[1].kind = 'so';
    json.tabs[2].blocks[1].type = 'lists';
    json.tabs[0].blocks[0].fields[0].lable = 'Tên';
    json.indicators[0].decimals = 'hai';
    const problems = problemsOf(json);
    expect(problems).toContain('kinds/thu/kind.json: thiếu trường "name".');
    expect(problems).toContainEqual(expect.stringMatching(/^kinds\/thu\/kind\.json, tại tabs\[1\]\.blocks\[0\]\.fields\[1\]\.kind: cần một trong "number", "count", .*; gặp "so"\.$/));
    expect(problems).toContainEqual(expect.stringMatching(/^kinds\/thu\/kind\.json, tại tabs\[2\]\.blocks\[1\]\.type: "lists" không dùng được ở "type": cần một trong "fields", "rates", "list"/));
    expect(problems).toContainEqual(expect.stringMatching(/tại tabs\[0\]\.blocks\[0\]\.fields\[0\]\.lable: trường "lable" không có trong lược đồ/));
    expect(problems).toContain('kinds/thu/kind.json, tại indicators[0].decimals: cần một số nguyên, gặp "hai".');
    expect(problems).toHaveLength(5);
  });

  it('a field, list, view or composed name may not take a name the product gives the template itself', () => {
    const json = dvkJson();
    json.tabs[0].blocks[0].fields[0].key = 'chi_so';
    json.listViews[0].key = 'ky_bao_cao';
    json.composedNames[0].key = 'dat';
    const problems = problemsOf(json);
    for (const [path, key] of [['tabs[0].blocks[0].fields[0].key', 'chi_so'], ['listViews[0].key', 'ky_bao_cao'], ['composedNames[0].key', 'dat']]) {
      expect(problems).toContain(`kinds/thu/kind.json, tại ${path}: mã "${key}" trùng một tên sẵn có mà sản phẩm đưa vào mẫu báo cáo ({{${key}…}}): đặt mã khác.`);
    }
  });

  it('a renamed field (the «Kinh tế - xã hội» «Kỳ báo cáo», once ky_bao_cao, a name the period gives) still reads from a workbook made before, and is not added again', () => {
    const kind = bundledKinds().find((k) => k.id === 'kinh-te-xa-hoi')!;
    const fresh = layoutWorkbook(kind, kind.sample).map((s) => ({ name: s.name, rows: structuredClone(s.rows) }));
    const old = structuredClone(fresh);
    const row = old[0].rows.find((r) => r[0] === 'loai_ky')!;
    row[0] = 'ky_bao_cao';
    const [a, b] = [runReport(kind, fresh), runReport(kind, old)];
    expect(b.issues).toEqual(a.issues);
    expect(b.input.fields.loai_ky.value).toBe('6 tháng đầu năm');
    expect(b.data).toEqual(a.data);
    expect(planUpgrade(kind, old).added).toEqual([]);
  });

  it('the built-in names are every top-level name of the merge data that is not one of the kind’s own keys', () => {
    for (const kind of bundledKinds()) {
      const data = runReport(kind, layoutWorkbook(kind, kind.sample).map((s) => ({ name: s.name, rows: s.rows }))).data;
      const own = new Set([
        ...kind.tabs.flatMap((t) => t.blocks.flatMap((b) => (b.type === 'fields' ? b.fields.map((f) => f.key) : b.type === 'list' || b.type === 'plan' ? [b.key] : []))),
        ...kind.listViews.map((v) => v.key),
        ...kind.composedNames.map((n) => n.key),
      ]);
      const builtIn = Object.keys(data).filter((k) => !own.has(k));
      expect(builtIn.filter((k) => !BUILT_IN_NAMES.includes(k)), kind.id).toEqual([]);
    }
  });

  it('references to figures the kind does not have, and filter values a column does not offer', () => {
    const json = dvkJson();
    const ratio = json.indicators.find((d: { key: string }) => d.key === 'ty_le_che_phu_rung');
    ratio.part = 'dien_tich_rungg';
    const count = json.indicators.find((d: { key: string }) => d.key === 'so_mo_hinh_kinh_te');
    count.where.equals = 'Kinh te';
    json.listViews[0].where.column = 'nhomm';
    json.rules[0].whole = 'ten_xa';
    json.composedNames[0].text = 'UBND {ten_cap_trenn}';
    const problems = problemsOf(json);
    const i = json.indicators.indexOf(ratio);
    const j = json.indicators.indexOf(count);
    expect(problems).toEqual([
      `kinds/thu/kind.json, tại indicators[${i}].part: không có trường "dien_tich_rungg" trong các trang của loại báo cáo (cần một trường số (number, count hoặc percent)).`,
      `kinds/thu/kind.json, tại indicators[${j}].where.equals: "Kinh te" không phải một lựa chọn của cột "linh_vuc": "Kinh tế", "An ninh – quốc phòng", "Văn hóa – xã hội".`,
      'kinds/thu/kind.json, tại rules[0].whole: trường "ten_xa" là loại text, cần một trường số.',
      'kinds/thu/kind.json, tại listViews[0].where.column: danh sách "cay_trong" không có cột "nhomm"; các cột: ten, nhom, dien_tich, nang_suat, don_vi_nang_suat, san_luong_da_bao_cao.',
      'kinds/thu/kind.json, tại composedNames[0].text: không có trường "ten_cap_trenn" trong các trang của loại báo cáo (cần một trường chữ, lựa chọn hoặc năm cho {ten_cap_trenn}).',
    ]);
  });

  it('a sample naming a figure the kind does not have', () => {
    const sample = JSON.parse(readFileSync('kinds/dan-van-kheo/sample.json', 'utf8'));
    sample.fields.ten_xaa = 'Phổ Phong';
    sample.lists.cay_trong[0].ten_cay = 'Lúa';
    expect(problemsOf(dvkJson(), sample)).toEqual([
      'kinds/thu/sample.json, tại fields.ten_xaa: loại báo cáo không có mã "ten_xaa" ở đây.',
      'kinds/thu/sample.json, tại lists.cay_trong[0].ten_cay: danh sách "cay_trong" không có cột "ten_cay".',
    ]);
  });

  it('anything at all gives problems, not an exception', () => {
    for (const v of [null, 42, 'null', '[]', [], { tabs: 'x' }, { id: 'a', name: 'b', description: 'c', tabs: [{ name: 't', description: '', blocks: [{}] }], indicators: [{}] }]) {
      const r = load(v);
      expect(r.ok).toBe(false);
      if (!r.ok) for (const p of r.problems) expect(p).toMatch(/^kinds\/thu\/kind\.json(, tại \S+)?: .+\.$/s);
    }
  });
});
