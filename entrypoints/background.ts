import { browser } from 'wxt/browser';
import { parseMessage } from '@/utils/messages';
import { classifySender } from '@/utils/sender';

export default defineBackground(() => {
  const ownOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const from = classifySender(sender, browser.runtime.id, ownOrigin);
    const message = parseMessage(raw);
    if (!from || !message) return undefined; // foreign or malformed: ignore silently

    switch (message.type) {
      case 'page-seen':
        if (from.kind === 'content-script' && from.tabId !== undefined) {
          // Tells the user (toolbar tooltip) that PyPI Guard is watching this tab.
          void browser.action.setTitle({ tabId: from.tabId, title: `PyPI Guard — reading ${message.host}${message.path}` });
        }
        return undefined;
    }
  });
});
