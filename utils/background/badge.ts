import { browser } from 'wxt/browser';
import { t } from '../text/messages';

const BADGE_COLOUR = { fail: '#c62828', reminder: '#b45309' } as const;

export interface BadgeCounts {
  /** `fail` checks across every stored account (the popup's red rows). */
  failingChecks: number;
  /** Reminders due and not yet snoozed or done. */
  outstandingReminders: number;
}

/**
 * What the toolbar icon says: the number of failing checks in red; when nothing fails, the number
 * of due reminders in amber; the tooltip names both.
 */
export function badgeOf({ failingChecks, outstandingReminders }: BadgeCounts): { text: string; colour: string; title: string } {
  const shown = failingChecks > 0 ? failingChecks : outstandingReminders;
  const failing = failingChecks > 0 ? t('badge_failing_checks', { count: failingChecks }) : '';
  const reminders = outstandingReminders > 0 ? t('badge_reminders', { count: outstandingReminders }) : '';
  const details = failing && reminders ? t('badge_both', { failing, reminders }) : failing || reminders;
  return {
    text: shown > 0 ? String(shown) : '',
    colour: failingChecks > 0 ? BADGE_COLOUR.fail : BADGE_COLOUR.reminder,
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
