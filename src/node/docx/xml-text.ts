/**
 * Text and attribute values made safe for XML. Characters XML 1.0 cannot hold (C0 controls other than
 * tab, line feed and carriage return) are dropped rather than written: Word refuses a file with them.
 * Quotes are escaped in text too, so one function serves text and attributes.
 */
// Control characters are what these patterns are for.
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
// eslint-disable-next-line no-control-regex
const SPECIAL_ALL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

export function escapeXml(text: string): string {
  // Most text has nothing to escape: skip the replace and its new string.
  if (!SPECIAL.test(text)) return text;
  return text.replace(SPECIAL_ALL, (c) => ENTITIES[c] ?? '');
}
