import type { PageKind } from '@/utils/pypi/page-kinds';
import type { PromptEnv } from '@/utils/prompts/types';

/** A prompt's view of a PyPI page signed in as alice on pypi.org, for rendering prompts in tests. */
export function promptEnv(pageKind: PageKind, { send = async () => null, now = 0 }: { send?: PromptEnv['send']; now?: number } = {}): PromptEnv {
  return {
    url: new URL('https://pypi.org/manage/account/'),
    doc: document,
    host: 'pypi.org',
    pageKind,
    username: 'alice',
    dismissalAccount: () => ({ username: 'alice' }),
    signal: new AbortController().signal,
    now: () => now,
    send,
  };
}
