import { t } from '@/utils/text/messages';
import { RichText } from '@/components/RichText';
import { useState } from 'preact/hooks';
import { PYPI_HOSTS, isPypiHost, type PypiHost } from '@/utils/pypi/hosts';
import { accountIdOf, type AccountRecord } from '@/utils/store/types';
import { normaliseUsername, usernameProblem } from '@/utils/recovery/request';
import { Section } from './ui';

export interface ChosenAccount {
  host: PypiHost;
  username: string;
}

const OTHER = 'other';

/**
 * The account to preselect: the newest stored one on the host the user came from (the lost-2FA
 * prompt knows the site, not always the account), else the newest one; none means "type it".
 */
export function preselectedAccount(accounts: readonly AccountRecord[], host: PypiHost | null): AccountRecord | undefined {
  const newest = [...accounts].sort((a, b) => b.lastSeenAt - a.lastSeenAt);
  return host ? newest.find((account) => account.host === host) : newest[0];
}

/**
 * Step 1: which account. Stored accounts are offered first; any account can be typed, because the
 * user may be on a new computer where PyPI Guard has never seen it. `initialHost`: the PyPI site
 * the user came from, preselected in both.
 */
export function AccountStep({
  accounts,
  chosen,
  initialHost,
  onChoose,
  onChange,
}: {
  accounts: AccountRecord[];
  chosen: ChosenAccount | null;
  initialHost: PypiHost | null;
  onChoose: (account: ChosenAccount) => void;
  onChange: () => void;
}) {
  const [selected, setSelected] = useState<string>(() => preselectedAccount(accounts, initialHost)?.id ?? OTHER);
  const [host, setHost] = useState<PypiHost>(initialHost ?? 'pypi.org');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (chosen) {
    // Chosen: one line, not a card — the questions and the request below are what matter now.
    return (
      <section data-step="account" class="account-bar" aria-label={t('account_bar_label')}>
        <p>
          <RichText
            text={t('account_bar', { username: chosen.username, host: chosen.host })}
            parts={{ 1: (words) => <strong data-chosen-account={accountIdOf(chosen.host, chosen.username)}>{words}</strong> }}
          />{' '}
          <button type="button" class="button button--link" data-action="change-account" onClick={onChange}>
            {t('account_change')}
          </button>
        </p>
      </section>
    );
  }

  const typing = selected === OTHER;
  const submit = (event: Event) => {
    event.preventDefault();
    if (!typing) {
      const account = accounts.find((a) => a.id === selected);
      if (account) onChoose({ host: account.host, username: account.username });
      return;
    }
    const problem = usernameProblem(typed);
    setError(problem);
    if (!problem) onChoose({ host, username: normaliseUsername(typed) });
  };

  return (
    <Section step="account" title={t('account_step_title')}>
      <form onSubmit={submit} noValidate>
        {accounts.length > 0 ? (
          <fieldset>
            <legend>{t('account_seen_legend')}</legend>
            {accounts.map((account) => (
              <label key={account.id} class="choice">
                <input
                  type="radio"
                  name="account"
                  value={account.id}
                  data-account={account.id}
                  checked={selected === account.id}
                  onChange={() => setSelected(account.id)}
                />{' '}
                {t('account_on_host', { username: account.username, host: account.host })}
              </label>
            ))}
            <label class="choice">
              <input type="radio" name="account" value={OTHER} data-account={OTHER} checked={typing} onChange={() => setSelected(OTHER)} /> {t('account_other')}
            </label>
          </fieldset>
        ) : (
          <p>{t('account_none_stored')}</p>
        )}
        {typing ? (
          <div class="row">
            <label>
              {t('account_site')}
              <select data-field="account-host" value={host} onChange={(e) => isPypiHost(e.currentTarget.value) && setHost(e.currentTarget.value)}>
                {PYPI_HOSTS.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('account_username')}
              <input
                type="text"
                data-field="account-username"
                autoComplete="username"
                spellcheck={false}
                value={typed}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? 'account-username-error' : undefined}
                onInput={(e) => setTyped(e.currentTarget.value)}
              />
            </label>
          </div>
        ) : null}
        {error ? (
          <p id="account-username-error" class="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" class="button" data-action="choose-account">
          {t('continue')}
        </button>
      </form>
    </Section>
  );
}
