import type { BreachState } from '@/utils/prompts/breach/checker';
import type { PasswordFormKind } from '@/utils/prompts/password/form';
import type { PasswordWatch } from '@/utils/prompts/password/watch';
import { definePrompt } from '@/utils/prompts/types';
import { PromptCard } from './PromptCard';
import { useObservable } from './use-observable';
import { onUserClick } from './user-click';

export interface BreachCheckProps {
  kind: PasswordFormKind;
  watch: PasswordWatch;
}

const formatter = new Intl.NumberFormat('en');

/**
 * Have I Been Pwned's verdict on the password, after blur or submit (on new-password forms the
 * first submit waits for it, see watch.ts). On the login page it speaks
 * only when the password is listed (PyPI will then refuse the sign-in and disable the password);
 * on new-password forms it also confirms a clean result and says when it could not check.
 */
export function BreachCheck({ kind, watch }: BreachCheckProps) {
  const state: BreachState = useObservable(watch.breach);
  const heldBack = useObservable(watch.heldBack);
  if (state.status === 'idle' || state.status === 'disabled') return null;
  if (kind === 'login' && state.status !== 'found') return null;

  switch (state.status) {
    case 'checking':
      return (
        <PromptCard title="Known breaches" state="checking">
          <p aria-live="polite">Checking Have I Been Pwned… only the first 5 characters of the password’s SHA-1 hash are sent.</p>
        </PromptCard>
      );
    case 'not-found':
      return (
        <PromptCard title="Known breaches" tone="good" state="not-found">
          <p aria-live="polite">This password is not in Have I Been Pwned’s list of breached passwords.</p>
        </PromptCard>
      );
    case 'found':
      return (
        <PromptCard
          title="This password has leaked"
          tone="danger"
          state="found"
          actions={
            kind === 'login' ? (
              <a class="pg-button pg-button--primary" href="/account/request-password-reset/">
                Reset your password
              </a>
            ) : undefined
          }
        >
          <p aria-live="assertive">
            Have I Been Pwned has seen this password {formatter.format(state.count)} {state.count === 1 ? 'time' : 'times'} in data breaches.
            Attackers try these first.
          </p>
          <p>
            {kind === 'login'
              ? 'If it is your PyPI password, PyPI will refuse the login and disable it, and you will need to reset it. Choose a new password you have never used anywhere.'
              : kind === 'reset'
                ? 'PyPI does not check this on the reset page before you submit. Choose a different password you have never used anywhere.'
                : 'PyPI will refuse it. Choose a different password you have never used anywhere.'}
          </p>
          {heldBack && (
            <p data-field="held-back" class="pg-strong">
              PyPI Guard held the form back so you can change it. Submitting again sends it as it is.
            </p>
          )}
        </PromptCard>
      );
    case 'could-not-check':
      return (
        <PromptCard
          title="Known breaches"
          tone="warning"
          state="could-not-check"
          actions={
            <button type="button" class="pg-button" data-action="retry" onClick={onUserClick(() => watch.checkNow())}>
              Check again
            </button>
          }
        >
          <p aria-live="polite">
            {state.reason === 'offline'
              ? 'Could not check this password against known breaches: this computer seems to be offline. Nothing was sent; try again when online.'
              : 'Could not check this password against known breaches: Have I Been Pwned did not answer. Try again in a moment.'}
          </p>
        </PromptCard>
      );
  }
}

/**
 * The `breach` prompt for the page's password form (also the login form). A leaked password is
 * not a nudge to silence for good: "Close" hides it for this page; the check itself is switched
 * off in PyPI Guard's settings (`breachCheck`).
 */
export function breachPrompt(props: BreachCheckProps & { field: HTMLInputElement }) {
  return definePrompt({
    id: 'breach',
    pages: ['login', 'register', 'account-settings', 'reset-password'],
    dismissal: 'page',
    field: () => props.field,
    Component: () => <BreachCheck {...props} />,
  });
}
