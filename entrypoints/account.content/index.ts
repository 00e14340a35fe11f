import { browser } from 'wxt/browser';
import { ACCOUNT_PAGE_PATHS, matchesFor } from '@/utils/pypi/match-patterns';
import { readAccountPage, typedLoginUsername } from '@/utils/content/read-page';
import type { LoginAttemptMessage, SnapshotMessage } from '@/utils/messages';

/**
 * The page model: on PyPI's account pages only, read what the page shows about the account and
 * hand it to the background. Reads the DOM; never changes PyPI's page.
 */
export default defineContentScript({
  matches: matchesFor(ACCOUNT_PAGE_PATHS),
  runAt: 'document_idle',
  async main(ctx) {
    const url = new URL(location.href);
    const { kind, snapshot } = await readAccountPage(url, document, {
      now: Date.now,
      signal: ctx.signal,
      fetchHtml: async (path) => {
        try {
          const response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'text/html' }, signal: ctx.signal });
          return response.ok ? await response.text() : null;
        } catch {
          return null;
        }
      },
    });

    if (kind === 'login') {
      // Remember who is signing in, so the two-factor page that follows can be attributed.
      const form = document.querySelector<HTMLFormElement>('form#login-form');
      form?.addEventListener('submit', () => {
        const username = typedLoginUsername(form);
        if (username) void browser.runtime.sendMessage({ type: 'login-attempt', username } satisfies LoginAttemptMessage);
      });
    }
    if (snapshot && ctx.isValid) {
      await browser.runtime.sendMessage({ type: 'snapshot', snapshot } satisfies SnapshotMessage);
    }
  },
});
