import type { SectionProps } from './App';
import { formatDate } from '@/utils/text/format';
import { requestDataConsent } from '@/utils/data-consent';
import { t } from '@/utils/text/messages';
import { RichText, CODE_PARTS } from '@/components/RichText';

/**
 * The switch of the email-domain check (utils/audit/checks/email-domain.ts), with what it sends to
 * whom, and what it last learned.
 */
export function EmailDomainCheck({ data, saveSettings }: Pick<SectionProps, 'data' | 'saveSettings'>) {
  const on = data.settings.emailDomainCheck;
  const records = [...data.input.emailDomains].sort((a, b) => a.domain.localeCompare(b.domain));
  return (
    <section aria-labelledby="email-domain-heading" data-section="email-domain-check">
      <h2 id="email-domain-heading">{t('options_email_title')}</h2>
      <label class="choice">
        <input
          type="checkbox"
          data-setting="email-domain-check"
          checked={on}
          aria-describedby="email-domain-hint"
          onChange={(event) => {
            const wanted = event.currentTarget.checked;
            // Firefox asks for its data consent first (in the click); elsewhere this resolves at once.
            const consent = wanted ? requestDataConsent('emailDomainCheck') : Promise.resolve(true);
            void consent.then((granted) =>
              saveSettings(
                { emailDomainCheck: wanted && granted, emailDomainCheckOffered: true },
                t(wanted && granted ? 'options_email_on' : wanted ? 'options_email_refused' : 'options_email_off'),
              ),
            );
          }}
        />
        {t('options_email_switch')}
        <span class="hint" id="email-domain-hint">
          <RichText text={t('options_email_hint')} parts={CODE_PARTS} />
        </span>
      </label>
      {on && records.length > 0 && (
        <ul class="email-domains" data-list="email-domains">
          {records.map((record) => (
            <li key={record.domain} data-domain={record.domain}>
              <code>{record.domain}</code>
              {' — '}
              {record.lastAttemptAt !== undefined ? t('options_email_last_asked', { date: formatDate(record.lastAttemptAt) }) : t('options_email_not_asked')}
              {record.failure ? ` ${t('options_email_no_answer', { server: record.failure.server })}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
