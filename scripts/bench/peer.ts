/**
 * The peer benchmark: the project's merge plus .docx writer against docxtemplater on the same content,
 * in one process. The content is N scalar tags (one paragraph each) and one table whose row repeats for
 * M items. Each side goes from its template to a .docx in memory: ours parses nothing (the template is
 * the in-memory model) and runs mergeDocument + renderDocx; docxtemplater opens the same template as a
 * .docx, renders and zips. Medians of RUNS alternated runs after one warm-up; one line per case:
 * `vs docxtemplater N=50 M=10000: 1.23` (our time ÷ docxtemplater's).
 * Bundled by scripts/bench.mjs; not part of the product.
 */
import { performance } from 'node:perf_hooks';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { Paragraph, ReportDocument, Table } from '../../src/core/document/model';
import { mergeDocument } from '../../src/core/document/memory-port';
import type { MergeData } from '../../src/core/template/data';
import { renderDocx } from '../../src/node/docx-writer';

const RUNS = Number(process.env.BENCH_PEER_RUNS ?? 5);
const CASES = [50, 500].flatMap((n) => [10, 1_000, 10_000].map((m) => ({ n, m })));

const para = (text: string): Paragraph => ({ type: 'paragraph', style: {}, runs: [{ type: 'text', text }] });
const cell = (text: string) => ({ blocks: [para(text)] });

function template(n: number): ReportDocument {
  const loop: Table = {
    type: 'table',
    borders: true,
    columnWidthsPct: [20, 50, 30],
    rows: [
      { cells: [cell('STT'), cell('Tên'), cell('Số lượng')] },
      { cells: [cell('{{#hang}}{{stt}}'), cell('{{ten}}'), cell('{{so_luong}}{{/hang}}')] },
    ],
  };
  return {
    page: { size: 'A4', orientation: 'portrait', marginsMm: { top: 20, bottom: 20, left: 30, right: 15 }, font: 'Times New Roman', sizePt: 14 },
    header: [],
    firstPageHeader: [],
    titlePage: false,
    footer: [],
    body: [...Array.from({ length: n }, (_, i) => para(`Chỉ tiêu ${i + 1}: {{chi_tieu_${i}}}.`)), loop],
  };
}

function data(n: number, m: number): MergeData {
  const out: MergeData = {};
  for (let i = 0; i < n; i++) out[`chi_tieu_${i}`] = `${(i * 7919) % 1000},${i % 10} tấn`;
  out.hang = Array.from({ length: m }, (_, i) => ({ stt: String(i + 1), ten: `Mô hình số ${i + 1}`, so_luong: `${(i * 31) % 997}` }));
  return out;
}

async function ours(doc: ReportDocument, values: MergeData): Promise<Buffer> {
  const merged = mergeDocument(doc, values);
  if (merged.problems.length > 0) throw new Error(merged.problems[0].message);
  return renderDocx(merged.document);
}

function theirs(templateDocx: Buffer, values: MergeData): Buffer {
  const doc = new Docxtemplater(new PizZip(templateDocx), { paragraphLoop: true, linebreaks: true, delimiters: { start: '{{', end: '}}' } });
  doc.render(values);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
}

async function timed(f: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await f();
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const { n, m } of CASES) {
  const doc = template(n);
  const templateDocx = await renderDocx(doc);
  const values = data(n, m);
  // Both must write the same rows: a check that the comparison is of equal work.
  const [a, b] = [await ours(doc, values), theirs(templateDocx, values)];
  for (const out of [a, b]) {
    const xml = await new PizZip(out).file('word/document.xml')!.asText();
    if (!xml.includes(`Mô hình số ${m}<`) || xml.includes('{{')) throw new Error(`N=${n} M=${m}: a side did not render every row`);
  }
  const us: number[] = [];
  const them: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    us.push(await timed(() => ours(doc, values)));
    them.push(await timed(() => theirs(templateDocx, values)));
  }
  const detail = process.env.BENCH_DETAIL ? ` (ours ${median(us).toFixed(0)} ms, docxtemplater ${median(them).toFixed(0)} ms)` : '';
  console.log(`vs docxtemplater N=${n} M=${m}: ${(median(us) / median(them)).toFixed(2)}${detail}`);
}
