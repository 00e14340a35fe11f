import { browser } from 'wxt/browser';
import { parseMessage } from '@/utils/messages';
import { classifySender } from '@/utils/sender';
import { handleSnapshotMessage, rememberLoginAttempt } from '@/utils/background/snapshots';
import { runReminderTick, setupReminders } from '@/utils/background/reminders';

export default defineBackground(() => {
  const ownOrigin = browser.runtime.getURL('/');
  setupReminders();

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const from = classifySender(sender, browser.runtime.id, ownOrigin);
    const message = parseMessage(raw);
    if (!from || !message) return undefined; // foreign or malformed: ignore silently

    switch (message.type) {
      case 'snapshot':
        return from.kind === 'content-script' ? handleSnapshotMessage(message, from) : undefined;
      case 'login-attempt':
        if (from.kind === 'content-script') rememberLoginAttempt(message, from);
        return undefined;
      case 'data-changed':
        return from.kind === 'extension-page' ? runReminderTick().then(() => undefined) : undefined;
    }
  });
});
