/**
 * The "Dân vận khéo" sample report's text, kept whole: a refactor that should not change the report must
 * leave this test green. A commit that means to change the report's wording regenerates the copy with
 * `UPDATE_GOLDEN=1 npx vitest run test/golden` and says so in its message.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentText } from '../../src/core/document/model';
import { renderReportDocument } from '../../src/core/report/document';
import { runReport } from '../../src/core/report/pipeline';
import { sampleGrid, DVK } from '../helpers/workbook';

const GOLDEN = join(__dirname, 'dan-van-kheo-sample.txt');

describe('the sample report', () => {
  it('reads as the golden copy, word for word', () => {
    const run = runReport(DVK, sampleGrid());
    const merged = renderReportDocument(DVK.template, run.data);
    expect(merged.problems).toEqual([]);
    const text = `${documentText(merged.document)}\n`;
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, text);
    expect(existsSync(GOLDEN), `${GOLDEN} is missing: run with UPDATE_GOLDEN=1 once`).toBe(true);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
