/**
 * LockService (REF lock/lock-service, lock/lock; the Apps Script reference). Getting a lock does not acquire
 * it; tryLock returns false on timeout; a held lock is not re-acquired. Time is the
 * world's fake clock: a wait advances it instead of sleeping.
 *
 * Another holder (a second clerk running a menu item) is simulated with
 * `locks.holdByOther('document', { releaseAfterMs })`: without releaseAfterMs it never lets go.
 */
import { Runtime, asGas } from './runtime';

export type LockKind = 'document' | 'script' | 'user';

export interface LockAttempt {
  kind: LockKind;
  method: 'tryLock';
  timeoutMs: number;
  acquired: boolean;
}

interface Slot {
  holder: 'none' | 'self' | 'other';
  otherReleasesAfterMs: number | null;
}

export class FakeLock implements Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'hasLock' | 'releaseLock'> {
  constructor(
    private readonly rt: Runtime,
    private readonly service: FakeLockService,
    readonly kind: LockKind,
  ) {}
  private acquire(method: 'tryLock', timeoutMs: number): boolean {
    const slot = this.service.slot(this.kind);
    let acquired = false;
    if (slot.holder === 'self') acquired = true;
    else if (slot.holder === 'none') acquired = true;
    else if (slot.otherReleasesAfterMs !== null && slot.otherReleasesAfterMs <= timeoutMs) {
      this.rt.clock.advance(slot.otherReleasesAfterMs);
      acquired = true;
    } else this.rt.clock.advance(timeoutMs);
    if (acquired) {
      slot.holder = 'self';
      slot.otherReleasesAfterMs = null;
    }
    this.service.attempts.push({ kind: this.kind, method, timeoutMs, acquired });
    return acquired;
  }
  tryLock(timeoutInMillis: number): boolean {
    this.rt.hit('Lock', 'tryLock');
    return this.acquire('tryLock', timeoutInMillis);
  }
  hasLock(): boolean {
    this.rt.hit('Lock', 'hasLock');
    return this.service.slot(this.kind).holder === 'self';
  }
  /** A no-op when not held (REF lock#releaseLock). */
  releaseLock(): void {
    this.rt.hit('Lock', 'releaseLock');
    const slot = this.service.slot(this.kind);
    if (slot.holder === 'self') slot.holder = 'none';
  }
}

export class FakeLockService implements Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock'> {
  private readonly slots: Record<LockKind, Slot> = {
    document: { holder: 'none', otherReleasesAfterMs: null },
    script: { holder: 'none', otherReleasesAfterMs: null },
    user: { holder: 'none', otherReleasesAfterMs: null },
  };
  readonly attempts: LockAttempt[] = [];
  constructor(private readonly rt: Runtime) {}

  slot(kind: LockKind): Slot {
    return this.slots[kind];
  }
  /** Simulates another execution holding the lock; it lets go after releaseAfterMs of waiting, or never. */
  holdByOther(kind: LockKind = 'document', opts: { releaseAfterMs?: number } = {}): void {
    this.slots[kind] = { holder: 'other', otherReleasesAfterMs: opts.releaseAfterMs ?? null };
  }
  /** Who holds the lock now. */
  holder(kind: LockKind = 'document'): Slot['holder'] {
    return this.slots[kind].holder;
  }
  /** What Apps Script does when the execution ends: its locks are released. */
  endExecution(): void {
    for (const s of Object.values(this.slots)) if (s.holder === 'self') s.holder = 'none';
  }

  /** null outside a container (standalone script or web app) (REF lock-service#getDocumentLock). */
  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    this.rt.hit('LockService', 'getDocumentLock');
    return asGas(this.rt.context === 'standalone' ? null : new FakeLock(this.rt, this, 'document'));
  }
}
