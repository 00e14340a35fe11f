import { runAudit } from '@/utils/audit';
import { summariseHistory } from '@/utils/events/history-summary';
import type { PageKind } from '@/utils/pypi/pages';
import type { AccountSnapshot } from '@/utils/pypi/snapshot';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { accountIdOf, type AccountRecord, type StoredEvent } from '@/utils/store';
import { mergeSnapshot, toStoredEvent } from '@/utils/store/merge';
import { CORPUS_NOW, usernameOf, visitOrderOf, type CorpusLocale, type Scenario } from '../../support/real-pypi';
import { readCorpusPage } from './corpus-dom';

/**
 * What PyPI Guard's store holds after a user met every page of a scenario, in VISIT_ORDER, one
 * second apart and ending before CORPUS_NOW: the snapshots folded as the store folds them, the two-
 * factor sign-in step attributed to the account as the login form would have it, events stored once.
 */
export interface CorpusAccount {
  account: AccountRecord;
  events: StoredEvent[];
}

const pages = new Map<string, Promise<{ kind: PageKind; snapshot: AccountSnapshot | null }>>();

/**
 * A corpus page read as the content script reads it (seen at CORPUS_NOW), once per test file:
 * parsing PyPI's pages in happy-dom is most of these tests' time.
 */
export function corpusPage(scenario: Scenario, locale: CorpusLocale, file: string): Promise<{ kind: PageKind; snapshot: AccountSnapshot | null }> {
  const key = `${scenario}/${locale}/${file}`;
  let read = pages.get(key);
  if (!read) {
    read = readCorpusPage(scenario, locale, file, { now: CORPUS_NOW });
    pages.set(key, read);
  }
  return read;
}

/** The snapshots of a scenario's pages in one locale, in VISIT_ORDER, one second apart before CORPUS_NOW. */
export async function corpusSnapshots(scenario: Scenario, locale: CorpusLocale): Promise<(AccountSnapshot & { username: string })[]> {
  const files = visitOrderOf(scenario);
  const read: (AccountSnapshot & { username: string })[] = [];
  for (const [index, file] of files.entries()) {
    const { snapshot } = await corpusPage(scenario, locale, file);
    if (snapshot) read.push({ ...snapshot, seenAt: CORPUS_NOW - (files.length + 1 - index) * 1000, username: snapshot.username ?? usernameOf(scenario) });
  }
  return read;
}

/** Folds snapshots into a record and its stored events, as recordSnapshot does. */
export function foldSnapshots(list: readonly (AccountSnapshot & { username: string })[], readerVersion = 'test'): CorpusAccount {
  let account: AccountRecord | undefined;
  const events = new Map<string, StoredEvent>();
  for (const snapshot of list) {
    account = mergeSnapshot(account, snapshot, readerVersion);
    for (const event of snapshot.securityEvents ?? []) {
      const stored = toStoredEvent(accountIdOf(snapshot.host, snapshot.username), event, snapshot.seenAt);
      if (!events.has(stored.id)) events.set(stored.id, stored);
    }
  }
  if (!account) throw new Error('no snapshot to fold');
  return { account, events: [...events.values()].sort((a, b) => b.time - a.time) };
}

/** Each check's status for a stored account at CORPUS_NOW, with default settings. */
export function auditStatuses({ account, events }: CorpusAccount): Record<string, string> {
  return Object.fromEntries(runAudit({ account, history: summariseHistory(events, account.observed), settings: DEFAULT_SETTINGS }, CORPUS_NOW).results.map((result) => [result.id, result.status]));
}
