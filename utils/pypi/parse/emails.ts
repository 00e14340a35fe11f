import type { EmailFact, EmailStatus } from '../snapshot';
import { textOf } from './dom';
import { found, missed, type Read } from './read';

/**
 * The emails table (`section#account-emails`, on /manage/account/ and /manage/unverified-account/).
 * PyPI gives every row its address in `td.table__email` and exactly one verification badge, told
 * apart by class, not text: `badge--success` verified, `badge--warning` verified with bounces,
 * `badge--danger` unverified (with `fa-ban`: blocked by bounces or complaints); the primary row
 * has a plain `span.badge` besides (docs/pypi-pages.md). A row without its address or its
 * verification badge is not PyPI's shape: the emails are then unreadable. Undefined when the page
 * has no such section.
 */
export function parseEmails(doc: Document): Read<EmailFact[]> | undefined {
  const section = doc.querySelector('section#account-emails');
  if (!section) return undefined;
  const rows = section.querySelectorAll('table tbody tr');
  if (rows.length === 0) return missed('emails-table');
  const emails: EmailFact[] = [];
  for (const row of rows) {
    const address = textOf(row.querySelector('td.table__email'));
    if (!address) return missed('email-address');
    const badges = [...row.querySelectorAll('span.badge')];
    const status = statusOf(badges);
    if (!status) return missed('email-status');
    if (emails.some((email) => email.address === address)) continue;
    const primary = badges.some((badge) => ![...badge.classList].some((name) => name.startsWith('badge--')));
    emails.push({ address, primary, verified: status.startsWith('verified'), status });
  }
  return found(emails);
}

function statusOf(badges: Element[]): EmailStatus | undefined {
  const has = (modifier: string) => badges.find((badge) => badge.classList.contains(modifier));
  if (has('badge--success')) return 'verified';
  if (has('badge--warning')) return 'verified-with-bounces';
  const danger = has('badge--danger');
  if (danger) return danger.querySelector('.fa-ban') ? 'unverified-blocked' : 'unverified';
  return undefined;
}
