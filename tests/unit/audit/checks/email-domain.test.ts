import { formatDate } from '@/utils/text/format';
import { describe, expect, it } from 'vitest';
import { emailDomain } from '@/utils/audit/checks/email-domain';
import { runAudit } from '@/utils/audit';
import type { EmailDomainRecord, RdapAnswer } from '@/utils/email-domain/types';
import type { EmailFact } from '@/utils/pypi/snapshot';
import { DAY, NOW, seen, state } from '../builders';

const email = (address: string, verified = true, primary = false): EmailFact => ({ address, primary, verified });
const record = (domain: string, answer?: RdapAnswer, hosts = [domain]): EmailDomainRecord => ({ domain, hosts, failures: 0, nextCheckAt: NOW + DAY, ...(answer && { answer }) });
const registered = (expiresAt: number | null, statuses: string[] = ['active']): RdapAnswer => ({ kind: 'registered', expiresAt, statuses, answeredAt: NOW - 1000 });

function run(emails: EmailFact[], records: EmailDomainRecord[]) {
  return emailDomain.run({ ...state({ emails: seen(emails) }, [], { emailDomainCheck: true }), emailDomains: records }, NOW);
}

describe('email-domain', () => {
  it('passes with the date when every custom domain is far from expiry', () => {
    const result = run([email('alice@example.org', true, true)], [record('example.org', registered(Date.UTC(2027, 5, 1)))]);
    expect(result).toMatchObject({ status: 'pass', detail: `example.org is registered until ${formatDate(Date.UTC(2027, 5, 1))}.`, fix: { kind: 'pypi', url: 'https://pypi.org/manage/account/#account-emails' } });
  });

  it('warns within 45 days, saying what to do', () => {
    const result = run([email('alice@example.org', true, true)], [record('example.org', registered(NOW + 10 * DAY))]);
    expect(result.status).toBe('warn');
    expect(result.detail).toBe(
      `example.org expires on ${formatDate(NOW + 10 * DAY)} (in 10 days). Renew it with your registrar, or add and verify an address on another domain and make it primary.`,
    );
    expect(result.fixLabel).toBe('Change your email');
  });

  it('fails when a domain has lapsed, naming the addresses a new owner would receive mail for', () => {
    const result = run([email('alice@example.org', true, true), email('alice@gmail.com')], [record('example.org', registered(NOW - DAY, ['redemption period']))]);
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/redemption period.*password resets for alice@example\.org/);
    expect(result.detail).toMatch(/Gmail|Google/);
  });

  it('fails for a domain nobody holds (404)', () => {
    expect(run([email('alice@example.org')], [record('example.org', { kind: 'not-registered', answeredAt: NOW })]).status).toBe('fail');
  });

  it('the worst domain decides and comes first', () => {
    const result = run(
      [email('alice@far.org', true, true), email('alice@soon.org')],
      [record('far.org', registered(NOW + 400 * DAY)), record('soon.org', registered(NOW + 5 * DAY))],
    );
    expect(result.status).toBe('warn');
    expect(result.detail.indexOf('soon.org')).toBeLessThan(result.detail.indexOf('far.org'));
  });

  it('warns about a registry without expiry dates only when that domain is the only verified one', () => {
    const noExpiry = record('example.nl', registered(null));
    expect(run([email('alice@example.nl', true, true)], [noExpiry]).status).toBe('warn');
    expect(run([email('alice@example.nl', true, true), email('alice@gmail.com', true)], [noExpiry]).status).toBe('pass');
    expect(run([email('alice@example.nl', true, true), email('alice@gmail.com', false)], [noExpiry]).status).toBe('warn');
  });

  it('is unknown, saying why, when no lookup was possible', () => {
    const noRdap = run([email('alice@example.de', true, true)], [record('example.de', { kind: 'no-rdap', tld: 'de', answeredAt: NOW })]);
    expect(noRdap).toMatchObject({ status: 'unknown', detail: 'The .de registry offers no RDAP lookup, so when example.de expires cannot be checked.' });
    const failed = run([email('alice@example.com', true, true)], [{ ...record('example.com'), failure: { reason: 'network', at: NOW, server: 'rdap.verisign.com' }, failures: 1 }]);
    expect(failed.status).toBe('unknown');
    expect(failed.detail).toMatch(/no answer from rdap\.verisign\.com/);
    expect(run([email('alice@example.com', true, true)], []).detail).toBe('example.com has not been looked up yet.');
  });

  it('matches an address through its mail host (mail.example.co.uk → example.co.uk)', () => {
    const result = run([email('alice@mail.example.co.uk', true, true)], [record('example.co.uk', registered(NOW - DAY), ['mail.example.co.uk'])]);
    expect(result).toMatchObject({ status: 'fail' });
    expect(result.detail.startsWith(`example.co.uk expired on ${formatDate(NOW - DAY)}`)).toBe(true);
  });

  it('passes addresses at large providers without any lookup', () => {
    expect(run([email('alice@gmail.com', true, true), email('alice@proton.me')], [])).toMatchObject({ status: 'pass' });
  });

  it('is unknown before the emails were seen', () => {
    expect(emailDomain.run({ ...state({ emails: undefined }, [], { emailDomainCheck: true }), emailDomains: [] }, NOW).status).toBe('unknown');
  });

  it('says "could not read" rather than judging the last addresses when PyPI\'s newest emails table could not be read', () => {
    const records = [record('example.org', registered(Date.UTC(2027, 5, 1)))];
    const emails = seen([email('alice@example.org', true, true)], NOW - DAY);
    const problem = { missing: 'email-address' as const, pageKind: 'account-settings' as const, seenAt: NOW - 1000, version: '0.1.0' };
    const result = emailDomain.run({ ...state({ emails, unreadable: { emails: problem } }, [], { emailDomainCheck: true }), emailDomains: records }, NOW);
    expect(result).toMatchObject({ status: 'unreadable', fix: { kind: 'pypi', url: 'https://pypi.org/manage/account/#account-emails' } });
    expect(result.detail).toMatch(/^PyPI Guard could not read your email addresses on PyPI's account settings page/);
    // Read again since: the addresses are judged.
    expect(emailDomain.run({ ...state({ emails: seen(emails.value, NOW - 500), unreadable: { emails: problem } }, [], { emailDomainCheck: true }), emailDomains: records }, NOW).status).toBe('pass');
  });

  it('is not run at all while the opt-in is off, and counts 10 when on', () => {
    const off = runAudit(state({}, [], { emailDomainCheck: false }), NOW);
    expect(off.results.map((result) => result.id)).not.toContain('email-domain');
    const lapsed = { ...state({}, [], { emailDomainCheck: true }), emailDomains: [record('example.org', { kind: 'not-registered', answeredAt: NOW })] };
    const on = runAudit(lapsed, NOW);
    expect(on.results.find((result) => result.id === 'email-domain')).toMatchObject({ status: 'fail' });
    expect(on.failCount).toBe(off.failCount + 1);
    expect(emailDomain.weight).toBe(10);
  });
});
