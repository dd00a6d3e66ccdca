/** Relations between figures the reader enforces: one entry per rule, with the clerk's message. */
export type Constraint =
  | { kind: 'partOfWhole'; part: string; whole: string; message: string }
  | { kind: 'dateOrder'; part: string; whole: string; severity: 'error' | 'warning'; message: string }
  /** Warning: the parts typed beside a total add up to more than it. */
  | { kind: 'partsWithinWhole'; parts: string[]; whole: string; message: string }
  /** Warning: a count typed beside a text that names the same things ("2" beside "Km3 và Km7") disagrees. */
  | { kind: 'countOfNames'; count: string; names: string; message: string }
  /**
   * Warning on each row of `list` whose entered `column` (an output typed as reported) differs from
   * `a` × `b` × `factor` (area × yield) by more than `tolerance` (a share: 0.01 is 1 %).
   */
  | { kind: 'rowProduct'; list: string; column: string; a: string; b: string; factor: number; tolerance: number; message: string };
