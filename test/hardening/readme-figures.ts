/**
 * The README's «Reliability» section states how many cases each hardening test holds. Each test checks
 * the figure there against its own count, so the README cannot drift from what `npm test` runs.
 */
import { readFileSync } from 'node:fs';

/** The section's text with runs of whitespace (line breaks included) made one space. */
export function reliabilitySection(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('## Reliability');
  if (start < 0) throw new Error('README.md has no «## Reliability» section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end).replace(/\s+/g, ' ');
}
