import { useState } from 'preact/hooks';
import type { DrillSetup } from '@/utils/drill/page';
import type { Observable } from '@/utils/prompts/observable';
import { definePrompt } from '@/utils/prompts/types';
import { PromptCard } from './PromptCard';
import { useObservable } from './use-observable';
import { onUserClick } from './user-click';

export interface SaveRecoveryCodesProps {
  setup: Observable<DrillSetup>;
  forget(): Promise<void>;
}

/**
 * On the page that shows new recovery codes: where to keep them — PyPI's "somewhere safe", as the
 * account-security guide PyPI Guard follows spells it out: a password manager or paper, not a
 * plain file or an email — and what the drill keeps (hashes only), with a way to say no to it.
 */
export function SaveRecoveryCodes({ setup, forget }: SaveRecoveryCodesProps) {
  const drill = useObservable(setup);
  const [forgetting, setForgetting] = useState(false);
  return (
    <PromptCard
      title="Keep these codes somewhere safe"
      tone="warning"
      state={drill.status}
      actions={
        drill.status === 'stored' ? (
          <button
            type="button"
            class="pg-button"
            data-action="forget-drill"
            disabled={forgetting}
            onClick={onUserClick(() => {
              setForgetting(true);
              void forget().finally(() => setForgetting(false));
            })}
          >
            Don’t keep drill hashes
          </button>
        ) : undefined
      }
    >
      <p>
        These codes are your way back in if you lose your authentication application and security keys. Without them, getting your account back goes through
        PyPI support and can take weeks.
      </p>
      <ul>
        <li>Save them in your password manager, or print them and keep the paper somewhere safe.</li>
        <li>Not in a plain file or an email: if you used PyPI’s Download button, move the codes into your password manager and delete the downloaded file.</li>
        <li>Generating codes again makes these stop working.</li>
      </ul>
      <p data-field="drill" aria-live="polite">
        {drill.status === 'hashing' && 'Preparing the recovery-code drill…'}
        {drill.status === 'stored' &&
          `Drill: PyPI Guard kept salted hashes of these ${drill.codeCount} codes — never the codes — and will ask you every ${drill.drillIntervalDays} days to type one from where you keep them, to prove you still can. The code is checked on this computer and not used up.`}
        {drill.status === 'not-stored' &&
          (drill.reason === 'unknown-account'
            ? 'The drill could not be set up: PyPI Guard does not know this account yet. Open your account settings once, then generate codes again if you want the drill.'
            : 'The drill could not be set up this time; your codes are unaffected.')}
        {drill.status === 'forgotten' && 'The drill hashes were deleted. PyPI Guard will not ask you to check these codes.'}
      </p>
    </PromptCard>
  );
}

/** The `save-recovery-codes` prompt on /manage/account/recovery-codes/generate and /regenerate. */
export function saveRecoveryCodesPrompt(props: SaveRecoveryCodesProps) {
  return definePrompt({
    id: 'save-recovery-codes',
    pages: ['recovery-codes'],
    // Advice for the codes on screen now: × closes it; there is nothing to snooze.
    dismissal: 'page',
    Component: () => <SaveRecoveryCodes {...props} />,
  });
}
