import { useState } from 'preact/hooks';
import { RichText } from '@/components/RichText';
import { definePrompt, type PromptEnv } from '@/utils/prompts/types';
import { t } from '@/utils/text/messages';
import { PromptCard } from './PromptCard';
import { onUserClick } from './user-click';

/**
 * On PyPI's two-factor and recovery-code login steps: a quiet way to the recovery assistant for
 * someone whose phone, key or codes are gone. Opens an extension page (the background does it;
 * a PyPI page cannot link to it). A helper for the step in front of the user, not an account
 * nudge: it closes with × for this page view only, with nothing to snooze or silence.
 */
export function LostTwoFactorHelp({ env }: { env: PromptEnv }) {
  const [failed, setFailed] = useState(false);
  const open = async () => {
    const reply = await env.send({ type: 'open-recovery-assistant' });
    setFailed(!reply?.opened);
  };
  return (
    <PromptCard title={t('lost_2fa_title')} state="offered">
      <p>
        <RichText
          text={t('lost_2fa_text')}
          parts={{
            1: (words) => (
              <button type="button" class="pg-link" data-action="open-recovery" onClick={onUserClick(() => void open())}>
                {words}
              </button>
            ),
          }}
        />
      </p>
      {failed && <p role="alert">{t('lost_2fa_failed')}</p>}
    </PromptCard>
  );
}

export const lost2faHelpPrompt = definePrompt({
  id: 'lost-2fa-help',
  pages: ['two-factor', 'recovery-code-login'],
  dismissal: 'page',
  Component: LostTwoFactorHelp,
});
