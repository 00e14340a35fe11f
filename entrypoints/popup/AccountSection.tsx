import type { CheckResult } from '@/utils/audit';
import { StatusIcon } from '@/components/StatusIcon';
import { formatDaysAgo } from '@/utils/text/format';
import { bySeverity, type AccountAudit } from './data';

export interface AccountSectionProps {
  entry: AccountAudit;
  now: number;
  /** Where a check's fix button leads (a PyPI page, or a page of the extension). */
  fixHref(result: CheckResult): string;
  onAcknowledge(entry: AccountAudit): void;
}

/** One account: its score and one row per check, each with the button that fixes it. */
export function AccountSection({ entry, now, fixHref, onAcknowledge }: AccountSectionProps) {
  const { account, audit } = entry;
  const headingId = `account-${account.id.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <section class="account" data-account={account.id} aria-labelledby={headingId}>
      <header class="account__header">
        <h2 id={headingId}>
          {account.username} <span class="account__host">on {account.host}</span>
        </h2>
        <p class="account__score">
          {audit.score === null ? 'No score yet' : (
            <>
              Score <strong>{audit.score}</strong>/100
            </>
          )}
          <span class="account__seen"> · seen {formatDaysAgo(Math.min(account.lastSeenAt, now), now)}</span>
        </p>
      </header>
      <ul class="checks">
        {bySeverity(audit.results).map((result) => (
          <li key={result.id} class={`check check--${result.status}`} data-check={result.id} data-status={result.status}>
            <StatusIcon status={result.status} />
            <div class="check__text">
              <p class="check__title">{result.title}</p>
              <p class="check__detail">{result.detail}</p>
            </div>
            <div class="check__actions">
              {/* Offered wherever acknowledging changes the outcome (the audit says so), not only on a failure. */}
              {result.acknowledgeLabel ? (
                <button type="button" class="button button--quiet" data-action="acknowledge" onClick={() => onAcknowledge(entry)}>
                  {result.acknowledgeLabel}
                  <span class="sr-only"> — acknowledge the security history of {account.username} on {account.host} up to now</span>
                </button>
              ) : null}
              <a class="button" data-action="fix" href={fixHref(result)} target="_blank" rel="noopener noreferrer">
                {result.fixLabel}
                <span class="sr-only"> — {result.title}, {account.username} on {account.host} (opens a new tab)</span>
              </a>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
