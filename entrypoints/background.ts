import { browser } from 'wxt/browser';
import { parseMessage } from '@/utils/messages';
import { classifySender } from '@/utils/sender';
import { handleSnapshotMessage, rememberLoginAttempt } from '@/utils/background/snapshots';
import { runReminderTick, setupReminders } from '@/utils/background/reminders';
import { handlePromptMessage, defaultPromptDeps } from '@/utils/background/prompts';
import { notePasswordOutcome } from '@/utils/background/passwords';
import { handlePasswordResetMessage } from '@/utils/background/password-reset';

export default defineBackground(() => {
  const ownOrigin = browser.runtime.getURL('/');
  setupReminders();

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const from = classifySender(sender, browser.runtime.id, ownOrigin);
    const message = parseMessage(raw);
    if (!from || !message) return undefined; // foreign or malformed: ignore silently

    switch (message.type) {
      case 'snapshot':
        if (from.kind !== 'content-script') return undefined;
        return handleSnapshotMessage(message, from).then(async (record) => {
          // A password submitted in this tab is settled by the page that follows it.
          await notePasswordOutcome(message.snapshot, from, record, defaultPromptDeps, Date.now());
          return record;
        });
      case 'login-attempt':
        if (from.kind === 'content-script') rememberLoginAttempt(message, from);
        return undefined;
      case 'data-changed':
        return from.kind === 'extension-page' ? runReminderTick().then(() => undefined) : undefined;
      // In-page prompts: only PyPI Guard's own content scripts on pypi.org / test.pypi.org.
      case 'prompt-states':
      case 'prompt-dismiss':
      case 'hibp-range':
      case 'password-submitted':
      case 'password-reset-landed':
      case 'recovery-codes-shown':
      case 'recovery-drill-forget':
      case 'open-recovery-assistant':
      case 'account-audit':
      case 'acknowledge-events':
        return from.kind === 'content-script' ? handlePromptMessage(message, from) : undefined;
      // The assistant's username for PyPI's reset page: set by our pages, read by our content script.
      case 'expect-password-reset':
      case 'password-reset-username':
        return handlePasswordResetMessage(message, from);
    }
  });
});
