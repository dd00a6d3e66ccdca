/**
 * A checker for the part of JSON Schema (draft-07) that kinds/kind.schema.json uses, so a kind file is
 * checked by the very schema editors complete it with, in both doors, with messages in the clerk's language
 * naming the JSON path. A general validator (ajv) compiles schemas to code with `new Function` and pulls in
 * CommonJS modules the Apps Script bundle check refuses; this subset is all a kind needs, and a test keeps the
 * schema inside it (SUPPORTED_KEYWORDS).
 */

export type JsonSchema = { [keyword: string]: unknown };

/** Keywords this checker acts on, plus annotations it may ignore. */
export const SUPPORTED_KEYWORDS = new Set([
  '$ref', 'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'pattern',
  'minLength', 'minItems', 'minimum', 'maximum', 'oneOf', 'definitions',
  // annotations
  '$schema', '$id', 'title', 'description', 'default', 'examples', 'markdownDescription',
]);

export interface SchemaProblem {
  /** "tabs[2].blocks[0].type"; '' for the whole document. */
  path: string;
  /** What was expected, and what was found, in Vietnamese. */
  message: string;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'một đối tượng { … }',
  array: 'một mảng [ … ]',
  string: 'một chuỗi',
  integer: 'một số nguyên',
  number: 'một số',
  boolean: 'true hoặc false',
};

export function describeJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'một mảng';
  if (typeof v === 'object') return 'một đối tượng';
  const shown = JSON.stringify(v);
  return shown.length > 60 ? `${shown.slice(0, 60)}…` : shown;
}

function typeMatches(type: string, v: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    default:
      return typeof v === type;
  }
}

const child = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** Every problem of `value` against `schema` (whose `definitions` resolve `$ref`s against `root`). */
export function checkAgainstSchema(value: unknown, schema: JsonSchema, root: JsonSchema = schema, path = ''): SchemaProblem[] {
  const s = resolve(schema, root);
  const out: SchemaProblem[] = [];
  const fail = (message: string) => out.push({ path, message });

  if (s.oneOf) return checkOneOf(value, s.oneOf as JsonSchema[], root, path);
  if (typeof s.type === 'string' && !typeMatches(s.type, value)) {
    fail(`cần ${TYPE_NAMES[s.type] ?? s.type}, gặp ${describeJson(value)}`);
    return out;
  }
  if ('const' in s && value !== s.const) fail(`cần ${JSON.stringify(s.const)}, gặp ${describeJson(value)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(value)) fail(`cần một trong ${s.enum.map((e) => JSON.stringify(e)).join(', ')}; gặp ${describeJson(value)}`);
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && value.trim().length < s.minLength) fail('không được để trống');
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) fail(`${describeJson(value)} không đúng dạng: ${typeof s.description === 'string' ? s.description : `cần khớp ${s.pattern}`}`);
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) fail(`cần từ ${s.minimum} trở lên, gặp ${value}`);
    if (typeof s.maximum === 'number' && value > s.maximum) fail(`cần không quá ${s.maximum}, gặp ${value}`);
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) fail(`cần ít nhất ${s.minItems} phần tử, gặp ${value.length}`);
    if (s.items) value.forEach((item, i) => out.push(...checkAgainstSchema(item, s.items as JsonSchema, root, child(path, i))));
  }
  if (typeMatches('object', value)) {
    const obj = value as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (s.required ?? []) as string[]) if (!(key in obj)) fail(`thiếu trường "${key}"`);
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) out.push(...checkAgainstSchema(v, props[key], root, child(path, key)));
      else if (s.additionalProperties === false) {
        out.push({ path: child(path, key), message: `trường "${key}" không có trong lược đồ; các trường dùng được: ${Object.keys(props).join(', ')}` });
      }
    }
  }
  return out;
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let s = schema;
  for (let depth = 0; typeof s.$ref === 'string' && depth < 20; depth++) {
    const m = /^#\/definitions\/(.+)$/.exec(s.$ref);
    const target = m ? (root.definitions as Record<string, JsonSchema> | undefined)?.[m[1]] : undefined;
    if (!target) throw new Error(`kind.schema.json: unknown $ref ${s.$ref}`);
    s = target;
  }
  return s;
}

/**
 * oneOf whose branches are told apart by one property's `const` (a block's "type", an indicator's
 * "kind"): the branch is chosen by that value, so the message is about the chosen branch, not every one.
 */
function checkOneOf(value: unknown, branches: JsonSchema[], root: JsonSchema, path: string): SchemaProblem[] {
  const discriminator = discriminatorOf(branches, root);
  if (discriminator && typeMatches('object', value)) {
    const tag = (value as Record<string, unknown>)[discriminator];
    const allowed = branches.map((b) => constOf(resolve(b, root), discriminator, root));
    const i = allowed.indexOf(tag);
    if (i < 0) {
      return [{ path: child(path, discriminator), message: `${tag === undefined ? 'thiếu trường' : `${describeJson(tag)} không dùng được ở`} "${discriminator}": cần một trong ${allowed.map((a) => JSON.stringify(a)).join(', ')}` }];
    }
    return checkAgainstSchema(value, branches[i], root, path);
  }
  const results = branches.map((b) => checkAgainstSchema(value, b, root, path));
  const passing = results.filter((r) => r.length === 0).length;
  if (passing === 1) return [];
  if (passing > 1) return [{ path, message: 'khớp nhiều dạng cùng lúc; thêm hoặc bớt trường để chỉ còn một dạng' }];
  // The branch with the fewest problems is most likely the one meant.
  return results.reduce((best, r) => (r.length < best.length ? r : best));
}

function constOf(branch: JsonSchema, prop: string, root: JsonSchema): unknown {
  const p = (branch.properties as Record<string, JsonSchema> | undefined)?.[prop];
  return p ? resolve(p, root).const : undefined;
}

function discriminatorOf(branches: JsonSchema[], root: JsonSchema): string | undefined {
  const first = resolve(branches[0], root);
  for (const prop of Object.keys((first.properties ?? {}) as object)) {
    const values = branches.map((b) => constOf(resolve(b, root), prop, root));
    if (values.every((v) => v !== undefined) && new Set(values).size === values.length) return prop;
  }
  return undefined;
}
