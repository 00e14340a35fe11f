import { useState } from 'preact/hooks';
import { definePrompt, type PromptEnv } from '@/utils/prompts/types';
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
  dismissal: 'page',
  Component: LostTwoFactorHelp,
});
