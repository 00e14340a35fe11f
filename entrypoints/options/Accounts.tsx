import { useState } from 'preact/hooks';
import type { HistorySummary } from '@/utils/events/history-summary';
import { passwordSchedule } from '@/utils/reminders';
import { forgetAccountEverywhere, type AccountId, type AccountRecord } from '@/utils/store';
import type { Settings } from '@/utils/settings';
import type { SectionProps } from './App';
import { Confirm } from './Confirm';
import { formatDate } from '@/utils/text/format';

/** The accounts PyPI Guard knows, each with what the reminders know about its password. */
export function Accounts({ data, change }: SectionProps) {
  const [confirming, setConfirming] = useState<AccountId | null>(null);
  const accounts = [...data.input.accounts].sort((a, b) => a.account.id.localeCompare(b.account.id));

  const forget = (id: AccountId) => change((db) => forgetAccountEverywhere(db, id), `Forgot ${id}.`).then(() => setConfirming(null));

  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts</h2>
      {accounts.length === 0 ? (
        <p>No PyPI account yet: log in on pypi.org and open your account page, and PyPI Guard will list it here.</p>
      ) : (
        <ul class="cards">
          {accounts.map(({ account, history }) => (
            <li key={account.id} data-account={account.id}>
              <strong>{account.username}</strong> on {account.host}
              <p class="hint">
                Last seen {formatDate(account.lastSeenAt)}. {passwordLine(account, history, data.settings)}
              </p>
              {confirming === account.id ? (
                <Confirm
                  label={`Forget ${account.id}`}
                  confirmLabel="Forget this account"
                  onConfirm={() => void forget(account.id)}
                  onCancel={() => setConfirming(null)}
                >
                  Forget {account.username} on {account.host}? Its stored facts, security history, reminders and their history,
                  recovery requests and prompt choices are removed from this browser. Your PyPI account itself is not touched.
                </Confirm>
              ) : (
                <button type="button" onClick={() => setConfirming(account.id)} aria-label={`Forget ${account.username} on ${account.host}`}>
                  Forget
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
      return `Password last changed ${formatDate(schedule.lastChange.at)}; next reminder ${formatDate(schedule.dueAt)}.`;
    case 'off':
      return schedule.lastChange ? `Password last changed ${formatDate(schedule.lastChange.at)}.` : 'When the password last changed is unknown.';
    case 'unknown':
      return schedule.explanation;
  }
}
