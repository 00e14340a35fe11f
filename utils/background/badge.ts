import { browser } from 'wxt/browser';
import { t } from '../text/messages';

const BADGE_COLOUR = { fail: '#c62828', reminder: '#b45309' } as const;

export interface BadgeCounts {
  /** Problems across every stored account, as the popup counts them (failures, one per fix). */
  problems: number;
  /** Reminders due and not yet snoozed or done. */
  outstandingReminders: number;
}

/**
 * What the toolbar icon says: the number of problems in red (the popup's own count); when there is
 * none, the number of due reminders in amber; the tooltip names both.
 */
export function badgeOf({ problems, outstandingReminders }: BadgeCounts): { text: string; colour: string; title: string } {
  const shown = problems > 0 ? problems : outstandingReminders;
  // The popup's own words for its count ("2 problems"): the badge and the popup say one thing.
  const problemsText = problems > 0 ? t('headline_problems', { count: problems }) : '';
  const reminders = outstandingReminders > 0 ? t('badge_reminders', { count: outstandingReminders }) : '';
  const details = problemsText && reminders ? t('badge_both', { problems: problemsText, reminders }) : problemsText || reminders;
  return {
    text: shown > 0 ? String(shown) : '',
    colour: problems > 0 ? BADGE_COLOUR.fail : BADGE_COLOUR.reminder,
    title: details ? t('badge_title', { details }) : t('extension_name'),
  };
}

/** Brings the toolbar badge up to date. The reminders tick calls it with the counts it computed. */
export async function refreshBadge(counts: BadgeCounts): Promise<void> {
  const badge = badgeOf(counts);
  // Three independent calls to the browser: one round trip's wait, not three.
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setTitle({ title: badge.title }),
    badge.text ? browser.action.setBadgeBackgroundColor({ color: badge.colour }) : undefined,
  ]);
}
