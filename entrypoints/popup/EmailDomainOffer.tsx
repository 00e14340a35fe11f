import { formatList, t } from '@/utils/text/messages';
export interface EmailDomainOfferProps {
  /** The account's custom domains (not at a large provider), to name in the question. */
  domains: string[];
  onAnswer(turnOn: boolean): void;
  busy: boolean;
}

/**
 * The one-time question: shown while the lookups are off and the user has never answered it,
 * and only when an account has an address on its own domain (at a large provider there is
 * nothing to check). Either answer is final here; the options page keeps the switch.
 */
export function EmailDomainOffer({ domains, onAnswer, busy }: EmailDomainOfferProps) {
  return (
    <section class="offer" id="email-domain-offer" data-offer="email-domain-check" aria-labelledby="email-domain-offer-heading">
      <h2 id="email-domain-offer-heading">{t('email_offer_title')}</h2>
      <p>{t('email_offer_text', { domains: formatList(domains) })}</p>
      <div class="offer__actions">
        <button type="button" class="button button--primary" data-action="email-domain-check-on" disabled={busy} onClick={() => onAnswer(true)}>
          {t('email_offer_yes')}
        </button>
        <button type="button" class="button button--quiet" data-action="email-domain-check-off" disabled={busy} onClick={() => onAnswer(false)}>
          {t('email_offer_no')}
        </button>
      </div>
    </section>
  );
}
