import { localizePage } from '@/utils/text/page';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { pypiHostOf } from '@/utils/pypi/hosts';
import { notificationIdOf } from '@/utils/background/reminders';
import { openStore } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';
import type { DataChangedMessage } from '@/utils/messages';
import { App, type PopupDeps } from './App';
import { POPUP_START_MARK } from './marks';
import '@/components/theme.css';
import './style.css';

// When the popup's own code starts (after the browser loaded its modules): `npm run bench` and
// DevTools measure the popup's share of its first paint from here.
performance.mark(POPUP_START_MARK);
localizePage('page_title_popup');

// Opening IndexedDB is the slowest step before the popup can show anything: start it now, while
// Preact renders the skeleton, and hand this connection to the first load.
let earlyDb: Promise<PypiGuardDb> | null = openStore();

const deps: PopupDeps = {
  openDb: () => {
    const db = earlyDb ?? openStore();
    earlyDb = null;
    return db;
  },
  now: () => Date.now(),
  // `activeTab` lets the popup read the URL of the tab it was opened on, and only that one.
  activeHost: async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.url ? pypiHostOf(tab.url) : null;
  },
  extensionUrl: (path) => browser.runtime.getURL(`/${path}` as '/'),
  dataChanged: () =>
    browser.runtime.sendMessage({ type: 'data-changed' } satisfies DataChangedMessage).then(
      () => undefined,
      () => undefined, // the background is restarting: its start-up tick catches up
    ),
  clearNotification: (reminder) => void browser.notifications.clear(notificationIdOf(reminder)),
};

render(<App deps={deps} />, document.getElementById('app')!);
