import { hasDataConsent } from '../data-consent';
import { largeMailProviderOf, mailHostOf } from '../email-domain/mail-providers';
import { lookUpDomain, type FetchLike } from '../email-domain/rdap';
import { registrableDomainOf } from '../email-domain/registrable-domain';
import { nextCheckAfterAnswer, nextCheckAfterFailure } from '../email-domain/schedule';
import type { EmailDomainRecord } from '../email-domain/types';
import type { Settings } from '../settings';
import { getEmailDomainRecords, replaceEmailDomainRecords } from '../store/email-domains';
import type { PypiGuardDb } from '../store/schema';
import type { AccountRecord } from '../store/types';
import type { ReminderDeps } from './reminders';

/** A tick asks about this many domains at most; the rest wait for the next tick. */
export const MAX_LOOKUPS_PER_TICK = 8;

/**
 * The registrable domains behind the stored accounts' addresses, each with the mail hosts that
 * lead to it. Large mail providers are left out: they are never looked up.
 */
export function domainsToWatch(accounts: readonly Pick<AccountRecord, 'emails'>[]): Map<string, string[]> {
  const hostsByDomain = new Map<string, Set<string>>();
  for (const account of accounts) {
    for (const email of account.emails?.value ?? []) {
      const host = mailHostOf(email.address);
      if (!host || largeMailProviderOf(host)) continue;
      // A host that is no registrable name keeps its own record, answered `not-public` on the device.
      const domain = registrableDomainOf(host) ?? host;
      hostsByDomain.set(domain, (hostsByDomain.get(domain) ?? new Set()).add(host));
    }
  }
  return new Map([...hostsByDomain].map(([domain, hosts]) => [domain, [...hosts].sort()]));
}

/**
 * Brings the email domains' RDAP answers up to date, once per tick, and returns every record. With
 * the check off it sends nothing and keeps nothing. With it on, each domain is asked about when
 * its record says so (schedule.ts): a week or a day after an answer, after a back-off after a
 * failure — so however many accounts share a domain, and however often ticks run, a domain is
 * looked up at most once a day unless the last attempt failed. Lookups run one after another:
 * a registry with many of the user's domains sees one request at a time.
 */
export async function refreshEmailDomains(
  db: PypiGuardDb,
  accounts: readonly Pick<AccountRecord, 'emails'>[],
  settings: Pick<Settings, 'emailDomainCheck'>,
  now: number,
  fetchFn: FetchLike,
  // The records as the caller's read of the store found them (the tick reads them with everything
  // else in one transaction): no second read on every tick.
  stored?: readonly EmailDomainRecord[],
): Promise<EmailDomainRecord[]> {
  stored ??= await getEmailDomainRecords(db);
  if (!settings.emailDomainCheck) {
    if (stored.length > 0) await replaceEmailDomainRecords(db, []);
    return [];
  }
  const storedByDomain = new Map(stored.map((record) => [record.domain, record]));
  const records: EmailDomainRecord[] = [];
  let lookupsLeft = MAX_LOOKUPS_PER_TICK;
  for (const [domain, hosts] of domainsToWatch(accounts)) {
    let record: EmailDomainRecord = { ...(storedByDomain.get(domain) ?? { domain, failures: 0, nextCheckAt: now }), hosts };
    if (record.nextCheckAt <= now) {
      if (registrableDomainOf(domain) === null) {
        record = answered(record, { kind: 'not-public', answeredAt: now }, now);
      } else if (lookupsLeft > 0) {
        lookupsLeft--;
        const result = await lookUpDomain(domain, fetchFn, now);
        if (result.ok) {
          record = answered(record, result.answer, now);
        } else {
          const failures = record.failures + 1;
          record = { ...record, failure: result.failure, failures, lastAttemptAt: now, nextCheckAt: nextCheckAfterFailure(failures, now, result.retryAfterMs) };
        }
      }
    }
    records.push(record);
  }
  await replaceEmailDomainRecords(db, records);
  return records;
}

/**
 * Lets the reminders tick look email domains up with the browser's fetch (the background entry
 * point calls this). In Firefox the lookups also need the user's data-collection consent
 * (utils/data-consent.ts); without it the check counts as off.
 */
export function lookUpEmailDomainsInTicks(
  deps: { refreshEmailDomains?: ReminderDeps['refreshEmailDomains'] },
  fetchFn: FetchLike = (url, init) => fetch(url, init),
  consented: () => Promise<boolean> = () => hasDataConsent('emailDomainCheck'),
): void {
  deps.refreshEmailDomains = async (db, accounts, settings, now, stored) => {
    const emailDomainCheck = settings.emailDomainCheck && (await consented());
    return refreshEmailDomains(db, accounts, { emailDomainCheck }, now, fetchFn, stored);
  };
}

function answered(record: EmailDomainRecord, answer: NonNullable<EmailDomainRecord['answer']>, now: number): EmailDomainRecord {
  const { failure: _failure, ...rest } = record;
  return { ...rest, answer, failures: 0, lastAttemptAt: now, nextCheckAt: nextCheckAfterAnswer(answer, now) };
}
