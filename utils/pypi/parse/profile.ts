import { asUsername, textOf, timeIn } from './dom';

/** A public profile `/user/<name>/` (§2b): whose it is, the display name and the join date. */
export function parseProfile(doc: Document): { username?: string; displayName?: string; dateJoined?: number } {
  const profile = doc.querySelector('.author-profile');
  if (!profile) return {};
  const username = asUsername(textOf(profile.querySelector('.author-profile__metadiv .fa-user-circle + span, .author-profile__metadiv span.break')));
  const displayName = textOf(profile.querySelector('h1.author-profile__name')).slice(0, 100);
  const joined = [...profile.querySelectorAll('.author-profile__metadiv')].find((div) => div.querySelector('.fa-calendar-alt'));
  const dateJoined = timeIn(joined);
  return { ...(username && { username }), ...(displayName && { displayName }), ...(dateJoined !== undefined && { dateJoined }) };
}
