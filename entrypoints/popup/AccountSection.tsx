import { t } from '@/utils/text/messages';
import type { CheckResult } from '@/utils/audit';
import { StatusIcon } from '@/components/StatusIcon';
import type { AccountAudit } from './data';
import { triageAccount, type TriageItem } from '@/utils/audit/triage';
import { accountHeadline } from './triage';

export interface AccountSectionProps {
  entry: AccountAudit;
  /** Where a check's fix button leads (a PyPI page, or a page of the extension). */
  fixHref(result: CheckResult): string;
  onAcknowledge(entry: AccountAudit): void;
}

/**
 * One account, triaged: what to fix first, each with its one button (checks the same fix settles
 * listed under it), then the passing checks folded into one line that expands. Every check keeps
 * its `[data-check][data-status]` row, folded ones included. When the account was last seen is the
 * data-freshness check's to say (it warns when old), not the header's.
 */
export function AccountSection({ entry, fixHref, onAcknowledge }: AccountSectionProps) {
  const { account } = entry;
  const triage = triageAccount(entry.audit.results);
  const headingId = `account-${account.id.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <section class="account" data-account={account.id} data-worst={triage.worst} aria-labelledby={headingId}>
      <header class="account__header">
        <h2 id={headingId}>
          <AccountName username={account.username} host={account.host} />
        </h2>
        <p class="account__summary" data-account-headline>
          <strong>{accountHeadline(triage)}</strong>
        </p>
      </header>
      <ul class="checks">
        {triage.items.map((item) => (
          <ItemRow key={item.lead.id} item={item} entry={entry} fixHref={fixHref} onAcknowledge={onAcknowledge} />
        ))}
        {triage.passing.length > 0 ? (
          <li class="checks__passing">
            <details data-passing>
              <summary>
                <StatusIcon status="pass" /> {t('checks_passing', { count: triage.passing.length })}
              </summary>
              <ul class="checks checks--passing">
                {triage.passing.map((result) => (
                  <li key={result.id} class="check check--pass" data-check={result.id} data-status={result.status}>
                    <StatusIcon status={result.status} />
                    <div class="check__text">
                      <p class="check__title">{result.title}</p>
                      <p class="check__detail">{result.detail}</p>
                      {/* A passing check has nothing to fix; one that offers a step of PyPI Guard's own
                          (the evidence kit, while access still works) keeps it as a quiet link. */}
                      {result.fix.kind === 'extension' ? (
                        <a class="check__link" data-action="fix" href={fixHref(result)} target="_blank" rel="noopener noreferrer">
                          {result.fixLabel}
                          <span class="sr-only"> — {t('check_fix_context', { check: result.title, username: entry.account.username, host: entry.account.host })}</span>
                        </a>
                      ) : null}
                    </div>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function ItemRow({ item, entry, fixHref, onAcknowledge }: { item: TriageItem } & AccountSectionProps) {
  const { lead, alsoSettled } = item;
  const { account } = entry;
  return (
    <li class={`check check--${lead.status}`} data-check={lead.id} data-status={lead.status}>
      <StatusIcon status={lead.status} />
      <div class="check__text">
        <p class="check__title">{lead.title}</p>
        <p class="check__detail">{lead.detail}</p>
      </div>
      <div class="check__actions">
        {/* Offered wherever acknowledging changes the outcome (the audit says so), not only on a failure. */}
        {lead.acknowledgeLabel ? (
          <button type="button" class="button button--quiet" data-action="acknowledge" onClick={() => onAcknowledge(entry)}>
            {lead.acknowledgeLabel}
            <span class="sr-only"> — {t('check_acknowledge_context', { username: account.username, host: account.host })}</span>
          </button>
        ) : null}
        <a class="button" data-action="fix" href={fixHref(lead)} target="_blank" rel="noopener noreferrer">
          {lead.fixLabel}
          <span class="sr-only"> — {t('check_fix_context', { check: lead.title, username: account.username, host: account.host })}</span>
        </a>
      </div>
      {alsoSettled.length > 0 ? (
        <ul class="check__settled" aria-label={t('check_also_settles_label')}>
          {alsoSettled.map((result) => (
            <li key={result.id} data-check={result.id} data-status={result.status}>
              <StatusIcon status={result.status} /> {t('check_also_settles', { check: result.title, detail: result.detail })}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * "alice on pypi.org", the host in its own quieter style: the phrase is translated whole, and the
 * host is found in it rather than glued after a translated "on".
 */
function AccountName({ username, host }: { username: string; host: string }) {
  const [before, after] = t('account_on_host', { username, host: '\uE000' }).split('\uE000') as [string, string?];
  if (after === undefined) return <>{before}</>;
  return (
    <>
      {before}
      <span class="account__host">{host}</span>
      {after}
    </>
  );
}
