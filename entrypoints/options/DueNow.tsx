import { outstanding, type Reminder } from '@/utils/reminders';
import { recordReminderAction } from '@/utils/store';
import { SNOOZE_MS } from '@/utils/background/reminders';
import type { SectionProps } from './App';
import { formatDateTime } from '@/utils/text/format';
import { ReminderItem } from '@/components/ReminderItem';
import { t } from '@/utils/text/messages';

/**
 * Reminders that are due, with the same Snooze and Done as the notification. Where notifications
 * have no buttons (Firefox), this is where the user answers them.
 */
export function DueNow({ data, deps, change }: SectionProps) {
  const now = deps.now();
  const shown = outstanding(data.reminders);
  const waiting = data.reminders.filter((reminder) => reminder.status === 'waiting');
  if (shown.length === 0 && waiting.length === 0) return null;

  const act = (reminder: Reminder, action: 'snoozed' | 'done') =>
    change(async (db) => {
      await recordReminderAction(db, reminder, action, now, action === 'snoozed' ? now + SNOOZE_MS : undefined);
      deps.clearNotification(reminder);
    }, t(action === 'done' ? 'options_due_marked_done' : 'options_due_snoozed', { title: reminder.title }));

  return (
    <section aria-labelledby="due-heading">
      <h2 id="due-heading">{t('options_due_title')}</h2>
      <ul class="due-list">
        {[...shown, ...waiting].map((reminder) => (
          <ReminderItem
            key={reminder.id}
            reminder={reminder}
            openHref={openHref(reminder.openUrl)}
            note={reminder.status === 'waiting' ? t('options_due_waiting', { when: formatDateTime(reminder.notBefore) }) : undefined}
            onSnooze={() => void act(reminder, 'snoozed')}
            onDone={() => void act(reminder, 'done')}
          />
        ))}
      </ul>
    </section>
  );
}

/** PyPI links as they are; extension pages relative to this page (both live at the extension root). */
function openHref(openUrl: string): string {
  return openUrl.startsWith('https://') ? openUrl : `/${openUrl.replace(/^\/+/, '')}`;
}
