import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lookalike } from '@/utils/prompts/lookalike/detect';
import { whyNotPypi } from '@/utils/prompts/lookalike/explain';
import { t } from '@/utils/text/messages';
import { RichText } from '@/components/RichText';
import { onUserClick } from './user-click';

export interface LookalikeInterstitialProps {
  lookalike: Lookalike;
  /** The user's deliberate second step: remember the choice for this site; false when it could not be saved. */
  continueToSite(): Promise<boolean>;
  /** Receives the main action, so the page's focus can be sent back to it. */
  onPrimary?(element: HTMLAnchorElement | null): void;
}

type Step = 'warning' | 'confirm' | 'failed';

/**
 * The look-alike warning, in the spirit of the browser's own Safe Browsing page: over the whole
 * page, the site's name, why it is not PyPI, "Go to pypi.org" as the main action, and continuing
 * only by a second, deliberate step (remembered for the site by the background). Every control
 * answers only the user's own clicks. `[data-prompt="lookalike-host"]` with `data-state` (the
 * reason) and `data-step` is the hook tests read through the DevTools protocol: the shadow root
 * is closed.
 */
export function LookalikeInterstitial({ lookalike, continueToSite, onPrimary }: LookalikeInterstitialProps) {
  const [step, setStep] = useState<Step>('warning');
  const primary = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    primary.current?.focus();
    onPrimary?.(primary.current);
  }, [onPrimary]);
  return (
    <div class="pg-interstitial" data-prompt="lookalike-host" data-state={lookalike.reason} data-step={step} role="alertdialog" aria-modal="true" aria-labelledby="pg-lookalike-title" aria-describedby="pg-lookalike-why">
      <div class="pg-interstitial__panel">
        <p class="pg-interstitial__brand">{t('extension_name')}</p>
        <h1 id="pg-lookalike-title">{t('lookalike_headline')}</h1>
        <p>
          <RichText text={t('lookalike_site_is', { host: lookalike.displayName })} parts={{ 1: (host) => <code data-field="host">{host}</code> }} />
        </p>
        <p id="pg-lookalike-why" data-field="why">
          {whyNotPypi(lookalike)} {t('lookalike_pypi_only_on')}
        </p>
        <p class="pg-strong">{t('lookalike_do_not_type')}</p>
        <div class="pg-interstitial__actions">
          <a ref={primary} class="pg-button pg-button--primary" href="https://pypi.org/" target="_top" rel="noreferrer" data-action="go-to-pypi">
            {t('lookalike_go_to_pypi')}
          </a>
          {step === 'warning' && (
            <button type="button" class="pg-link" data-action="details" onClick={onUserClick(() => setStep('confirm'))}>
              {t('lookalike_my_own_site')}
            </button>
          )}
        </div>
        {step !== 'warning' && (
          <div class="pg-interstitial__continue" data-field="continue">
            <p>{t('lookalike_continue_only_if', { site: lookalike.site })}</p>
            <button
              type="button"
              class="pg-button pg-button--danger"
              data-action="continue"
              onClick={onUserClick(() => void continueToSite().then((saved) => !saved && setStep('failed')))}
            >
              {t('lookalike_continue', { host: lookalike.displayName })}
            </button>
            {step === 'failed' && <p role="alert">{t('lookalike_save_failed')}</p>}
          </div>
        )}
      </div>
    </div>
  );
}
