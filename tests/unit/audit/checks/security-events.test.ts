import { describe, expect, it } from 'vitest';
import { securityEvents } from '@/utils/audit/checks/security-events';
import { DAY, NOW, event, state } from '../builders';

describe('security-events', () => {
  it('passes with ordinary history', () => {
    expect(securityEvents.run(state({}, [event('account:login:success', NOW - DAY), event('account:email:sent', NOW - DAY)]), NOW).status).toBe('pass');
  });
  it.each([
    'account:login:failure',
    'account:two_factor:method_removed',
    'account:recovery_codes:used',
    'account:password:reset',
    'account:login:new_device',
  ] as const)('fails on an unacknowledged %s', (tag) => {
    expect(securityEvents.run(state({}, [event(tag, NOW - DAY)]), NOW)).toMatchObject({ status: 'fail', fix: { url: 'https://pypi.org/manage/account/#account-events' } });
  });
  it('fails on a login from an unfamiliar place, not on the first place ever seen', () => {
    const history = [event('account:login:success', NOW - 10 * DAY, { location: 'Berlin, BE, DE' }), event('account:login:success', NOW - DAY, { location: 'Lagos, LA, NG' })];
    expect(securityEvents.run(state({}, history), NOW).detail).toContain('unfamiliar place');
    expect(securityEvents.run(state({}, history.slice(0, 1)), NOW).status).toBe('pass');
  });
  it('passes once acknowledged, and fails again on a newer event', () => {
    const failure = event('account:login:failure', NOW - 2 * DAY);
    expect(securityEvents.run(state({ observed: { eventsAcknowledgedAt: NOW - DAY } }, [failure]), NOW).status).toBe('pass');
    expect(securityEvents.run(state({ observed: { eventsAcknowledgedAt: NOW - 3 * DAY } }, [failure]), NOW).status).toBe('fail');
  });
  it('still fails on an old row first read after the last review', () => {
    const readLate = event('account:login:failure', NOW - 5 * DAY, { firstSeenAt: NOW - DAY });
    expect(securityEvents.run(state({ observed: { eventsAcknowledgedAt: NOW - 2 * DAY } }, [readLate]), NOW).status).toBe('fail');
  });
  it('is unknown when rows could not be read, rather than a pass', () => {
    expect(securityEvents.run(state({}, [event('unknown', NOW - DAY, { summary: 'Anmeldung fehlgeschlagen' })]), NOW).status).toBe('unknown');
  });
  it('offers to acknowledge exactly where acknowledging now changes the outcome', () => {
    const cases: [Parameters<typeof state>[0], Parameters<typeof state>[1]][] = [
      [{}, [event('account:login:failure', NOW - DAY)]], // fail
      [{}, [event('unknown', NOW - DAY, { summary: 'Anmeldung fehlgeschlagen' })]], // unknown: unread rows
      [{}, [event('account:login:success', NOW - DAY)]], // pass
      [{ pagesSeenAt: { projects: NOW } }, [event('account:login:failure', NOW - DAY)]], // unknown: history never seen
    ];
    const offered = cases.map(([overrides, rows]) => {
      const before = securityEvents.run(state(overrides, rows), NOW);
      // The same rows once acknowledged now (the store summarises them again for it).
      const acknowledged = state({ ...overrides, observed: { eventsAcknowledgedAt: NOW } }, rows);
      const changes = securityEvents.run(acknowledged, NOW).status !== before.status;
      expect(before.acknowledgeLabel !== undefined, `${before.status}: ${before.detail}`).toBe(changes);
      return before.acknowledgeLabel;
    });
    expect(offered).toEqual(['It was me', 'I checked them', undefined, undefined]);
  });
  it('is unknown before the account settings page was seen', () => {
    expect(securityEvents.run(state({ pagesSeenAt: { projects: NOW } }), NOW).status).toBe('unknown');
  });
});
