import { needsAccountSettings, pypiPage, type Check, type CheckStatus } from '../types';
import { unreadableOutcome } from '../unreadable';
import { accountDomains, describeStanding, domainStanding, type AccountDomain, type DomainStanding } from '../../email-domain/standing';
import { formatList, joinSentences, t } from '../../text/messages';

const SEVERITY: readonly CheckStatus[] = ['fail', 'warn', 'unknown', 'pass'];

/**
 * Whoever registers a lapsed email domain receives the account's password-reset mail (the `ctx`
 * takeover, 2022), and PyPI unverifies addresses whose domain enters expiry — which also takes
 * the owner's own way back in. This check reads each custom domain's last RDAP answer, kept by the
 * background (utils/background/email-domains.ts). Opt-in: it runs only while the user has turned
 * the lookups on.
 *
 * fail: a domain past its expiration date, in redemption or pending delete, on hold after expiry,
 *   or not registered at all (404);
 * warn: one expiring within 45 days, or whose registry shows no expiration date while it is the
 *   only domain of the verified addresses;
 * pass: the rest, naming the dates; addresses at large mail providers pass without a lookup;
 * unknown: no lookup possible (no RDAP for the TLD, the registry unreachable), saying why;
 * unreadable: the newest emails table PyPI showed could not be read (its addresses may have changed).
 * The worst domain decides and is named first.
 */
export const emailDomain: Check = {
  id: 'email-domain',
  title: t('check_email_domain_title'),
  weight: 10,
  isOn: (settings) => settings.emailDomainCheck,
  run(state, now) {
    const couldNotRead = unreadableOutcome(state, 'emails');
    if (couldNotRead) return couldNotRead;
    const emails = state.account.emails?.value;
    if (!emails) return needsAccountSettings(state, 'email_addresses');
    const domains = accountDomains(emails, state.emailDomains ?? []);
    if (domains.length === 0) return needsAccountSettings(state, 'email_addresses');
    const verifiedDomains = domains.filter((entry) => entry.verified);
    const judged = domains
      .map((entry) => ({ entry, standing: domainStanding(entry, verifiedDomains.length === 1 && verifiedDomains[0] === entry, now) }))
      .sort((a, b) => SEVERITY.indexOf(a.standing.status) - SEVERITY.indexOf(b.standing.status));
    const worst = judged[0]!;
    const fix = pypiPage(state, '/manage/account/#account-emails');
    return {
      status: worst.standing.status,
      detail: detailOf(judged, now),
      fix,
      fixLabel: worst.standing.status === 'fail' || worst.standing.status === 'warn' ? t('check_email_domain_fix_change') : t('check_email_domain_fix_review'),
    };
  },
};

function detailOf(judged: readonly { entry: AccountDomain; standing: DomainStanding }[], now: number): string {
  const [worst, ...others] = judged;
  const first = sentence(worst!.entry, worst!.standing, now);
  const rest = others.map(({ entry, standing }) => describeStanding(entry.domain, standing, now));
  return joinSentences([first, ...rest]);
}

/** The worst domain's sentence, with what it means and what to do when it needs doing. */
function sentence(entry: AccountDomain, standing: DomainStanding, now: number): string {
  const fact = describeStanding(entry.domain, standing, now);
  if (standing.status === 'fail') {
    return joinSentences([fact, t('domain_lapsed_consequence', { addresses: formatList(entry.addresses) }), t('domain_what_to_do')]);
  }
  if (standing.status === 'warn') return joinSentences([fact, standing.reason === 'expiring' ? t('domain_what_to_do') : t('domain_no_expiry_advice')]);
  return fact;
}
