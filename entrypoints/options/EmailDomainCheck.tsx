import type { SectionProps } from './App';
import { formatDate } from '@/utils/text/format';
import { requestDataConsent } from '@/utils/data-consent';

/**
 * The switch of the email-domain check (utils/audit/checks/email-domain.ts), with what it sends to
 * whom, and what it last learned.
 */
export function EmailDomainCheck({ data, saveSettings }: Pick<SectionProps, 'data' | 'saveSettings'>) {
  const on = data.settings.emailDomainCheck;
  const records = [...data.input.emailDomains].sort((a, b) => a.domain.localeCompare(b.domain));
  return (
    <section aria-labelledby="email-domain-heading" data-section="email-domain-check">
      <h2 id="email-domain-heading">Email domains</h2>
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
                wanted && granted ? 'Email domains checked.' : wanted ? 'Email-domain check left off: the browser did not allow it.' : 'Email-domain check off; what it had learned is deleted.',
              ),
            );
          }}
        />
        Check when your email domains expire
        <span class="hint" id="email-domain-hint">
          Whoever registers a lapsed domain receives your PyPI password resets. For each address on your own domain (not Gmail, Outlook and other large
          providers), PyPI Guard asks the domain’s registry when it expires, through RDAP. What is sent: the domain name only (for example{' '}
          <code>example.org</code>), in a request without cookies or referrer, to the registry’s RDAP server that IANA lists for its ending (for{' '}
          <code>.com</code>, Verisign’s <code>rdap.verisign.com</code>). Never your address or username. How often: once a week, once a day in the last
          weeks before expiry. Turning it off deletes what was learned.
        </span>
      </label>
      {on && records.length > 0 && (
        <ul class="email-domains" data-list="email-domains">
          {records.map((record) => (
            <li key={record.domain} data-domain={record.domain}>
              <code>{record.domain}</code>
              {record.lastAttemptAt !== undefined ? ` — last asked ${formatDate(record.lastAttemptAt)}` : ' — not asked yet'}
              {record.failure ? ` (no answer from ${record.failure.server}; trying again later)` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
