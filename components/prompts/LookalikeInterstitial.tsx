import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lookalike } from '@/utils/prompts/lookalike/detect';
import { DO_NOT_TYPE, LOOKALIKE_HEADLINE, PYPI_ONLY_ON, whyNotPypi } from '@/utils/prompts/lookalike/explain';
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
        <p class="pg-interstitial__brand">PyPI Guard</p>
        <h1 id="pg-lookalike-title">{LOOKALIKE_HEADLINE}</h1>
        <p>
          This site is <code data-field="host">{lookalike.displayName}</code>.
        </p>
        <p id="pg-lookalike-why" data-field="why">
          {whyNotPypi(lookalike)} {PYPI_ONLY_ON}
        </p>
        <p class="pg-strong">{DO_NOT_TYPE}</p>
        <div class="pg-interstitial__actions">
          <a ref={primary} class="pg-button pg-button--primary" href="https://pypi.org/" target="_top" rel="noreferrer" data-action="go-to-pypi">
            Go to pypi.org
          </a>
          {step === 'warning' && (
            <button type="button" class="pg-link" data-action="details" onClick={onUserClick(() => setStep('confirm'))}>
              This is my own site…
            </button>
          )}
        </div>
        {step !== 'warning' && (
          <div class="pg-interstitial__continue" data-field="continue">
            <p>
              Continue only if you are sure {lookalike.site} is yours or your organisation’s. PyPI Guard will not show this page on it again in this browser; its
              toolbar button still marks the tab.
            </p>
            <button
              type="button"
              class="pg-button pg-button--danger"
              data-action="continue"
              onClick={onUserClick(() => void continueToSite().then((saved) => !saved && setStep('failed')))}
            >
              Continue to {lookalike.displayName}
            </button>
            {step === 'failed' && <p role="alert">PyPI Guard could not save your choice; the warning stays.</p>}
          </div>
        )}
      </div>
    </div>
  );
}
