/**
 * The default template as a Word file (what `bao-cao template` writes) merged through the .docx port
 * gives the same document as the text template path: every paragraph's text, in order, in the body,
 * headers and footers. The LibreOffice test (libreoffice-template.test.ts) checks the same through a
 * real office suite; this one runs everywhere.
 */
import { describe, expect, it } from 'vitest';
import { renderReportDocument } from '../../../src/core/report/document';
import { runReport } from '../../../src/core/report/pipeline';
import { mergeDocxTemplate } from '../../../src/node/docx-template/merge-docx';
import { templateToDocx } from '../../../src/node/docx-template/template-docx';
import { renderDocx } from '../../../src/node/docx-writer';
import { createMemoryPort } from '../../../src/core/document/memory-port';
import { parseTemplateText } from '../../../src/core/document/template-text';
import { walkDocument } from '../../../src/core/template/walk';
import { layoutWorkbook } from '../../../src/core/workbook/layout';
import { bundledKinds } from '../../../src/kinds/bundled';
import { portTexts } from './word-xml';

describe.each(bundledKinds().map((kind) => [kind.id, kind] as const))('the default template of %s as .docx', (_id, kind) => {
  it('keeps every tag as typed text, and merges to the text path’s document', async () => {
    const template = await templateToDocx(kind.template);
    // The Word file reads, paragraph by paragraph, as the text template's document model does (Word
    // wants a paragraph in every header and footer part, so empty ones are left out of the comparison).
    const filled = (texts: string[]) => texts.filter((t) => t !== '');
    const model = walkDocument(createMemoryPort(parseTemplateText(kind.template))).map((s) => s.text);
    expect(model.join('\n')).toMatch(/\{\{#\w+\}\}/);
    expect(filled(await portTexts(template))).toEqual(filled(model));

    const data = runReport(kind, layoutWorkbook(kind, kind.sample)).data;
    const viaText = await renderDocx(renderReportDocument(kind.template, data).document);
    const viaWord = await mergeDocxTemplate(template, data);
    if (!viaWord.ok) throw new Error(viaWord.problems.map((p) => p.message).join('\n'));
    const merged = await portTexts(viaWord.bytes);
    expect(merged.join('\n')).not.toContain('{{');
    expect(merged).toEqual(await portTexts(viaText));
  });
});
