/** A problem found in the clerk's figures or in a template, always pointing at where it stands. */
export interface Issue {
  severity: 'error' | 'warning';
  /** The tab's name as the clerk sees it. */
  sheet: string;
  /** A1 notation of the cell ("C5"). */
  cell: string;
  /** Vietnamese: what was found and what was expected. */
  message: string;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** "Nông nghiệp!C5: ..." — one line per issue, as the CLI and the sidebar print them. */
export function issueLine(issue: Issue): string {
  const tag = issue.severity === 'error' ? 'Lỗi' : 'Cảnh báo';
  return `${issue.sheet}!${issue.cell}: [${tag}] ${issue.message}`;
}
