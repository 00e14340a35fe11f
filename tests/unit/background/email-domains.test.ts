import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { domainsToWatch, lookUpEmailDomainsInTicks, MAX_LOOKUPS_PER_TICK, refreshEmailDomains } from '@/utils/background/email-domains';
import { resetNotificationSupport, runReminderTick, type ReminderDeps } from '@/utils/background/reminders';
import type { FetchLike } from '@/utils/email-domain/rdap';
import { FAR_CACHE_MS, NEAR_CACHE_MS, RETRY_BACKOFF_MS } from '@/utils/email-domain/schedule';
import { deleteStore, getEmailDomainRecords, openStore, readAuditSummary, saveSettings } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';
import type { AccountRecord } from '@/utils/store/types';
import { NOT_FOUND_BODY, rdapResponse, sidnDomain, verisignDomain } from '../email-domain/rdap-answers';
import { account, DAY, HOUR, T0, UTC } from '../reminders/builders';

const ON = { emailDomainCheck: true };
const OFF = { emailDomainCheck: false };

function withEmails(id: string, ...addresses: string[]): AccountRecord {
  const [host, username] = id.split('/') as ['pypi.org' | 'test.pypi.org', string];
  return account({ id: id as AccountRecord['id'], host, username, emails: { value: addresses.map((address, index) => ({ address, primary: index === 0, verified: true })), seenAt: T0 } });
}

/** A registry that answers each domain from a table and counts what it was asked. */
function registry(answers: Record<string, () => Response | Promise<Response>>) {
  return vi.fn<FetchLike>(async (url) => {
    const domain = decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
    const answer = answers[domain];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  });
}
const askedFor = (fetchFn: ReturnType<typeof registry>) => fetchFn.mock.calls.map(([url]) => url.slice(url.lastIndexOf('/') + 1));

let db: PypiGuardDb;
let dbName: string;
let counter = 0;
beforeEach(async () => {
  dbName = `pypi-guard-email-domains-${counter++}`;
  db = await openStore(dbName);
});
afterEach(async () => {
  db.close();
  await deleteStore(dbName);
});

describe('domainsToWatch', () => {
  it('maps mail hosts to registrable domains across accounts, leaving large providers out', () => {
    const accounts = [withEmails('pypi.org/alice', 'alice@mail.example.co.uk', 'alice@gmail.com'), withEmails('test.pypi.org/alice', 'alice@example.co.uk', 'a@localhost')];
    expect([...domainsToWatch(accounts)]).toEqual([
      ['example.co.uk', ['example.co.uk', 'mail.example.co.uk']],
      ['localhost', ['localhost']],
    ]);
  });
});

describe('refreshEmailDomains', () => {
  it('sends nothing while the check is off, and drops what an earlier "on" kept', async () => {
    const fetchFn = registry({ 'example.com': () => rdapResponse(verisignDomain('example.com', { expiresAt: T0 + 300 * DAY })) });
    const accounts = [withEmails('pypi.org/alice', 'alice@example.com')];
    await refreshEmailDomains(db, accounts, ON, T0, fetchFn);
    expect(await getEmailDomainRecords(db)).toHaveLength(1);

    fetchFn.mockClear();
    expect(await refreshEmailDomains(db, accounts, OFF, T0 + 30 * DAY, fetchFn)).toEqual([]);
    expect(fetchFn).not.toHaveBeenCalled();
    expect(await getEmailDomainRecords(db)).toEqual([]);
  });

  it('decides from the records its caller already read (in the tick, with the rest of the store), not from a second read', async () => {
    const fetchFn = registry({ 'example.com': () => rdapResponse(verisignDomain('example.com', { expiresAt: T0 + 300 * DAY })) });
    const accounts = [withEmails('pypi.org/alice', 'alice@example.com')];
    const [answered] = await refreshEmailDomains(db, accounts, ON, T0, fetchFn);
    // The stored answer holds for a week; records read before it was kept (none) ask again.
    expect(await refreshEmailDomains(db, accounts, ON, T0 + HOUR, fetchFn, [answered!])).toEqual([answered]);
    expect(fetchFn).toHaveBeenCalledTimes(1);
    await refreshEmailDomains(db, accounts, ON, T0 + HOUR, fetchFn, []);
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });

  it('looks a domain up once for every account that uses it, and never a large provider', async () => {
    const fetchFn = registry({ 'example.com': () => rdapResponse(verisignDomain('example.com', { expiresAt: T0 + 300 * DAY })) });
    const accounts = [
      withEmails('pypi.org/alice', 'alice@example.com', 'alice@gmail.com'),
      withEmails('test.pypi.org/alice', 'alice@lists.example.com'),
      withEmails('pypi.org/bob', 'bob@example.com', 'bob@proton.me'),
    ];
    const [record] = await refreshEmailDomains(db, accounts, ON, T0, fetchFn);
    expect(askedFor(fetchFn)).toEqual(['example.com']);
    expect(record).toMatchObject({ domain: 'example.com', hosts: ['example.com', 'lists.example.com'], answer: { kind: 'registered', expiresAt: T0 + 300 * DAY }, failures: 0 });
  });

  it('holds an answer far from expiry for a week, one near expiry for a day: at most one lookup a day', async () => {
    const fetchFn = registry({
      'far.com': () => rdapResponse(verisignDomain('far.com', { expiresAt: T0 + 300 * DAY })),
      'near.com': () => rdapResponse(verisignDomain('near.com', { expiresAt: T0 + 30 * DAY })),
      'gone.com': () => rdapResponse(NOT_FOUND_BODY, 404),
    });
    const accounts = [withEmails('pypi.org/alice', 'a@far.com', 'a@near.com', 'a@gone.com')];
    const records = await refreshEmailDomains(db, accounts, ON, T0, fetchFn);
    expect(Object.fromEntries(records.map((record) => [record.domain, record.nextCheckAt - T0]))).toEqual({ 'far.com': FAR_CACHE_MS, 'near.com': NEAR_CACHE_MS, 'gone.com': NEAR_CACHE_MS });

    // Ticks every hour for a day: nothing more is sent until the day is over.
    for (let hour = 1; hour < 24; hour++) await refreshEmailDomains(db, accounts, ON, T0 + hour * HOUR, fetchFn);
    expect(fetchFn).toHaveBeenCalledTimes(3);
    await refreshEmailDomains(db, accounts, ON, T0 + DAY, fetchFn);
    expect(askedFor(fetchFn).slice(3).sort()).toEqual(['gone.com', 'near.com']);
    await refreshEmailDomains(db, accounts, ON, T0 + 7 * DAY, fetchFn);
    expect(askedFor(fetchFn).slice(5).sort()).toEqual(['far.com', 'gone.com', 'near.com']);
  });

  it('retries a failure with a growing back-off, keeping the last answer', async () => {
    let down = false;
    const fetchFn = registry({ 'example.com': () => (down ? Promise.reject(new TypeError('Failed to fetch')) : rdapResponse(verisignDomain('example.com', { expiresAt: T0 + 30 * DAY }))) });
    const accounts = [withEmails('pypi.org/alice', 'a@example.com')];
    await refreshEmailDomains(db, accounts, ON, T0, fetchFn);
    down = true;
    let at = T0 + DAY;
    for (const wait of RETRY_BACKOFF_MS) {
      const [record] = await refreshEmailDomains(db, accounts, ON, at, fetchFn);
      expect(record!.nextCheckAt - at).toBe(wait);
      expect(record!.answer).toMatchObject({ kind: 'registered', answeredAt: T0 });
      expect(record!.failure).toMatchObject({ reason: 'network', server: 'rdap.verisign.com' });
      // Not before the back-off is over.
      await refreshEmailDomains(db, accounts, ON, at + wait - 1, fetchFn);
      at += wait;
    }
    expect(fetchFn).toHaveBeenCalledTimes(1 + RETRY_BACKOFF_MS.length);
    down = false;
    const [record] = await refreshEmailDomains(db, accounts, ON, at, fetchFn);
    expect(record).toMatchObject({ failures: 0, answer: { answeredAt: at } });
    expect(record!.failure).toBeUndefined();
  });

  it('waits as long as a rate-limiting registry asks (429 Retry-After)', async () => {
    const fetchFn = registry({ 'example.com': () => rdapResponse({ errorCode: 429 }, 429, { 'retry-after': String(6 * 3600) }) });
    const [record] = await refreshEmailDomains(db, [withEmails('pypi.org/alice', 'a@example.com')], ON, T0, fetchFn);
    expect(record).toMatchObject({ failure: { reason: 'rate-limited', status: 429 }, failures: 1, nextCheckAt: T0 + 6 * HOUR });
  });

  it('decides on the device, sending nothing, for a TLD without RDAP and for a name nobody registers', async () => {
    const fetchFn = registry({});
    const records = await refreshEmailDomains(db, [withEmails('pypi.org/alice', 'a@example.de', 'b@localhost')], ON, T0, fetchFn);
    expect(fetchFn).not.toHaveBeenCalled();
    expect(records.map((record) => record.answer?.kind)).toEqual(['no-rdap', 'not-public']);
  });

  it(`asks about at most ${MAX_LOOKUPS_PER_TICK} domains per tick; the rest wait for the next`, async () => {
    const domains = Array.from({ length: MAX_LOOKUPS_PER_TICK + 2 }, (_, index) => `d${index}.nl`);
    const fetchFn = registry(Object.fromEntries(domains.map((domain) => [domain, () => rdapResponse(sidnDomain(domain))])));
    const accounts = [withEmails('pypi.org/alice', ...domains.map((domain) => `a@${domain}`))];
    await refreshEmailDomains(db, accounts, ON, T0, fetchFn);
    expect(fetchFn).toHaveBeenCalledTimes(MAX_LOOKUPS_PER_TICK);
    await refreshEmailDomains(db, accounts, ON, T0 + HOUR, fetchFn);
    expect(fetchFn).toHaveBeenCalledTimes(MAX_LOOKUPS_PER_TICK + 2);
  });

  it('forgets a domain no account uses any more', async () => {
    const fetchFn = registry({ 'a.nl': () => rdapResponse(sidnDomain('a.nl')), 'b.nl': () => rdapResponse(sidnDomain('b.nl')) });
    await refreshEmailDomains(db, [withEmails('pypi.org/alice', 'x@a.nl', 'x@b.nl')], ON, T0, fetchFn);
    await refreshEmailDomains(db, [withEmails('pypi.org/alice', 'x@a.nl')], ON, T0 + HOUR, fetchFn);
    expect((await getEmailDomainRecords(db)).map((record) => record.domain)).toEqual(['a.nl']);
  });
});

describe('in the reminders tick', () => {
  it('looks the domains up before the audit and the reminders read them, and only while the check is on', async () => {
    resetNotificationSupport();
    const fetchFn = registry({ 'example.com': () => rdapResponse(verisignDomain('example.com', { expiresAt: T0 + 14 * DAY - HOUR })) });
    const deps: ReminderDeps = { openDb: () => openStore(dbName), now: () => T0, clock: UTC };
    lookUpEmailDomainsInTicks(deps, fetchFn);
    await db.put('accounts', withEmails('pypi.org/alice', 'alice@example.com'));

    const off = await runReminderTick(deps);
    expect(fetchFn).not.toHaveBeenCalled();
    expect(off.fired.filter((reminder) => reminder.kind === 'email-domain')).toEqual([]);

    await saveSettings(db, { emailDomainCheck: true });
    const on = await runReminderTick(deps);
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(on.fired.map((reminder) => reminder.id)).toContain('email-domain|example.com');
    const audit = (await readAuditSummary(db))!.entries[0]!.audit;
    expect(audit.results.find((result) => result.id === 'email-domain')).toMatchObject({ status: 'warn' });
  });
});
