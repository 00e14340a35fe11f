import type { SectionProps } from './App';
import { formatDateTime } from '@/utils/text/format';
import { kindTitle } from './format';
import { t, type MessageId } from '@/utils/text/messages';

const ACTIONS: Record<string, MessageId> = {
  fired: 'options_history_fired',
  opened: 'options_history_opened',
  snoozed: 'options_history_snoozed',
  done: 'options_history_done',
  dismissed: 'options_history_dismissed',
};

/** What fired when and what the user did, newest first. */
export function History({ data }: SectionProps) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('options_history_title')}</h2>
      {data.history.length === 0 ? (
        <p>{t('options_history_empty')}</p>
      ) : (
        <table class="history">
          <caption class="sr-only">{t('options_history_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('options_history_when')}</th>
              <th scope="col">{t('options_history_reminder')}</th>
              <th scope="col">{t('options_history_account')}</th>
              <th scope="col">{t('options_history_what')}</th>
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
                <td>{entry.action in ACTIONS ? t(ACTIONS[entry.action]!) : entry.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
