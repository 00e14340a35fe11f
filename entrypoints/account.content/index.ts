import { browser } from 'wxt/browser';
import { ACCOUNT_PAGE_PATHS, matchesFor } from '@/utils/pypi/match-patterns';
import { readAccountPage, typedLoginUsername } from '@/utils/content/read-page';
import { prefillResetUsername } from '@/utils/content/prefill-reset';
import { markDone } from '@/utils/content/done';
import { snapshotMessage } from '@/utils/content/history-json';
import { createSlicer, inIdlePeriods, pageLoaded, whileShown } from '@/utils/dom/slices';
import { detectPage } from '@/utils/pypi/pages';
import type { HistoryCursorMessage, HistoryCursorReply, LoginAttemptMessage, PasswordResetUsernameMessage, PasswordResetUsernameReply } from '@/utils/messages';

/**
 * The page model: on PyPI's account pages only, read what the page shows about the account and
 * hand it to the background. Reads the DOM; changes PyPI's page only to fill in an empty username
 * on the password reset form. Stays out of the page's way: the page is read only once it has
 * loaded and is idle, in slices of at most 30 ms, and only while it is shown — a page hidden or
 * left meanwhile is read again from the start when shown again, and nothing half read is sent.
 */
export default defineContentScript({
  matches: matchesFor(ACCOUNT_PAGE_PATHS),
  runAt: 'document_idle',
  async main(ctx) {
    const url = new URL(location.href);
    const kind = detectPage(url, document);

    if (kind === 'login') {
      // Remember who is signing in, so the two-factor page that follows can be attributed.
      const form = document.querySelector<HTMLFormElement>('form#login-form');
      form?.addEventListener('submit', () => {
        const username = typedLoginUsername(form);
        if (username) void browser.runtime.sendMessage({ type: 'login-attempt', username } satisfies LoginAttemptMessage);
      });
    }
    if (kind === 'request-password-reset' && ctx.isValid) {
      // The username chosen in the recovery assistant (or the only one stored for this host).
      await prefillResetUsername(document, askResetUsername);
    }

    const message = await whileShown(ctx.signal, async (signal) => {
      await pageLoaded(signal);
      const slicer = createSlicer(signal, inIdlePeriods());
      const { snapshot } = await readAccountPage(url, document, {
        now: Date.now,
        signal,
        slicer,
        historyCursor: askHistoryCursor,
        fetchHtml: async (path) => {
          try {
            const response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'text/html' }, signal });
            return response.ok ? await response.text() : null;
          } catch {
            return null;
          }
        },
      });
      // The message is written in slices too: a long history's serialisation is work on PyPI's page.
      return snapshot && snapshotMessage(snapshot, slicer);
    });
    if (message && ctx.isValid) await browser.runtime.sendMessage(message);
    markDone('page-model');
  },
});

async function askHistoryCursor(username: string): Promise<number | undefined> {
  try {
    const reply = (await browser.runtime.sendMessage({ type: 'history-cursor', username } satisfies HistoryCursorMessage)) as HistoryCursorReply | undefined;
    return typeof reply?.storedUpTo === 'number' ? reply.storedUpTo : undefined;
  } catch {
    return undefined; // the extension was reloaded under this page: read the whole history
  }
}

async function askResetUsername(): Promise<string | null> {
  try {
    const reply = (await browser.runtime.sendMessage({ type: 'password-reset-username' } satisfies PasswordResetUsernameMessage)) as
      | PasswordResetUsernameReply
      | undefined;
    return typeof reply?.username === 'string' ? reply.username : null;
  } catch {
    return null; // the extension was reloaded under this page: the user types it, as without PyPI Guard
  }
}
