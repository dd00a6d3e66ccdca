/**
 * One retry for the whole Google door: rate-limit errors (429, userRateLimitExceeded) are retried with
 * exponential backoff; any other error goes up at once. Utilities.sleep, since Apps Script has no setTimeout.
 */

/** Tries per call when Google says "rate limit": waits 1 s, 2 s, 4 s between them. */
export const MAX_TRIES = 4;
export const FIRST_BACKOFF_MS = 1000;

interface GoogleErrorLike {
  message?: string;
  details?: { code?: number; message?: string };
}

/** Google's "slow down": 429, userRateLimitExceeded, rateLimitExceeded, "User rate limit exceeded". */
export function isRateLimit(e: unknown): boolean {
  const err = e as GoogleErrorLike;
  if (err?.details?.code === 429) return true;
  const msg = `${err?.message ?? String(e)} ${err?.details?.message ?? ''}`;
  return /\b429\b|rate ?limit|ratelimitexceeded|userratelimitexceeded|too many requests/i.test(msg);
}

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
