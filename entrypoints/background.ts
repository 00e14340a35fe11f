import { browser } from 'wxt/browser';
import { setupLoadOnDemand } from '@/utils/background/load-on-demand';
import { routeMessage } from '@/utils/background/router';
import { defaultReminderDeps, setupReminders } from '@/utils/background/reminders';
import { lookUpEmailDomainsInTicks } from '@/utils/background/email-domains';
import { setupLookalikeWarnings } from '@/utils/background/lookalike';
import { forgetTabAccounts } from '@/utils/background/tab-accounts';
import { setupLookalikeOptIn } from '@/utils/prompts/lookalike/opt-in-background';

export default defineBackground(() => {
  const own = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  // Before the first tick: ticks look email domains up (only while the user has the check on).
  lookUpEmailDomainsInTicks(defaultReminderDeps);
  setupReminders();
  browser.runtime.onMessage.addListener((raw: unknown, sender) => routeMessage(raw, sender, own));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTabAccounts(tabId).catch(() => undefined));
  setupLookalikeWarnings();
  setupLookalikeOptIn();
  setupLoadOnDemand();
});
