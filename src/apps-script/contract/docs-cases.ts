/**
 * Docs v1 advanced-service calls the product makes after a merge (docs-port.ts, replace-checks.ts): one
 * batchUpdate of replaceAllText requests and Documents.get to read the result, on a Doc saved and closed first.
 */
import { createDocsPort } from '../docs-port';
import { merge } from '../../core/template/merge';
import { googleReason } from '../google-errors';
import { SELF_CHECK_MSG as M } from '../messages';
import { answerOf, docsHeaderText, docsText, expectThat, shown } from './check';
import { docs, drive, type ContractContext } from './context';
import type { ContractCase } from './types';

type Request = GoogleAppsScript.Docs.Schema.Request;

const replace = (find: string, by: string): Request => ({ replaceAllText: { containsText: { text: find, matchCase: true }, replaceText: by } });

/** The body text of a saved Doc through Documents.get. */
function savedBody(id: string): string {
  return docsText(docs((d) => d.Documents.get(id)).body?.content);
}

/** A scratch Doc of one line `before` + `tag`, saved, then `tag` replaced by `value` in one batchUpdate: its id. */
function replacedInScratch(ctx: ContractContext, tag: string, value: string, before = ''): string {
  const id = ctx.savedDoc([before + tag]);
  docs((d) => d.Documents.batchUpdate({ requests: [replace(tag, value)] }, id));
  return id;
}

/**
 * A Private Use Area character (U+E000–U+F8FF) sent to see whether replaceAllText keeps it (switch b): the one
 * such character in the bundle; the merge never uses one (test/apps-script/bundle.test.ts checks both).
 */
export const PRIVATE_USE_PROBE = '\uE100';

/** The tiny template and the values whose verbatim arrival the merge case checks. */
export const MERGE_TEMPLATE = { header: 'Đầu trang {{b}}', body: ['{{a}} | {{b}}', 'Cuối'] };
export const MERGE_VALUES = { a: 'giá $1 \\ {{b}}', b: 'B' };
export const MERGE_EXPECTED = { header: 'Đầu trang B', body: 'giá $1 \\ {{b}} | B\nCuối' };

export const DOCS_CASES: ContractCase[] = [
  {
    id: 'docs.replaceAll',
    label: M.batchUpdate,
    needs: ['drive.createDoc'],
    check(ctx) {
      const doc = ctx.newDoc(['{{a}} | {{b}}', 'Tỷ lệ {{c}}']);
      const id = doc.getId();
      doc.getBody().getParagraphs()[0].editAsText().setBold(8, 10, true); // "{{b" bold, "}}" not: a tag across formatting runs
      doc.saveAndClose();
      const res = docs((d) =>
        d.Documents.batchUpdate({ requests: [replace('{{a}}', 'A$1 \\'), replace('{{b}}', 'B'), replace('{{c}}', '{{a}}'), replace('{{không có}}', 'X')] }, id),
      );
      const counts = (res.replies ?? []).map((r) => r.replaceAllText?.occurrencesChanged);
      expectThat(counts[0] === 1 && counts[1] === 1 && counts[2] === 1, 'occurrencesChanged 1, 1, 1', counts);
      expectThat(counts[3] === undefined || counts[3] === 0, M.zeroOmitted, res.replies?.[3] ?? null);
      const got = docs((d) => d.Documents.get(id));
      const content = got.body?.content ?? [];
      expectThat(Boolean(content[0]?.sectionBreak) && content[1]?.startIndex === 1, M.docsStructure, content.slice(0, 2).map((c) => Object.keys(c)));
      const text = docsText(content);
      // In order: the '{{a}}' the third request inserted stays, the first one ran before it.
      expectThat(text === 'A$1 \\ | B\nTỷ lệ {{a}}\n', shown('A$1 \\ | B\nTỷ lệ {{a}}\n'), shown(text));
      return M.replies(shown(counts), shown(text));
    },
  },
  {
    id: 'docs.atomic',
    label: M.atomic,
    needs: ['drive.createDoc'],
    check(ctx) {
      const id = ctx.savedDoc(['{{a}}']);
      let refused = '';
      try {
        docs((d) => d.Documents.batchUpdate({ requests: [replace('{{a}}', 'x'), { replaceAllText: { replaceText: 'y' } }] }, id));
      } catch (e) {
        refused = googleReason(e);
      }
      expectThat(refused !== '', M.invalidRefused, M.accepted);
      const text = savedBody(id);
      expectThat(text === '{{a}}\n', M.unchanged(shown('{{a}}\n')), shown(text));
      return M.refused(refused);
    },
  },
  {
    id: 'docs.privateUse',
    label: M.privateUse,
    behaviour: 'replaceAllKeepsPrivateUse',
    answers: { optimistic: M.privateUseKept, pessimistic: M.privateUseStripped },
    needs: ['drive.createDoc'],
    observe(ctx) {
      const text = savedBody(replacedInScratch(ctx, '{{p}}', `x${PRIVATE_USE_PROBE}y`));
      return { optimistic: answerOf(text, `x${PRIVATE_USE_PROBE}y`, 'xy', '\n'), detail: M.merged(shown(text)) };
    },
  },
  {
    id: 'docs.verticalTab',
    label: M.lineBreak,
    behaviour: 'verticalTabIsLineBreak',
    answers: { optimistic: M.lineBreakKept, pessimistic: M.lineBreakDropped },
    needs: ['drive.createDoc'],
    observe(ctx) {
      const text = savedBody(replacedInScratch(ctx, '{{v}}', 'dòng 1\u000bdòng 2'));
      return { optimistic: answerOf(text, 'dòng 1\u000bdòng 2', 'dòng 1dòng 2', '\n'), detail: M.merged(shown(text)) };
    },
  },
  {
    id: 'docs.headers',
    label: M.headers,
    behaviour: 'replaceAllReachesHeaders',
    answers: { optimistic: M.headersReached, pessimistic: M.headersNotReached },
    needs: ['drive.createDoc'],
    observe(ctx) {
      const doc = ctx.newDoc(['Thân {{h}}']);
      const id = doc.getId();
      doc.addHeader().getParagraphs()[0].setText('Đầu trang {{h}}');
      doc.saveAndClose();
      docs((d) => d.Documents.batchUpdate({ requests: [replace('{{h}}', 'H')] }, id));
      const got = docs((d) => d.Documents.get(id));
      const body = docsText(got.body?.content);
      const header = docsHeaderText(got);
      expectThat(body === 'Thân H\n', shown('Thân H\n'), shown(body));
      return { optimistic: answerOf(header, 'Đầu trang H', 'Đầu trang {{h}}', '\n'), detail: M.merged(shown(header)) };
    },
  },
  {
    id: 'docs.merge',
    label: M.portMerge,
    needs: ['drive.copy'],
    check(ctx) {
      // As generation does it: a Drive copy of the template, merged through the Google Docs port.
      const template = ctx.newDoc(MERGE_TEMPLATE.body);
      template.addHeader().getParagraphs()[0].setText(MERGE_TEMPLATE.header);
      const templateId = template.getId();
      template.saveAndClose();
      const copyId = ctx.keep(drive((d) => d.Files.copy({ name: M.scratchName(ctx.stamp), parents: [ctx.folder()] }, templateId, { fields: 'id' })).id as string);
      const port = createDocsPort(DocumentApp.openById(copyId));
      const problems = merge(port, MERGE_VALUES);
      expectThat(problems.length === 0, M.noProblems, problems.map((p) => p.message).join('; '));
      port.flush();
      // Read through the Docs API: DocumentApp may not show this run the batchUpdate's edits (switch k).
      const merged = docs((d) => d.Documents.get(copyId));
      const body = docsText(merged.body?.content);
      const header = docsHeaderText(merged);
      expectThat(body === `${MERGE_EXPECTED.body}\n`, shown(MERGE_EXPECTED.body), shown(body));
      expectThat(header === `${MERGE_EXPECTED.header}\n`, shown(MERGE_EXPECTED.header), shown(header));
      return M.merged(shown(body));
    },
  },
  {
    id: 'docs.documentAppAfterBatch',
    label: M.documentAppAfterBatch,
    behaviour: 'documentAppSeesDocsApiEdits',
    answers: { optimistic: M.afterBatchSeen, pessimistic: M.afterBatchStale },
    needs: ['drive.createDoc'],
    observe(ctx) {
      const id = replacedInScratch(ctx, '{{k}}', 'K', 'Giá trị ');
      // What a PDF made now with getAs would render (report-pdf.ts reopens the report the same way).
      const text = DocumentApp.openById(id).getBody().getText();
      return { optimistic: answerOf(text, 'Giá trị K', 'Giá trị {{k}}'), detail: M.merged(shown(text)) };
    },
  },
];
