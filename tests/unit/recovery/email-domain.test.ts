import { formatDate } from '@/utils/text/format';
import { describe, expect, it } from 'vitest';
import { caveatsFor } from '@/utils/recovery/decision';
import { decisionFactsOf, recoveryFactsOf } from '@/utils/recovery/facts';
import { buildReason } from '@/utils/recovery/request';
import type { EmailDomainRecord, RdapAnswer } from '@/utils/email-domain/types';
import { account } from '../reminders/builders';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 12);
const CHECKED = NOW - 2 * DAY;

const alice = account({
  emails: {
    value: [
      { address: 'alice@example.org', primary: true, verified: false },
      { address: 'alice@gmail.com', primary: false, verified: true },
    ],
    seenAt: NOW - DAY,
  },
});
const record = (answer: RdapAnswer): EmailDomainRecord => ({ domain: 'example.org', hosts: ['example.org'], failures: 0, nextCheckAt: NOW + DAY, answer });

describe('recovery assistant: a lost mailbox on a lapsed domain', () => {
  it('says the domain had lapsed at the last lookup, and what that means for the request', () => {
    const facts = recoveryFactsOf(alice, [], [record({ kind: 'registered', expiresAt: NOW - 10 * DAY, statuses: ['redemption period'], answeredAt: CHECKED })], NOW);
    expect(facts.emailDomains).toEqual([
      { domain: 'example.org', addresses: ['alice@example.org'], lapsed: true, text: 'example.org has lapsed: it is in its redemption period and will be deleted unless restored.', checkedAt: CHECKED },
    ]);
    const caveats = caveatsFor({ email: 'no' }, decisionFactsOf(facts));
    const lapsed = caveats.find((caveat) => caveat.id === 'email-domain-lapsed');
    expect(lapsed?.text.startsWith(`At its last lookup (${formatDate(CHECKED)}): example.org has lapsed: it is in its redemption period`)).toBe(true);
    expect(lapsed?.text).toMatch(/renew or restore it, do that first/);
    expect(lapsed?.text).toMatch(/say in your request that the domain lapsed/);

    const reason = buildReason({ host: 'pypi.org', username: 'alice', answers: { password: 'forgotten', email: 'no', twoFactor: 'works' }, facts, emailDisclosure: 'none' });
    expect(reason.text).toContain("The domain of that address has lapsed (its registry's public RDAP record, 2026-11-23)");
    // The public issue names the domain only if the user chose to show the address.
    expect(reason.text).not.toContain('example.org');
  });

  it('a domain past its expiry date by now counts as lapsed, though it was registered when asked', () => {
    const facts = recoveryFactsOf(alice, [], [record({ kind: 'registered', expiresAt: NOW - DAY, statuses: ['active'], answeredAt: NOW - 5 * DAY })], NOW);
    expect(facts.emailDomains?.[0]).toMatchObject({ lapsed: true, text: `example.org expired on ${formatDate(NOW - DAY)}.` });
  });

  it('a registered domain means the mailbox was lost some other way', () => {
    const facts = recoveryFactsOf(alice, [], [record({ kind: 'registered', expiresAt: NOW + 200 * DAY, statuses: ['active'], answeredAt: CHECKED })], NOW);
    const caveats = caveatsFor({ email: 'no' }, decisionFactsOf(facts));
    expect(caveats.map((caveat) => caveat.id)).toEqual(['email-domain-registered']);
    expect(caveats[0]!.text).toContain(`example.org is registered until ${formatDate(NOW + 200 * DAY)}. The domain has not lapsed`);
    expect(buildReason({ host: 'pypi.org', username: 'alice', answers: { email: 'no' }, facts }).text).not.toMatch(/has lapsed/);
  });

  it('says nothing about domains when the mailbox works, or when nothing was looked up', () => {
    const facts = recoveryFactsOf(alice, [], [record({ kind: 'not-registered', answeredAt: CHECKED })], NOW);
    expect(caveatsFor({ email: 'yes' }, decisionFactsOf(facts)).filter((caveat) => caveat.id.startsWith('email-domain'))).toEqual([]);
    expect(recoveryFactsOf(alice, [], [], NOW).emailDomains).toBeUndefined();
    expect(recoveryFactsOf(alice, [], [record({ kind: 'no-rdap', tld: 'org', answeredAt: CHECKED })], NOW).emailDomains).toBeUndefined();
  });
});
