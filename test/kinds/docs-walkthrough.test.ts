/**
 * docs/kinds.md walks through making a new kind. This test does what the page says, with the files exactly
 * as the page shows them (its fenced blocks marked file=…), in a temporary folder: `bao-cao kinds` lists the
 * kind, `init --sample`, `check` and `generate` work, and the report says what the page promises.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentText } from '../../src/core/document/model';
import { INDICATOR_KINDS } from '../../src/core/indicators/registry';
import { loadKind } from '../../src/core/kind/load';
import { renderReportDocument } from '../../src/core/report/document';
import { runReport } from '../../src/core/report/pipeline';
import { layoutWorkbook } from '../../src/core/workbook/layout';
import { buildCliForTest } from '../helpers/cli';

const PAGE = readFileSync('docs/kinds.md', 'utf8');
const files = [...PAGE.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)].map((m) => ({ name: m[1], text: m[2] }));

let cli: Awaited<ReturnType<typeof buildCliForTest>>;
let dir: string;
beforeAll(async () => {
  cli = await buildCliForTest('docs');
  dir = mkdtempSync(join(tmpdir(), 'bao-cao-docs-'));
  const folder = join(dir, 'kinds', 'quy-thien-tai');
  mkdirSync(folder, { recursive: true });
  for (const f of files) writeFileSync(join(folder, f.name), f.text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/kinds.md, followed to the letter', () => {
  it('shows the three files of a kind', () => {
    expect(files.map((f) => f.name).sort()).toEqual(['kind.json', 'sample.json', 'template.txt']);
  });

  it('step 5: bao-cao kinds lists the new kind beside the bundled ones', () => {
    const r = cli(dir, 'kinds', '--json');
    expect(r.stderr).toBe('');
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((k) => k.id);
    expect(ids).toContain('quy-thien-tai');
    expect(ids).toContain('dan-van-kheo');
  });

  it('step 6: init --sample, check and generate make the report', () => {
    const kind = join('kinds', 'quy-thien-tai');
    expect(cli(dir, 'init', '--sample', '--kind', kind, 'quy.xlsx').code).toBe(0);
    const check = cli(dir, 'check', '--kind', kind, 'quy.xlsx');
    expect(check.stdout).toContain('Số liệu hợp lệ');
    const gen = cli(dir, 'generate', '--kind', kind, 'quy.xlsx');
    expect(gen.stderr).toBe('');
    expect(gen.code).toBe(0);
    expect(existsSync(join(dir, 'bao-cao-quy.docx'))).toBe(true);
  }, 300_000);

  it('the report says what the page promises', () => {
    const text = (name: string) => files.find((f) => f.name === name)?.text ?? '';
    const r = loadKind({ origin: 'kinds/quy-thien-tai', kindJson: text('kind.json'), template: text('template.txt'), sample: text('sample.json') });
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const grid = layoutWorkbook(r.kind, r.kind.sample).map((s) => ({ name: s.name, rows: s.rows }));
    const run = runReport(r.kind, grid);
    expect(run.issues).toEqual([]);
    // The report keeps a number and its unit together with a no-break space; the page writes a plain one.
    const doc = documentText(renderReportDocument(r.kind.template, run.data).document).replace(/\u00a0/g, ' ');
    const promised = /Báo cáo có câu «([^»]+)»/.exec(PAGE.replace(/\n/g, ' '))?.[1];
    expect(promised).toBeDefined();
    expect(doc).toContain(promised);
  });

  it('lists every block type and every indicator kind', () => {
    for (const type of ['fields', 'rates', 'list', 'plan']) expect(PAGE).toContain(`| \`${type}\` |`);
    for (const kind of Object.keys(INDICATOR_KINDS)) expect(PAGE).toContain(`| \`${kind}\` |`);
  });
});
