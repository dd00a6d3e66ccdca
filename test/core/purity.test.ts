/**
 * src/core runs inside Apps Script V8 and Node alike: it may not import Node or the doors, nor touch
 * Google's or Node's globals. ESLint says the same; this test fails even when lint is skipped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN = [
  /from ['"]node:/,
  /from ['"](exceljs|docx|commander)['"]/,
  /from ['"][./]*\/(node|apps-script)\//,
  /\brequire\(/,
  /\bprocess\./,
  /\bBuffer\./,
  /\bsetTimeout\(/,
  /\bIntl\./,
  /\btoLocaleString\(/,
  /\b(SpreadsheetApp|DocumentApp|DriveApp|HtmlService|LockService|PropertiesService|UrlFetchApp)\./,
];

describe('src/core stays pure', () => {
  const sources = files('src/core');
  it('has sources to check', () => expect(sources.length).toBeGreaterThan(20));
  for (const file of sources) {
    it(file, () => {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const pattern of FORBIDDEN) expect(code, `${file} matches ${pattern}`).not.toMatch(pattern);
    });
  }
});
