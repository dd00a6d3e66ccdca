/**
 * Per-row indicator keys (`san_luong_<crop>`) beside the catalogue: names that slug alike ("Lúa", "Lua",
 * "Lúa!") must never share a key, a crop whose own name gives a numbered key ("Lúa 2") keeps it, and a
 * row's key must not move when rows are added above it. The keys are what a template and the indicators
 * tab name, so a shared or shifting key would put one crop's figure under another's name.
 */
import { describe, expect, it } from 'vitest';
import { rowIndicatorKeys } from '../../src/core/indicators/engine';
import type { ListRow } from '../../src/core/report/input';
import { reliabilitySection } from './readme-figures';

const DEF = { key: 'san_luong', rowKey: 'ten' };

/** List rows named `names`, starting at sheet row `first`. */
const rows = (names: (string | null)[], first = 5): ListRow[] =>
  names.map((ten, i) => ({ values: { ten }, entered: {}, row: first + i, cells: {}, sheet: 'Nông nghiệp' }));

const keys = (names: (string | null)[], first?: number) => rowIndicatorKeys(DEF, rows(names, first)).map((k) => k.slice(DEF.key.length + 1));

const CASES: { name: string; names: (string | null)[]; first?: number; expected: string[] }[] = [
  { name: '"Lúa" twice', names: ['Lúa', 'Lúa'], expected: ['lua', 'lua_2'] },
  { name: '"Lua" then "Lúa 15" with "Lua" on row 15', names: ['Lúa', 'Lua', 'Lúa 15'], first: 14, expected: ['lua', 'lua_2', 'lua_15'] },
  { name: '"Lúa", "Lua" and a crop really named "Lúa 2"', names: ['Lúa', 'Lua', 'Lúa 2'], expected: ['lua', 'lua_3', 'lua_2'] },
  { name: '"Lúa 2" before the second "Lúa"', names: ['Lúa 2', 'Lúa', 'Lúa'], expected: ['lua_2', 'lua', 'lua_3'] },
  { name: 'three spellings of one name ("Đậu", "Dâu", "dau!")', names: ['Đậu', 'Dâu', 'dau!'], expected: ['dau', 'dau_2', 'dau_3'] },
  { name: 'names with no letter or digit', names: ['—', '…', null], expected: ['dong', 'dong_2', 'dong_3'] },
];

describe('per-row indicator keys are unique and stable', () => {
  it('counts its cases', () => {
    console.log(`indicator keys: ${CASES.length} lists of names that slug alike, plus stability under inserted rows`);
    expect(CASES.length).toBeGreaterThanOrEqual(6);
    expect(reliabilitySection(), 'the README states the count').toContain(`${CASES.length} lists of crop names that slug alike`);
  });

  it.each(CASES)('$name', ({ names, first, expected }) => {
    const got = keys(names, first);
    expect(got).toEqual(expected);
    expect(new Set(got).size).toBe(got.length);
  });

  it('a row keeps its key when rows are added above it, or other crops renamed', () => {
    const before = keys(['Lúa', 'Ngô', 'Lua'], 5);
    const after = keys(['Khoai lang', 'Sắn', 'Lúa', 'Ngô', 'Lua'], 5);
    expect(after.slice(2)).toEqual(before);
    expect(keys(['Lúa', 'Bắp', 'Lua'], 5)[2]).toBe(before[2]);
  });

  it('the same names always give the same keys', () => {
    const names = ['Lúa', 'Lua', 'Lúa 2', 'lua', 'Ngô'];
    expect(keys(names)).toEqual(keys([...names]));
    expect(new Set(keys(names)).size).toBe(names.length);
  });
});
