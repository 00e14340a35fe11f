import { outstanding, type Reminder } from '@/utils/reminders';
import { recordReminderAction } from '@/utils/store';
import { SNOOZE_MS } from '@/utils/background/reminders';
import type { SectionProps } from './App';
import { formatDateTime } from './format';

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
    }, action === 'done' ? `“${reminder.title}” marked done.` : `“${reminder.title}” snoozed for a week.`);

  return (
    <section aria-labelledby="due-heading">
      <h2 id="due-heading">Due now</h2>
      <ul class="cards">
        {[...shown, ...waiting].map((reminder) => (
          <li key={reminder.id} data-reminder={reminder.id} data-status={reminder.status}>
            <strong>{reminder.title}</strong>
            <p>{reminder.message}</p>
            {reminder.status === 'waiting' && <p class="hint">Waiting until {formatDateTime(reminder.notBefore)}.</p>}
            <div class="row">
              <a href={openHref(reminder.openUrl)} target="_blank" rel="noopener noreferrer">
                Open {reminder.openUrl.startsWith('https://') ? new URL(reminder.openUrl).host : 'in PyPI Guard'}
              </a>
              <button type="button" onClick={() => void act(reminder, 'snoozed')}>
                Snooze 1 week
              </button>
              <button type="button" onClick={() => void act(reminder, 'done')}>
                Done
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** PyPI links as they are; extension pages relative to this page (both live at the extension root). */
function openHref(openUrl: string): string {
  return openUrl.startsWith('https://') ? openUrl : `/${openUrl.replace(/^\/+/, '')}`;
}
