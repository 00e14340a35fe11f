import { useState } from 'preact/hooks';
import type { DrillSetup } from '@/utils/drill/page';
import type { Observable } from '@/utils/prompts/observable';
import { definePrompt } from '@/utils/prompts/types';
import { formatDuration } from '@/utils/text/format';
import { t } from '@/utils/text/messages';
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
      title={t('save_codes_title')}
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
            {t('save_codes_forget_drill')}
          </button>
        ) : undefined
      }
    >
      <p>{t('save_codes_why')}</p>
      <ul>
        <li>{t('save_codes_where')}</li>
        <li>{t('save_codes_not_where')}</li>
        <li>{t('save_codes_regenerating')}</li>
      </ul>
      <p data-field="drill" aria-live="polite">
        {drill.status === 'hashing' && t('save_codes_drill_preparing')}
        {drill.status === 'stored' && t('save_codes_drill_stored', { count: drill.codeCount, interval: formatDuration(drill.drillIntervalDays, 'day') })}
        {drill.status === 'not-stored' && t(drill.reason === 'unknown-account' ? 'save_codes_drill_unknown_account' : 'save_codes_drill_failed')}
        {drill.status === 'forgotten' && t('save_codes_drill_forgotten')}
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
