import type { EmailFact, EmailStatus } from '../snapshot';
import { textOf } from './dom';

/**
 * The emails table (`section#account-emails`, on /manage/account/ and /manage/unverified-account/).
 * Badges are told apart by class, not text: a plain `span.badge` is "Primary", `badge--success`
 * verified, `badge--warning` verified with bounces, `badge--danger` unverified (with `fa-ban`:
 * blocked by bounces or complaints). A row without a status badge says nothing about
 * verification, and one without any badge nothing about being primary: those flags stay absent.
 * Returns undefined when the section is absent.
 */
export function parseEmails(doc: Document): EmailFact[] | undefined {
  const section = doc.querySelector('section#account-emails');
  if (!section) return undefined;
  const emails: EmailFact[] = [];
  for (const row of section.querySelectorAll('table tbody tr, table tr')) {
    const address = textOf(row.querySelector('td.table__email'));
    if (!address || emails.some((email) => email.address === address)) continue;
    const badges = [...row.querySelectorAll('span.badge')];
    const status = statusOf(badges);
    emails.push({
      address,
      ...(badges.length > 0 && { primary: badges.some((badge) => ![...badge.classList].some((name) => name.startsWith('badge--'))) }),
      ...(status && { verified: status.startsWith('verified'), status }),
    });
  }
  return emails;
}

function statusOf(badges: Element[]): EmailStatus | undefined {
  const has = (modifier: string) => badges.find((badge) => badge.classList.contains(modifier));
  if (has('badge--success')) return 'verified';
  if (has('badge--warning')) return 'verified-with-bounces';
  const danger = has('badge--danger');
  if (danger) return danger.querySelector('.fa-ban') ? 'unverified-blocked' : 'unverified';
  return undefined;
}
