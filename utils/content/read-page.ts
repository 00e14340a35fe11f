import { pypiHostOf } from '../pypi/hosts';
import { detectPage, type PageKind } from '../pypi/pages';
import { historyOwnerOf, parsePage } from '../pypi/parse';
import { isEnglishDocument, newestEventTime } from '../pypi/parse/account-events';
import type { AccountSnapshot } from '../pypi/snapshot';
import type { Slicer } from '../dom/slices';
import { waitFor } from '../dom/wait-for';
import { PYPI_USERNAME } from '../schema-parts';
import { readHistoryInSlices } from './read-history';

/** The header's user menu is a client-side include; past this, the page is read without it. */
export const USER_MENU_TIMEOUT_MS = 5_000;
const USER_MENU = '#user-indicator a[href^="/user/"]';

/**
 * Signed-in pages that name the user only in the header's late user menu. Account settings names
 * the user in its own details section; signed-out pages never name one.
 */
const NEEDS_USER_MENU: PageKind[] = [
  'two-factor-settings', 'totp-provision', 'webauthn-provision', 'recovery-codes', 'recovery-codes-burn',
  'unverified-account', 'api-token', 'projects', 'profile', 'reauthenticate',
];

/** Pages with a part only English words can tell: history rows, mapped to event tags. */
const PAGES_READ_IN_ENGLISH: PageKind[] = ['account-settings', 'unverified-account'];

export interface ReadPageDeps {
  now: () => number;
  /** Same-origin GET of a path, returning the HTML, or null on any failure. */
  fetchHtml: (path: string) => Promise<string | null>;
  /**
   * The history's cursor for this account, from the background: rows before it are stored
   * (`AccountRecord.historyReadUpTo`). Undefined when nothing is stored or it cannot be asked.
   */
  historyCursor?: (username: string) => Promise<number | undefined>;
  signal?: AbortSignal;
  /**
   * Reads the page in slices (utils/dom/slices.ts): the page's parts between checkpoints, a long
   * security history a few hundred rows at a time. Without it, the page is read in one go.
   */
  slicer?: Slicer;
}

/**
 * Detects the PyPI page, waits for the late user menu where the page needs it to know whose
 * account it is, fetches the English copy when the history is in another language, and parses.
 */
export async function readAccountPage(url: URL, doc: Document, deps: ReadPageDeps): Promise<{ kind: PageKind; snapshot: AccountSnapshot | null }> {
  const host = pypiHostOf(url);
  const kind = detectPage(url, doc);
  if (!host || kind === 'other') return { kind, snapshot: null };

  if (NEEDS_USER_MENU.includes(kind)) {
    await waitFor(USER_MENU, { timeout: USER_MENU_TIMEOUT_MS, signal: deps.signal, root: doc });
  }
  if (!PAGES_READ_IN_ENGLISH.includes(kind)) {
    await deps.slicer?.checkpoint();
    return { kind, snapshot: parsePage(kind, doc, { host, seenAt: deps.now() }) };
  }

  // A long history is read once: later visits read only the rows added since (cheap for 10,000
  // rows), and fetch no English copy when there are none.
  const owner = historyOwnerOf(kind, doc);
  const storedUpTo = owner && deps.historyCursor ? await deps.historyCursor(owner).catch(() => undefined) : undefined;
  // Rows of the stored second itself are not read again: from another language without its copy
  // they would come back unmapped, as twins of the rows stored mapped. (History times are whole
  // seconds; a row PyPI added within that very second after the earlier read is the price.)
  const eventsAtOrAfter = storedUpTo === undefined ? undefined : storedUpTo + 1;
  const newest = newestEventTime(doc);
  const hasNewRows =
    newest === undefined ? doc.querySelector('section#account-events tbody tr') !== null : eventsAtOrAfter === undefined || newest >= eventsAtOrAfter;
  const englishDoc = await englishCopy(url, doc, deps, hasNewRows);
  if (!deps.slicer) return { kind, snapshot: parsePage(kind, doc, { host, seenAt: deps.now(), englishDoc, eventsAtOrAfter }) };

  // In slices: the page without its rows (no row is at or after +Infinity), then the rows.
  await deps.slicer.checkpoint();
  const snapshot = parsePage(kind, doc, { host, seenAt: deps.now(), englishDoc, eventsAtOrAfter: Number.POSITIVE_INFINITY });
  if (!snapshot?.securityEvents) return { kind, snapshot };
  const securityEvents = await readHistoryInSlices(englishDoc ?? doc, eventsAtOrAfter, deps.slicer).catch((error: unknown) => {
    if (deps.signal?.aborted) throw error;
    return undefined; // a history it cannot read yields no rows, not wrong ones (parsePage's rule)
  });
  if (securityEvents === undefined || 'missing' in securityEvents) {
    const { securityEvents: _unread, historyReadInEnglish: _unreadInEnglish, ...withoutHistory } = snapshot;
    if (securityEvents === undefined) return { kind, snapshot: withoutHistory };
    // Markers there, rows not understood: reported as parsePage reports it, never guessed.
    const unreadable = [...(snapshot.unreadable ?? []), { fact: 'securityEvents' as const, missing: securityEvents.missing }];
    return { kind, snapshot: { ...withoutHistory, unreadable } };
  }
  return { kind, snapshot: { ...snapshot, securityEvents: securityEvents.value } };
}

/**
 * PyPI picks the language of one request from `?_LOCALE_=xx` before its cookie (pypi-facts.md §8:
 * Pyramid's negotiator reads the request parameter first; only /locale/ sets the cookie), so this
 * GET returns the same page in English without changing the user's choice. Used only when the
 * page is not English and has history rows not stored yet; the copy must itself be English and
 * the same page.
 */
async function englishCopy(url: URL, doc: Document, deps: ReadPageDeps, hasNewRows: boolean): Promise<Document | undefined> {
  if (isEnglishDocument(doc)) return undefined;
  if (!hasNewRows) return undefined;
  const html = await deps.fetchHtml(`${url.pathname}?_LOCALE_=en`);
  if (!html) return undefined;
  const copy = new DOMParser().parseFromString(html, 'text/html');
  return isEnglishDocument(copy) && detectPage(url, copy) === detectPage(url, doc) ? copy : undefined;
}

/** The username typed in PyPI's login form (never the password), when it fits PyPI's rule. */
export function typedLoginUsername(form: HTMLFormElement): string | null {
  const value = form.querySelector<HTMLInputElement>('input[name="username"]')?.value.trim() ?? '';
  return PYPI_USERNAME.test(value) ? value : null;
}
