import type { PypiHost } from '../pypi/hosts';
import type { PypiGuardDb } from '../store/schema';
import { accountIdOf, type RecoveryRequest, type RecoveryRequestStatus } from '../store/types';
import { joinSentences, t } from '../text/messages';

/**
 * The user's account-recovery requests to PyPI support, as they report them: drafted (the form was
 * opened), submitted (with the issue's address), answered, resolved. Nothing here talks to GitHub.
 * `submittedAt` is what the 14-day follow-up reminder (utils/reminders) counts from, so it is set
 * once, when the request is marked submitted, and never moved by later changes.
 */

export const SUPPORT_ISSUES_URL = 'https://github.com/pypi/support/issues/';

/** Statuses in which a request is waiting in PyPI's queue: another one for the account is a duplicate. */
export const OPEN_STATUSES: readonly RecoveryRequestStatus[] = ['submitted', 'answered'];

/** Which status may follow which. A draft can be discarded; a submitted request only moves forward. */
export const TRANSITIONS: Record<RecoveryRequestStatus, readonly RecoveryRequestStatus[]> = {
  drafted: ['submitted'],
  submitted: ['answered', 'resolved'],
  answered: ['resolved'],
  resolved: [],
};

export class TrackerError extends Error {
  override name = 'TrackerError';
}

export type IssueUrlCheck = { ok: true; url: string; number: number } | { ok: false; message: string };

/**
 * Accepts the address of an issue in pypi/support, as copied from the browser (a trailing slash,
 * a comment anchor or a query are dropped), and returns it in one canonical form.
 */
export function checkIssueUrl(typed: string): IssueUrlCheck {
  const text = typed.trim();
  const problem = (id: 'tracker_issue_empty' | 'tracker_issue_not_url' | 'tracker_issue_not_github' | 'tracker_issue_not_support' | 'tracker_issue_new_form' | 'tracker_issue_not_one') => ({
    ok: false as const,
    message: joinSentences([t(id), t('tracker_issue_example')]),
  });
  if (!text) return problem('tracker_issue_empty');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return problem('tracker_issue_not_url');
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:' || (host !== 'github.com' && host !== 'www.github.com')) {
    return problem('tracker_issue_not_github');
  }
  const segments = url.pathname.split('/').filter(Boolean);
  const [owner, repo, kind, number, ...rest] = segments;
  if (owner?.toLowerCase() !== 'pypi' || repo?.toLowerCase() !== 'support') {
    return problem('tracker_issue_not_support');
  }
  if (kind === 'issues' && number === 'new') {
    return problem('tracker_issue_new_form');
  }
  if (kind !== 'issues' || !number || !/^[1-9][0-9]{0,9}$/.test(number) || rest.length > 0) {
    return problem('tracker_issue_not_one');
  }
  return { ok: true, url: `${SUPPORT_ISSUES_URL}${number}`, number: Number(number) };
}

/** Pure: the request after a status change, or an error the user can act on. */
export function transition(
  request: RecoveryRequest,
  to: RecoveryRequestStatus,
  now: number,
  issueUrl?: string,
): RecoveryRequest {
  if (!TRANSITIONS[request.status].includes(to)) {
    throw new TrackerError(t('tracker_error_transition', { status: t(`tracker_status_${request.status}`) }));
  }
  const next: RecoveryRequest = { ...request, status: to, updatedAt: now };
  if (to === 'submitted') {
    const checked = checkIssueUrl(issueUrl ?? '');
    if (!checked.ok) throw new TrackerError(checked.message);
    next.issueUrl = checked.url;
    next.submittedAt = now;
  }
  return next;
}

function sameAccount(request: RecoveryRequest, host: PypiHost, username: string): boolean {
  return request.host === host && request.username.toLowerCase() === username.toLowerCase();
}

/** Pure: is this request for the account (usernames match without regard to case) and still in PyPI's queue? */
export function isOpenFor(request: RecoveryRequest, host: PypiHost, username: string): boolean {
  return sameAccount(request, host, username) && OPEN_STATUSES.includes(request.status);
}

/**
 * Pure: the account's requests in PyPI's queue other than `exceptId` — the request the user has just
 * filed from this page is theirs, not a duplicate of it.
 */
export function otherOpenRequests(requests: readonly RecoveryRequest[], host: PypiHost, username: string, exceptId?: string): RecoveryRequest[] {
  return requests.filter((request) => request.id !== exceptId && isOpenFor(request, host, username));
}

/** Every tracked request, newest first. */
export async function listRequests(db: PypiGuardDb): Promise<RecoveryRequest[]> {
  const requests = await db.getAll('recoveryRequests');
  return requests.sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
}

export async function getRequest(db: PypiGuardDb, id: string): Promise<RecoveryRequest | undefined> {
  return db.get('recoveryRequests', id);
}

/** The account's requests still in PyPI's queue (submitted or answered), newest first. */
export async function openRequestsFor(db: PypiGuardDb, host: PypiHost, username: string): Promise<RecoveryRequest[]> {
  return (await listRequests(db)).filter((request) => isOpenFor(request, host, username));
}

/** True when the account already has a request in PyPI's queue: a second one would be a duplicate. */
export async function hasOpenRequest(db: PypiGuardDb, host: PypiHost, username: string): Promise<boolean> {
  return (await openRequestsFor(db, host, username)).length > 0;
}

/**
 * Records that the user opened the form for this account. An existing draft for the account is
 * reused, so opening the form twice leaves one draft.
 */
export async function createDraft(db: PypiGuardDb, host: PypiHost, username: string, now: number): Promise<RecoveryRequest> {
  const name = username.trim();
  if (!name) throw new TrackerError(t('tracker_error_no_username'));
  const existing = (await listRequests(db)).find((request) => sameAccount(request, host, name) && request.status === 'drafted');
  if (existing) return existing;
  const request: RecoveryRequest = {
    id: `${accountIdOf(host, name)}@${now}`,
    host,
    username: name,
    status: 'drafted',
    createdAt: now,
    updatedAt: now,
  };
  await db.add('recoveryRequests', request);
  return request;
}

async function update(db: PypiGuardDb, id: string, to: RecoveryRequestStatus, now: number, issueUrl?: string): Promise<RecoveryRequest> {
  const tx = db.transaction('recoveryRequests', 'readwrite');
  const request = await tx.store.get(id);
  if (!request) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new TrackerError(t('tracker_error_gone'));
  }
  let next: RecoveryRequest;
  try {
    next = transition(request, to, now, issueUrl);
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** Marks a draft submitted with the issue's address (checked; see checkIssueUrl). */
export function markSubmitted(db: PypiGuardDb, id: string, issueUrl: string, now: number): Promise<RecoveryRequest> {
  return update(db, id, 'submitted', now, issueUrl);
}

export function markAnswered(db: PypiGuardDb, id: string, now: number): Promise<RecoveryRequest> {
  return update(db, id, 'answered', now);
}

export function markResolved(db: PypiGuardDb, id: string, now: number): Promise<RecoveryRequest> {
  return update(db, id, 'resolved', now);
}

/** Removes a draft the user did not submit. Submitted requests stay: they are in PyPI's queue. */
export async function discardDraft(db: PypiGuardDb, id: string): Promise<void> {
  const request = await db.get('recoveryRequests', id);
  if (!request) return;
  if (request.status !== 'drafted') throw new TrackerError(t('tracker_error_not_draft'));
  await db.delete('recoveryRequests', id);
}

/**
 * "I submitted it": marks the account's draft submitted, creating the draft first when the user
 * filed the form without opening it from here. Refuses an issue already tracked.
 */
export async function recordSubmission(db: PypiGuardDb, host: PypiHost, username: string, issueUrl: string, now: number): Promise<RecoveryRequest> {
  const checked = checkIssueUrl(issueUrl);
  if (!checked.ok) throw new TrackerError(checked.message);
  const tracked = (await listRequests(db)).find((request) => request.issueUrl === checked.url);
  if (tracked) throw new TrackerError(t('tracker_error_already_tracked', { username: tracked.username, status: t(`tracker_status_${tracked.status}`) }));
  const draft = await createDraft(db, host, username, now);
  return markSubmitted(db, draft.id, checked.url, now);
}
