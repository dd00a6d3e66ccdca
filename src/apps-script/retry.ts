/**
 * The one retry of the Google door: every advanced-service call (Drive, Docs) goes through `withBackoff`.
 * Rate-limit errors (google-errors.ts isRateLimit) are retried with exponential backoff; any other error goes
 * up at once, since retrying a refusal or a missing file only delays the message. Utilities.sleep, because
 * Apps Script has no setTimeout; the wait counts against the run's time, which the time budget sees.
 */
import { isRateLimit } from './google-errors';

/** Tries per call when Google says "rate limit": waits 1 s, 2 s, 4 s between them (7 s at most). */
export const MAX_TRIES = 4;
export const FIRST_BACKOFF_MS = 1000;

/** Calls `fn`, retrying rate-limit errors with exponential backoff. */
export function withBackoff<T>(fn: () => T, tries = MAX_TRIES, firstWaitMs = FIRST_BACKOFF_MS): T {
  for (let attempt = 1; ; attempt++) {
    try {
      return fn();
    } catch (e) {
      if (attempt >= tries || !isRateLimit(e)) throw e;
      Utilities.sleep(firstWaitMs * 2 ** (attempt - 1));
    }
  }
}
