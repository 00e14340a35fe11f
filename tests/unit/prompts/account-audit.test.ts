import { describe, expect, it } from 'vitest';
import { accountAuditReply } from '@/utils/prompts/account-audit';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { account, event, NOW, seen, DAY } from '../audit/builders';

/** The history was read ten days ago and on this page view. */
const VIEWS = [NOW - 10 * DAY, NOW - 1000];

describe('accountAuditReply', () => {
  it('is pending until the page model stored this page view', () => {
    expect(accountAuditReply(undefined, [], DEFAULT_SETTINGS, NOW, NOW - 100, [])).toEqual({ state: 'pending' });
    expect(accountAuditReply(account({ lastSeenAt: NOW - 10_000 }), [], DEFAULT_SETTINGS, NOW, NOW - 100, [])).toEqual({ state: 'pending' });
  });

  it('gives the nudge checks with fixes as paths on the same PyPI', () => {
    const reply = accountAuditReply(account({ host: 'test.pypi.org', twoFactor: seen({ totp: false, securityKeys: [] }) }), [event('account:recovery_codes:generated', NOW - DAY)], DEFAULT_SETTINGS, NOW, NOW - 5000, VIEWS);
    expect(reply.state).toBe('ready');
    if (reply.state !== 'ready') return;
    expect(reply.checks.map((check) => check.id).sort()).toEqual(['recovery-codes', 'recovery-codes-remaining', 'second-factor-method', 'security-events', 'two-factor']);
    expect(reply.checks.find((check) => check.id === 'two-factor')).toMatchObject({ status: 'fail', fixPath: '/manage/account/two-factor/' });
  });

  it('lists unacknowledged suspicious rows, newest first, marking those first read since the last visit', () => {
    const old = event('account:login:failure', NOW - 3 * DAY, { firstSeenAt: NOW - 3 * DAY });
    const fresh = event('account:two_factor:method_removed', NOW - DAY, { firstSeenAt: NOW - 100 });
    const fine = event('account:login:success', NOW - DAY, { firstSeenAt: NOW - 100 });
    const reply = accountAuditReply(account(), [old, fresh, fine], DEFAULT_SETTINGS, NOW, NOW - 5000, VIEWS);
    expect(reply.state === 'ready' && reply.events.map((row) => [row.reason, row.isNew])).toEqual([
      ['two-factor-removed', true],
      ['login-failure', false],
    ]);
    const acknowledged = accountAuditReply(account({ observed: { eventsAcknowledgedAt: NOW } }), [old, fresh], DEFAULT_SETTINGS, NOW, NOW - 5000, VIEWS);
    expect(acknowledged.state === 'ready' && acknowledged.events).toEqual([]);
  });

  it('adds benign rows new since the last visit, and "It was me" covers both kinds', () => {
    const base = event('account:create', NOW - 80 * DAY, { firstSeenAt: NOW - 10 * DAY });
    const emailAdded = event('account:email:add', NOW - 2 * DAY, { firstSeenAt: NOW - 1000, summary: 'Email added to account', details: 'Email: eve@example.net' });
    const failure = event('account:login:failure', NOW - 3 * DAY, { firstSeenAt: NOW - 10 * DAY });
    const reply = accountAuditReply(account(), [base, emailAdded, failure], DEFAULT_SETTINGS, NOW, NOW - 5000, VIEWS);
    expect(reply).toMatchObject({ state: 'ready', firstLook: false });
    expect(reply.state === 'ready' && reply.events).toEqual([
      { id: emailAdded.id, tag: 'account:email:add', summary: 'Email added to account', details: 'Email: eve@example.net', time: emailAdded.time, location: 'Berlin, BE, DE', device: 'Firefox', isNew: true },
      { id: failure.id, tag: 'account:login:failure', summary: 'account:login:failure', time: failure.time, location: 'Berlin, BE, DE', device: 'Firefox', reason: 'login-failure', isNew: false },
    ]);
    const acknowledged = accountAuditReply(account({ observed: { eventsAcknowledgedAt: NOW - 500 } }), [base, emailAdded, failure], DEFAULT_SETTINGS, NOW, NOW - 5000, VIEWS);
    expect(acknowledged.state === 'ready' && acknowledged.events).toEqual([]);
  });

  it('on the first look lists suspicious rows without calling any new', () => {
    const failure = event('account:login:failure', NOW - 3 * DAY, { firstSeenAt: NOW - 1000 });
    const emailAdded = event('account:email:add', NOW - 2 * DAY, { firstSeenAt: NOW - 1000 });
    const reply = accountAuditReply(account(), [failure, emailAdded], DEFAULT_SETTINGS, NOW, NOW - 5000, [NOW - 1000]);
    expect(reply).toMatchObject({ state: 'ready', firstLook: true, events: [{ reason: 'login-failure', isNew: false }] });
    expect(reply.state === 'ready' && reply.events).toHaveLength(1);
  });
});
