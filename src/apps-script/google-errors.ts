/**
 * The one place that reads Google's errors. Advanced services throw
 * "GoogleJsonResponseException: API call to drive.files.copy failed with error: <reason>" with the HTTP status
 * in `details.code` (Apps Script reference, advanced services); built-in services throw "Exception: <reason>".
 * Everything else in the door asks these helpers, so a new shape of error is handled once.
 */
import { ClerkMessage } from './errors';
import { GENERATE_MSG as MSG } from './messages';

interface GoogleErrorLike {
  message?: string;
  details?: { code?: number; message?: string };
}

/** The HTTP status Google gave, when it gave one. */
export function googleErrorCode(e: unknown): number | undefined {
  const code = (e as GoogleErrorLike | null)?.details?.code;
  return typeof code === 'number' ? code : undefined;
}

function rawText(e: unknown): string {
  return typeof e === 'object' && e !== null && 'message' in e ? String((e as Error).message) : String(e);
}

/** Google's own words, without the "GoogleJsonResponseException: API call to … failed with error:" or "Exception:" prefix. */
export function googleReason(e: unknown): string {
  const text = rawText(e);
  return text.replace(/^.*failed with error:\s*/, '').replace(/^(GoogleJsonResponseException|Exception):\s*/, '').trim() || text;
}

/** Google's "slow down": 429, userRateLimitExceeded, rateLimitExceeded, "User rate limit exceeded", "Too many requests". */
export function isRateLimit(e: unknown): boolean {
  if (googleErrorCode(e) === 429) return true;
  const text = `${rawText(e)} ${(e as GoogleErrorLike | null)?.details?.message ?? ''}`;
  return /\b429\b|rate ?limit|ratelimitexceeded|userratelimitexceeded|too many requests/i.test(text);
}

/**
 * Drive's 404: the file is gone, or the app may not use it for this account (drive.file is per user,
 * docs/google-behaviours.md switch j). A 403 is not this: it means a grant is missing, and retrying through
 * another path would hide it.
 */
export function isNotFound(e: unknown): boolean {
  return googleErrorCode(e) === 404 || /file not found/i.test(rawText(e));
}

/** A Google error as a Vietnamese reason for the clerk: rate limits and missing files get advice, the rest Google's words. */
export function explainGoogleError(e: unknown): string {
  if (e instanceof ClerkMessage) return e.message;
  const text = rawText(e);
  const code = googleErrorCode(e);
  if (isRateLimit(e) || /quota/i.test(text)) return MSG.rateLimited;
  if (code === 404 || /not found|is missing/i.test(text)) return MSG.notFound;
  if (code === 403 || /permission|insufficient/i.test(text)) return MSG.noPermission;
  if (/^Dịch vụ nâng cao/.test(text)) return text;
  return MSG.other(googleReason(e));
}

/** What a handler shows when a flow throws: flows throw Vietnamese sentences; anything else still reads as one, never a stack. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
