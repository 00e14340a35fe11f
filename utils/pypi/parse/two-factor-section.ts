import type { RecoveryCodesFact, TwoFactorFact } from '../snapshot';
import { textOf, timeIn } from './dom';

const REGENERATE_LINK = 'a[href$="/manage/account/recovery-codes/regenerate"]';
const TOTP_EDIT_LINK = 'a[href$="/manage/account/totp-provision"]';

/**
 * `section#two-factor`, on /manage/account/ and /manage/account/two-factor/ (pypi-facts.md §3b).
 * The recovery table is the `table--2fa` holding the regenerate link; the methods table is the
 * other one: TOTP ⇔ its Edit link to totp-provision, each security key ⇔ a row whose header holds
 * a `<strong>"label"</strong>`. PyPI only lists codes while one is unused, so no recovery table
 * means no usable codes.
 */
export function parseTwoFactorSection(doc: Document): { twoFactor?: TwoFactorFact; recoveryCodes?: RecoveryCodesFact } {
  const section = doc.querySelector('section#two-factor');
  if (!section) return {};
  const tables = [...section.querySelectorAll('table.table--2fa')];
  const recoveryTable = tables.find((table) => table.querySelector(REGENERATE_LINK));
  const methodsTable = tables.find((table) => table !== recoveryTable);

  const securityKeys: string[] = [];
  for (const header of methodsTable?.querySelectorAll('th') ?? []) {
    const label = header.querySelector('strong');
    if (label) securityKeys.push(textOf(label).replace(/^["“„«]|["”“»]$/g, ''));
  }
  const twoFactor: TwoFactorFact = {
    totp: Boolean(methodsTable?.querySelector(TOTP_EDIT_LINK)),
    securityKeys,
  };
  return { twoFactor, recoveryCodes: recoveryTable ? readRecoveryRow(recoveryTable) : { generated: false, unused: 0 } };
}

/** "Recovery codes - generated <time> (N unused)." — N is the only number outside the `<time>`. */
function readRecoveryRow(table: Element): RecoveryCodesFact {
  const header = table.querySelector('th') ?? table;
  const withoutTime = header.cloneNode(true) as Element;
  withoutTime.querySelectorAll('time').forEach((time) => time.remove());
  const numbers = textOf(withoutTime).match(/\d+/g) ?? [];
  const unused = numbers.length === 1 ? Number(numbers[0]) : undefined;
  const generatedAt = timeIn(header);
  return {
    generated: true,
    ...(generatedAt !== undefined && { generatedAt }),
    ...(unused !== undefined && unused <= 8 && { unused }),
  };
}
