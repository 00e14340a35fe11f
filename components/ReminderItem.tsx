import { t } from '@/utils/text/messages';
import type { Reminder } from '@/utils/reminders';
import './reminder-item.css';

export interface ReminderItemProps {
  reminder: Reminder;
  /** Where "Open" leads (a PyPI page, or a page of the extension). */
  openHref: string;
  /** Shown under the message, e.g. "Waiting until …". */
  note?: string;
  onOpen?(): void;
  onSnooze(): void;
  onDone(): void;
}

/** One due reminder with the notification's own choices: Open, Snooze 1 week, Done. */
export function ReminderItem({ reminder, openHref, note, onOpen, onSnooze, onDone }: ReminderItemProps) {
  const target = openHref.startsWith('https://') ? new URL(openHref).host : t('extension_name');
  return (
    <li class="reminder-item" data-reminder={reminder.id} data-status={reminder.status}>
      <p class="reminder-item__title">{reminder.title}</p>
      <p class="reminder-item__message">{reminder.message}</p>
      {note ? <p class="reminder-item__note">{note}</p> : null}
      <div class="reminder-item__actions">
        <a class="reminder-item__open" href={openHref} target="_blank" rel="noopener noreferrer" onClick={onOpen}>
          {t('reminder_open', { target })}
          <span class="sr-only"> — {t('reminder_open_context', { title: reminder.title })}</span>
        </a>
        <button type="button" onClick={onSnooze}>
          {t('reminder_snooze')}
        </button>
        <button type="button" onClick={onDone}>
          {t('reminder_done')}
        </button>
      </div>
    </li>
  );
}
