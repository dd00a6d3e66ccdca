/**
 * One document lock for every flow that writes Drive or the log (generating, sharing, making the
 * template), so two clerks pressing at once never interleave.
 */

/** How long a second clerk waits for the first before being told the Sheet is busy. */
export const LOCK_WAIT_MS = 10_000;

/** Runs `body` holding the document lock; null when another run holds it (or there is no bound document). */
export function withDocumentLock<T>(body: () => T, waitMs = LOCK_WAIT_MS): { value: T } | null {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) return null;
  try {
    return { value: body() };
  } finally {
    lock.releaseLock();
  }
}
