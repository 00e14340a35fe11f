import { formatDate } from '@/utils/text/format';
import { describe, expect, it, vi } from 'vitest';
import { lookUpDomain, parseRdapDomain, type FetchLike } from '@/utils/email-domain/rdap';
import { RDAP_BOOTSTRAP_PUBLICATION, rdapBaseUrlFor, rdapOrigins } from '@/utils/email-domain/bootstrap';
import { accountDomains, domainStanding, describeStanding } from '@/utils/email-domain/standing';
import type { EmailDomainRecord, RdapAnswer } from '@/utils/email-domain/types';
import { NOT_FOUND_BODY, rdapResponse, sidnDomain, verisignDomain } from './rdap-answers';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 12);

function fetchAnswering(response: () => Response | Promise<Response>) {
  return vi.fn<FetchLike>(async () => response());
}

/** The domain's standing from one lookup, as the audit reads it. */
async function standingAfter(domain: string, response: () => Response, onlyVerifiedDomain = false) {
  const result = await lookUpDomain(domain, fetchAnswering(response), NOW);
  const record: EmailDomainRecord = { domain, hosts: [domain], failures: result.ok ? 0 : 1, nextCheckAt: NOW + DAY, ...(result.ok ? { answer: result.answer } : { failure: result.failure }) };
  const [entry] = accountDomains([{ address: `alice@${domain}`, primary: true, verified: true }], [record]);
  return domainStanding(entry!, onlyVerifiedDomain, NOW);
}

describe('lookUpDomain: one GET to the registry named by IANA, with the domain name only', () => {
  it('asks Verisign for a .com name, without credentials or referrer', async () => {
    const fetchFn = fetchAnswering(() => rdapResponse(verisignDomain('example.com', { expiresAt: NOW + 300 * DAY })));
    await lookUpDomain('example.com', fetchFn, NOW);
    expect(fetchFn).toHaveBeenCalledTimes(1);
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe('https://rdap.verisign.com/com/v1/domain/example.com');
    expect(init).toMatchObject({ method: 'GET', credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('reads a registered domain far from expiry: pass, naming the date', async () => {
    const standing = await standingAfter('example.com', () => rdapResponse(verisignDomain('example.com', { expiresAt: Date.UTC(2027, 7, 13, 4) })));
    expect(standing).toMatchObject({ status: 'pass', reason: 'registered', expiresAt: Date.UTC(2027, 7, 13, 4) });
    expect(describeStanding('example.com', standing, NOW)).toBe(`example.com is registered until ${formatDate(Date.UTC(2027, 7, 13, 4))}.`);
  });

  it('reads a domain expiring within 45 days: warn, with the days left', async () => {
    const standing = await standingAfter('example.com', () => rdapResponse(verisignDomain('example.com', { expiresAt: NOW + 20 * DAY })));
    expect(standing).toMatchObject({ status: 'warn', reason: 'expiring' });
    expect(describeStanding('example.com', standing, NOW)).toBe(`example.com expires on ${formatDate(NOW + 20 * DAY)} (in 20 days).`);
  });

  it('reads 45 days exactly as inside the window and 46 as outside', async () => {
    expect(await standingAfter('example.com', () => rdapResponse(verisignDomain('example.com', { expiresAt: NOW + 45 * DAY })))).toMatchObject({ status: 'warn' });
    expect(await standingAfter('example.com', () => rdapResponse(verisignDomain('example.com', { expiresAt: NOW + 46 * DAY })))).toMatchObject({ status: 'pass' });
  });

  it('reads a domain past its expiration date: fail', async () => {
    const standing = await standingAfter('example.com', () => rdapResponse(verisignDomain('example.com', { expiresAt: NOW - 3 * DAY })));
    expect(standing).toMatchObject({ status: 'fail', reason: 'expired' });
    expect(describeStanding('example.com', standing, NOW)).toBe(`example.com expired on ${formatDate(NOW - 3 * DAY)}.`);
  });

  it('reads the redemption period as lapsed, whatever the expiration date says', async () => {
    const body = verisignDomain('example.com', { expiresAt: NOW + 330 * DAY, statuses: ['redemption period', 'client hold'] });
    expect(await standingAfter('example.com', () => rdapResponse(body))).toMatchObject({ status: 'fail', reason: 'redemption' });
  });

  it('reads pending delete as lapsed', async () => {
    const body = verisignDomain('example.com', { expiresAt: NOW - 40 * DAY, statuses: ['pending delete', 'server hold'] });
    expect(await standingAfter('example.com', () => rdapResponse(body))).toMatchObject({ status: 'fail', reason: 'pending-delete' });
  });

  it('reads a registrar hold during the auto-renew grace period as lapsed, but the grace period alone as renewed', async () => {
    const held = verisignDomain('example.com', { expiresAt: NOW + 355 * DAY, statuses: ['auto renew period', 'client hold'] });
    expect(await standingAfter('example.com', () => rdapResponse(held))).toMatchObject({ status: 'fail', reason: 'held-after-expiry' });
    const renewed = verisignDomain('example.com', { expiresAt: NOW + 355 * DAY, statuses: ['auto renew period', 'client transfer prohibited'] });
    expect(await standingAfter('example.com', () => rdapResponse(renewed))).toMatchObject({ status: 'pass', reason: 'registered' });
  });

  it('reads 404 as not registered: fail', async () => {
    const standing = await standingAfter('lapsed-example.com', () => rdapResponse(NOT_FOUND_BODY, 404));
    expect(standing).toMatchObject({ status: 'fail', reason: 'not-registered' });
    expect(describeStanding('lapsed-example.com', standing, NOW)).toMatch(/not registered at all: anyone can register it/);
  });

  it('reads an RDAP error object served with 200 and errorCode 404 as not registered', async () => {
    expect(await standingAfter('lapsed-example.com', () => rdapResponse(NOT_FOUND_BODY, 200))).toMatchObject({ status: 'fail', reason: 'not-registered' });
  });

  it('reads a registry that shows no expiration event (SIDN, .nl): warn when it is the only verified domain, else pass', async () => {
    expect(await standingAfter('example.nl', () => rdapResponse(sidnDomain('example.nl')), true)).toMatchObject({ status: 'warn', reason: 'no-expiry-only-domain', expiresAt: null });
    expect(await standingAfter('example.nl', () => rdapResponse(sidnDomain('example.nl')), false)).toMatchObject({ status: 'pass', reason: 'no-expiry' });
  });

  it('reads 429 as rate-limited, with the registry’s Retry-After', async () => {
    const result = await lookUpDomain('example.com', fetchAnswering(() => rdapResponse({ errorCode: 429, title: 'Too Many Requests' }, 429, { 'retry-after': '3600' })), NOW);
    expect(result).toEqual({ ok: false, failure: { reason: 'rate-limited', at: NOW, server: 'rdap.verisign.com', status: 429 }, retryAfterMs: 3_600_000 });
    const standing = await standingAfter('example.com', () => rdapResponse({}, 429));
    expect(standing).toMatchObject({ status: 'unknown', reason: 'failed' });
    expect(describeStanding('example.com', standing, NOW)).toMatch(/rdap\.verisign\.com limits how often it answers \(HTTP 429\)/);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const result = await lookUpDomain('example.com', fetchAnswering(() => rdapResponse({}, 429, { 'retry-after': new Date(NOW + 7_200_000).toUTCString() })), NOW);
    expect(result.ok === false && result.retryAfterMs).toBe(7_200_000);
  });

  it('reads a network error (or a refused cross-origin request) as unknown, naming the server', async () => {
    const result = await lookUpDomain('example.org', vi.fn<FetchLike>(async () => Promise.reject(new TypeError('Failed to fetch'))), NOW);
    expect(result).toEqual({ ok: false, failure: { reason: 'network', at: NOW, server: 'rdap.publicinterestregistry.org' } });
  });

  it('reads a server error and a body that is no domain object as failures, not as answers', async () => {
    expect(await lookUpDomain('example.com', fetchAnswering(() => rdapResponse({}, 503)), NOW)).toMatchObject({ ok: false, failure: { reason: 'server-error', status: 503 } });
    expect(await lookUpDomain('example.com', fetchAnswering(() => new Response('<html>maintenance</html>', { status: 200 })), NOW)).toMatchObject({ ok: false, failure: { reason: 'bad-answer' } });
    expect(await lookUpDomain('example.com', fetchAnswering(() => rdapResponse({ objectClassName: 'entity', handle: 'X' })), NOW)).toMatchObject({ ok: false, failure: { reason: 'bad-answer' } });
  });

  it('sends nothing for a TLD without RDAP in IANA’s file, and says so', async () => {
    const fetchFn = fetchAnswering(() => rdapResponse({}));
    const result = await lookUpDomain('example.de', fetchFn, NOW);
    expect(fetchFn).not.toHaveBeenCalled();
    expect(result).toEqual({ ok: true, answer: { kind: 'no-rdap', tld: 'de', answeredAt: NOW } satisfies RdapAnswer });
    const standing = await standingAfter('example.de', () => rdapResponse({}));
    expect(describeStanding('example.de', standing, NOW)).toBe('The .de registry offers no RDAP lookup, so when example.de expires cannot be checked.');
  });
});

describe('parseRdapDomain', () => {
  it('takes the expiration event whatever the event order and case', () => {
    expect(parseRdapDomain({ objectClassName: 'domain', events: [{ eventAction: 'EXPIRATION', eventDate: '2027-01-02T03:04:05Z' }], status: ['Active'] })).toEqual({
      expiresAt: Date.UTC(2027, 0, 2, 3, 4, 5),
      statuses: ['active'],
    });
  });
  it('ignores events it cannot read', () => {
    expect(parseRdapDomain({ objectClassName: 'domain', events: [{ eventAction: 'expiration', eventDate: 'soon' }, 'x', null] })).toEqual({ expiresAt: null, statuses: [] });
  });
  it('returns null for anything but a domain object', () => {
    for (const body of [null, [], 'domain', { objectClassName: 'nameserver' }]) expect(parseRdapDomain(body)).toBeNull();
  });
});

describe('IANA bootstrap copy', () => {
  it('is dated and maps TLDs to HTTPS base URLs', () => {
    expect(RDAP_BOOTSTRAP_PUBLICATION).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(rdapBaseUrlFor('example.com')).toBe('https://rdap.verisign.com/com/v1/');
    expect(rdapBaseUrlFor('example.co.uk')).toBe('https://rdap.nominet.uk/uk/');
    expect(rdapBaseUrlFor('EXAMPLE.DEV')).toBe('https://pubapi.registry.google/rdap/');
    expect(rdapBaseUrlFor('example.de')).toBeNull();
  });
  it('asks a registry listed over HTTP only over HTTPS', () => {
    expect(rdapBaseUrlFor('example.kg')).toBe('https://rdap.cctld.kg/');
  });
  it('lists the origins a lookup can reach, all HTTPS', () => {
    const origins = rdapOrigins();
    expect(origins).toContain('https://rdap.verisign.com');
    expect(origins.every((origin) => origin.startsWith('https://'))).toBe(true);
  });
});
