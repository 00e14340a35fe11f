import { useRef, useState } from 'preact/hooks';
import { exportAll, wipeAll } from '@/utils/store';
import { importAll, MAX_IMPORT_BYTES } from '@/utils/store/import';
import type { SectionProps } from './App';
import { Confirm } from './Confirm';
import { t } from '@/utils/text/messages';

/** Export, import and wipe: the user's data is theirs to take, restore or delete. */
export function DataSection({ deps, change, announce }: SectionProps) {
  const [importError, setImportError] = useState<string | null>(null);
  const [confirmingWipe, setConfirmingWipe] = useState(false);
  const [withDrillHashes, setWithDrillHashes] = useState(false);
  const wipeButton = useRef<HTMLButtonElement>(null);

  const exportData = async () => {
    const db = await deps.openDb();
    try {
      const file = await exportAll(db, new Date(deps.now()), { drillHashes: withDrillHashes });
      deps.download(`pypi-guard-export-${file.exportedAt.slice(0, 10)}.json`, JSON.stringify(file, null, 2));
      announce(t('options_data_export_ready'));
    } finally {
      db.close();
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setImportError(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setImportError(t('options_data_too_large'));
      return;
    }
    let result: Awaited<ReturnType<typeof importAll>>;
    try {
      const db = await deps.openDb();
      try {
        result = await importAll(db, await file.text());
      } finally {
        db.close();
      }
    } catch (error) {
      // Whatever went wrong, the user hears it: import writes in one transaction, so nothing changed.
      result = { ok: false, message: t('options_data_unreadable_file', { error: error instanceof Error ? error.name : 'unknown error' }) };
    }
    if (!result.ok) {
      setImportError(result.message);
      return;
    }
    await change(async () => undefined, t('options_data_imported'));
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{t('options_data_title')}</h2>
      <p class="hint">{t('options_data_stays_here')}</p>
      <p class="hint" id="export-contents" data-field="export-contents">
        {t('options_data_export_contents')}
      </p>
      <label class="choice">
        <input type="checkbox" checked={withDrillHashes} onChange={(event) => setWithDrillHashes(event.currentTarget.checked)} />
        {t('options_data_drill_hashes')}
        <span class="hint">{t('options_data_drill_hashes_hint')}</span>
      </label>
      <div class="row">
        <button type="button" aria-describedby="export-contents" onClick={() => void exportData()}>
          {t('options_data_export')}
        </button>
      </div>
      <div class="row">
        <label for="import-file">{t('options_data_import')}</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          aria-describedby={importError ? 'import-error' : undefined}
          onChange={(event) => {
            const input = event.currentTarget;
            void importFile(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </div>
      {importError && (
        <p role="alert" id="import-error" class="error">
          {importError}
        </p>
      )}
      <div class="row">
        {confirmingWipe ? (
          <Confirm
            label={t('options_data_delete_group')}
            confirmLabel={t('options_data_delete_confirm')}
            onConfirm={() => void change((db) => wipeAll(db), t('options_data_deleted')).then(() => setConfirmingWipe(false))}
            onCancel={() => {
              setConfirmingWipe(false);
              requestAnimationFrame(() => wipeButton.current?.focus());
            }}
          >
            {t('options_data_delete_question')}
          </Confirm>
        ) : (
          <button type="button" class="danger" ref={wipeButton} onClick={() => setConfirmingWipe(true)}>
            {t('options_data_delete')}
          </button>
        )}
      </div>
    </section>
  );
}
