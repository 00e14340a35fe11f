import { asUsername, textOf, timeIn } from './dom';

/**
 * `section#account-details` on /manage/account/: the first `p.form-group__text` is the username,
 * the `<time>` is the join date, and the full-name input holds the display name (pypi-facts.md §3).
 */
export function parseAccountDetails(doc: Document): { username?: string; displayName?: string; dateJoined?: number } {
  const section = doc.querySelector('section#account-details');
  if (!section) return {};
  const username = asUsername(textOf(section.querySelector('p.form-group__text')));
  const nameInput = section.querySelector<HTMLInputElement>('input[name="name"]');
  const displayName = nameInput?.getAttribute('value')?.trim().slice(0, 100);
  return {
    ...(username && { username }),
    ...(displayName && { displayName }),
    ...(timeIn(section) !== undefined && { dateJoined: timeIn(section) }),
  };
}
