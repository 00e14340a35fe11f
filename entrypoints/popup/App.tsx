import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import type { CheckResult } from '@/utils/audit';
import type { Reminder } from '@/utils/reminders';
import { readAuditSummary, recordReminderAction, saveSettings, updateObserved } from '@/utils/store';
import { SNOOZE_MS } from '@/utils/background/reminders';
import type { PypiHost } from '@/utils/pypi/hosts';
import type { PypiGuardDb } from '@/utils/store/schema';
import { AccountSection } from './AccountSection';
import { loadPopupData, overallState, popupDataOf, type AccountAudit } from './data';
import { RemindersSection } from './RemindersSection';
import { EmailDomainOffer } from './EmailDomainOffer';
import { requestDataConsent } from '@/utils/data-consent';

/** Everything the popup needs from the browser, injected so component tests can run it. */
export interface PopupDeps {
  openDb(): Promise<PypiGuardDb>;
  now(): number;
  activeHost(): Promise<PypiHost | null>;
  /** A page of the extension, as a URL. */
  extensionUrl(path: string): string;
  /**
   * Tells the background the data changed (badge, reminders, email-domain lookups); resolves once
   * its tick has run. Never rejects.
   */
  dataChanged(): Promise<void> | void;
  /** Removes a reminder's notification once the user answered it here. */
  clearNotification(reminder: Reminder): void;
}

/**
 * `source` says where a ready state came from: the background's summary (painted at once) or the
 * store itself (read right after, and what the popup then shows).
 */
type LoadState =
  | { phase: 'loading' }
  | { phase: 'ready'; source: 'summary' | 'store'; entries: AccountAudit[]; reminders: Reminder[]; emailDomainsToOffer: string[] }
  | { phase: 'error'; message: string };

export function App({ deps }: { deps: PopupDeps }) {
  const [state, setState] = useState<LoadState>({ phase: 'loading' });

  const load = useCallback(async (paintSummaryFirst = false) => {
    try {
      const opening = deps.openDb();
      // The summary is one record: read it while the browser answers which tab is active.
      const summaryRead = paintSummaryFirst ? opening.then(readAuditSummary) : Promise.resolve(undefined);
      const [db, activeHost, summary] = await Promise.all([opening, deps.activeHost(), summaryRead]);
      try {
        if (summary) {
          setState({ phase: 'ready', source: 'summary', ...popupDataOf(summary, activeHost) });
          // Let the summary reach the screen before the store read renders the accounts again.
          await nextFrame();
        }
        setState({ phase: 'ready', source: 'store', ...(await loadPopupData(db, deps.now(), activeHost)) });
      } finally {
        db.close();
      }
    } catch {
      // What is painted already (the summary, or an earlier read) stays: better than an error.
      setState((current) =>
        current.phase === 'ready' ? current : { phase: 'error', message: 'PyPI Guard could not read its data. Close and reopen the popup; if it persists, see the options page.' },
      );
    }
  }, [deps]);

  // A layout effect starts the read right after the first render instead of a frame later.
  useLayoutEffect(() => {
    void load(true);
  }, [load]);

  // Fixes are plain links (target=_blank): the browser opens them in a new tab, as any link.
  const fixHref = (result: CheckResult) => (result.fix.kind === 'pypi' ? result.fix.url : deps.extensionUrl(result.fix.path));
  const reminderHref = (reminder: Reminder) => (reminder.openUrl.startsWith('https://') ? reminder.openUrl : deps.extensionUrl(reminder.openUrl));
  const onAcknowledge = async ({ account }: AccountAudit) => {
    const db = await deps.openDb();
    try {
      await updateObserved(db, account.id, (observed) => ({ ...observed, eventsAcknowledgedAt: deps.now() }));
    } finally {
      db.close();
    }
    deps.dataChanged();
    await load();
  };

  const onReminder = async (reminder: Reminder, action: 'opened' | 'snoozed' | 'done') => {
    const db = await deps.openDb();
    try {
      await recordReminderAction(db, reminder, action, deps.now(), action === 'snoozed' ? deps.now() + SNOOZE_MS : undefined);
    } finally {
      db.close();
    }
    deps.clearNotification(reminder);
    deps.dataChanged();
    if (action !== 'opened') await load();
  };

  const [offerBusy, setOfferBusy] = useState(false);
  const onOfferAnswer = async (wanted: boolean) => {
    // Firefox asks for its data consent first (still in the click); elsewhere this resolves at once.
    const consent = wanted ? requestDataConsent('emailDomainCheck') : Promise.resolve(true);
    setOfferBusy(true);
    try {
      const turnOn = wanted && (await consent);
      const db = await deps.openDb();
      try {
        await saveSettings(db, { emailDomainCheck: turnOn, emailDomainCheckOffered: true });
      } finally {
        db.close();
      }
      // Turned on: the background's tick looks the domains up before it answers.
      await deps.dataChanged();
      await load();
    } finally {
      setOfferBusy(false);
    }
  };

  const entries = state.phase === 'ready' ? state.entries : [];
  const reminders = state.phase === 'ready' ? state.reminders : [];
  const overall = state.phase === 'ready' && entries.length > 0 ? overallState(entries) : null;
  // The popup has one fixed frame in every phase: header (with a one-line reminders slot), a
  // scrolling body, footer. What loads only fills the body below its first account's place and
  // the slot's line, so nothing already painted moves when the data arrives.
  return (
    <main class="popup" aria-busy={state.phase === 'loading'} data-source={state.phase === 'ready' ? state.source : undefined}>
      <header class={`popup__header popup__header--${overall?.tone ?? 'none'}`}>
        <h1>PyPI Guard</h1>
        <p class="popup__overall" role="status" data-overall={overall?.tone ?? 'none'}>
          {state.phase === 'loading' ? 'Checking your accounts…' : (overall?.text ?? '')}
        </p>
        <p class="popup__reminders-line" data-slot="reminders">
          {state.phase !== 'ready' ? null : reminders.length > 0 ? (
            <a href="#reminders">
              {reminders.length} reminder{reminders.length === 1 ? '' : 's'} due <span aria-hidden="true">↓</span>
            </a>
          ) : (
            'No reminders due'
          )}
        </p>
      </header>

      <div class="popup__body" data-scroll>
        {state.phase === 'loading' ? <div class="skeleton" data-skeleton aria-hidden="true" /> : null}
        {state.phase === 'error' ? (
          <p class="error" role="alert">
            {state.message}
          </p>
        ) : null}

        {state.phase === 'ready' && entries.length === 0 ? (
          <section data-empty-state class="empty">
            <p>No PyPI account seen yet.</p>
            <p>Open your account settings on PyPI once, and PyPI Guard will check its security for you.</p>
            <a class="button button--primary" href="https://pypi.org/manage/account/two-factor/" target="_blank" rel="noreferrer">
              Open PyPI account security
            </a>
          </section>
        ) : null}

        {entries.map((entry) => (
          <AccountSection key={entry.account.id} entry={entry} fixHref={fixHref} onAcknowledge={(target) => void onAcknowledge(target)} />
        ))}

        {/* After the accounts, like the reminders: what arrives with the store's read never pushes them down. */}
        {state.phase === 'ready' && state.emailDomainsToOffer.length > 0 ? (
          <EmailDomainOffer domains={state.emailDomainsToOffer} busy={offerBusy} onAnswer={(turnOn) => void onOfferAnswer(turnOn)} />
        ) : null}

        {/* After the accounts, so that arriving reminders never push them down; the header's line links here. */}
        {reminders.length > 0 ? (
          <RemindersSection reminders={reminders} openHref={reminderHref} onAction={(reminder, action) => void onReminder(reminder, action)} />
        ) : null}
      </div>

      <footer class="popup__footer">
        <a href={deps.extensionUrl('recovery.html?from=popup')} target="_blank" rel="noreferrer">
          Locked out? Recovery assistant
        </a>
        <a href={deps.extensionUrl('options.html')} target="_blank" rel="noreferrer">
          Settings
        </a>
      </footer>
    </main>
  );
}

/** Resolves after the next frame has been painted. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
