/**
 * The PDF beside a report: LibreOffice converts into a throwaway folder, and the PDF is moved into place
 * (atomically) only when the conversion succeeded. A failing or interrupted conversion leaves any existing
 * PDF exactly as it was.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { docxToPdf } from './libreoffice';
import { onExit } from './on-exit';

export async function writePdf(docx: string, pdf: string, timeoutMs?: number): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'bao-cao-pdf-'));
  const forget = onExit(() => rmSync(scratch, { recursive: true, force: true }));
  try {
    const produced = await docxToPdf(docx, { outDir: scratch, timeoutMs });
    await writeFileAtomic(pdf, await readFile(produced));
  } finally {
    await rm(scratch, { recursive: true, force: true });
    forget();
  }
}
