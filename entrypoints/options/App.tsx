import { useCallback, useEffect, useState } from 'preact/hooks';
import { due, type Reminder } from '@/utils/reminders';
import { getSettings, readReminderInput, getReminderHistory, saveSettings, type ReminderHistoryEntry } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';
import type { Settings } from '@/utils/settings';
import type { ReminderStoreInput } from '@/utils/store/reminders';
import type { OptionsDeps } from './deps';
import { ReminderSettings } from './ReminderSettings';
import { DueNow } from './DueNow';
import { Accounts } from './Accounts';
import { DataSection } from './DataSection';
import { History } from './History';
import { LookalikeOptIn } from './LookalikeOptIn';
import { EmailDomainCheck } from './EmailDomainCheck';
import { ReaderProblems } from './ReaderProblems';
import { t } from '@/utils/text/messages';

export interface OptionsData {
  settings: Settings;
  input: ReminderStoreInput;
  history: ReminderHistoryEntry[];
  reminders: Reminder[];
}

/** Everything the page shows, read in one go; reloaded after each change. */
async function load(deps: OptionsDeps): Promise<OptionsData> {
  const db = await deps.openDb();
  try {
    const [settings, input, history] = await Promise.all([getSettings(db), readReminderInput(db), getReminderHistory(db)]);
    return { settings, input, history, reminders: due(input, settings, deps.now(), deps.clock) };
  } finally {
    db.close();
  }
}

export interface SectionProps {
  data: OptionsData;
  deps: OptionsDeps;
  /** Runs a change against the store, then reloads the page's data and tells the user it is done. */
  change(work: (db: PypiGuardDb) => Promise<unknown>, done: string): Promise<void>;
  saveSettings(patch: Partial<Settings>, done?: string): Promise<void>;
  announce(message: string): void;
}

export function OptionsApp({ deps }: { deps: OptionsDeps }) {
  const [data, setData] = useState<OptionsData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const reload = useCallback(async () => {
    try {
      setData(await load(deps));
      setLoadError(null);
    } catch {
      setLoadError(t('options_load_error'));
    }
  }, [deps]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const change = useCallback(
    async (work: (db: PypiGuardDb) => Promise<unknown>, done: string) => {
      const db = await deps.openDb();
      try {
        await work(db);
      } finally {
        db.close();
      }
      // The background's tick may notify, fire or clear reminders: show the page after it.
      await deps.refreshReminders();
      await reload();
      setStatus(done);
    },
    [deps, reload],
  );

  const props: Omit<SectionProps, 'data'> = {
    deps,
    change,
    saveSettings: (patch, done = t('options_saved')) => change((db) => saveSettings(db, patch), done),
    announce: setStatus,
  };

  return (
    <main class="options">
      <h1>{t('page_title_options')}</h1>
      <p role="status" aria-live="polite" class="status">
        {status}
      </p>
      {loadError && (
        <p role="alert" class="error">
          {loadError}
        </p>
      )}
      {!data && !loadError && <p>{t('loading')}</p>}
      {data && (
        <>
          <DueNow data={data} {...props} />
          <ReminderSettings data={data} {...props} />
          <LookalikeOptIn announce={setStatus} />
          <EmailDomainCheck data={data} saveSettings={props.saveSettings} />
          <Accounts data={data} {...props} />
          <ReaderProblems data={data} />
          <History data={data} {...props} />
          <DataSection data={data} {...props} />
        </>
      )}
    </main>
  );
}
