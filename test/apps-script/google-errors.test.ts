/**
 * The door's one Google-error helper (src/apps-script/google-errors.ts) and its one retry (retry.ts), on the
 * shapes of error the Google fakes throw as live Apps Script does, and the fake clock for the waits.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClerkMessage } from '../../src/apps-script/errors';
import { explainGoogleError, googleErrorCode, googleReason, isNotFound, isRateLimit } from '../../src/apps-script/google-errors';
import { GENERATE_MSG } from '../../src/apps-script/messages';
import { FIRST_BACKOFF_MS, MAX_TRIES, withBackoff } from '../../src/apps-script/retry';
import { installWorld } from './google-harness';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The Drive advanced service the world installed as a global. */
const drive = () => Drive as GoogleAppsScript.Drive;

const e = (message: string, code?: number) => Object.assign(new Error(message), code ? { details: { code } } : {});

/** What a fake Drive call throws, caught. */
function driveError(code: number, text: string): unknown {
  const world = installWorld();
  world.drive.failNext('Files.get', text, { code });
  try {
    drive().Files.get('x');
  } catch (err) {
    return err;
  }
  throw new Error('the fake did not fail');
}

describe('reading Google errors', () => {
  it('knows Google’s ways of saying "slow down" and nothing else', () => {
    expect(isRateLimit(e('API call to drive.permissions.create failed with error: User rate limit exceeded.', 429))).toBe(true);
    expect(isRateLimit(e('userRateLimitExceeded'))).toBe(true);
    expect(isRateLimit(e('Rate Limit Exceeded'))).toBe(true);
    expect(isRateLimit(e('HTTP 429'))).toBe(true);
    expect(isRateLimit(driveError(429, 'User rate limit exceeded.'))).toBe(true);
    expect(isRateLimit(e('Invalid email address', 400))).toBe(false);
    expect(isRateLimit(e('The user does not have sufficient permissions for this file.', 403))).toBe(false);
  });

  it('takes only a 404 for "not there for this account", never a 403', () => {
    expect(isNotFound(driveError(404, 'File not found: abc.'))).toBe(true);
    expect(isNotFound(driveError(403, 'The user does not have sufficient permissions for this file.'))).toBe(false);
    expect(isNotFound(e('Internal error', 500))).toBe(false);
  });

  it('gives the status and Google’s own words without the exception prefix', () => {
    const err = driveError(404, 'File not found: abc.');
    expect(googleErrorCode(err)).toBe(404);
    expect(googleReason(err)).toBe('File not found: abc.');
    expect(googleReason(e('Exception: Document is missing'))).toBe('Document is missing');
    expect(googleErrorCode(e('no code'))).toBeUndefined();
  });

  it('explains an error to the clerk in Vietnamese, passing the product’s own messages through', () => {
    expect(explainGoogleError(driveError(429, 'User rate limit exceeded.'))).toBe(GENERATE_MSG.rateLimited);
    expect(explainGoogleError(driveError(404, 'File not found: abc.'))).toBe(GENERATE_MSG.notFound);
    expect(explainGoogleError(driveError(403, 'Insufficient permissions.'))).toBe(GENERATE_MSG.noPermission);
    expect(explainGoogleError(driveError(500, 'Internal error.'))).toBe(GENERATE_MSG.other('Internal error.'));
    expect(explainGoogleError(new ClerkMessage('Bấm «Tạo báo cáo» lại.'))).toBe('Bấm «Tạo báo cáo» lại.');
  });
});

describe('withBackoff', () => {
  it('waits 1 s, 2 s, 4 s on the clock between tries of a rate-limited call, then gives up with Google’s error', () => {
    const world = installWorld();
    world.drive.failNext('Files.get', 'User rate limit exceeded.', { code: 429, times: MAX_TRIES });
    const start = world.clock.now();
    expect(() => withBackoff(() => drive().Files.get('x'))).toThrow(/User rate limit exceeded/);
    expect(world.clock.sleeps).toEqual([FIRST_BACKOFF_MS, 2 * FIRST_BACKOFF_MS, 4 * FIRST_BACKOFF_MS]);
    expect(world.calls.count('Drive.Files.get')).toBe(MAX_TRIES);
    expect(world.clock.now() - start).toBeGreaterThanOrEqual(7 * FIRST_BACKOFF_MS);
  });

  it('returns the answer of the first try that works', () => {
    const world = installWorld();
    const folder = drive().Files.create({ name: 'f', mimeType: 'application/vnd.google-apps.folder' });
    world.drive.failNext('Files.get', 'Rate Limit Exceeded', { code: 429, times: 1 });
    expect(withBackoff(() => drive().Files.get(folder.id as string)).id).toBe(folder.id);
    expect(world.clock.sleeps).toEqual([FIRST_BACKOFF_MS]);
  });

  it('does not retry any other error', () => {
    const world = installWorld();
    world.drive.failNext('Files.get', 'File not found: x.', { code: 404, times: 1 });
    expect(() => withBackoff(() => drive().Files.get('x'))).toThrow(/File not found/);
    expect(world.clock.sleeps).toEqual([]);
    expect(world.calls.count('Drive.Files.get')).toBe(1);
  });
});
