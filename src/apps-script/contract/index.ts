/**
 * The contract list: every case, in the order the self-check shows them. The granted-scopes case comes first,
 * since without every grant the others would fail for the wrong reason.
 */
import { ACCOUNT_CASES } from './account-cases';
import { DOCS_CASES } from './docs-cases';
import { DOCUMENT_CASES } from './document-cases';
import { DRIVE_CASES } from './drive-cases';
import { SHEET_CASES } from './sheet-cases';
import type { ContractCase } from './types';

export const CONTRACT_CASES: readonly ContractCase[] = [...ACCOUNT_CASES, ...DRIVE_CASES, ...DOCUMENT_CASES, ...DOCS_CASES, ...SHEET_CASES];

export { CLEANUP_ID, runContract, type CaseOutcome } from './run';
export { isObserved, type BehaviourId, type ContractCase } from './types';
