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
      <h2 id="email-domain-offer-heading">Check when your email domains expire?</h2>
      <p>
        Your PyPI email is on {domains.join(', ')}. If that domain lapses, whoever registers it can reset your PyPI password. PyPI Guard can ask the domain’s
        registry (RDAP) when it expires: only the domain name is sent, at most once a day.
      </p>
      <div class="offer__actions">
        <button type="button" class="button button--primary" data-action="email-domain-check-on" disabled={busy} onClick={() => onAnswer(true)}>
          Check them
        </button>
        <button type="button" class="button button--quiet" data-action="email-domain-check-off" disabled={busy} onClick={() => onAnswer(false)}>
          No thanks
        </button>
      </div>
    </section>
  );
}
