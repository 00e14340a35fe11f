import type { Reminder } from '@/utils/reminders';

export interface RemindersSectionProps {
  reminders: Reminder[];
  openHref(reminder: Reminder): string;
  onAction(reminder: Reminder, action: 'opened' | 'snoozed' | 'done'): void;
}

/** Reminders that are due, with the notification's own choices (Firefox notifications have no buttons). */
export function RemindersSection({ reminders, openHref, onAction }: RemindersSectionProps) {
  return (
    <section class="reminders" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Reminders</h2>
      <ul>
        {reminders.map((reminder) => (
          <li key={reminder.id} data-reminder={reminder.id}>
            <p class="reminder__title">{reminder.title}</p>
            <p class="reminder__message">{reminder.message}</p>
            <div class="reminder__actions">
              <a class="button button--primary" href={openHref(reminder)} target="_blank" rel="noopener noreferrer" onClick={() => onAction(reminder, 'opened')}>
                Open<span class="sr-only"> — {reminder.title} (opens a new tab)</span>
              </a>
              <button type="button" class="button button--quiet" onClick={() => onAction(reminder, 'snoozed')}>
                Snooze 1 week
              </button>
              <button type="button" class="button button--quiet" onClick={() => onAction(reminder, 'done')}>
                Done
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
