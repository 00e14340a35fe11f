import type { ReadableFact, ReaderMiss } from '@/utils/pypi/snapshot';
import { readCorpusFile, type CorpusLocale, type Scenario } from '../../support/real-pypi';
import { parseHtml } from './corpus-dom';

/** Each marker a reader relies on, and how to take it away from a corpus page. */

export interface Alteration {
  what: string;
  scenario: Scenario;
  file: string;
  /** Changes the page in place; applied to the English copy too (the history is read from it). */
  alter(doc: Document): void;
  problems: { fact: ReadableFact; missing: ReaderMiss }[];
}

const all = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)];
const first = (doc: Document, selector: string) => {
  const element = doc.querySelector(selector);
  if (!element) throw new Error(`the corpus page has no ${selector}`);
  return element;
};
const RECOVERY_ROW = 'section#two-factor tbody th[scope="row"]';
const TOKEN_ROW = 'section#api-tokens tbody tr';
const HISTORY_ROW = 'section#account-events tbody tr';

export const ALTERATIONS: Alteration[] = [
  {
    what: "the recovery row's <time>",
    scenario: 'frank',
    file: 'two-factor.html',
    alter: (doc) => first(doc, `${RECOVERY_ROW} time`).remove(),
    problems: [{ fact: 'recoveryCodes', missing: 'recovery-time' }],
  },
  {
    what: "the recovery row's unused count",
    scenario: 'frank',
    file: 'two-factor.html',
    alter: (doc) => {
      for (const node of first(doc, RECOVERY_ROW).childNodes) if (node.nodeType === 3) node.textContent = node.textContent!.replace(/\d+/g, '');
    },
    problems: [{ fact: 'recoveryCodes', missing: 'recovery-count' }],
  },
  {
    what: "the recovery row's header",
    scenario: 'frank',
    file: 'manage-account.html',
    alter: (doc) => first(doc, RECOVERY_ROW).remove(),
    problems: [{ fact: 'recoveryCodes', missing: 'recovery-row' }],
  },
  {
    what: "the recovery table's regenerate link",
    scenario: 'frank',
    file: 'two-factor.html',
    alter: (doc) => first(doc, 'section#two-factor a[href$="/manage/account/recovery-codes/regenerate"]').remove(),
    problems: [{ fact: 'recoveryCodes', missing: 'two-factor-table' }],
  },
  {
    what: "the methods table's class",
    scenario: 'frank',
    file: 'two-factor.html',
    alter: (doc) => all(doc, 'section#two-factor table.table--2fa')[1]!.classList.replace('table--2fa', 'table--mfa'),
    problems: [{ fact: 'twoFactor', missing: 'two-factor-table' }],
  },
  {
    // hank has no recovery table: an unknown table could be either, so neither fact is read.
    what: "the only 2FA table's class",
    scenario: 'hank',
    file: 'two-factor.html',
    alter: (doc) => first(doc, 'section#two-factor table.table--2fa').classList.replace('table--2fa', 'table--mfa'),
    problems: [
      { fact: 'twoFactor', missing: 'two-factor-table' },
      { fact: 'recoveryCodes', missing: 'two-factor-table' },
    ],
  },
  {
    what: "the authentication app's Edit link",
    scenario: 'hank',
    file: 'two-factor.html',
    alter: (doc) => first(doc, 'section#two-factor table.table--2fa a[href$="/manage/account/totp-provision"]').remove(),
    problems: [{ fact: 'twoFactor', missing: 'method-row' }],
  },
  {
    what: "a security key's <strong> label",
    scenario: 'hank',
    file: 'manage-account.html',
    alter: (doc) => {
      const label = first(doc, 'section#two-factor tbody th[scope="row"] strong');
      label.replaceWith(label.textContent ?? '');
    },
    problems: [{ fact: 'twoFactor', missing: 'method-row' }],
  },
  {
    what: "an email's verification badge",
    scenario: 'hank',
    file: 'manage-account.html',
    alter: (doc) => first(doc, 'section#account-emails tbody .badge--success').classList.remove('badge--success'),
    problems: [{ fact: 'emails', missing: 'email-status' }],
  },
  {
    what: "an email row's address cell",
    scenario: 'gina',
    file: 'unverified-account.html',
    alter: (doc) => first(doc, 'section#account-emails td.table__email').classList.remove('table__email'),
    problems: [{ fact: 'emails', missing: 'email-address' }],
  },
  {
    what: 'the emails table',
    scenario: 'frank',
    file: 'manage-account.html',
    alter: (doc) => first(doc, 'section#account-emails table').remove(),
    problems: [{ fact: 'emails', missing: 'emails-table' }],
  },
  {
    what: "the tokens table's columns (one more)",
    scenario: 'frank',
    file: 'manage-account.html',
    alter: (doc) => first(doc, 'section#api-tokens thead tr').append(doc.createElement('th')),
    problems: [{ fact: 'apiTokens', missing: 'token-columns' }],
  },
  {
    what: "a token's scope",
    scenario: 'hank',
    file: 'manage-account.html',
    alter: (doc) => first(doc, `${TOKEN_ROW} td`).replaceChildren(first(doc, `${TOKEN_ROW} td .table__mobile-label`)),
    problems: [{ fact: 'apiTokens', missing: 'token-scope' }],
  },
  {
    what: "a token's creation time",
    scenario: 'hank',
    file: 'manage-account.html',
    alter: (doc) => first(doc, `${TOKEN_ROW} td:nth-of-type(2) time`).remove(),
    problems: [{ fact: 'apiTokens', missing: 'token-created' }],
  },
  {
    what: "a token's last use",
    scenario: 'frank',
    file: 'manage-account.html',
    alter: (doc) => {
      // frank's second token was never used: its cell holds only the word "Never", translated.
      const cell = all(doc, TOKEN_ROW)[1]!.children[3]!;
      cell.replaceChildren(cell.querySelector('.table__mobile-label')!);
    },
    problems: [{ fact: 'apiTokens', missing: 'token-last-used' }],
  },
  {
    what: "a history row's <time>",
    scenario: 'gina',
    file: 'unverified-account.html',
    alter: (doc) => all(doc, `${HISTORY_ROW} time`)[2]!.remove(),
    problems: [{ fact: 'securityEvents', missing: 'event-time' }],
  },
  {
    what: "a history row's <strong> summary",
    scenario: 'hank',
    file: 'manage-account.html',
    alter: (doc) => {
      const summary = all(doc, HISTORY_ROW)[1]!.querySelector('td > strong')!;
      summary.replaceWith(summary.textContent ?? '');
    },
    problems: [{ fact: 'securityEvents', missing: 'event-summary' }],
  },
  {
    what: "a history row's location and device labels",
    scenario: 'frank',
    file: 'manage-account.html',
    alter: (doc) => all(doc, HISTORY_ROW)[0]!.querySelectorAll('.table__mobile-label').forEach((label) => label.classList.remove('table__mobile-label')),
    problems: [{ fact: 'securityEvents', missing: 'event-labels' }],
  },
  {
    what: 'a history cell',
    scenario: 'frank',
    file: 'manage-account.html',
    alter: (doc) => all(doc, HISTORY_ROW)[3]!.children[2]!.remove(),
    problems: [{ fact: 'securityEvents', missing: 'event-cells' }],
  },
  {
    what: "the sign-in step's recovery block",
    scenario: 'frank',
    file: 'accounts-two-factor.html',
    alter: (doc) => first(doc, '.twofa-recovery').remove(),
    problems: [{ fact: 'loginMethods', missing: 'login-recovery' }],
  },
  {
    what: 'the codes in the recovery-codes list',
    scenario: 'frank',
    file: 'recovery-codes.html',
    alter: (doc) => all(doc, '.recovery-codes__-codes li').forEach((item) => item.remove()),
    problems: [{ fact: 'recoveryCodes', missing: 'recovery-codes-list' }],
  },
];

/** The checks that rest on each fact (utils/audit/checks). */
export const CHECKS_OF: Record<ReadableFact, string[]> = {
  twoFactor: ['two-factor', 'second-factor-method'],
  loginMethods: ['two-factor', 'second-factor-method'],
  recoveryCodes: ['recovery-codes', 'recovery-codes-remaining'],
  emails: ['verified-email', 'recovery-readiness'],
  apiTokens: ['api-tokens'],
  securityEvents: ['security-events'],
};

/** The page's markup after the alteration (what pypi.org would send if it changed so). */
export function altered(scenario: Scenario, locale: CorpusLocale, file: string, alter: (doc: Document) => void): string {
  const doc = parseHtml(readCorpusFile(scenario, locale, file));
  alter(doc);
  return new XMLSerializer().serializeToString(doc);
}
