import { useState } from 'preact/hooks';
import type { HistorySummary } from '@/utils/events/history-summary';
import { passwordSchedule } from '@/utils/reminders';
import { forgetAccountEverywhere, type AccountId, type AccountRecord } from '@/utils/store';
import type { Settings } from '@/utils/settings';
import type { SectionProps } from './App';
import { Confirm } from './Confirm';
import { formatDate } from '@/utils/text/format';
import { t } from '@/utils/text/messages';
import { RichText } from '@/components/RichText';

/** The accounts PyPI Guard knows, each with what the reminders know about its password. */
export function Accounts({ data, change }: SectionProps) {
  const [confirming, setConfirming] = useState<AccountId | null>(null);
  const accounts = [...data.input.accounts].sort((a, b) => a.account.id.localeCompare(b.account.id));

  const forget = (id: AccountId) => change((db) => forgetAccountEverywhere(db, id), t('options_forgot', { account: id })).then(() => setConfirming(null));

  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">{t('options_accounts_title')}</h2>
      {accounts.length === 0 ? (
        <p>{t('options_accounts_empty')}</p>
      ) : (
        <ul class="cards">
          {accounts.map(({ account, history }) => (
            <li key={account.id} data-account={account.id}>
              <RichText text={t('options_account_on_host', { username: account.username, host: account.host })} parts={{ 1: (name) => <strong>{name}</strong> }} />
              <p class="hint">
                {t('options_account_last_seen', { date: formatDate(account.lastSeenAt) })} {passwordLine(account, history, data.settings)}
              </p>
              {confirming === account.id ? (
                <Confirm
                  label={t('options_forget_group', { account: account.id })}
                  confirmLabel={t('options_forget_confirm')}
                  onConfirm={() => void forget(account.id)}
                  onCancel={() => setConfirming(null)}
                >
                  {t('options_forget_question', { username: account.username, host: account.host })}
                </Confirm>
              ) : (
                <button type="button" onClick={() => setConfirming(account.id)} aria-label={t('options_forget_button_label', { username: account.username, host: account.host })}>
                  {t('options_forget')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function passwordLine(account: AccountRecord, history: HistorySummary, settings: Settings): string {
  const schedule = passwordSchedule(account, history, settings);
  switch (schedule.status) {
    case 'scheduled':
      return t('options_account_password_scheduled', { changed: formatDate(schedule.lastChange.at), next: formatDate(schedule.dueAt) });
    case 'off':
      return schedule.lastChange ? t('options_account_password_changed', { changed: formatDate(schedule.lastChange.at) }) : t('options_account_password_unknown');
    case 'unknown':
      return schedule.explanation;
  }
}
