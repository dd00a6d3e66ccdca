import { documentText, paragraphText, type Paragraph, type ReportDocument } from '../../src/core/document/model';
import { createMemoryPort, mergeDocument } from '../../src/core/document/memory-port';
import { parseTemplateText } from '../../src/core/document/template-text';
import type { MergeData } from '../../src/core/template/data';
import type { DocumentPort } from '../../src/core/template/port';

/** Merges a template written in the text format; returns the body text and the problems. */
export function mergeText(template: string, data: MergeData) {
  const doc = parseTemplateText(template);
  const result = mergeDocument(doc, data);
  return { ...result, text: documentText(result.document), template: doc };
}

export function texts(ps: readonly Paragraph[]): string[] {
  return ps.map(paragraphText);
}

export function para(...runs: Paragraph['runs']): Paragraph {
  return { type: 'paragraph', style: {}, runs };
}

export function docWith(body: ReportDocument['body'], extra: Partial<ReportDocument> = {}): ReportDocument {
  return {
    page: { size: 'A4', orientation: 'portrait', marginsMm: { top: 20, bottom: 20, left: 30, right: 15 }, font: 'Times New Roman', sizePt: 14 },
    header: [],
    firstPageHeader: [],
    titlePage: false,
    footer: [],
    body,
    ...extra,
  };
}

const WRITES = ['copyBlocks', 'removeBlocks', 'copyRows', 'removeRows', 'prefixTags', 'deleteText', 'repeatSpans', 'replaceAll'] as const;

/** The in-memory port with every write counted, as a Google port would pay for it. */
export function countingPort(doc: ReportDocument): { port: DocumentPort; writes: Record<string, number>; total: () => number } {
  const inner = createMemoryPort(doc) as unknown as Record<string, (...args: unknown[]) => unknown>;
  const writes: Record<string, number> = {};
  const port = { ...inner } as Record<string, (...args: unknown[]) => unknown>;
  for (const name of WRITES) {
    port[name] = (...args: unknown[]) => {
      writes[name] = (writes[name] ?? 0) + 1;
      return inner[name](...args);
    };
  }
  return { port: port as unknown as DocumentPort, writes, total: () => Object.values(writes).reduce((a, b) => a + b, 0) };
}
