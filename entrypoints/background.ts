import { browser } from 'wxt/browser';
import { routeMessage } from '@/utils/background/router';
import { setupReminders } from '@/utils/background/reminders';
import { setupLookalikeWarnings } from '@/utils/background/lookalike';
import { forgetTabAccounts } from '@/utils/background/tab-accounts';
import { setupLookalikeOptIn } from '@/utils/prompts/lookalike/opt-in-background';

export default defineBackground(() => {
  const own = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  setupReminders();
  browser.runtime.onMessage.addListener((raw: unknown, sender) => routeMessage(raw, sender, own));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTabAccounts(tabId).catch(() => undefined));
  setupLookalikeWarnings();
  setupLookalikeOptIn();
});
