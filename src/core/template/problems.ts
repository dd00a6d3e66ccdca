/** What the merge reports instead of silently leaving or emptying a tag. Callers refuse to deliver then. */
export type ProblemKind = 'malformed' | 'unknown' | 'notText' | 'unclosed' | 'unopened' | 'mismatched' | 'placement' | 'tooLarge';

export interface MergeProblem {
  kind: ProblemKind;
  /** The tag as the author wrote it, e.g. `{{ten_xa}}` (merge-internal scope prefixes removed). */
  tag: string;
  /** Where it stands, in Vietnamese: "Thân văn bản, đoạn 12", "Đầu trang", "Bảng 2, hàng 3, ô 1". */
  location: string;
  /** A full Vietnamese sentence for the user. */
  message: string;
}
