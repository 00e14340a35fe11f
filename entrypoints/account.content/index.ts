import { browser } from 'wxt/browser';
import { ACCOUNT_PAGE_PATHS, matchesFor } from '@/utils/pypi/match-patterns';
import { pypiHostOf } from '@/utils/pypi/hosts';
import type { PageSeenMessage } from '@/utils/messages';

export default defineContentScript({
  matches: matchesFor(ACCOUNT_PAGE_PATHS),
  runAt: 'document_idle',
  main() {
    const host = pypiHostOf(location.href);
    if (!host) return;
    const message: PageSeenMessage = { type: 'page-seen', host, path: location.pathname };
    void browser.runtime.sendMessage(message);
  },
});
