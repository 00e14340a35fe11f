import { describe, expect, it } from 'vitest';
import { mergeSnapshot } from '@/utils/store/merge';
import type { AccountSnapshot } from '@/utils/pypi/snapshot';

/*
 * A fact PyPI Guard found on a page but could not read: kept as a problem, with the page and the
 * reader's version, until a later page reads the fact. The stored value stays (older) but no
 * longer stands for the account; an older reading never overrides a newer one either way.
 */

const T = Date.UTC(2026, 10, 25, 6);
const snapshot = (seenAt: number, facts: Partial<AccountSnapshot>): AccountSnapshot & { username: string } => ({
  host: 'pypi.org',
  username: 'frank-fixture',
  pageKind: 'two-factor-settings',
  seenAt,
  ...facts,
});
const codes = { generated: true, unused: 2, generatedAt: T - 1000 };

describe('mergeSnapshot: facts that could not be read', () => {
  it('records the problem with the page, the time and the version, beside the older value', () => {
    const read = mergeSnapshot(undefined, snapshot(T, { recoveryCodes: codes }));
    const unreadable = mergeSnapshot(read, snapshot(T + 1, { unreadable: [{ fact: 'recoveryCodes', missing: 'recovery-count' }] }), '1.2.3');
    expect(unreadable.recoveryCodes).toEqual({ value: codes, seenAt: T });
    expect(unreadable.unreadable).toEqual({ recoveryCodes: { missing: 'recovery-count', pageKind: 'two-factor-settings', seenAt: T + 1, version: '1.2.3' } });
  });

  it('clears the problem when a later page reads the fact, and keeps it when the reading is older', () => {
    const broken = mergeSnapshot(undefined, snapshot(T, { unreadable: [{ fact: 'emails', missing: 'email-status' }] }), '1.2.3');
    expect(mergeSnapshot(broken, snapshot(T - 1, { emails: [] })).unreadable).toEqual(broken.unreadable);
    expect(mergeSnapshot(broken, snapshot(T + 1, { emails: [] }))).not.toHaveProperty('unreadable');
  });

  it('an older page that could not read a fact does not undo a newer reading', () => {
    const read = mergeSnapshot(undefined, snapshot(T, { apiTokens: [] }));
    expect(mergeSnapshot(read, snapshot(T - 1, { unreadable: [{ fact: 'apiTokens', missing: 'token-columns' }] }))).not.toHaveProperty('unreadable');
  });

  it('a history read again clears its problem; other problems stay', () => {
    const broken = mergeSnapshot(
      undefined,
      snapshot(T, { unreadable: [{ fact: 'securityEvents', missing: 'event-time' }, { fact: 'twoFactor', missing: 'method-row' }] }),
      '1.2.3',
    );
    const again = mergeSnapshot(broken, snapshot(T + 1, { securityEvents: [] }));
    expect(Object.keys(again.unreadable ?? {})).toEqual(['twoFactor']);
  });
});
