import { describe, expect, it } from 'vitest';
import { accountAuditReply } from '@/utils/prompts/account-audit';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { account, event, NOW, seen, DAY } from '../audit/builders';

describe('accountAuditReply', () => {
  it('is pending until the page model stored this page view', () => {
    expect(accountAuditReply(undefined, [], DEFAULT_SETTINGS, NOW, NOW - 100)).toEqual({ state: 'pending' });
    expect(accountAuditReply(account({ lastSeenAt: NOW - 10_000 }), [], DEFAULT_SETTINGS, NOW, NOW - 100)).toEqual({ state: 'pending' });
  });

  it('gives the nudge checks with fixes as paths on the same PyPI', () => {
    const reply = accountAuditReply(account({ host: 'test.pypi.org', twoFactor: seen({ totp: false, securityKeys: [] }) }), [event('account:recovery_codes:generated', NOW - DAY)], DEFAULT_SETTINGS, NOW, NOW - 5000);
    expect(reply.state).toBe('ready');
    if (reply.state !== 'ready') return;
    expect(reply.checks.map((check) => check.id).sort()).toEqual(['recovery-codes', 'recovery-codes-remaining', 'second-factor-method', 'security-events', 'two-factor']);
    expect(reply.checks.find((check) => check.id === 'two-factor')).toMatchObject({ status: 'fail', fixPath: '/manage/account/two-factor/' });
  });

  it('lists unacknowledged suspicious rows, newest first, marking those first read on this page view', () => {
    const old = event('account:login:failure', NOW - 3 * DAY, { firstSeenAt: NOW - 3 * DAY });
    const fresh = event('account:two_factor:method_removed', NOW - DAY, { firstSeenAt: NOW - 100 });
    const fine = event('account:login:success', NOW - DAY, { firstSeenAt: NOW - 100 });
    const reply = accountAuditReply(account(), [old, fresh, fine], DEFAULT_SETTINGS, NOW, NOW - 5000);
    expect(reply.state === 'ready' && reply.events.map((row) => [row.reason, row.isNew])).toEqual([
      ['two-factor-removed', true],
      ['login-failure', false],
    ]);
    const acknowledged = accountAuditReply(account({ observed: { eventsAcknowledgedAt: NOW } }), [old, fresh], DEFAULT_SETTINGS, NOW, NOW - 5000);
    expect(acknowledged.state === 'ready' && acknowledged.events).toEqual([]);
  });
});
