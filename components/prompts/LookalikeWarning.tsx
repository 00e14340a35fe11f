import { useEffect, useState } from 'preact/hooks';
import { waitFor } from '@/utils/dom/wait-for';
import type { Lookalike } from '@/utils/prompts/lookalike/detect';
import { definePrompt, type PromptEnv } from '@/utils/prompts/types';
import { PromptCard } from './PromptCard';

/** How long a look-alike page is watched for a password field that arrives late. */
export const PASSWORD_FIELD_WAIT_MS = 60_000;

/**
 * On a host that imitates pypi.org and asks for a password: says plainly that this is not PyPI.
 * Not dismissible for good — a phishing page should get the warning every time.
 */
export function LookalikeWarning({ env, lookalike }: { env: PromptEnv; lookalike: Lookalike }) {
  const [hasPasswordField, setHasPasswordField] = useState(false);
  useEffect(() => {
    void waitFor('input[type="password"]', { timeout: PASSWORD_FIELD_WAIT_MS, signal: env.signal, root: env.doc }).then((field) => setHasPasswordField(field !== null));
  }, [env]);
  if (!hasPasswordField) return null;
  return (
    <PromptCard
      title="This is not PyPI"
      tone="danger"
      state={lookalike.reason}
      actions={
        <a class="pg-button pg-button--primary" href="https://pypi.org/account/login/" data-action="go-to-pypi">
          Go to pypi.org
        </a>
      }
    >
      <p>
        This site is <code data-field="host">{lookalike.displayName}</code>, which only looks like PyPI’s address. PyPI asks for your password only on{' '}
        <code>pypi.org</code> (and <code>test.pypi.org</code>).
      </p>
      <p class="pg-strong">Don’t type your PyPI password or codes here.</p>
    </PromptCard>
  );
}

export function lookalikePrompt(lookalike: Lookalike) {
  return definePrompt({
    id: 'lookalike-host',
    pages: ['other'],
    dismissal: 'page',
    Component: ({ env }) => <LookalikeWarning env={env} lookalike={lookalike} />,
  });
}
