import { t } from '@/utils/text/messages';
import type { Reminder } from '@/utils/reminders';
import { ReminderItem } from '@/components/ReminderItem';

export interface RemindersSectionProps {
  reminders: Reminder[];
  openHref(reminder: Reminder): string;
  onAction(reminder: Reminder, action: 'opened' | 'snoozed' | 'done'): void;
}

/** Reminders that are due, with the notification's own choices (Firefox notifications have no buttons). */
export function RemindersSection({ reminders, openHref, onAction }: RemindersSectionProps) {
  return (
    <section class="reminders" id="reminders" tabIndex={-1} aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">{t('reminders_title')}</h2>
      <ul>
        {reminders.map((reminder) => (
          <ReminderItem
            key={reminder.id}
            reminder={reminder}
            openHref={openHref(reminder)}
            onOpen={() => onAction(reminder, 'opened')}
            onSnooze={() => onAction(reminder, 'snoozed')}
            onDone={() => onAction(reminder, 'done')}
          />
        ))}
      </ul>
    </section>
  );
}
