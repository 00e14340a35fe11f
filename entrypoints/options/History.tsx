import type { SectionProps } from './App';
import { formatDateTime } from '@/utils/text/format';
import { kindTitle } from './format';

const ACTIONS: Record<string, string> = {
  fired: 'Notified',
  opened: 'Opened the page',
  snoozed: 'Snoozed for a week',
  done: 'Marked done',
  dismissed: 'Closed the notification',
};

/** What fired when and what the user did, newest first. */
export function History({ data }: SectionProps) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Reminder history</h2>
      {data.history.length === 0 ? (
        <p>No reminder has fired yet.</p>
      ) : (
        <table class="history">
          <caption class="sr-only">Reminders, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Reminder</th>
              <th scope="col">Account</th>
              <th scope="col">What happened</th>
            </tr>
          </thead>
          <tbody>
            {data.history.map((entry) => (
              <tr key={entry.id} data-history-action={entry.action}>
                <td>
                  <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time>
                </td>
                <td>{kindTitle(entry.kind)}</td>
                <td>{entry.accountId ?? '—'}</td>
                <td>{ACTIONS[entry.action] ?? entry.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
