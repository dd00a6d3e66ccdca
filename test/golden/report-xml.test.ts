/**
 * Golden copies of the generated report's document XML: the body (word/document.xml), the headers and
 * the footers, for the sample and for the sample with every list grown to 1 000 rows. Any change to what
 * `bao-cao generate` writes shows up here, so a speed-up can prove it changes nothing.
 *
 * A commit that MEANS to change the output updates the copies and says so in its message:
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/golden
 *
 * The XML is stored with a line break between adjacent tags, so a change reads as a small diff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { renderReportDocument } from '../../src/core/report/document';
import { runReport } from '../../src/core/report/pipeline';
import { hasErrors, issueLine } from '../../src/core/issues';
import { layoutWorkbook, type SampleData } from '../../src/core/workbook/layout';
import { renderDocx } from '../../src/node/docx-writer';
import { readXlsx } from '../../src/node/xlsx-read';
import { writeXlsx } from '../../src/node/xlsx-write';
import { paddedSample } from '../helpers/padded-sample';
import { DVK } from '../helpers/workbook';

const GOLDEN_DIR = join(__dirname, 'files');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** The parts that hold the report's text; the rest of the package is the writer library's boilerplate. */
const PARTS = /^word\/(document|header\d*|footer\d*)\.xml$/;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bao-cao-golden-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The .docx `bao-cao generate` writes for these figures: through an .xlsx file, as the clerk's is read. */
async function generate(name: string, figures: SampleData): Promise<Buffer> {
  const file = join(dir, `${name}.xlsx`);
  await writeXlsx(layoutWorkbook(DVK, figures), file);
  const run = runReport(DVK, await readXlsx(file));
  if (hasErrors(run.issues)) throw new Error(`the ${name} workbook has errors:\n${run.issues.map(issueLine).join('\n')}`);
  const merged = renderReportDocument(DVK.template, run.data);
  if (merged.problems.length > 0) throw new Error(merged.problems.map((p) => p.message).join('\n'));
  return renderDocx(merged.document);
}

async function xmlParts(docx: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const names = Object.keys(zip.files).filter((n) => PARTS.test(n)).sort();
  const parts = new Map<string, string>();
  for (const n of names) parts.set(n, (await zip.file(n)!.async('string')).replace(/></g, '>\n<'));
  return parts;
}

function goldenPath(name: string, part: string): string {
  return join(GOLDEN_DIR, name, part.replace(/^word\//, ''));
}

async function compareWithGolden(name: string, figures: SampleData): Promise<void> {
  const parts = await xmlParts(await generate(name, figures));
  expect([...parts.keys()]).toContain('word/document.xml');
  if (UPDATE) {
    rmSync(join(GOLDEN_DIR, name), { recursive: true, force: true });
    mkdirSync(join(GOLDEN_DIR, name), { recursive: true });
    for (const [part, xml] of parts) writeFileSync(goldenPath(name, part), xml);
    return;
  }
  const stored = existsSync(join(GOLDEN_DIR, name)) ? readdirParts(name) : [];
  expect(stored, `golden copies of ${name}: run UPDATE_GOLDEN=1 npx vitest run test/golden`).toEqual([...parts.keys()]);
  for (const [part, xml] of parts) {
    // Compared as strings, not with toEqual's diff: a 1 000-row body is megabytes.
    const golden = readFileSync(goldenPath(name, part), 'utf8');
    if (xml !== golden) expect.fail(`${name}/${part} differs from its golden copy at character ${firstDifference(xml, golden)}:\n${around(xml, golden)}`);
  }
}

function readdirParts(name: string): string[] {
  return readdirSync(join(GOLDEN_DIR, name)).sort().map((f) => `word/${f}`);
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function around(actual: string, golden: string): string {
  const at = firstDifference(actual, golden);
  const from = Math.max(0, actual.lastIndexOf('\n', at - 200));
  return `generated: …${actual.slice(from, at + 200)}…\ngolden:    …${golden.slice(from, at + 200)}…`;
}

describe('golden copies of the report XML', () => {
  it('the sample', async () => {
    await compareWithGolden('sample', DVK.sample);
  });

  it('the sample with every list at 1 000 rows', async () => {
    await compareWithGolden('rows-1000', paddedSample(DVK, 1000));
  }, 300_000);
});
