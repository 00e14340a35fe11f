import { browser } from 'wxt/browser';
import { notificationIdOf } from '@/utils/background/reminders';
import type { DataChangedMessage } from '@/utils/messages';
import { systemClock, type LocalClock } from '@/utils/reminders';
import { openStore } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';

/** What the options page needs from the outside world; component tests pass their own. */
export interface OptionsDeps {
  openDb(): Promise<PypiGuardDb>;
  now(): number;
  clock: LocalClock;
  /**
   * After every write: tells the background (`data-changed`), which brings reminders, alarms,
   * notifications and the badge up to date and then answers. Never rejects.
   */
  refreshReminders(): Promise<void>;
  /** A reminder was dealt with here: its notification, if still on screen, goes away. */
  clearNotification(reminder: { id: string; period: string }): void;
  /** Saves a text file through the browser's download UI. */
  download(filename: string, text: string): void;
}

export const browserOptionsDeps: OptionsDeps = {
  openDb: () => openStore(),
  now: () => Date.now(),
  clock: systemClock,
  // A message, not an alarm: Chrome delays a packed extension's alarms to at least 30 seconds.
  refreshReminders: () =>
    browser.runtime.sendMessage({ type: 'data-changed' } satisfies DataChangedMessage).then(
      () => undefined,
      () => undefined, // the background is restarting: its start-up tick and the hourly alarm catch up
    ),
  clearNotification: (reminder) => void browser.notifications.clear(notificationIdOf(reminder)),
  download(filename, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
