import { browser } from 'wxt/browser';
import { routeMessage } from '@/utils/background/router';
import { setupReminders } from '@/utils/background/reminders';
import { setupLookalikeOptIn } from '@/utils/prompts/lookalike/opt-in-background';

export default defineBackground(() => {
  const own = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  setupReminders();
  browser.runtime.onMessage.addListener((raw: unknown, sender) => routeMessage(raw, sender, own));
  setupLookalikeOptIn();
});
