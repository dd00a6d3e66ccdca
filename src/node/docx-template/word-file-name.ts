/**
 * Whether a template path names a Word file, decided by its name alone, so `generate` with a text
 * template never loads the Word door (jszip, @xmldom/xmldom).
 */
import { extname } from 'node:path';

/** Word files go to the Word door (an old .doc, to be told to save it as .docx); anything else is text. */
const WORD_EXTENSIONS = new Set(['.docx', '.docm', '.dotx', '.dotm', '.doc']);

export function isWordTemplate(path: string): boolean {
  return WORD_EXTENSIONS.has(extname(path).toLowerCase());
}
