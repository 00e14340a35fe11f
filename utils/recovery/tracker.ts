import type { PypiHost } from '../pypi/hosts';
import type { PypiGuardDb } from '../store/schema';
import { accountIdOf, type RecoveryRequest, type RecoveryRequestStatus } from '../store/types';

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
  const example = 'It should look like https://github.com/pypi/support/issues/1234 — copy it from the address bar on your issue’s page.';
  if (!text) return { ok: false, message: `Paste the address of the issue you submitted. ${example}` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `That is not a web address. ${example}` };
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:' || (host !== 'github.com' && host !== 'www.github.com')) {
    return { ok: false, message: `That is not a GitHub address. ${example}` };
  }
  const segments = url.pathname.split('/').filter(Boolean);
  const [owner, repo, kind, number, ...rest] = segments;
  if (owner?.toLowerCase() !== 'pypi' || repo?.toLowerCase() !== 'support') {
    return { ok: false, message: `That issue is not in PyPI’s support repository (pypi/support). ${example}` };
  }
  if (kind === 'issues' && number === 'new') {
    return { ok: false, message: `That is the form for a new issue. Submit the form first, then copy the address of the issue it created. ${example}` };
  }
  if (kind !== 'issues' || !number || !/^[1-9][0-9]{0,9}$/.test(number) || rest.length > 0) {
    return { ok: false, message: `That is not the address of one issue. ${example}` };
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
    throw new TrackerError(`This request is ${request.status}; it cannot be marked ${to}.`);
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
  if (!name) throw new TrackerError('Type the username of the account first.');
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
    throw new TrackerError('That request is no longer tracked; it may have been removed.');
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
  if (request.status !== 'drafted') throw new TrackerError('Only a draft can be discarded; a submitted request is in PyPI’s queue.');
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
  if (tracked) throw new TrackerError(`That issue is already tracked for ${tracked.username} (${tracked.status}).`);
  const draft = await createDraft(db, host, username, now);
  return markSubmitted(db, draft.id, checked.url, now);
}
