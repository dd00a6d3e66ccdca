/** The template language and the one merge algorithm. */
export { merge, checkTemplate } from './merge';
export type { MergeData, MergeValue } from './data';
export type { MergeProblem, ProblemKind } from './problems';
export type { DocumentPort, PortBlock, PrefixTarget, Replacement, SectionKind } from './port';
export { OBJECT_CHAR } from './port';
export { sequentialReplacements } from './literal-plan';
export { scanTags, displayTag, prefixText } from './tags';
