// The step `npm run bench` compares for Word templates, in one process: from the template to the report's
// bytes, by the text path (parse the text template, merge, write the .docx) and by the .docx port (read
// the Word template, merge, write it back), on the sample data of a kind. Prints JSON medians in ms.
import { renderReportDocument } from '../../src/core/report/document';
import { runReport } from '../../src/core/report/pipeline';
import { layoutWorkbook } from '../../src/core/workbook/layout';
import { mergeDocxTemplate } from '../../src/node/docx-template/merge-docx';
import { templateToDocx } from '../../src/node/docx-template/template-docx';
import { renderDocx } from '../../src/node/docx-writer';
import { defaultKind } from '../../src/kinds/bundled';

const runs = Number(process.argv[2] ?? 15);
const kind = defaultKind();
const data = runReport(kind, layoutWorkbook(kind, kind.sample)).data;
const template = await templateToDocx(kind.template);

async function viaText(): Promise<number> {
  const start = performance.now();
  const merged = renderReportDocument(kind.template, data);
  if (merged.problems.length) throw new Error('text template problems');
  await renderDocx(merged.document);
  return performance.now() - start;
}

async function viaWord(): Promise<number> {
  const start = performance.now();
  const merged = await mergeDocxTemplate(template, data);
  if (!merged.ok) throw new Error('Word template problems');
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Warm both paths (JIT, lazy module state), then alternate so machine load hits both alike.
await viaText();
await viaWord();
const text: number[] = [];
const word: number[] = [];
for (let i = 0; i < runs; i++) {
  text.push(await viaText());
  word.push(await viaWord());
}
console.log(JSON.stringify({ runs, text: median(text), word: median(word) }));
