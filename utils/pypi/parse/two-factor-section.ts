import type { RecoveryCodesFact, TwoFactorFact } from '../snapshot';
import { textOf, timeIn } from './dom';
import { found, missed, type Read } from './read';

const REGENERATE_LINK = 'a[href$="/manage/account/recovery-codes/regenerate"]';
const TOTP_EDIT_LINK = 'a[href$="/manage/account/totp-provision"]';
/** PyPI makes 8 codes (pypi-facts.md §4): a larger "unused" number is not the count. */
const CODES_PER_SET = 8;

/**
 * `section#two-factor`, on /manage/account/ and /manage/account/two-factor/ (docs/pypi-pages.md).
 * Each table opens with a `<thead>` column header; the rows are `tbody th[scope=row]`.
 * - The recovery table is the one holding the regenerate link: one row, "Recovery codes -
 *   generated <time> (N unused)." — N is the only number outside the `<time>`, in every locale.
 * - The methods table holds a row per method: the authentication app's has the Edit link to
 *   totp-provision, a security key's names it in `<strong>"label"</strong>`.
 * PyPI lists the codes only while one is unused and the methods only while one exists, so a section
 * without tables means neither. A table that is neither, or a row that says neither, makes the
 * fact it could hold unreadable. Undefined when the page has no such section.
 */
export function parseTwoFactorSection(doc: Document): { twoFactor: Read<TwoFactorFact>; recoveryCodes: Read<RecoveryCodesFact> } | undefined {
  const section = doc.querySelector('section#two-factor');
  if (!section) return undefined;
  const recoveryTables: Element[] = [];
  const methodsTables: Element[] = [];
  const otherTables: Element[] = [];
  for (const table of section.querySelectorAll('table')) {
    if (!table.classList.contains('table--2fa')) otherTables.push(table);
    else if (table.querySelector(REGENERATE_LINK)) recoveryTables.push(table);
    else if (table.querySelector(`${TOTP_EDIT_LINK}, tbody th[scope="row"] strong`)) methodsTables.push(table);
    else otherTables.push(table);
  }
  // An unrecognised table could hold either fact: each fact without its own table is unreadable.
  const unclear = otherTables.length > 0;
  const recoveryCodes: Read<RecoveryCodesFact> =
    recoveryTables.length > 1 || (unclear && recoveryTables.length === 0)
      ? missed('two-factor-table')
      : recoveryTables[0]
        ? readRecoveryRow(recoveryTables[0])
        : found({ generated: false, unused: 0 });
  const twoFactor: Read<TwoFactorFact> =
    methodsTables.length > 1 || (unclear && methodsTables.length === 0)
      ? missed('two-factor-table')
      : methodsTables[0]
        ? readMethods(methodsTables[0])
        : found({ totp: false, securityKeys: [] });
  return { twoFactor, recoveryCodes };
}

/** "Recovery codes - generated <time> (N unused)." */
function readRecoveryRow(table: Element): Read<RecoveryCodesFact> {
  const header = table.querySelector('tbody th[scope="row"]');
  if (!header) return missed('recovery-row');
  const generatedAt = timeIn(header);
  if (generatedAt === undefined) return missed('recovery-time');
  const withoutTime = header.cloneNode(true) as Element;
  withoutTime.querySelectorAll('time').forEach((time) => time.remove());
  const numbers = textOf(withoutTime).match(/\d+/g) ?? [];
  const unused = numbers.length === 1 ? Number(numbers[0]) : undefined;
  if (unused === undefined || unused > CODES_PER_SET) return missed('recovery-count');
  return found({ generated: true, generatedAt, unused });
}

/** One row per method; the single-method warning row has no row header and is skipped. */
function readMethods(table: Element): Read<TwoFactorFact> {
  let totp = false;
  const securityKeys: string[] = [];
  const rows = [...table.querySelectorAll('tbody tr')].filter((row) => row.querySelector('th[scope="row"]'));
  for (const row of rows) {
    const label = row.querySelector('th[scope="row"] strong');
    if (label) securityKeys.push(textOf(label).replace(/^["“„«]|["”“»]$/g, ''));
    else if (row.querySelector(TOTP_EDIT_LINK)) totp = true;
    else return missed('method-row');
  }
  return rows.length > 0 ? found({ totp, securityKeys }) : missed('method-row');
}
