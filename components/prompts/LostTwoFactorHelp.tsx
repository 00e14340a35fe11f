import { useState } from 'preact/hooks';
import { definePrompt, type PromptEnv } from '@/utils/prompts/types';
import { PromptCard } from './PromptCard';
import { onUserClick } from './user-click';

/**
 * On PyPI's two-factor and recovery-code login steps: a quiet way to the recovery assistant for
 * someone whose phone, key or codes are gone. Opens an extension page (the background does it;
 * a PyPI page cannot link to it). These steps name no account: "Don't show again" is kept for the
 * login pending in this tab (the background knows its username), and for the whole PyPI host
 * only when there is none (the step opened without a login in this tab, e.g. from history).
 */
export function LostTwoFactorHelp({ env }: { env: PromptEnv }) {
  const [failed, setFailed] = useState(false);
  const open = async () => {
    const reply = await env.send({ type: 'open-recovery-assistant' });
    setFailed(!reply?.opened);
  };
  return (
    <PromptCard title="Can’t log in?" state="offered">
      <p>
        Lost your phone, security key or recovery codes?{' '}
        <button type="button" class="pg-link" data-action="open-recovery" onClick={onUserClick(() => void open())}>
          Open PyPI Guard’s recovery assistant
        </button>{' '}
        to see what still works and what to ask PyPI support.
      </p>
      {failed && <p role="alert">The recovery assistant did not open. Open it from PyPI Guard’s toolbar button instead.</p>}
    </PromptCard>
  );
}

export const lost2faHelpPrompt = definePrompt({
  id: 'lost-2fa-help',
  pages: ['two-factor', 'recovery-code-login'],
  dismissal: 'remember',
  Component: LostTwoFactorHelp,
});
