import { useRef, useState } from 'preact/hooks';
import { exportAll, wipeAll } from '@/utils/store';
import { importAll, MAX_IMPORT_BYTES } from '@/utils/store/import';
import type { SectionProps } from './App';
import { Confirm } from './Confirm';

/** Export, import and wipe: the user's data is theirs to take, restore or delete. */
export function DataSection({ deps, change, announce }: SectionProps) {
  const [importError, setImportError] = useState<string | null>(null);
  const [confirmingWipe, setConfirmingWipe] = useState(false);
  const wipeButton = useRef<HTMLButtonElement>(null);

  const exportData = async () => {
    const db = await deps.openDb();
    try {
      const file = await exportAll(db, new Date(deps.now()));
      deps.download(`pypi-guard-export-${file.exportedAt.slice(0, 10)}.json`, JSON.stringify(file, null, 2));
      announce('Export ready: check your downloads.');
    } finally {
      db.close();
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setImportError(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setImportError('This file is too large to be a PyPI Guard export. Nothing was changed.');
      return;
    }
    const db = await deps.openDb();
    let result: Awaited<ReturnType<typeof importAll>>;
    try {
      result = await importAll(db, await file.text());
    } finally {
      db.close();
    }
    if (!result.ok) {
      setImportError(result.message);
      return;
    }
    await change(async () => undefined, 'Import finished: your data was replaced with the file’s.');
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p class="hint">
        Everything PyPI Guard knows stays in this browser. It never stores passwords, recovery codes, TOTP keys or tokens, so an
        export holds none either.
      </p>
      <div class="row">
        <button type="button" onClick={() => void exportData()}>
          Export all data (JSON)
        </button>
      </div>
      <div class="row">
        <label for="import-file">Import from an export file (replaces all current data)</label>
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
            label="Delete all data"
            confirmLabel="Delete everything"
            onConfirm={() => void change((db) => wipeAll(db), 'All data deleted.').then(() => setConfirmingWipe(false))}
            onCancel={() => {
              setConfirmingWipe(false);
              requestAnimationFrame(() => wipeButton.current?.focus());
            }}
          >
            Delete all accounts, security history, reminders, history and settings that PyPI Guard stored in this browser? This
            cannot be undone; export first if you may want them back.
          </Confirm>
        ) : (
          <button type="button" class="danger" ref={wipeButton} onClick={() => setConfirmingWipe(true)}>
            Delete all data…
          </button>
        )}
      </div>
    </section>
  );
}
