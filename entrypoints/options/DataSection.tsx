import { useRef, useState } from 'preact/hooks';
import { exportAll, wipeAll } from '@/utils/store';
import { importAll, MAX_IMPORT_BYTES } from '@/utils/store/import';
import type { SectionProps } from './App';
import { Confirm } from './Confirm';

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
      result = { ok: false, message: `PyPI Guard could not read this file (${error instanceof Error ? error.name : 'unknown error'}). Nothing was changed.` };
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
      <p class="hint" id="export-contents" data-field="export-contents">
        An export is personal data: your PyPI usernames, email addresses, security history with the places (from IP addresses) and
        devices of each login, API token and project names, recovery requests, reminders and settings. Keep the file as privately as
        you keep those.
      </p>
      <label class="choice">
        <input type="checkbox" checked={withDrillHashes} onChange={(event) => setWithDrillHashes(event.currentTarget.checked)} />
        Include the recovery-code drill’s hashes
        <span class="hint">
          Salted hashes of your recovery codes, not the codes. Someone holding the file could try to guess the codes from them. Left
          out, the drill waits for your next set of codes after an import.
        </span>
      </label>
      <div class="row">
        <button type="button" aria-describedby="export-contents" onClick={() => void exportData()}>
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
