/** Relations between figures the reader enforces: one entry per rule, with the clerk's message. */
export type Constraint =
  | { kind: 'partOfWhole'; part: string; whole: string; message: string }
  | { kind: 'dateOrder'; part: string; whole: string; severity: 'error' | 'warning'; message: string };
